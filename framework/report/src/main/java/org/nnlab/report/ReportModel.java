package org.nnlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Mistake;
import org.nnlab.experiment.Provenance;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.SweepIdentity;
import org.nnlab.sweep.TrialResult;

/**
 * What a report page shows, as one JSON-ready tree: the page ({@code report.js}) only draws it. The
 * static {@code report.html} embeds it; a live page receives a new one as trials and epochs end.
 *
 * <pre>{@code
 * Map<String, Object> model = ReportModel.sweep("lr", trials, List.of(), dir);
 * String json = ReportModel.json(model);
 * }</pre>
 *
 * <p>Keys: {@code kind} (run, sweep), {@code name}, {@code status}, {@code headline},
 * {@code headlineNote}, {@code sweep} (the search's charts and points), {@code trials} (the rows of
 * the trials table), {@code details} (the run or the best trial: learning curves, confusion matrix,
 * mistakes, back-query images, findings, provenance, config). Deterministic: the same results give
 * the same JSON. Thread-safe.
 */
public final class ReportModel {
  /** Points shown before "show all" in the points table. */
  public static final int TOP_POINTS = 10;

  private ReportModel() {}

  /** The page of one finished run; {@code dir} is read for {@code backquery/label-N.png}. */
  public static Map<String, Object> run(ExperimentResult r, Path dir) {
    Map<String, Object> m = page("run", r.name(), r.status(), pct(r.accuracy()));
    m.put("details", details(r, List.of(r), dir, null));
    return m;
  }

