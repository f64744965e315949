package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.sweep.TrialResult;

class SweepSummaryTest {

  @Test
  void search_everyCombinationOfFewValues_isAGrid() {
    List<TrialResult> t = new ArrayList<>();
    for (double lr : new double[] {0.1, 0.3}) {
      for (long h : new long[] {10, 20, 40}) {
        t.add(Trials.of(Map.of("lr", lr, "h", h), 0, t.size(), 0.5));
      }
    }
    assertThat(SweepSummary.of(t).search()).isEqualTo(SweepSummary.Search.GRID);
    assertThat(SweepSummary.of(t.subList(0, 5)).search()).as("one combination missing").isEqualTo(SweepSummary.Search.RANDOM);
  }

  @Test
  void search_manyDistinctValues_isRandom_andOneParameterWithFewValuesIsStillAGrid() {
    List<TrialResult> drawn = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      drawn.add(Trials.of(Map.of("lr", 0.01 + i * 0.013), 0, i, 0.5));
    }
    assertThat(SweepSummary.of(drawn).search()).isEqualTo(SweepSummary.Search.RANDOM);
    assertThat(SweepSummary.of(drawn.subList(0, 5)).search()).isEqualTo(SweepSummary.Search.GRID);
  }

  @Test
  void search_oneSeedAtSeveralEpochBudgets_isHalving_butAGridOverEpochsIsNot() {
    List<TrialResult> halving = List.of(
        Trials.of(Map.of("lr", 0.1, "training.epochs", 1L), 0, 7, 0.5),
        Trials.of(Map.of("lr", 0.3, "training.epochs", 1L), 0, 8, 0.6),
        Trials.of(Map.of("lr", 0.3, "training.epochs", 3L), 0, 8, 0.6, 0.7, 0.8));
    SweepSummary s = SweepSummary.of(halving);
    assertThat(s.search()).isEqualTo(SweepSummary.Search.HALVING);
    assertThat(s.searchAxes()).extracting(SweepAxis::key).containsExactly("lr");
    assertThat(s.searchTrials()).hasSize(2).allSatisfy(t -> assertThat(t.parameters().get("training.epochs")).isEqualTo(1L));
    List<TrialResult> grid = List.of(
        Trials.of(Map.of("training.epochs", 1L), 0, 7, 0.5),
        Trials.of(Map.of("training.epochs", 3L), 0, 9, 0.5, 0.6, 0.7));
    assertThat(SweepSummary.of(grid).search()).isEqualTo(SweepSummary.Search.GRID);
  }

  @Test
  void ranked_bestMeanFirst_diverged_last() {
    TrialResult nan = Trials.of(Map.of("lr", 9.0), 0, 1, Double.NaN);
    List<TrialResult> t = List.of(Trials.of(Map.of("lr", 0.1), 0, 1, 0.5), nan,
        Trials.of(Map.of("lr", 0.2), 0, 2, 0.9), Trials.of(Map.of("lr", 0.2), 1, 3, 0.7));
    assertThat(SweepSummary.of(t).ranked()).extracting(SweepSummary.PointStats::label)
        .containsExactly("lr=0.2", "lr=0.1", "lr=9.0");
    assertThat(SweepSummary.of(t).finishOrder()).containsExactlyElementsOf(t);
  }
}
