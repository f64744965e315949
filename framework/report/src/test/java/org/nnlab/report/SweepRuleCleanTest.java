package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.Severity;
import org.nnlab.config.SweepConfig.Choose;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Phase;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.SweepIdentity;
import org.nnlab.sweep.TrialResult;

/** With {@code sweep.choose: rule-clean} a report names the best point without rule findings and what it passed over. */
class SweepRuleCleanTest {
  private static final Ranking RULE_CLEAN = Ranking.of(Choose.RULE_CLEAN);

  /** lr=0.1 is clean (0.90, 0.88); lr=0.3 (0.95, 0.93) saturates; lr=0.5 (0.97, 0.96) saturates and warns on α too. */
  private static List<TrialResult> trials() {
    return List.of(
        Trials.of(Map.of("lr", 0.1), 0, 1, 0.90), Trials.of(Map.of("lr", 0.1), 1, 2, 0.88),
        with(Trials.of(Map.of("lr", 0.3), 0, 3, 0.95), "saturation"), Trials.of(Map.of("lr", 0.3), 1, 4, 0.93),
        with(Trials.of(Map.of("lr", 0.5), 0, 5, 0.97), "saturation", "learning-rate"),
        with(Trials.of(Map.of("lr", 0.5), 1, 6, 0.96), "saturation"));
  }

  private static TrialResult with(TrialResult t, String... rules) {
    List<Finding> findings = new ArrayList<>();
    for (String rule : rules) {
      findings.add(new Finding(rule, Severity.WARN, Phase.EPOCH, rule + " at epoch 2"));
    }
    ExperimentResult r = t.result();
    return new TrialResult(t.trial(), t.parameters(), t.repeat(), t.seed(), new ExperimentResult(r.name(), r.status(),
        r.accuracy(), r.samplesPerSecond(), r.trainSeconds(), r.wallSeconds(), r.samplesTrained(), r.epochs(), findings,
        r.confusion(), r.provenance(), r.config()));
  }

  @Test
  void headline_namesTheCleanPoint_andCountsThePointsPassedOver() {
    SweepSummary s = SweepSummary.of(trials(), RULE_CLEAN);
    assertThat(s.best().label()).isEqualTo("lr=0.1");
    assertThat(s.bestTrial().seed()).isEqualTo(1);
    assertThat(s.ranked()).extracting(SweepSummary.PointStats::label).containsExactly("lr=0.1", "lr=0.5", "lr=0.3");
    assertThat(s.passedOver()).extracting(SweepSummary.PointStats::label).containsExactly("lr=0.5", "lr=0.3");

    Map<String, Object> m = ReportModel.sweep("s", trials(), List.of(), Path.of("/nonexistent"), RULE_CLEAN);
    assertThat(m.get("headline")).isEqualTo("89.00% ± 1.41%");
    assertThat(m.get("headlineNote")).isEqualTo("best rule-clean point of 3 (6 trials): lr=0.1 — mean ± std over 2 seed(s); "
        + "2 points with rule findings passed over (saturation ×2, learning-rate ×1)");

    String md = SweepMarkdown.render(s);
    assertThat(md).contains("**Test accuracy of the point chosen: 0.8900 ± 0.0141** (mean ± std over 2 seed(s)) at `lr=0.1`")
        .contains("Chosen with `sweep.choose: rule-clean`: best rule-clean point of 3; "
            + "2 points with rule findings passed over (saturation ×2, learning-rate ×1).")
        .contains("| 1 | **lr=0.1** | 0.8900 | 0.0141 | 2 | completed | — |")
        .contains("| 2 | lr=0.5 | 0.9650 | 0.0071 | 2 | completed | saturation, learning-rate |");
  }

  @Test
  void noCleanPoint_saysSoPlainly_andFallsBackToTheBestPoint() {
    List<TrialResult> dirty = trials().stream().filter(t -> !t.parameters().get("lr").equals(0.1)).toList();
    SweepSummary s = SweepSummary.of(dirty, RULE_CLEAN);
    assertThat(s.best().label()).isEqualTo("lr=0.5");
    assertThat(s.bestTrial().seed()).isEqualTo(5);
    Map<String, Object> m = ReportModel.sweep("s", dirty, List.of(), Path.of("/nonexistent"), RULE_CLEAN);
    assertThat(m.get("headlineNote")).isEqualTo("no point of 2 is rule-clean; best point with rule findings (4 trials): "
        + "lr=0.5 — mean ± std over 2 seed(s); every point has rule findings (saturation ×2, learning-rate ×1)");
    assertThat(SweepMarkdown.render(s)).contains("Chosen with `sweep.choose: rule-clean`: no point of 2 is rule-clean; "
        + "best point with rule findings; every point has rule findings (saturation ×2, learning-rate ×1).");
  }

  @Test
  void byDefault_theBestPointWins_withFindingsOrNot_asBefore() {
    SweepSummary s = SweepSummary.of(trials());
    assertThat(s.best().label()).isEqualTo("lr=0.5");
    assertThat(s.passedOver()).isEmpty();
    Map<String, Object> m = ReportModel.sweep("s", trials(), List.of(), Path.of("/nonexistent"));
    assertThat((String) m.get("headlineNote")).isEqualTo("best point of 3 (6 trials): lr=0.5 — mean ± std over 2 seed(s)");
    String md = SweepMarkdown.render(s);
    assertThat(md).contains("**Best test accuracy: 0.9650").doesNotContain("rule-clean").doesNotContain("rule findings |");
  }

  @Test
  void reportWriter_choosesAsTheFoldersSweepJsonSays(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(SweepIdentity.FILE), "{\"format\": \"nnlab-sweep\", \"name\": \"t\", "
        + "\"configHash\": \"sha256:0\", \"strategy\": \"grid\", \"trials\": [], \"choose\": \"rule-clean\"}");
    new ReportWriter().writeSweep(trials(), dir);
    assertThat(Files.readString(dir.resolve(ReportWriter.REPORT_MD))).contains("at `lr=0.1`")
        .contains("2 points with rule findings passed over");
    assertThat(Files.readString(dir.resolve(ReportWriter.REPORT_HTML)))
        .contains("best rule-clean point of 3 (6 trials): lr=0.1");
  }
}
