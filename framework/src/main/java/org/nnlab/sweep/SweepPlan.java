package org.nnlab.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigNode;
import org.nnlab.config.ConfigNode.Kind;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkSize;
import org.nnlab.config.Scalars;
import org.nnlab.config.SweepConfig;
import org.nnlab.config.SweepConfig.Axis;
import org.nnlab.config.SweepConfig.Range;
import org.nnlab.config.SweepConfig.Strategy;
import org.nnlab.config.SweepConfig.Values;
import org.nnlab.rules.Finding;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleContext;
import org.nnlab.rules.RuleException;

/**
 * The points of a sweep and the config of each trial, before anything trains.
 *
 * <pre>{@code
 * SweepPlan plan = SweepPlan.of(loader.document(Path.of("configs/sweeps/learning-rate.yaml")));
 * plan.validate(ruleBook);              // every offending point, or nothing (plan.check: every finding)
 * for (Trial t : plan.trials()) { ExperimentConfig c = plan.configOf(t); … }
 * }</pre>
 *
 * <p>Grid: every combination of the lists, the last axis varying fastest. Random: {@code trials}
 * points drawn from one {@code SplittableRandom(seed)}; a range is uniform on [min, max], or
 * log-uniform (uniform in ln x) with {@code log: true}; integers are drawn uniformly among the
 * integers of the range (log: rounded). Halving: {@link #trials()} is its first rung at 1 epoch;
 * {@link SweepRunner} picks the next rungs from the results; a halving trial's seed ignores its
 * epochs, so each rung of a point's repeat trains the same seed. Immutable.
 */
public final class SweepPlan {
  /** The key halving sets on every trial: its epoch budget. */
  public static final String EPOCHS_KEY = "training.epochs";

  private final ConfigDocument document;
  private final SweepConfig sweep;
  private final ExperimentConfig base;
  private final List<SweepPoint> points;

  private SweepPlan(ConfigDocument document, SweepConfig sweep, ExperimentConfig base, List<SweepPoint> points) {
    this.document = document;
    this.sweep = sweep;
    this.base = base;
    this.points = List.copyOf(points);
  }

  /**
   * The plan of {@code document}'s {@code sweep:} block.
   *
   * @throws ConfigException when there is no sweep block, the block is malformed, or the base config is
   */
  public static SweepPlan of(ConfigDocument document) {
    ConfigNode node = document.sweepNode().orElseThrow(() -> new ConfigException(
        document.root().position() + ": no sweep block; allowed: a config with sweep: {strategy, parameters, …}"));
    SweepConfig sweep = SweepConfig.parse(node);
    ExperimentConfig base = document.bind();
    return new SweepPlan(document, sweep, base, points(sweep, base.seed()));
  }

  public SweepConfig sweep() {
    return sweep;
  }

  /** The config without any sweep value: its name and seed are the sweep's. */
  public ExperimentConfig base() {
    return base;
  }

  /** The distinct points, in plan order. */
  public List<SweepPoint> points() {
    return points;
  }

  /** Trials to run: each point × repeats (for halving: the first rung, at 1 epoch). */
  public List<Trial> trials() {
    return trialsOf(sweep.strategy() == Strategy.HALVING ? atEpochs(points, 1) : points);
  }

  /** Grid and random: points × repeats. Halving: its first rung's size. */
  public int size() {
    return points.size() * sweep.repeats();
  }

  List<Trial> trialsOf(List<SweepPoint> pointsToRun) {
    List<Trial> trials = new ArrayList<>();
    for (SweepPoint p : pointsToRun) {
      for (int r = 0; r < sweep.repeats(); r++) {
        trials.add(sweep.strategy() == Strategy.HALVING
            ? Trial.ofBudgeted(base.seed(), p, r, EPOCHS_KEY) : Trial.of(base.seed(), p, r));
      }
    }
    return trials;
  }

  static List<SweepPoint> atEpochs(List<SweepPoint> points, int epochs) {
    return points.stream()
        .map(p -> p.with(EPOCHS_KEY, new Scalar(Integer.toString(epochs), Kind.INT,
            p.nodes().values().iterator().next().position())))
        .toList();
  }

  /** The trial's config: the document with the point's values set, bound, with the trial's seed. */
  public ExperimentConfig configOf(Trial trial) {
    ConfigDocument d = document;
    for (var e : trial.point().nodes().entrySet()) {
      d = d.withOverride(e.getKey(), e.getValue());
    }
    return d.bind().withSeed(trial.seed());
  }

