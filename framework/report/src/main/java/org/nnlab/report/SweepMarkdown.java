package org.nnlab.report;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.sweep.TrialResult;

/**
 * Renders a sweep's {@code report.md} from its trials alone: the best point's accuracy (mean ± std
 * over its seeds; with {@code sweep.choose: rule-clean}, the best point without rule findings and
 * what it passed over), the top points by accuracy, each parameter's importance and its marginal
 * accuracy (by value for a grid, by bin for a random search), the best config as YAML, and the best
 * trial's own report.
 */
public final class SweepMarkdown {
  /** Points listed before "… more in trials.csv". */
  public static final int TOP_POINTS = 20;

  private SweepMarkdown() {}

  public static String render(SweepSummary s) {
    StringBuilder md = new StringBuilder();
    SweepSummary.PointStats best = s.best();
    md.append("# Sweep ").append(s.name()).append("\n\n");
    md.append(MarkdownReport.fmt("**%s: %.4f%s** (mean%s over %d seed(s)) at `%s`; "
        + "%d trials over %d points, a %s search. Charts: [report.html](report.html).%n%n",
        s.byValidation() || s.ranking().ruleClean() ? "Test accuracy of the point chosen" : "Best test accuracy",
        best.accuracy().mean(), best.accuracy().n() > 1 ? MarkdownReport.fmt(" ± %.4f", best.accuracy().std()) : "",
        best.accuracy().n() > 1 ? " ± std" : "", best.accuracy().n(), best.label(),
        s.trials().size(), s.points().size(), s.search().id()));
    boolean ruleClean = s.ranking().ruleClean();
    if (ruleClean) {
      md.append("Chosen with `sweep.choose: rule-clean`: ").append(ReportModel.bestOf(s))
          .append(ReportModel.ruleNote(s).map(n -> "; " + n).orElse("")).append(".\n\n");
    }
    boolean byValidation = s.byValidation();
    if (byValidation) {
      md.append("The best point was ").append(ReportModel.choiceNote(s)).append(".\n\n");
    }
    List<SweepSummary.PointStats> ranked = s.ranked();
    md.append("## Points, best first\n\n| # | point |")
        .append(byValidation ? " mean validation accuracy | std | mean test accuracy |" : " mean accuracy |")
        .append(" std | seeds | status |").append(ruleClean ? " rule findings |" : "").append("\n|---:|---|")
        .append(byValidation ? "---:|---:|" : "").append("---:|---:|---:|---|").append(ruleClean ? "---|" : "")
        .append("\n");
    for (int i = 0; i < Math.min(TOP_POINTS, ranked.size()); i++) {
      SweepSummary.PointStats p = ranked.get(i);
      String b = p == best ? "**" : "";
      md.append(MarkdownReport.fmt("| %d | %s%s%s | %s%s | %d | %s |%s%n", i + 1, b, p.label(), b,
          byValidation ? meanStd(p.validation()) + " | " : "", meanStd(p.accuracy()),
          p.accuracy().n(), String.join(", ", p.trials().stream().map(t -> t.result().status()).distinct().toList()),
          ruleClean ? " " + rules(p) + " |" : ""));
    }
    if (ranked.size() > TOP_POINTS) {
      md.append("\n… and ").append(ranked.size() - TOP_POINTS).append(" more points in [trials.csv](trials.csv).\n");
    }
    List<SweepAxis> axes = s.searchAxes();
    List<TrialResult> searched = s.searchTrials();
    if (axes.size() > 1) {
      md.append("\n## Parameter importance\n\nη²: the share of the variance of accuracy between the means of a "
          + "parameter's bins (its main effect; interactions left out).\n\n| parameter | η² |\n|---|---:|\n");
      for (Importance.Share sh : Importance.of(axes, searched.stream()
          .map(t -> new Importance.Sample(t.parameters(), t.result().accuracy())).toList())) {
        md.append(MarkdownReport.fmt("| %s | %.3f |%n", sh.key(), sh.eta2()));
      }
    }
    for (SweepAxis axis : axes) {
      md.append("\n## Accuracy vs ").append(axis.key()).append("\n\n| ").append(axis.key())
          .append(" | mean accuracy | std | trials |\n|---:|---:|---:|---:|\n");
      for (Stat st : binned(axis, searched)) {
        md.append(MarkdownReport.fmt("| %s | %.4f | %s | %d |%n", st.label(), st.mean(),
            st.n() > 1 ? MarkdownReport.fmt("%.4f", st.std()) : "—", st.n()));
      }
    }
    TrialResult top = s.bestTrial();
    md.append("\n## Best configuration (ready to run)\n\n```yaml\n").append(top.result().config())
        .append(top.result().config().endsWith("\n") ? "" : "\n").append("```\n\n");
    md.append("## Best trial (seed ").append(top.seed()).append(")\n\n");
    // the run report's headings move one level down under this section
    md.append(MarkdownReport.render(top.result()).replaceAll("(?m)^#", "##").replaceFirst("(?m)^## .*\n\n", ""));
    return md.toString();
  }

  /** The rules with findings in a point's trials, {@code saturation, learning-rate}, or "—" when it is clean. */
  private static String rules(SweepSummary.PointStats p) {
    var rules = SweepSummary.rulesOf(List.of(p)).keySet();
    return rules.isEmpty() ? "—" : String.join(", ", rules);
  }

  /** {@code 0.9812 | 0.0021}: a mean and its std ("—" for one seed), as two table cells. */
  private static String meanStd(Stat st) {
    return MarkdownReport.fmt("%.4f | %s", st.mean(), st.n() > 1 ? MarkdownReport.fmt("%.4f", st.std()) : "—");
  }

  /** Accuracy in each of the axis's bins (one per value on a grid). */
  static List<Stat> binned(SweepAxis axis, List<TrialResult> trials) {
    List<String> labels = axis.binLabels();
    List<List<Double>> values = new ArrayList<>();
    labels.forEach(l -> values.add(new ArrayList<>()));
    for (TrialResult t : trials) {
      int b = axis.bin(t.parameters().get(axis.key()));
      if (b >= 0) {
        values.get(b).add(t.result().accuracy());
      }
    }
    List<Stat> stats = new ArrayList<>();
    for (int b = 0; b < labels.size(); b++) {
      if (!values.get(b).isEmpty()) {
        stats.add(Stat.of(labels.get(b), Double.NaN, values.get(b)));
      }
    }
    return stats;
  }
}