  /** The page of a run still training: its epochs so far. */
  public static Map<String, Object> running(String name, List<EpochStats> epochs, String config) {
    double acc = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).accuracy();
    Map<String, Object> m = page("run", name, TrialRow.RUNNING, pct(acc));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("curves", curves(List.of(epochs)));
    d.put("config", config);
    m.put("details", d);
    return m;
  }

  /**
   * The page of a sweep: its finished trials (in the order they finished, none yet while a live
   * sweep starts), and rows for trials still queued or running; its best point chosen as the
   * folder's {@code sweep.json} says ({@link SweepIdentity#rankingIn}: by choice accuracy when the
   * folder has none).
   */
  public static Map<String, Object> sweep(String name, List<TrialResult> finished, List<TrialRow> unfinished, Path dir) {
    try {
      return sweep(name, finished, unfinished, dir, SweepIdentity.rankingIn(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #sweep(String, List, List, Path)}, choosing the best point as {@code ranking} says. */
  public static Map<String, Object> sweep(
      String name, List<TrialResult> finished, List<TrialRow> unfinished, Path dir, Ranking ranking) {
    List<Map<String, Object>> rows = new ArrayList<>();
    unfinished.stream().filter(TrialRow::unfinished).forEach(t -> rows.add(trialRow(t)));
    for (int i = finished.size() - 1; i >= 0; i--) {
      rows.add(trialRow(TrialRow.of(finished.get(i), i + 1)));
    }
    if (finished.isEmpty()) {
      Map<String, Object> m = page("sweep", name, TrialRow.RUNNING, pct(Double.NaN));
      m.put("trials", rows);
      return m;
    }
    SweepSummary s = SweepSummary.of(finished, ranking);
    SweepSummary.PointStats best = s.best();
    TrialResult bestTrial = s.bestTrial();
    Stat acc = best.accuracy();
    Map<String, Object> m = page("sweep", name, unfinished.stream().anyMatch(TrialRow::unfinished)
        ? TrialRow.RUNNING : statusOf(finished), pct(acc.mean()) + (acc.n() > 1 ? " ± " + pct(acc.std()) : ""));
    m.put("headlineNote", bestOf(s) + " (" + finished.size() + " trials): " + best.label() + " — mean ± std over "
        + acc.n() + " seed(s)" + ruleNote(s).map(n -> "; " + n).orElse("") + (s.byValidation() ? "; " + choiceNote(s) : ""));
    m.put("sweep", sweepSection(s, best, bestTrial));
    m.put("trials", rows);
    Map<String, Object> d = details(bestTrial.result(), best.trials().stream().map(TrialResult::result).toList(), dir,
        best.trials().stream().map(t -> Long.toString(t.seed())).toList());
    d.put("title", "Best trial (seed " + bestTrial.seed() + ")");
    d.put("wall", fmt("%.1f s (sum over trials)", finished.stream().mapToDouble(t -> t.result().wallSeconds()).sum()));
    m.put("details", d);
    return m;
  }

  /** The sentence that says how a sweep with a validation split chose its best point. */
  public static String choiceNote(SweepSummary s) {
    return "chosen on validation accuracy (" + s.heldOut().stream().map(n -> fmt("%,d", n))
        .collect(java.util.stream.Collectors.joining(" or ")) + " training samples held out); "
        + "test accuracy is reported, never used for choosing";
  }

  /**
   * What the best point is the best of: "best point of 12"; under {@code sweep.choose: rule-clean},
   * "best rule-clean point of 12", or when no point is clean "no point of 12 is rule-clean; best
   * point with rule findings".
   */
  public static String bestOf(SweepSummary s) {
    int n = s.points().size();
    if (!s.ranking().ruleClean()) {
      return "best point of " + n;
    }
    return SweepSummary.clean(s.best()) ? "best rule-clean point of " + n
        : "no point of " + n + " is rule-clean; best point with rule findings";
  }

  /**
   * Under rule-clean, what the choice passed over: "3 points with rule findings passed over
   * (saturation ×3)", or, when no point is clean, which rules every point broke ("every point has
   * rule findings (saturation ×12)"); empty otherwise and when nothing was passed over.
   */
  public static java.util.Optional<String> ruleNote(SweepSummary s) {
    if (!s.ranking().ruleClean()) {
      return java.util.Optional.empty();
    }
    if (!SweepSummary.clean(s.best())) {
      return java.util.Optional.of("every point has rule findings (" + counts(SweepSummary.rulesOf(s.points())) + ")");
    }
    List<SweepSummary.PointStats> over = s.passedOver();
    return over.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(over.size()
        + (over.size() == 1 ? " point" : " points") + " with rule findings passed over ("
        + counts(SweepSummary.rulesOf(over)) + ")");
  }

  /** {@code saturation ×3, learning-rate ×1}. */
  private static String counts(Map<String, Integer> byRule) {
    List<String> parts = new ArrayList<>();
    byRule.forEach((rule, n) -> parts.add(rule + " ×" + n));
    return String.join(", ", parts);
  }

  private static String statusOf(List<TrialResult> finished) {
    return finished.stream().allMatch(t -> t.result().completed()) ? ExperimentResult.COMPLETED
        : "finished, " + finished.stream().filter(t -> !t.result().completed()).count() + " not completed";
  }

  private static Map<String, Object> sweepSection(SweepSummary s, SweepSummary.PointStats best, TrialResult bestTrial) {
    List<SweepAxis> axes = s.searchAxes();
    List<TrialResult> searched = s.searchTrials();
    List<Importance.Share> importance = Importance.of(axes, searched.stream()
        .map(t -> new Importance.Sample(t.parameters(), t.result().accuracy())).toList());
    List<String> byImportance = importance.stream().map(Importance.Share::key).toList();
    SweepSummary.Search search = s.search();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("search", search.id());
    m.put("trialsTotal", s.trials().size());
    m.put("pointsTotal", s.points().size());
    List<Map<String, Object>> axisList = new ArrayList<>();
    for (SweepAxis a : axes) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("key", a.key());
      am.put("numeric", a.numeric());
      am.put("log", a.log());
      am.put("distinct", a.values().size());
      axisList.add(am);
    }
    m.put("axes", axisList);
    m.put("byImportance", byImportance);
    List<Map<String, Object>> shares = new ArrayList<>();
    importance.forEach(sh -> shares.add(Map.of("key", sh.key(), "eta2", sh.eta2())));
    m.put("importance", shares);
    m.put("searchNote", search == SweepSummary.Search.HALVING
        ? "first rung: every point at " + fmt("%.0f", SweepSummary.epochsOf(searched.get(0))) + " epoch(s)" : "");
    if (search == SweepSummary.Search.GRID) {
      m.put("gridLines", SweepViews.gridLines(s, axes, byImportance));
    }
    m.put("samples", SweepViews.samples(axes, searched, s.finishOrder()));
    if (axes.size() >= 2) {
      SweepAxis x = axisOf(axes, byImportance.get(0));
      SweepAxis y = axisOf(axes, byImportance.get(1));
      m.put("heatmap", SweepViews.heatmap(x, y, searched));
    }
    m.put("chosenOn", s.byValidation() ? "validation" : "test");
    m.put("bestSoFar", SweepViews.bestSoFar(s.finishOrder(), s.ranking()));
    if (search == SweepSummary.Search.HALVING) {
      m.put("rungs", SweepViews.rungs(s));
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (SweepSummary.PointStats p : s.ranked()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", p.label());
      row.put("mean", p.accuracy().mean());
      row.put("std", p.accuracy().n() > 1 ? p.accuracy().std() : null);
      row.put("n", p.accuracy().n());
      if (s.byValidation()) {
        row.put("validation", p.validation().mean());
        row.put("validationStd", p.validation().n() > 1 ? p.validation().std() : null);
      }
      row.put("statuses", String.join(", ", p.trials().stream().map(t -> t.result().status()).distinct().toList()));
      row.put("best", p == best);
      if (s.ranking().ruleClean()) {
        row.put("ruleClean", SweepSummary.clean(p));
      }
      points.add(row);
    }
    m.put("points", points);
    m.put("topPoints", TOP_POINTS);
    m.put("bestLabel", best.label());
    m.put("bestYaml", bestTrial.result().config());
    return m;
  }

  private static SweepAxis axisOf(List<SweepAxis> axes, String key) {
    return axes.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
  }

  /** One row of the trials table, as the page reads it. */
  public static Map<String, Object> trialRow(TrialRow t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("order", t.order());
    Map<String, Object> params = new LinkedHashMap<>();
    t.parameters().forEach((k, v) -> params.put(k, SweepSummary.text(v)));
    m.put("parameters", params);
    m.put("repeat", t.repeat());
    m.put("seed", Long.toString(t.seed())); // as text: JavaScript numbers hold 53 bits, seeds 64
    m.put("status", t.status());
    // the last epoch's number: a halving trial that goes on from its last rung reports only its new epochs
    m.put("epoch", t.epochs().isEmpty() ? 0 : t.epochs().get(t.epochs().size() - 1).epoch());
    m.put("epochs", t.epochsPlanned());
    m.put("accuracy", t.accuracy());
    m.put("samplesPerSecond", t.samplesPerSecond());
    m.put("member", t.member());
    m.put("curve", t.epochs().stream().map(EpochStats::accuracy).toList());
    return m;
  }

  /** The run's sections, or the best trial's with its point's {@code repeats} for the curves' error bars. */
  private static Map<String, Object> details(ExperimentResult r, List<ExperimentResult> repeats, Path dir, List<String> seeds) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("rotatedAccuracy", rotatedAccuracy(r));
    d.put("curves", curves(repeats.stream().map(ExperimentResult::epochs).toList()));
    d.put("confusion", r.confusion().length == 0 ? null : r.confusion());
    List<Map<String, Object>> gallery = new ArrayList<>();
    for (Mistake k : r.mistakes()) {
      gallery.add(Map.of("uri", Images.dataUri(k), "label", k.label(), "predicted", k.predicted(),
          "confidence", fmt("%.3f", k.confidence()), "index", k.index()));
    }
    d.put("mistakes", gallery);
    d.put("backquery", Images.backquery(dir).stream().map(b -> Map.of("label", b.label(), "uri", b.uri())).toList());
    d.put("findings", r.findings().stream().map(f -> Map.of("rule", f.rule(), "severity", f.severity().id(),
        "phase", f.phase().name().toLowerCase(Locale.ROOT), "message", f.message())).toList());
    Provenance p = r.provenance();
    List<List<String>> prov = new ArrayList<>();
    prov.add(List.of("config hash", p.configHash()));
    p.datasets().forEach((part, hash) -> prov.add(List.of(MarkdownReport.provenanceLabel(part), hash)));
    prov.add(List.of("seed(s)", seeds == null ? Long.toString(p.seed()) : String.join(", ", seeds)));
    prov.add(List.of("versions", "nnlab " + p.nnlab() + ", Java " + p.java() + ", " + p.os()));
    prov.add(List.of("git commit", p.gitCommit().isEmpty() ? "—" : p.gitCommit()));
    if (p.engine() != null) {
      prov.add(List.of("engine", p.engine().summary()));
    }
    d.put("provenance", prov);
    d.put("wall", fmt("%.1f s", r.wallSeconds()));
    d.put("training", fmt("%,d samples in %.1f s (%,.0f samples/s)", r.samplesTrained(), r.trainSeconds(),
        r.samplesPerSecond()));
    d.put("config", r.config());
    return d;
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

  /** Test accuracy, loss and (with a validation split) validation accuracy per epoch, mean ± std over the repeats' curves. */
  private static Map<String, Object> curves(List<List<EpochStats>> repeats) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("accuracy", perEpoch(repeats, EpochStats::accuracy));
    c.put("loss", perEpoch(repeats, EpochStats::loss));
    if (repeats.stream().flatMap(List::stream).anyMatch(e -> !Double.isNaN(e.validationAccuracy()))) {
      c.put("validation", perEpoch(repeats, EpochStats::validationAccuracy));
    }
    return c;
  }

  private static List<Map<String, Object>> perEpoch(List<List<EpochStats>> repeats, ToDoubleFunction<EpochStats> f) {
    Map<Integer, List<Double>> byEpoch = new TreeMap<>();
    for (List<EpochStats> epochs : repeats) {
      for (EpochStats e : epochs) {
        byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(f.applyAsDouble(e));
      }
    }
    List<Map<String, Object>> stats = new ArrayList<>();
    byEpoch.forEach((epoch, v) -> stats.add(SweepViews.stat(Stat.of(Integer.toString(epoch), epoch, v))));
    return stats;
  }

  private static Map<String, Object> page(String kind, String name, String status, String headline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("name", name);
    m.put("status", status);
    m.put("headline", headline);
    return m;
  }

  /**
   * The model as compact JSON that is safe inside a {@code <script>} element: every {@code <} is
   * written {@code \u003c}, so no {@code </script>} or {@code <!--} can end it early.
   */
  public static String json(Map<String, Object> model) {
    try {
      return ResultsJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(model).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report model is plain maps, lists and numbers", e);
    }
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "—" : fmt("%.2f%%", 100 * v);
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
