package org.nnlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.TrialResult;

/**
 * The figures behind a sweep page's charts, computed here once so that the page only draws them:
 * per-parameter lines with error bars (grids), the trials as points in parameter space (scatter,
 * parallel coordinates), a two-parameter heat map of mean accuracy, the best accuracy so far over
 * the trials in the order they finished, and halving's rungs. Plain maps and lists, ready for JSON.
 */
final class SweepViews {
  /** The most series a grid's line chart splits into (one per value of the second parameter). */
  static final int MAX_SERIES = 8;

  private SweepViews() {}

  /**
   * For each parameter of a grid, accuracy against it: one line per value of the most important
   * other parameter when it has at most {@link #MAX_SERIES} values, else one line over all trials;
   * each point is the mean ± std of its trials.
   */
  static List<Map<String, Object>> gridLines(SweepSummary s, List<SweepAxis> axes, List<String> byImportance) {
    List<Map<String, Object>> charts = new ArrayList<>();
    for (SweepAxis axis : axes) {
      SweepAxis split = byImportance.stream().filter(k -> !k.equals(axis.key()))
          .map(k -> axes.stream().filter(a -> a.key().equals(k)).findFirst().orElseThrow())
          .filter(a -> a.values().size() <= MAX_SERIES).findFirst().orElse(null);
      List<Map<String, Object>> series = new ArrayList<>();
      if (split == null) {
        series.add(series(null, s.byAxis(axis.key())));
      } else {
        for (Object v : split.values()) {
          List<TrialResult> these = s.trials().stream()
              .filter(t -> SweepAxis.compare(t.parameters().get(split.key()), v) == 0).toList();
          series.add(series(split.key() + "=" + SweepSummary.text(v), SweepSummary.of(these).byAxis(axis.key())));
        }
      }
      boolean exact = axes.size() == 1 || axes.size() == 2 && split != null;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("axis", axis.key());
      c.put("title", "Test accuracy vs " + axis.key());
      c.put("numeric", axis.numeric());
      c.put("log", axis.log());
      c.put("note", exact ? "mean ± std over seeds" : "mean ± std over seeds and the other parameters");
      c.put("series", series);
      charts.add(c);
    }
    return charts;
  }

  private static Map<String, Object> series(String name, List<Stat> stats) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (Stat st : stats) {
      points.add(stat(st));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("points", points);
    return m;
  }

  static Map<String, Object> stat(Stat st) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("label", st.label());
    p.put("x", Double.isNaN(st.x()) ? null : st.x());
    p.put("mean", st.mean());
    p.put("std", st.n() > 1 ? st.std() : null);
    p.put("n", st.n());
    return p;
  }

  /**
   * The trials as rows {@code [value of each axis…, accuracy, finish order]}, numbers as numbers and
   * other values as their text: what the scatter and parallel-coordinates charts plot.
   */
  static List<List<Object>> samples(List<SweepAxis> axes, List<TrialResult> trials, List<TrialResult> finishOrder) {
    Map<TrialResult, Integer> order = new java.util.IdentityHashMap<>();
    for (TrialResult t : finishOrder) {
      order.put(t, order.size() + 1);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (TrialResult t : trials) {
      List<Object> row = new ArrayList<>();
      for (SweepAxis a : axes) {
        Object v = t.parameters().get(a.key());
        row.add(v instanceof Number ? v : v == null ? null : SweepSummary.text(v));
      }
      row.add(t.result().accuracy());
      row.add(order.get(t));
      rows.add(row);
    }
    return rows;
  }

  /** Mean accuracy in each cell of {@code x}'s bins × {@code y}'s bins: {@code [i, j, mean, n]}, empty cells left out. */
  static Map<String, Object> heatmap(SweepAxis x, SweepAxis y, List<TrialResult> trials) {
    double[][] sum = new double[x.bins()][y.bins()];
    int[][] n = new int[x.bins()][y.bins()];
    for (TrialResult t : trials) {
      double acc = t.result().accuracy();
      int i = x.bin(t.parameters().get(x.key()));
      int j = y.bin(t.parameters().get(y.key()));
      if (!Double.isNaN(acc) && i >= 0 && j >= 0) {
        sum[i][j] += acc;
        n[i][j]++;
      }
    }
    List<List<Object>> cells = new ArrayList<>();
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < sum[i].length; j++) {
        if (n[i][j] > 0) {
          cells.add(List.of(i, j, sum[i][j] / n[i][j], n[i][j]));
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", x.key());
    m.put("y", y.key());
    m.put("xBins", x.binLabels());
    m.put("yBins", y.binLabels());
    m.put("cells", cells);
    return m;
  }

  /**
   * Each trial's accuracy in the order it finished, and the best so far: {@code [order, accuracy,
   * best]}; the accuracy chosen by ({@link org.nnlab.experiment.ExperimentResult#choiceAccuracy}:
   * validation accuracy for trials that hold samples out). The best so far is the best trial by
   * {@code ranking}: under rule-clean, the best clean trial once there is one (so the line may step
   * down when the first clean trial finishes).
   */
  static List<List<Object>> bestSoFar(List<TrialResult> finishOrder, Ranking ranking) {
    List<List<Object>> rows = new ArrayList<>();
    TrialResult best = null;
    int order = 0;
    for (TrialResult t : finishOrder) {
      if (best == null || ranking.trials().compare(t, best) < 0) {
        best = t;
      }
      List<Object> row = new ArrayList<>();
      row.add(++order);
      row.add(t.result().choiceAccuracy());
      row.add(best.result().choiceAccuracy());
      rows.add(row);
    }
    return rows;
  }

  /**
   * Halving's rungs: for each point's repeat, its learning curve as far as it got (the trial of its
   * largest budget lists every epoch), the budget it reached, and whether it reached the last rung.
   */
  static Map<String, Object> rungs(SweepSummary s) {
    Map<String, TrialResult> furthest = new TreeMap<>();
    for (TrialResult t : s.trials()) {
      furthest.merge(SweepSummary.lineOf(t), t,
          (a, b) -> SweepSummary.epochsOf(b) > SweepSummary.epochsOf(a) ? b : a);
    }
    double top = s.trials().stream().mapToDouble(SweepSummary::epochsOf).max().orElse(0);
    List<Double> budgets = s.trials().stream().map(SweepSummary::epochsOf).distinct().sorted().toList();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (TrialResult t : furthest.values()) {
      Map<String, Object> params = new LinkedHashMap<>(t.parameters());
      params.remove(org.nnlab.sweep.SweepPlan.EPOCHS_KEY);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("label", new SweepSummary.PointStats(params, null, List.of()).label() + " #" + t.repeat());
      line.put("reached", SweepSummary.epochsOf(t));
      line.put("survivor", SweepSummary.epochsOf(t) == top);
      line.put("curve", t.result().epochs().stream().map(EpochStats::accuracy).toList());
      lines.add(line);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("budgets", budgets);
    m.put("lines", lines);
    return m;
  }
}
