package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigLoader;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Validation;
import org.nnlab.testsupport.TinyData;

/**
 * Halving promotes by validation accuracy when the config holds samples out: on a constructed case
 * where the held-out samples disagree with the test part, the point promoted changes with the split.
 */
class HalvingValidationTest {
  /** 90 samples to train on, then 30 held-out ones drawn like the next class: a learner gets them wrong. */
  private static final Dataset TRAIN = TinyData.of("tiny:train", 120, 2, 2, 3,
      (i, j) -> ((i < 90 ? i : i + 1) % 3 == j % 3 ? 220 : 30) + i % 7);
  private static final Dataset TEST = TinyData.of("tiny:test", 30, 2, 2, 3, (i, j) -> (i % 3 == j % 3 ? 210 : 40) + i % 5);
  private static final DatasetLoader LOADER = source -> source.toString().endsWith("train") ? TRAIN : TEST;

  @TempDir Path dir;

  private List<TrialResult> sweep(String validation) throws IOException {
    return sweep(validation, SweepListener.NONE);
  }

  private List<TrialResult> sweep(String validation, SweepListener listener) throws IOException {
    return sweep(validation, "any", listener);
  }

  private List<TrialResult> sweep(String validation, String choose, SweepListener listener) throws IOException {
    Path file = dir.resolve("h" + validation.length() + choose + ".yaml");
    Files.writeString(file, """
        name: tiny
        seed: 7
        data: {train: tiny:train, test: tiny:test%s}
        network: {layers: [4, 3, 3]}
        training: {learningRate: 0.3, epochs: 1}
        sweep:
          strategy: halving
          maxEpochs: 3
          choose: %s
          parameters:
            training.learningRate: [0.001, 3.0]
        """.formatted(validation, choose));
    SweepPlan plan = SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file));
    SweepRunner runner = new SweepRunner(LOADER, SweepFixtures.runners(new SimpleMeterRegistry()));
    try (ResultsStore store = ResultsStore.open(dir.resolve("results" + validation.length() + choose + ".jsonl"))) {
      return runner.run(plan, store, 1, listener);
    }
  }

  @Test
  void promotion_followsValidationAccuracy_whenSamplesAreHeldOut_elseTestAccuracy() throws IOException {
    List<TrialResult> byTest = sweep("");
    List<TrialResult> byValidation = sweep(", validation: 30");

    // first rung, both points at 1 epoch: the fast learner wins on test, loses on the held-out samples
    Map<Object, ExperimentResult> rung = firstRung(byValidation);
    ExperimentResult slow = rung.get(0.001);
    ExperimentResult fast = rung.get(3.0);
    assertThat(fast.accuracy()).isGreaterThan(slow.accuracy());
    assertThat(fast.validation().accuracy()).isLessThan(slow.validation().accuracy());
    assertThat(fast.validation().samples()).isEqualTo(30);
    assertThat(firstRung(byTest).get(3.0).accuracy()).isGreaterThan(firstRung(byTest).get(0.001).accuracy());

    assertThat(promoted(byTest)).isEqualTo(3.0);
    assertThat(promoted(byValidation)).isEqualTo(0.001);
  }

  @Test
  void ruleClean_passesOverTheMoreAccuratePointWithFindings_anyPromotesIt() throws IOException {
    List<TrialResult> any = sweep("", "any", SweepListener.NONE);
    List<TrialResult> ruleClean = sweep("", "rule-clean", SweepListener.NONE);
    // first rung: α = 3 learns faster but the learning-rate rule warns about it (α > 1)
    Map<Object, ExperimentResult> rung = firstRung(ruleClean);
    assertThat(rung.get(3.0).accuracy()).isGreaterThan(rung.get(0.001).accuracy());
    assertThat(rung.get(3.0).findings()).extracting(org.nnlab.rules.Finding::rule).contains("learning-rate");
    assertThat(Ranking.clean(rung.get(0.001))).isTrue();
    // the same first rung: the choice only decides who goes on
    assertThat(firstRung(any).get(3.0).accuracy()).isEqualTo(rung.get(3.0).accuracy());
    assertThat(firstRung(any).get(0.001).accuracy()).isEqualTo(rung.get(0.001).accuracy());

    assertThat(promoted(any)).isEqualTo(3.0);
    assertThat(promoted(ruleClean)).isEqualTo(0.001);
  }

  @Test
  void best_underRuleClean_promotesCleanPointsFirst() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  strategy: halving\n  maxEpochs: 3\n"
        + "  parameters:\n    training.learningRate: [0.1, 0.2, 0.3]\n");
    List<SweepPoint> points = SweepPlan.atEpochs(plan.points(), 1);
    // 0.1: 0.80, clean; 0.2: 0.95 with a saturation warning; 0.3: 0.85, clean
    List<TrialResult> results = List.of(trial(points.get(0), 0.80, List.of()),
        trial(points.get(1), 0.95, List.of(new org.nnlab.rules.Finding("saturation", org.nnlab.config.Severity.WARN,
            org.nnlab.rules.Phase.EPOCH, "40% saturated"))),
        trial(points.get(2), 0.85, List.of()));
    Ranking ruleClean = Ranking.of(org.nnlab.config.SweepConfig.Choose.RULE_CLEAN);
    assertThat(HalvingSweep.best(points, results, 1, Ranking.ANY)).containsExactly(withoutEpochs(points.get(1)));
    assertThat(HalvingSweep.best(points, results, 1, ruleClean)).containsExactly(withoutEpochs(points.get(2)));
    assertThat(HalvingSweep.best(points, results, 3, ruleClean))
        .containsExactly(withoutEpochs(points.get(2)), withoutEpochs(points.get(0)), withoutEpochs(points.get(1)));
  }

  private static SweepPoint withoutEpochs(SweepPoint p) {
    return p.without(SweepPlan.EPOCHS_KEY);
  }

  private static TrialResult trial(SweepPoint p, double test, List<org.nnlab.rules.Finding> findings) {
    return new TrialResult(p.canonical(), p.parameters(), 0, 7, org.nnlab.testsupport.TinyResults.completed(test, findings));
  }

  @Test
  void epochsToldWhileTrialsTrain_carryTheValidationAccuracy_asTheirResultsRecordIt() throws IOException {
    Map<String, List<EpochStats>> told = new java.util.concurrent.ConcurrentHashMap<>();
    List<TrialResult> all = sweep(", validation: 30", new SweepListener() {
      @Override
      public void onEpoch(Trial trial, EpochStats e, String member) {
        told.computeIfAbsent(trial.id(), k -> new java.util.ArrayList<>()).add(e);
      }
    });
    for (TrialResult t : all) {
      List<EpochStats> epochs = t.result().epochs();
      // a survivor continued from its last rung tells only its new epochs
      assertThat(told.get(t.trial())).isEqualTo(epochs.subList(epochs.size() - told.get(t.trial()).size(), epochs.size()));
      assertThat(told.get(t.trial())).allMatch(e -> e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1);
    }
  }

  private static Map<Object, ExperimentResult> firstRung(List<TrialResult> all) {
    return Map.of(all.get(0).parameters().get("training.learningRate"), all.get(0).result(),
        all.get(1).parameters().get("training.learningRate"), all.get(1).result());
  }

  /** The learning rate of the one point trained at 3 epochs. */
  private static Object promoted(List<TrialResult> all) {
    assertThat(all).hasSize(3);
    return all.get(2).parameters().get("training.learningRate");
  }

  @Test
  void best_ranksByChoiceAccuracy_validationWhenPresent() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  strategy: halving\n  maxEpochs: 3\n"
        + "  parameters:\n    training.learningRate: [0.1, 0.2]\n");
    List<SweepPoint> points = SweepPlan.atEpochs(plan.points(), 1);
    // point 0.1: test 0.9, validation 0.6; point 0.2: test 0.7, validation 0.8
    List<TrialResult> withSplit = List.of(trial(points.get(0), 0.9, 0.6), trial(points.get(1), 0.7, 0.8));
    List<TrialResult> without = List.of(trial(points.get(0), 0.9, Double.NaN), trial(points.get(1), 0.7, Double.NaN));
    assertThat(HalvingSweep.best(points, withSplit, 1, Ranking.ANY)).containsExactly(points.get(1).without(SweepPlan.EPOCHS_KEY));
    assertThat(HalvingSweep.best(points, without, 1, Ranking.ANY)).containsExactly(points.get(0).without(SweepPlan.EPOCHS_KEY));
  }

  private static TrialResult trial(SweepPoint p, double test, double validation) {
    ExperimentResult r = org.nnlab.testsupport.TinyResults.completed(test);
    return new TrialResult(p.canonical(), p.parameters(), 0, 7,
        Double.isNaN(validation) ? r : r.withValidation(new Validation(10, validation)));
  }
}
