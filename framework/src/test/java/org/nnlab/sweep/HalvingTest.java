package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.rules.RuleBook;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/** Successive halving: survivors go on from their last rung, to the numbers of a run from scratch. */
class HalvingTest {
  /** 6 points × 2 repeats at 1 epoch, the best 2 points at 3, the best one at 9: 18 trials. */
  private static final SweepPlan PLAN = SweepFixtures.plan("sweep:\n  strategy: halving\n  maxEpochs: 9\n"
      + "  repeats: 2\n  parameters:\n    training.learningRate: [0.01, 0.1, 0.3, 0.6, 1.0, 2.0]\n");
  private static final int SAMPLES_PER_EPOCH = SweepFixtures.TRAIN.size();

  @TempDir Path dir;

  @Test
  void survivors_trainOnlyTheirNewEpochs_andEqualARunFromScratch() throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<TrialResult> all = run(PLAN, dir.resolve("a"), 2, registry);
    assertThat(all).extracting(t -> t.result().epochs().size())
        .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 9, 9);

    ExperimentRunner alone = new ExperimentRunner(new SweepFixtures.CountingLoader(), RuleBook.builtIn(),
        NetworkFactory.fromConfig(), new Trainer(), new SimpleMeterRegistry());
    Map<String, Trial> trials = trialsById();
    for (TrialResult t : all.subList(12, 18)) {
      Trial trial = trials.get(t.trial());
      ExperimentResult scratch = alone.run(PLAN.configOf(trial), TrainingListener.NONE).result();
      assertThat(figures(t.result())).as(t.trial()).isEqualTo(figures(scratch));
      assertThat(t.seed()).as("one seed for every rung of a repeat").isEqualTo(all.stream()
          .filter(o -> o.repeat() == t.repeat() && o.result().epochs().size() == 1
              && o.parameters().get("training.learningRate").equals(t.parameters().get("training.learningRate")))
          .findFirst().orElseThrow().seed());
      int epochsBefore = t.result().epochs().size() == 3 ? 1 : 3;
      assertThat(registry.get(TrainingMetrics.SAMPLES).tag("trial", t.trial()).counter().count())
          .as("%s trained only epochs %d…", t.trial(), epochsBefore + 1)
          .isEqualTo((double) SAMPLES_PER_EPOCH * (t.result().epochs().size() - epochsBefore));
    }
  }

  @Test
  void duringARung_onlyRunsOfPointsThatMayStillSurviveAreHeld() throws IOException {
    List<TrialResult> rung = run(PLAN, dir.resolve("a"), 2, new SimpleMeterRegistry()).subList(0, 12);
    Map<String, ExperimentRun> held = new HashMap<>();
    rung.forEach(t -> held.put(withoutEpochs(t), null));
    // the first three points have finished; the third-best of them cannot be among the best two
    HalvingSweep.dropLosers(PLAN.points(), rung.subList(0, 6), 2, 2, Ranking.ANY, held);
    List<SweepPoint> bestOfThree = HalvingSweep.best(PLAN.points().subList(0, 3), rung.subList(0, 6), 2, Ranking.ANY);
    assertThat(held).hasSize(10).containsKeys(bestOfThree.get(0).canonical() + "#0", bestOfThree.get(1).canonical() + "#1");
    HalvingSweep.dropLosers(PLAN.points(), rung, 2, 2, Ranking.ANY, held);
    assertThat(held.keySet()).containsExactlyInAnyOrderElementsOf(HalvingSweep.best(PLAN.points(), rung, 2, Ranking.ANY).stream()
        .flatMap(p -> java.util.stream.Stream.of(p.canonical() + "#0", p.canonical() + "#1")).toList());
  }

  /** The trial's id without its epochs: how the runner holds its run. */
  private static String withoutEpochs(TrialResult t) {
    Map<String, Object> params = new java.util.TreeMap<>(t.parameters());
    params.remove(SweepPlan.EPOCHS_KEY);
    return org.nnlab.experiment.ResultsJson.toJsonLine(params) + "#" + t.repeat();
  }

  @Test
  void resumedAfterTheFirstRung_survivorsTrainFromScratch_toTheSameNumbers_onAnyPoolSize() throws IOException {
    Map<String, String> uninterrupted = byTrial(run(PLAN, dir.resolve("a"), 1, new SimpleMeterRegistry()));
    // a sweep killed after its first rung: 12 stored trials, no network in memory
    Files.createDirectories(dir.resolve("b"));
    Files.write(dir.resolve("b").resolve(ResultsStore.FILE),
        Files.readAllLines(dir.resolve("a").resolve(ResultsStore.FILE)).subList(0, 12));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<TrialResult> resumed = run(PLAN, dir.resolve("b"), 3, registry);
    assertThat(byTrial(resumed)).isEqualTo(uninterrupted).hasSize(18);
    TrialResult atThree = resumed.get(12);
    assertThat(registry.get(TrainingMetrics.SAMPLES).tag("trial", atThree.trial()).counter().count())
        .isEqualTo(3.0 * SAMPLES_PER_EPOCH);
  }

  private static List<TrialResult> run(SweepPlan plan, Path dir, int threads, SimpleMeterRegistry registry)
      throws IOException {
    Files.createDirectories(dir);
    SweepRunner sweeps = new SweepRunner(new SweepFixtures.CountingLoader(), SweepFixtures.runners(registry));
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      return sweeps.run(plan, store, threads, SweepListener.NONE);
    }
  }

  private static Map<String, Trial> trialsById() {
    return List.of(1, 3, 9).stream()
        .flatMap(e -> PLAN.trialsOf(SweepPlan.atEpochs(PLAN.points(), e)).stream())
        .collect(Collectors.toMap(Trial::id, Function.identity()));
  }

  /** Status, accuracy and every epoch's accuracy and loss, as text so NaN compares equal. */
  private static String figures(ExperimentResult r) {
    return r.status() + " " + r.accuracy() + " "
        + r.epochs().stream().map(e -> e.epoch() + ":" + e.accuracy() + "/" + e.loss()).toList();
  }

  private static Map<String, String> byTrial(List<TrialResult> results) {
    return results.stream().collect(Collectors.toMap(TrialResult::trial, t -> t.seed() + " " + figures(t.result())));
  }
}
