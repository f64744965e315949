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
import org.nnlab.sweep.TrialResult;

/**
 * A sweep's trials gathered by point: accuracy mean ± std over each point's repeats, each axis's
 * marginal accuracy (all trials with that value), and the best point. Computed apart from rendering,
 * from the trials alone, in an order that does not depend on the order trials finished.
 */
public final class SweepSummary {
  private final String name;
  private final List<String> axes;
  private final List<PointStats> points;
  private final List<TrialResult> trials;

  /** One point and its repeats. */
  public record PointStats(Map<String, Object> parameters, Stat accuracy, List<TrialResult> trials) {
    /** {@code key=value, …}. */
    public String label() {
      List<String> parts = new ArrayList<>();
      parameters.forEach((k, v) -> parts.add(k + "=" + text(v)));
      return String.join(", ", parts);
    }
  }

  private SweepSummary(String name, List<String> axes, List<PointStats> points, List<TrialResult> trials) {
    this.name = name;
    this.axes = axes;
    this.points = points;
    this.trials = trials;
  }

  /** Gathers {@code trials} (at least one). */
  public static SweepSummary of(List<TrialResult> trials) {
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
        Stat.of(params.toString(), Double.NaN, ts.stream().map(t -> t.result().accuracy()).toList()), ts)));
    return new SweepSummary(trials.get(0).result().name(), axisList, points, sorted);
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

  /** The point with the highest mean accuracy (the first such on ties); NaN means lose. */
  public PointStats best() {
    PointStats best = points.get(0);
    for (PointStats p : points) {
      if (score(p) > score(best)) {
        best = p;
      }
    }
    return best;
  }

  /** The best point's best repeat: its config is the one to run again. */
  public TrialResult bestTrial() {
    return best().trials().stream()
        .max(Comparator.comparingDouble(t -> Double.isNaN(t.result().accuracy()) ? -1 : t.result().accuracy()))
        .orElseThrow();
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

  private static double score(PointStats p) {
    return Double.isNaN(p.accuracy().mean()) ? -1 : p.accuracy().mean();
  }

  /** A value as written in tables and charts: numbers plainly, the rest as compact JSON. */
  public static String text(Object v) {
    return v instanceof String s ? s : ResultsJson.toJsonLine(v);
  }

  private static int compareValues(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (Objects.equals(a, b)) {
      return 0;
    }
    return text(a).compareTo(text(b));
  }
}
