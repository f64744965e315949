package org.nnlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.TrialResult;

/**
 * A sweep's trials gathered by point: accuracy mean ± std over each point's repeats, each axis's
 * marginal accuracy (all trials with that value), the best point (by validation accuracy when the
 * trials hold training samples out, {@link #byValidation}; else by test accuracy; with
 * {@code sweep.choose: rule-clean}, the best of the points without rule findings, {@link #ranking}),
 * and what kind of search the trials lay out ({@link Search}). Computed apart from rendering, from
 * the trials and the sweep's ranking alone; only {@link #finishOrder()} depends on the order trials
 * finished (the order they were given in).
 */
public final class SweepSummary {
  private final String name;
  private final List<String> axes;
  private final List<PointStats> points;
  private final List<TrialResult> trials;
  private final List<TrialResult> finishOrder;
  private final boolean halving;
  private final List<Integer> heldOut;
  private final Ranking ranking;

  /**
   * How the trials lie in parameter space, which decides the charts that fit them: a grid (every
   * combination of a few values per parameter: lines with error bars), scattered points (random
   * search: scatter, heat map, importance), or successive halving's rungs.
   */
  public enum Search {
    /** Every combination of at most {@link #GRID_VALUES} values per parameter. */
    GRID,
    /** Anything else: points drawn at random. */
    RANDOM,
    /**
     * Successive halving: {@code training.epochs} is swept and some point's repeat trains at several
     * epoch budgets with one seed (halving's seed ignores the epochs, see {@link org.nnlab.sweep.Trial}).
     */
    HALVING;

    /** The most distinct values a parameter of a grid has. */
    public static final int GRID_VALUES = 24;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One point and its repeats.
   *
   * @param accuracy test accuracy over the repeats
   * @param validation accuracy on the held-out training samples ({@code data.validation}) over the
   *     repeats; n = 0 when the trials hold none out
   */
  public record PointStats(Map<String, Object> parameters, Stat accuracy, Stat validation, List<TrialResult> trials) {
    /** A point whose trials hold no samples out. */
    public PointStats(Map<String, Object> parameters, Stat accuracy, List<TrialResult> trials) {
      this(parameters, accuracy, Stat.of("", Double.NaN, List.of()), trials);
    }

    /** {@code key=value, …}. */
    public String label() {
      List<String> parts = new ArrayList<>();
      parameters.forEach((k, v) -> parts.add(k + "=" + text(v)));
      return String.join(", ", parts);
    }
  }

  private SweepSummary(String name, List<String> axes, List<PointStats> points, List<TrialResult> trials,
      List<TrialResult> finishOrder, Ranking ranking) {
    this.name = name;
    this.ranking = ranking;
    this.axes = axes;
    this.points = points;
    this.trials = trials;
    this.finishOrder = finishOrder;
    this.halving = halving(axes, trials);
    this.heldOut = trials.stream().filter(t -> t.result().validation() != null)
        .map(t -> t.result().validation().samples()).distinct().sorted().toList();
  }

  /** Gathers {@code trials} (at least one), given in the order they finished ({@code results.jsonl}'s), ranked by choice accuracy alone. */
  public static SweepSummary of(List<TrialResult> trials) {
    return of(trials, Ranking.ANY);
  }

