package org.nnlab.report;

import org.nnlab.sweep.TrialResult;

/**
 * Renders a sweep's {@code report.md} from its trials alone: the best point's accuracy (mean ± std
 * over its seeds), every point, each axis's marginal accuracy, the best config as YAML, and the
 * best trial's own report.
 */
public final class SweepMarkdown {
  private SweepMarkdown() {}

  public static String render(SweepSummary s) {
    StringBuilder md = new StringBuilder();
    SweepSummary.PointStats best = s.best();
    md.append("# Sweep ").append(s.name()).append("\n\n");
    md.append(MarkdownReport.fmt("**Best test accuracy: %.4f ± %.4f** (mean ± std over %d seed(s)) at `%s`; "
        + "%d trials over %d points. Charts: [report.html](report.html).%n%n",
        best.accuracy().mean(), best.accuracy().std(), best.accuracy().n(), best.label(),
        s.trials().size(), s.points().size()));
    md.append("## Points\n\n| point | mean accuracy | std | seeds | status |\n|---|---:|---:|---:|---|\n");
    for (SweepSummary.PointStats p : s.points()) {
      String b = p == best ? "**" : "";
      md.append(MarkdownReport.fmt("| %s%s%s | %.4f | %.4f | %d | %s |%n", b, p.label(), b,
          p.accuracy().mean(), p.accuracy().std(), p.accuracy().n(),
          String.join(", ", p.trials().stream().map(t -> t.result().status()).distinct().toList())));
    }
    for (String axis : s.axes()) {
      md.append("\n## Accuracy vs ").append(axis).append("\n\n| ").append(axis)
          .append(" | mean accuracy | std | trials |\n|---:|---:|---:|---:|\n");
      for (Stat st : s.byAxis(axis)) {
        md.append(MarkdownReport.fmt("| %s | %.4f | %.4f | %d |%n", st.label(), st.mean(), st.std(), st.n()));
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
}