  /**
   * Checks every point before anything trains: that its values bind (known keys, right types),
   * and what the CONFIG-phase rules find there. A halving sweep's points are checked at its
   * {@code maxEpochs}.
   *
   * @return one entry per point, in plan order, with every finding (warnings too)
   * @throws ConfigException when a point's values do not bind, listing every offending point, one
   *     per line (the points that bind but break a rule too)
   */
  public List<PointFindings> check(RuleBook rules) {
    List<String> problems = new ArrayList<>();
    if (sweep.strategy() == Strategy.HALVING) {
      sweep.axes().stream().filter(a -> a.key().equals(EPOCHS_KEY)).forEach(a -> problems.add(a.position()
          + ": sweep.parameters." + EPOCHS_KEY + " cannot be swept by halving, which sets the epochs itself"));
    }
    List<SweepPoint> toCheck = sweep.strategy() == Strategy.HALVING
        ? atEpochs(points, sweep.maxEpochs()) : points;
    List<PointFindings> checked = new ArrayList<>();
    boolean unbound = !problems.isEmpty();
    for (SweepPoint p : toCheck) {
      try {
        ExperimentConfig c = configOf(Trial.of(base.seed(), p, 0));
        NetworkSize.requireFits(c);
        PointFindings found = new PointFindings(p, whereOf(p), rules.check(RuleContext.ofConfig(c)));
        checked.add(found);
        found.errors().forEach(f -> problems.add(found.describe(f.toString())));
      } catch (ConfigException | IllegalArgumentException e) {
        unbound = true;
        problems.add(new PointFindings(p, whereOf(p), List.of())
            .describe(e.getMessage().replaceFirst("^--set [^:]+: ", "")));
      }
    }
    if (unbound) {
      throw new ConfigException(invalid(problems));
    }
    return checked;
  }

  /**
   * {@link #check}, refusing a sweep with a point that breaks a rule at {@code error} severity.
   *
   * @throws ConfigException when a point's values do not bind
   * @throws RuleException listing every offending point, one per line, with its findings
   */
  public void validate(RuleBook rules) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Finding>> errors = new LinkedHashMap<>();
    for (PointFindings p : check(rules)) {
      if (p.hasErrors()) {
        errors.put("{" + p.point().label() + "}", p.errors());
        p.errors().forEach(f -> problems.add(p.describe(f.toString())));
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleException(invalid(problems), errors);
    }
  }

  private static String invalid(List<String> problems) {
    return "the sweep is invalid, " + problems.size() + " offending point(s):\n  " + String.join("\n  ", problems);
  }

  private static String whereOf(SweepPoint p) {
    return p.nodes().values().iterator().next().position().toString();
  }

  // ---- point generation

  private static List<SweepPoint> points(SweepConfig sweep, long seed) {
    if (!sweep.drawsPoints()) {
      List<SweepPoint> grid = List.of(SweepPoint.EMPTY);
      for (Axis axis : sweep.axes()) {
        List<SweepPoint> next = new ArrayList<>();
        for (SweepPoint p : grid) {
          for (ConfigNode v : ((Values) axis).values()) {
            next.add(p.with(axis.key(), v));
          }
        }
        grid = next;
      }
      return grid;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<SweepPoint> drawn = new ArrayList<>();
    for (int i = 0; i < sweep.trials(); i++) {
      SweepPoint p = SweepPoint.EMPTY;
      for (Axis axis : sweep.axes()) {
        p = p.with(axis.key(), draw(axis, rng));
      }
      drawn.add(p);
    }
    return drawn;
  }

  private static ConfigNode draw(Axis axis, SplittableRandom rng) {
    if (axis instanceof Values v) {
      return v.values().get(rng.nextInt(v.values().size()));
    }
    Range r = (Range) axis;
    double x;
    if (r.log()) {
      x = Math.exp(Math.log(r.min()) + rng.nextDouble() * (Math.log(r.max()) - Math.log(r.min())));
    } else {
      x = r.min() + rng.nextDouble() * (r.max() - r.min());
    }
    if (r.integer()) {
      long lo = (long) Math.ceil(r.min());
      long hi = (long) Math.floor(r.max());
      long n = r.log() ? Math.round(x) : lo + rng.nextLong(hi - lo + 1);
      n = Math.max(lo, Math.min(hi, n));
      return new Scalar(Long.toString(n), Kind.INT, r.position());
    }
    // four significant digits read well in reports; clamp so rounding cannot leave the range
    double rounded = new BigDecimal(x).round(new MathContext(4)).doubleValue();
    rounded = Math.max(r.min(), Math.min(r.max(), rounded));
    return new Scalar(Scalars.yaml(rounded), Kind.FLOAT, r.position());
  }
}
