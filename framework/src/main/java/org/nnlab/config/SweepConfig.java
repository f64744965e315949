package org.nnlab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigNode.Sequence;

/**
 * The {@code sweep:} block of a config: how to pick points (grid, random, halving), the axes keyed
 * by config key paths, the seeds per point, and how many trials may run at once.
 *
 * <pre>{@code
 * sweep:
 *   strategy: random            # grid (default) | random | halving
 *   trials: 8                   # random, and halving over ranges: how many points to draw
 *   parameters:
 *     training.learningRate: {min: 0.01, max: 1.0, log: true}
 *     network.layers[1]: [50, 100, 200]
 *   repeats: 2                  # seeds per point, reported as mean ± std; default 1
 *   parallelism: 2              # trials at once; default: the number of cores
 *   maxEpochs: 9                # halving only: the largest epoch budget; default 9
 *   choose: rule-clean          # any (default) | rule-clean: points without rule findings first
 * }</pre>
 *
 * <p>Read with {@link #parse(ConfigNode)}, which checks the block's own shape; whether each point
 * makes a valid experiment is for the sweep plan to check, point by point.
 *
 * @param parallelism trials at once, or empty for the number of cores
 * @param choose which points may be chosen as best (and promoted by halving); see {@link Choose}
 */
public record SweepConfig(
    Strategy strategy, List<Axis> axes, int trials, int repeats, OptionalInt parallelism, int maxEpochs,
    Choose choose, Position position) {

  /** How points are chosen. */
  public enum Strategy {
    /** Every combination of the axes' lists. */
    GRID,
    /** {@code trials} points drawn from the ranges (lists are drawn from uniformly). */
    RANDOM,
    /**
     * Successive halving with epochs as the budget: every point trains 1 epoch, the best third
     * goes on to 3, then 9, … up to {@code maxEpochs} (Jamieson &amp; Talwalkar 2016, with η = 3).
     */
    HALVING;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Which points a sweep may choose as its best, and halving may promote: {@code sweep.choose}.
   * The ranking itself is {@link org.nnlab.sweep.Ranking}'s.
   */
  public enum Choose {
    /** Any point: the best by choice accuracy (validation when held out, else test). The default. */
    ANY,
    /**
     * Points whose finished trials have no rule finding (warn or error, at any epoch) rank before
     * every point with findings, then by choice accuracy; when no point is clean, the best point
     * with findings is chosen and the report says so.
     */
    RULE_CLEAN;

    /** The YAML spelling: {@code any}, {@code rule-clean}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value spelled {@code id}, if there is one. */
    public static java.util.Optional<Choose> ofId(String id) {
      return java.util.Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
  }

  /** One swept config key and where it was written. */
  public sealed interface Axis {
    /** The config key path, e.g. {@code network.layers[1]}. */
    String key();

    /** Where the key was written in the sweep block. */
    Position position();
  }

  /** An axis with listed values, each positioned where it was written. */
  public record Values(String key, Position position, List<ConfigNode> values) implements Axis {
    public Values {
      values = List.copyOf(values);
    }
  }

  /**
   * An axis drawn from [min, max]: uniformly, or log-uniformly ({@code log: true}, so that 0.01–0.1
   * is as likely as 0.1–1), as reals or integers ({@code integer: true}).
   */
  public record Range(String key, Position position, double min, double max, boolean log, boolean integer)
      implements Axis {}

  /** The most trials a sweep may hold (points × repeats): each trains a network. */
  public static final int MAX_TRIALS = 10_000;
  /** The most trials a sweep may run at once. */
  public static final int MAX_PARALLELISM = 1_024;

  private static final List<String> KEYS =
      List.of("strategy", "parameters", "trials", "repeats", "parallelism", "maxEpochs", "choose");
  private static final List<String> CHOICES =
      java.util.Arrays.stream(Choose.values()).map(Choose::id).toList();
  private static final List<String> RANGE_KEYS = List.of("min", "max", "log", "integer");

  public SweepConfig {
    axes = List.copyOf(axes);
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(choose, "choose");
  }

  /** Whether the sweep draws points at random (a random strategy, or halving over ranges). */
  public boolean drawsPoints() {
    return strategy == Strategy.RANDOM
        || strategy == Strategy.HALVING && axes.stream().anyMatch(a -> a instanceof Range);
  }

  /**
   * Reads a {@code sweep:} node.
   *
   * @throws ConfigException naming every key of the block that is malformed, one per line
   */
  public static SweepConfig parse(ConfigNode node) {
    if (!(node instanceof Mapping m)) {
      throw new ConfigException(node.position() + ": sweep must be a map, found " + node.describe()
          + "; allowed: " + String.join(", ", KEYS));
    }
    List<String> problems = new ArrayList<>();
    for (ConfigNode.Entry e : m.entries()) {
      if (!KEYS.contains(e.key())) {
        problems.add(e.keyPosition() + ": sweep." + e.key() + " is not a key"
            + Suggestions.didYouMean(e.key(), KEYS) + "; allowed: " + String.join(", ", KEYS));
      }
    }
    Strategy strategy = Strategy.GRID;
    var s = m.get("strategy");
    if (s.isPresent()) {
      String text = s.get() instanceof Scalar sc ? sc.value() : "";
      try {
        strategy = Strategy.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        problems.add(s.get().position() + ": sweep.strategy is unknown, found " + s.get().describe()
            + "; allowed: grid, random, halving");
      }
    }
    Choose choose = Choose.ANY;
    var c = m.get("choose");
    if (c.isPresent()) {
      String text = c.get() instanceof Scalar sc ? sc.value() : "";
      var known = Choose.ofId(text);
      if (known.isPresent()) {
        choose = known.get();
      } else {
        problems.add(c.get().position() + ": sweep.choose is unknown, found " + c.get().describe()
            + Suggestions.didYouMean(text, CHOICES) + "; allowed: " + String.join(", ", CHOICES));
      }
    }
    int trials = intAt(m, "trials", 0, MAX_TRIALS, problems);
    int repeats = intAt(m, "repeats", 1, MAX_TRIALS, problems);
    int parallel = intAt(m, "parallelism", 0, MAX_PARALLELISM, problems);
    int maxEpochs = intAt(m, "maxEpochs", 9, TrainingConfig.MAX_EPOCHS, problems);
    List<Axis> axes = new ArrayList<>();
    var params = m.get("parameters");
    if (params.isEmpty() || !(params.get() instanceof Mapping pm) || pm.entries().isEmpty()) {
      problems.add((params.isPresent() ? params.get().position() : m.position())
          + ": sweep.parameters must be a map of config keys to lists or ranges, found "
          + params.map(ConfigNode::describe).orElse("nothing"));
    } else {
      for (ConfigNode.Entry e : pm.entries()) {
        Axis axis = axis(e, problems);
        if (axis != null) {
          axes.add(axis);
        }
      }
    }
    boolean ranges = axes.stream().anyMatch(a -> a instanceof Range);
    if (ranges && strategy == Strategy.GRID) {
      problems.add(m.position() + ": sweep.parameters has ranges but strategy is grid; "
          + "allowed: lists for grid, ranges with strategy random or halving");
    }
    boolean draws = strategy == Strategy.RANDOM || strategy == Strategy.HALVING && ranges;
    if (draws && m.get("trials").isEmpty()) {
      problems.add(m.position() + ": sweep.trials is missing; allowed: trials: N from 1 to " + MAX_TRIALS
          + " with strategy " + strategy.id() + " over ranges");
    }
    // counted before any point is made: a grid of many long axes must not be built to be refused
    long points = draws ? trials : 1;
    for (Axis a : draws ? List.<Axis>of() : axes) {
      if (a instanceof Values v) { // a range in a grid is a problem reported above
        points = Math.min(Long.MAX_VALUE / MAX_TRIALS, points * v.values().size());
      }
    }
    if (problems.isEmpty() && points * repeats > MAX_TRIALS) {
      problems.add(m.position() + ": sweep makes " + points + " point(s) × " + repeats + " repeat(s) = "
          + points * repeats + " trials; allowed: at most " + MAX_TRIALS);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return new SweepConfig(strategy, axes, trials, repeats,
        parallel == 0 ? OptionalInt.empty() : OptionalInt.of(parallel), maxEpochs, choose, m.position());
  }

  private static Axis axis(ConfigNode.Entry e, List<String> problems) {
    String path = "sweep.parameters." + e.key();
    String where = e.keyPosition() + ": " + path;
    if (e.value() instanceof Sequence list) {
      if (list.items().isEmpty()) {
        problems.add(where + " is an empty list; allowed: at least one value");
        return null;
      }
      int before = problems.size();
      for (int i = 0; i < list.items().size(); i++) {
        // a value needs a plain JSON form: results.jsonl stores it and the trial seeds come from it
        ConfigNode item = list.items().get(i);
        String itemPath = path + "[" + i + "]";
        collect(problems, () -> Scalars.plain(item, itemPath));
      }
      return problems.size() > before ? null : new Values(e.key(), e.keyPosition(), list.items());
    }
    if (e.value() instanceof Mapping range) {
      int before = problems.size();
      for (ConfigNode.Entry r : range.entries()) {
        if (!RANGE_KEYS.contains(r.key())) {
          problems.add(r.keyPosition() + ": " + path + "." + r.key() + " is not a key"
              + Suggestions.didYouMean(r.key(), RANGE_KEYS) + "; allowed: min, max, log, integer");
        }
      }
      double min = bound(range, "min", where, path, problems);
      double max = bound(range, "max", where, path, problems);
      boolean log = flag(range, "log", path, problems);
      boolean integer = flag(range, "integer", path, problems);
      if (problems.size() > before) {
        return null;
      }
      if (!(min <= max) || log && min <= 0) {
        problems.add(where + ": range must have min ≤ max" + (log ? " and min > 0 (log)" : "")
            + ", found min " + min + ", max " + max);
        return null;
      }
      if (integer && (Math.ceil(min) > Math.floor(max) || min < -Integer.MAX_VALUE || max > Integer.MAX_VALUE)) {
        problems.add(where + ": an integer range must hold an integer and lie within ±" + Integer.MAX_VALUE
            + ", found min " + min + ", max " + max);
        return null;
      }
      return new Range(e.key(), e.keyPosition(), min, max, log, integer);
    }
    problems.add(where + " must be a list of values or a range {min, max, log, integer}, found "
        + e.value().describe());
    return null;
  }

  private static double bound(Mapping range, String key, String where, String path, List<String> problems) {
    var n = range.get(key);
    if (n.isEmpty()) {
      problems.add(where + "." + key + " must be a finite number, found nothing");
      return Double.NaN;
    }
    Double value = collect(problems, () -> Scalars.number(n.get(), path + "." + key));
    return value == null ? Double.NaN : value;
  }

  private static boolean flag(Mapping range, String key, String path, List<String> problems) {
    var n = range.get(key);
    return n.isPresent() && Boolean.TRUE.equals(collect(problems, () -> Scalars.bool(n.get(), path + "." + key)));
  }

  /** An integer from 1 to {@code max}, or {@code fallback} when absent or wrong (then a problem is added). */
  private static int intAt(Mapping m, String key, int fallback, int max, List<String> problems) {
    var n = m.get(key);
    if (n.isEmpty()) {
      return fallback;
    }
    Integer v = collect(problems, () -> Scalars.intValue(n.get(), "sweep." + key));
    if (v != null && (v < 1 || v > max)) {
      problems.add(n.get().position() + ": sweep." + key + " must be an integer from 1 to " + max
          + ", found " + n.get().describe());
    }
    return v == null || v < 1 || v > max ? fallback : v;
  }

  /** The value {@code read} gives, or null with its error added to {@code problems}. */
  private static <T> T collect(List<String> problems, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
