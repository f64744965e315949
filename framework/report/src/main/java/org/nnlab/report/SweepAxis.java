package org.nnlab.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One swept parameter as the charts see it: its key, whether its values are numbers (and, if so,
 * whether they span more than a decade, so the axis is drawn on a log scale), its distinct values,
 * and the bins that {@link Importance} and the heat map group trials by.
 *
 * <pre>{@code
 * SweepAxis lr = SweepAxis.of("training.learningRate", List.of(0.01, 0.1, 0.3));
 * lr.log();            // true: 0.3 / 0.01 > 10
 * lr.bin(0.1);         // 1: each of a few distinct values is its own bin
 * }</pre>
 *
 * <p>Bins: each distinct value is a bin when there are at most {@link #MAX_BINS}; otherwise a
 * numeric axis is cut into equal-count (quantile) bins, √n of them for n values, between 2 and
 * {@link #MAX_BINS}, so every bin has enough trials for its mean to mean something. Immutable.
 */
public record SweepAxis(String key, boolean numeric, boolean log, List<Object> values, List<Double> edges) {
  /** The most bins an axis is cut into. */
  public static final int MAX_BINS = 10;

  public SweepAxis {
    values = List.copyOf(values);
    edges = List.copyOf(edges);
  }

  /** The axis of {@code key} over the values the trials took (one per trial, repeats included). */
  public static SweepAxis of(String key, Collection<?> taken) {
    List<Object> present = taken.stream().filter(v -> v != null).map(v -> (Object) v).toList();
    boolean numeric = !present.isEmpty() && present.stream().allMatch(v -> v instanceof Number);
    TreeSet<Object> distinct = new TreeSet<>(SweepAxis::compare);
    distinct.addAll(present);
    List<Object> values = new ArrayList<>(distinct);
    boolean log = false;
    List<Double> edges = List.of();
    if (numeric) {
      double min = ((Number) values.get(0)).doubleValue();
      double max = ((Number) values.get(values.size() - 1)).doubleValue();
      log = min > 0 && max / min > 10;
      if (values.size() > MAX_BINS) {
        edges = quantileEdges(present.stream().map(v -> ((Number) v).doubleValue()).sorted().toList());
      }
    }
    return new SweepAxis(key, numeric, log, values, edges);
  }

  /**
   * Upper edges of equal-count bins over {@code sorted}: bin i holds the values ≤ edges[i] (and above
   * the edge before); the last bin takes the rest.
   */
  private static List<Double> quantileEdges(List<Double> sorted) {
    int n = sorted.size();
    int bins = Math.max(2, Math.min(MAX_BINS, (int) Math.floor(Math.sqrt(n))));
    List<Double> edges = new ArrayList<>();
    for (int b = 1; b < bins; b++) {
      double edge = sorted.get(Math.min(n - 1, (int) Math.ceil(b * n / (double) bins) - 1));
      if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
        edges.add(edge);
      }
    }
    return edges;
  }

  /** Whether each distinct value is a bin of its own. */
  public boolean discrete() {
    return edges.isEmpty();
  }

  /** How many bins the axis has. */
  public int bins() {
    return discrete() ? values.size() : edges.size() + 1;
  }

  /** The bin {@code value} falls in, 0-based; -1 when the axis never took it. */
  public int bin(Object value) {
    if (discrete()) {
      for (int i = 0; i < values.size(); i++) {
        if (compare(values.get(i), value) == 0) {
          return i;
        }
      }
      return -1;
    }
    double x = ((Number) value).doubleValue();
    for (int i = 0; i < edges.size(); i++) {
      if (x <= edges.get(i)) {
        return i;
      }
    }
    return edges.size();
  }

  /** Each bin's label: the value, or the range of values it holds ({@code 0.01–0.034}). */
  public List<String> binLabels() {
    if (discrete()) {
      return values.stream().map(SweepSummary::text).toList();
    }
    List<String> labels = new ArrayList<>();
    double lo = ((Number) values.get(0)).doubleValue();
    for (int i = 0; i <= edges.size(); i++) {
      double hi = i < edges.size() ? edges.get(i) : ((Number) values.get(values.size() - 1)).doubleValue();
      labels.add(number(lo) + "–" + number(hi));
      final double edge = hi;
      lo = values.stream().map(v -> ((Number) v).doubleValue()).filter(v -> v > edge).findFirst().orElse(hi);
    }
    return labels;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }

  /** Numbers by value, anything else by its text; numbers first. */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Number) {
      return -1;
    }
    if (b instanceof Number) {
      return 1;
    }
    return Comparator.<String>naturalOrder().compare(SweepSummary.text(a), SweepSummary.text(b));
  }
}