  /** As {@link #of(List)}, choosing the best point as {@code ranking} says ({@code sweep.choose}). */
  public static SweepSummary of(List<TrialResult> trials, Ranking ranking) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("a sweep summary needs at least one trial");
    }
    Set<String> axes = new LinkedHashSet<>();
    trials.forEach(t -> axes.addAll(t.parameters().keySet()));
    List<String> axisList = List.copyOf(axes);
    Comparator<Map<String, Object>> byValues = (a, b) -> {
      for (String k : axisList) {
        int c = compareValues(a.get(k), b.get(k));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    List<TrialResult> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparing(TrialResult::parameters, byValues).thenComparingInt(TrialResult::repeat)
        .thenComparing(TrialResult::trial));
    Map<Map<String, Object>, List<TrialResult>> groups = new LinkedHashMap<>();
    sorted.forEach(t -> groups.computeIfAbsent(t.parameters(), k -> new ArrayList<>()).add(t));
    List<PointStats> points = new ArrayList<>();
    groups.forEach((params, ts) -> points.add(new PointStats(params,
        Stat.of(params.toString(), Double.NaN, ts.stream().map(t -> t.result().accuracy()).toList()),
        Stat.of(params.toString(), Double.NaN, ts.stream().filter(t -> t.result().validation() != null)
            .map(t -> t.result().validation().accuracy()).toList()), ts)));
    return new SweepSummary(trials.get(0).result().name(), axisList, points, sorted, List.copyOf(trials), ranking);
  }

  public String name() {
    return name;
  }

  /** The swept keys, in the order the sweep declares them. */
  public List<String> axes() {
    return axes;
  }

  /** Every point, ordered by its values axis by axis. */
  public List<PointStats> points() {
    return points;
  }

  /** Every trial, in point order then repeat. */
  public List<TrialResult> trials() {
    return trials;
  }

  /** Every trial in the order it finished. */
  public List<TrialResult> finishOrder() {
    return finishOrder;
  }

  /**
   * The training samples the trials held out to choose by ({@code data.validation}), each count
   * once, smallest first; empty when they held none out and points are chosen by test accuracy.
   */
  public List<Integer> heldOut() {
    return heldOut;
  }

  /** Whether points are chosen by validation accuracy (the trials hold samples out), not by test accuracy. */
  public boolean byValidation() {
    return !heldOut().isEmpty();
  }

  /** The accuracy points are chosen by: validation ({@link #byValidation}) or else test accuracy. */
  public Stat choice(PointStats p) {
    return byValidation() ? p.validation() : p.accuracy();
  }

  /** How the best point is chosen: {@code sweep.choose} as the sweep's folder records it. */
  public Ranking ranking() {
    return ranking;
  }

  /** Whether none of the point's trials has a rule finding (warn or error, at any epoch). */
  public static boolean clean(PointStats p) {
    return Ranking.clean(p.trials());
  }

  /**
   * The points by {@link #ranking} (under rule-clean, clean points first), then by mean choice
   * accuracy ({@link #choice}), best first (NaN last; ties in point order).
   */
  public List<PointStats> ranked() {
    return points.stream().sorted(ranking.bestFirst(SweepSummary::clean, this::score)).toList();
  }

  /**
   * Under rule-clean, the points with rule findings whose mean choice accuracy beats the chosen
   * clean point's: those the choice passed over, best first. Empty with the default ranking, and
   * when no point is clean (the best point, with findings, is chosen).
   */
  public List<PointStats> passedOver() {
    PointStats best = best();
    if (!ranking.ruleClean() || !clean(best)) {
      return List.of();
    }
    return ranked().stream().filter(p -> !clean(p) && score(p) > score(best)).toList();
  }

