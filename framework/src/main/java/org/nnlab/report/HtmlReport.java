package org.nnlab.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Mistake;
import org.nnlab.experiment.Provenance;
import org.nnlab.sweep.TrialResult;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, inline SVG charts drawn by
 * {@link Charts}, images as data URIs) from the Mustache template {@code report.html.mustache},
 * for a single run or a sweep, from results alone.
 *
 * <pre>{@code
 * String html = HtmlReport.run(ResultsJson.read(dir.resolve("results.json")), dir);
 * }</pre>
 *
 * <p>{@code dir} is only read for optional extras: {@code backquery/label-N.png} images.
 * Deterministic: the same results give the same bytes. Thread-safe.
 */
public final class HtmlReport {
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("org/nnlab/report").compile("report.html.mustache");

  private HtmlReport() {}

  /** The page of one run. */
  public static String run(ExperimentResult r, Path dir) {
    Map<String, Object> m = common(r, List.of(r), dir);
    m.put("kind", "run");
    m.put("headline", pct(r.accuracy()));
    return render(m);
  }

  /** The page of a sweep: its points and per-axis charts, then the best trial in detail. */
  public static String sweep(SweepSummary s, Path dir) {
    SweepSummary.PointStats best = s.best();
    TrialResult bestTrial = s.bestTrial();
    Map<String, Object> m = common(bestTrial.result(), best.trials().stream().map(TrialResult::result).toList(), dir);
    m.put("kind", "sweep");
    m.put("headline", pct(best.accuracy().mean()) + (best.accuracy().n() > 1
        ? " ± " + pct(best.accuracy().std()) : ""));
    Map<String, Object> sweep = new LinkedHashMap<>();
    sweep.put("trials", s.trials().size());
    sweep.put("points", s.points().size());
    sweep.put("bestLabel", best.label());
    sweep.put("bestRepeats", best.accuracy().n());
    sweep.put("bestYaml", bestTrial.result().config());
    List<Map<String, Object>> charts = new ArrayList<>();
    int i = 0;
    for (String axis : s.axes()) {
      charts.add(Map.of("axis", axis, "svg", Charts.errorBars("axis-" + i++, "Test accuracy vs " + axis,
          axis, "test accuracy (mean ± std)", s.byAxis(axis))));
    }
    sweep.put("charts", charts);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SweepSummary.PointStats p : s.points()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", p.label());
      row.put("mean", fmt("%.4f", p.accuracy().mean()));
      row.put("std", fmt("%.4f", p.accuracy().std()));
      row.put("n", p.accuracy().n());
      row.put("statuses", String.join(", ", p.trials().stream().map(t -> t.result().status()).distinct().toList()));
      row.put("best", p == best);
      rows.add(row);
    }
    sweep.put("rows", rows);
    m.put("sweep", sweep);
    m.put("provenanceSeeds", String.join(", ", best.trials().stream().map(t -> Long.toString(t.seed())).toList()));
    m.put("wallSeconds", fmt("%.1f", s.trials().stream().mapToDouble(t -> t.result().wallSeconds()).sum()));
    m.put("wallLabel", "wall time (sum over trials)");
    return render(m);
  }

  /** "−10°: 89.75 %, +10°: 89.72 %" for a run trained with rotations; null when it has none. */
  static String rotatedAccuracy(ExperimentResult r) {
    if (r.rotatedAccuracy().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    r.rotatedAccuracy().forEach((angle, acc) -> parts.add(angle + "°: " + pct(acc)));
    return String.join(", ", parts);
  }

  /** The sections a run and a sweep share, from {@code r} (the run, or the best trial) and its repeats. */
  private static Map<String, Object> common(ExperimentResult r, List<ExperimentResult> repeats, Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("status", r.status());
    m.put("rotatedAccuracy", rotatedAccuracy(r));
    if (!r.epochs().isEmpty()) {
      m.put("curves", List.of(
          Charts.errorBars("curve-accuracy", "Test accuracy per epoch", "epoch", "test accuracy",
              perEpoch(repeats, EpochStats::accuracy)),
          Charts.errorBars("curve-loss", "Mean training loss per epoch", "epoch", "loss ½Σ(t−o)²",
              perEpoch(repeats, EpochStats::loss))));
    }
    m.put("confusion", confusion(r.confusion()));
    List<Map<String, Object>> gallery = new ArrayList<>();
    for (Mistake k : r.mistakes()) {
      gallery.add(Map.of("uri", Images.dataUri(k), "label", k.label(), "predicted", k.predicted(),
          "confidence", fmt("%.3f", k.confidence()), "index", k.index()));
    }
    m.put("gallery", gallery);
    m.put("backquery", Images.backquery(dir).stream().map(b -> Map.of("label", b.label(), "uri", b.uri())).toList());
    m.put("findings", r.findings().stream().map(f -> Map.of("rule", f.rule(), "severity", f.severity().id(),
        "phase", f.phase().name().toLowerCase(Locale.ROOT), "message", f.message())).toList());
    Provenance p = r.provenance();
    m.put("configHash", p.configHash());
    m.put("datasets", p.datasets().entrySet().stream()
        .map(e -> Map.of("part", MarkdownReport.provenanceLabel(e.getKey()), "hash", e.getValue())).toList());
    m.put("provenanceSeeds", Long.toString(p.seed()));
    m.put("versions", "nnlab " + p.nnlab() + ", Java " + p.java() + ", " + p.os());
    m.put("gitCommit", p.gitCommit().isEmpty() ? "—" : p.gitCommit());
    m.put("engine", p.engine() == null ? null : p.engine().summary());
    m.put("wallSeconds", fmt("%.1f", r.wallSeconds()));
    m.put("wallLabel", "wall time");
    m.put("trainSeconds", fmt("%.1f", r.trainSeconds()));
    m.put("samplesPerSecond", fmt("%,.0f", r.samplesPerSecond()));
    m.put("samplesTrained", fmt("%,d", r.samplesTrained()));
    m.put("config", r.config());
    return m;
  }

  private static List<Stat> perEpoch(List<ExperimentResult> repeats, java.util.function.ToDoubleFunction<EpochStats> f) {
    Map<Integer, List<Double>> byEpoch = new TreeMap<>();
    for (ExperimentResult r : repeats) {
      for (EpochStats e : r.epochs()) {
        byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(f.applyAsDouble(e));
      }
    }
    List<Stat> stats = new ArrayList<>();
    byEpoch.forEach((epoch, v) -> stats.add(Stat.of(Integer.toString(epoch), epoch, v)));
    return stats;
  }

  /** Rows of cells shaded by their share of the row (so each class's errors stand out). */
  private static Map<String, Object> confusion(int[][] c) {
    if (c.length == 0) {
      return null;
    }
    List<Integer> header = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      header.add(i);
      int total = java.util.Arrays.stream(c[i]).sum();
      List<Map<String, Object>> cells = new ArrayList<>();
      for (int j = 0; j < c[i].length; j++) {
        double share = total == 0 ? 0 : c[i][j] / (double) total;
        String bg = i == j ? fmt("rgba(33,102,172,%.2f)", share) : fmt("rgba(214,96,77,%.2f)", Math.min(1, share * 5));
        cells.add(Map.of("count", c[i][j], "style", "background:" + bg + (i == j && share > 0.5 ? ";color:#fff" : "")));
      }
      rows.add(Map.of("label", i, "cells", cells));
    }
    return Map.of("header", header, "rows", rows);
  }

  private static String render(Map<String, Object> model) {
    // Mustache treats an empty list as false but repeats a section over a full one: flags say "show"
    for (String k : List.of("curves", "gallery", "backquery", "findings")) {
      model.put("has" + Character.toUpperCase(k.charAt(0)) + k.substring(1),
          model.get(k) instanceof List<?> l && !l.isEmpty());
    }
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, model);
    return out.toString();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "—" : fmt("%.2f%%", 100 * v);
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
