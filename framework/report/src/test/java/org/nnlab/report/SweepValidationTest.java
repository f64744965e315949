package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.experiment.Validation;
import org.nnlab.sweep.TrialResult;

/** A sweep whose trials hold training samples out chooses its best point by validation accuracy, and says so. */
class SweepValidationTest {
  private static final String NOTE = "chosen on validation accuracy (5,000 training samples held out); "
      + "test accuracy is reported, never used for choosing";

  /** lr=0.1 leads on test (0.95, 0.93) but trails on validation (0.90, 0.88); lr=0.3 the other way round. */
  private static List<TrialResult> trials() {
    return List.of(
        held(Trials.of(Map.of("lr", 0.1), 0, 1, 0.95), 0.90),
        held(Trials.of(Map.of("lr", 0.3), 0, 2, 0.91), 0.94),
        held(Trials.of(Map.of("lr", 0.1), 1, 3, 0.93), 0.88),
        held(Trials.of(Map.of("lr", 0.3), 1, 4, 0.90), 0.92));
  }

  private static TrialResult held(TrialResult t, double validation) {
    return new TrialResult(t.trial(), t.parameters(), t.repeat(), t.seed(),
        t.result().withValidation(new Validation(5000, validation)));
  }

  private static TrialResult withoutSplit(TrialResult t) {
    return new TrialResult(t.trial(), t.parameters(), t.repeat(), t.seed(), t.result().withValidation(null));
  }

  @Test
  void best_isTheBestValidationMean_notTheBestTestMean() {
    SweepSummary s = SweepSummary.of(trials());
    assertThat(s.byValidation()).isTrue();
    assertThat(s.heldOut()).containsExactly(5000);
    assertThat(s.best().label()).isEqualTo("lr=0.3");
    assertThat(s.best().validation().mean()).isEqualTo(0.93, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.best().accuracy().mean()).isEqualTo(0.905, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.bestTrial().seed()).as("the repeat with the higher validation accuracy").isEqualTo(2);
    assertThat(s.ranked()).extracting(SweepSummary.PointStats::label).containsExactly("lr=0.3", "lr=0.1");

    SweepSummary byTest = SweepSummary.of(trials().stream().map(SweepValidationTest::withoutSplit).toList());
    assertThat(byTest.byValidation()).isFalse();
    assertThat(byTest.best().label()).isEqualTo("lr=0.1");
    assertThat(byTest.bestTrial().seed()).isEqualTo(1);
  }

  @Test
  void reports_sayHowTheyChose_andShowBothColumns() {
    Map<String, Object> m = ReportModel.sweep("s", trials(), List.of(), Path.of("/nonexistent"));
    assertThat((String) m.get("headlineNote")).endsWith("lr=0.3 — mean ± std over 2 seed(s); " + NOTE);
    @SuppressWarnings("unchecked")
    Map<String, Object> sweep = (Map<String, Object>) m.get("sweep");
    assertThat(sweep.get("chosenOn")).isEqualTo("validation");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> points = (List<Map<String, Object>>) sweep.get("points");
    assertThat(points.get(0)).containsEntry("label", "lr=0.3").containsEntry("best", true);
    assertThat((double) points.get(0).get("validation")).isCloseTo(0.93, org.assertj.core.data.Offset.offset(1e-12));
    assertThat((double) points.get(0).get("mean")).isCloseTo(0.905, org.assertj.core.data.Offset.offset(1e-12));
    // best so far follows validation accuracy, in the order trials finished
    assertThat(sweep.get("bestSoFar")).isEqualTo(List.of(List.of(1, 0.90, 0.90), List.of(2, 0.94, 0.94),
        List.of(3, 0.88, 0.94), List.of(4, 0.92, 0.94)));

    String md = SweepMarkdown.render(SweepSummary.of(trials()));
    assertThat(md).contains("**Test accuracy of the point chosen: 0.9050 ± 0.0071** (mean ± std over 2 seed(s)) at `lr=0.3`")
        .contains("The best point was " + NOTE + ".")
        .contains("| # | point | mean validation accuracy | std | mean test accuracy | std | seeds | status |")
        .contains("| 1 | **lr=0.3** | 0.9300 | 0.0141 | 0.9050 | 0.0071 | 2 | completed |");

    Map<String, Object> plain = ReportModel.sweep("s", trials().stream().map(SweepValidationTest::withoutSplit).toList(),
        List.of(), Path.of("/nonexistent"));
    assertThat((String) plain.get("headlineNote")).doesNotContain("validation");
    assertThat(SweepMarkdown.render(SweepSummary.of(trials().stream().map(SweepValidationTest::withoutSplit).toList())))
        .doesNotContain("validation").contains("**Best test accuracy: 0.9400 ± 0.0141**")
        .contains("| # | point | mean accuracy | std | seeds | status |");
  }
}