  /** How many of {@code points} have a finding of each rule, rules in first-met order: {@code saturation → 3}. */
  public static Map<String, Integer> rulesOf(List<PointStats> points) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PointStats p : points) {
      p.trials().stream().flatMap(t -> Ranking.rulesFound(t.result()).stream()).distinct()
          .forEach(rule -> counts.merge(rule, 1, Integer::sum));
    }
    return counts;
  }

  /** What kind of search the trials lay out. */
  public Search search() {
    if (halving) {
      return Search.HALVING;
    }
    long product = 1;
    for (SweepAxis a : searchAxes()) {
      if (a.values().size() > Search.GRID_VALUES) {
        return Search.RANDOM;
      }
      product *= a.values().size();
    }
    return product == points.size() ? Search.GRID : Search.RANDOM;
  }

  /**
   * Whether some point's repeat trained at several epoch budgets with one seed: only halving's
   * trials do (its seed ignores the epochs); a grid over epochs gives each budget its own seed.
   */
  private static boolean halving(List<String> axes, List<TrialResult> trials) {
    if (!axes.contains(SweepPlan.EPOCHS_KEY)) {
      return false;
    }
    Map<String, Set<Object>> budgets = new LinkedHashMap<>();
    Map<String, Set<Long>> seeds = new LinkedHashMap<>();
    for (TrialResult t : trials) {
      String line = lineOf(t);
      budgets.computeIfAbsent(line, k -> new java.util.HashSet<>()).add(t.parameters().get(SweepPlan.EPOCHS_KEY));
      seeds.computeIfAbsent(line, k -> new java.util.HashSet<>()).add(t.seed());
    }
    return budgets.keySet().stream().anyMatch(l -> budgets.get(l).size() > 1 && seeds.get(l).size() == 1);
  }

  /** A trial's point without halving's epoch budget, and its repeat: the same across rungs. */
  static String lineOf(TrialResult t) {
    Map<String, Object> p = new LinkedHashMap<>(t.parameters());
    p.remove(SweepPlan.EPOCHS_KEY);
    return ResultsJson.toJsonLine(p) + "#" + t.repeat();
  }

  /** The swept parameters a search chooses (for halving, without the epochs it sets itself), as chart axes. */
  public List<SweepAxis> searchAxes() {
    List<TrialResult> sample = searchTrials();
    List<SweepAxis> list = new ArrayList<>();
    for (String key : axes) {
      if (!(halving && key.equals(SweepPlan.EPOCHS_KEY))) {
        list.add(SweepAxis.of(key, sample.stream().map(t -> t.parameters().get(key)).toList()));
      }
    }
    return list;
  }

  /**
   * The trials that compare points at an equal budget, in the order they finished: all of them, or
   * for halving its first rung (every point at the fewest epochs).
   */
  public List<TrialResult> searchTrials() {
    if (!halving) {
      return finishOrder;
    }
    double fewest = trials.stream().mapToDouble(SweepSummary::epochsOf).min().orElse(0);
    return finishOrder.stream().filter(t -> epochsOf(t) == fewest).toList();
  }

  static double epochsOf(TrialResult t) {
    return t.parameters().get(SweepPlan.EPOCHS_KEY) instanceof Number n ? n.doubleValue() : 0;
  }

  /**
   * The point with the highest mean choice accuracy ({@link #choice}; the first such on ties; NaN
   * means lose); under rule-clean, the best clean point, or the best point when none is clean.
   */
  public PointStats best() {
    return ranking.best(points, SweepSummary::clean, this::score);
  }

  /** The best point's best repeat (under rule-clean, a clean repeat first): its config is the one to run again. */
  public TrialResult bestTrial() {
    return ranking.best(best().trials(), Ranking::clean, t -> t.result().choiceAccuracy());
  }

  /** Accuracy for each value of {@code axis}, over every trial with that value. */
  public List<Stat> byAxis(String axis) {
    Map<Object, List<Double>> values = new LinkedHashMap<>();
    for (TrialResult t : trials) {
      values.computeIfAbsent(t.parameters().get(axis), k -> new ArrayList<>()).add(t.result().accuracy());
    }
    List<Object> keys = new ArrayList<>(values.keySet());
    keys.sort(SweepSummary::compareValues);
    List<Stat> stats = new ArrayList<>();
    for (Object k : keys) {
      stats.add(Stat.of(text(k), k instanceof Number n ? n.doubleValue() : Double.NaN, values.get(k)));
    }
    return stats;
  }

  private double score(PointStats p) {
    double mean = choice(p).mean();
    return Double.isNaN(mean) ? -1 : mean;
  }

  /** A value as written in tables and charts: numbers plainly, the rest as compact JSON. */
  public static String text(Object v) {
    return v instanceof String s ? s : ResultsJson.toJsonLine(v);
  }

  private static int compareValues(Object a, Object b) {
    return Objects.equals(a, b) ? 0 : SweepAxis.compare(a, b);
  }
}
