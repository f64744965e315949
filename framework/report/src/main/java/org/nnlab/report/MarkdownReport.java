package org.nnlab.report;

import java.util.Locale;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Mistake;
import org.nnlab.experiment.Provenance;
import org.nnlab.rules.Finding;

/**
 * Renders one experiment's {@code report.md} from its {@link ExperimentResult} alone, so a report
 * can be rebuilt from {@code results.json}: headline, learning curve, confusion matrix, rule
 * findings, provenance and the config.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ExperimentResult r) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(r.name()).append("\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "status", "**" + r.status() + "**");
    if (r.validation() != null) {
      row(md, "validation accuracy", (Double.isNaN(r.validation().accuracy()) ? "—"
          : fmt("%.4f", r.validation().accuracy())) + fmt(" (%,d training samples held out)", r.validation().samples()));
    }
    row(md, "test accuracy", Double.isNaN(r.accuracy()) ? "—" : fmt("%.4f", r.accuracy()));
    r.rotatedAccuracy().forEach((angle, acc) ->
        row(md, "test accuracy, rotated " + angle + "°", Double.isNaN(acc) ? "—" : fmt("%.4f", acc)));
    row(md, "samples trained", fmt("%,d", r.samplesTrained()));
    row(md, "training time", fmt("%.1f s", r.trainSeconds()));
    row(md, "throughput", fmt("%,.0f samples/s", r.samplesPerSecond()));
    row(md, "wall time", fmt("%.1f s", r.wallSeconds()));
    md.append('\n');

    if (!r.epochs().isEmpty()) {
      boolean validation = r.validation() != null;
      md.append("## Learning curve\n\n| epoch |").append(validation ? " validation accuracy |" : "")
          .append(" test accuracy | mean loss | seconds | samples/s |\n|---:|").append(validation ? "---:|" : "")
          .append("---:|---:|---:|---:|\n");
      for (EpochStats e : r.epochs()) {
        md.append(fmt("| %d |%s %.4f | %.5f | %.2f | %,.0f |\n", e.epoch(),
            validation ? fmt(" %.4f |", e.validationAccuracy()) : "", e.accuracy(), e.loss(), e.seconds(),
            e.samplesPerSecond()));
      }
      md.append('\n');
    }

    if (r.confusion().length > 0) {
      md.append("## Confusion matrix (rows: true label, columns: predicted)\n\n|   |");
      for (int j = 0; j < r.confusion().length; j++) {
        md.append(' ').append(j).append(" |");
      }
      md.append("\n|---|");
      md.append("---:|".repeat(r.confusion().length)).append('\n');
      for (int i = 0; i < r.confusion().length; i++) {
        md.append("| **").append(i).append("** |");
        for (int v : r.confusion()[i]) {
          md.append(' ').append(v).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
    }

    if (!r.mistakes().isEmpty()) {
      md.append("## Most confident mistakes (images in report.html)\n\n| test sample | true | predicted | confidence |\n|---:|---:|---:|---:|\n");
      for (Mistake m : r.mistakes()) {
        md.append(fmt("| %d | %d | %d | %.3f |\n", m.index(), m.label(), m.predicted(), m.confidence()));
      }
      md.append('\n');
    }

    md.append("## Rule findings\n\n");
    if (r.findings().isEmpty()) {
      md.append("No rule fired.\n\n");
    } else {
      md.append("| rule | severity | phase | message |\n|---|---|---|---|\n");
      for (Finding f : r.findings()) {
        md.append("| `").append(f.rule()).append("` | ").append(f.severity().id()).append(" | ")
            .append(f.phase().name().toLowerCase(Locale.ROOT)).append(" | ")
            .append(f.message().replace("|", "\\|")).append(" |\n");
      }
      md.append('\n');
    }

    Provenance p = r.provenance();
    md.append("## Provenance\n\n| | |\n|---|---|\n");
    row(md, "config", "`" + p.configHash() + "`");
    p.datasets().forEach((part, hash) -> row(md, provenanceLabel(part), "`" + hash + "`"));
    row(md, "seed", String.valueOf(p.seed()));
    row(md, "nnlab", p.nnlab());
    row(md, "java", p.java());
    row(md, "os", p.os());
    row(md, "git commit", p.gitCommit().isEmpty() ? "—" : "`" + p.gitCommit() + "`");
    if (p.engine() != null) {
      row(md, "engine", p.engine().summary());
    }
    md.append("\n## Config\n\n```yaml\n").append(r.config()).append(r.config().endsWith("\n") ? "" : "\n")
        .append("```\n");
    return md.toString();
  }

  /** "train data", "test data", and "starting weights" for {@link Provenance#WEIGHTS}. */
  static String provenanceLabel(String part) {
    return part.equals(Provenance.WEIGHTS) ? "starting weights" : part + " data";
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
