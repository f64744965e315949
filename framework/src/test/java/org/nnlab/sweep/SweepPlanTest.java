package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigException;
import org.nnlab.config.Severity;
import org.nnlab.rules.Finding;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleException;

class SweepPlanTest {

  @Test
  void validate_listsEveryOffendingPoint_withTheSweepsLine() {
    SweepPlan plan = SweepFixtures.plan("""
        sweep:
          parameters:
            training.learningRate: [-0.5, 0.1, 0.0]
            training.lerningRate: [0.2]
        """);
    assertThatThrownBy(() -> plan.validate(RuleBook.builtIn()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("the sweep is invalid, 3 offending point(s):")
        .hasMessageContaining("sweep.yaml:8:29: point {training.learningRate=-0.5, training.lerningRate=0.2}: "
            + "training.lerningRate is not a known key")
        .hasMessageContaining("point {training.learningRate=0.1, training.lerningRate=0.2}")
        .hasMessageContaining("point {training.learningRate=0.0, training.lerningRate=0.2}")
        .hasMessageContaining("did you mean 'learningRate'");
  }

  @Test
  void validate_pointBreakingAConfigRule_namesTheRule() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1, -0.5]\n");
    assertThatThrownBy(() -> plan.validate(RuleBook.builtIn()))
        .isInstanceOf(RuleException.class)
        .hasMessageStartingWith("the sweep is invalid, 1 offending point(s):")
        .hasMessageContaining("point {training.learningRate=-0.5}: learning-rate [error]");
  }

  @Test
  void check_findsEachPointsFindings_warningsToo_atTheSweepsLine() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1, -0.5, 2.0]\n");
    List<PointFindings> points = plan.check(RuleBook.builtIn());
    // each point at its own value in the sweep block
    assertThat(points).extracting(p -> p.where().substring(p.where().lastIndexOf('/') + 1))
        .containsExactly("sweep.yaml:8:29", "sweep.yaml:8:34", "sweep.yaml:8:40");
    assertThat(points.get(0).findings()).isEmpty();
    assertThat(points.get(1).errors()).singleElement().extracting(Finding::rule).isEqualTo("learning-rate");
    assertThat(points.get(2).hasErrors()).isFalse();
    assertThat(points.get(2).findings()).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN))
        .extracting(Finding::rule).isEqualTo("learning-rate");
    assertThat(points.get(1).describe("x")).endsWith("/sweep.yaml:8:34: point {training.learningRate=-0.5}: x");
    assertThatThrownBy(() -> plan.validate(RuleBook.builtIn())).isInstanceOfSatisfying(RuleException.class,
        e -> assertThat(e.findings()).containsOnlyKeys("{training.learningRate=-0.5}"));
  }

  @Test
  void parse_emptyListAndUnknownSweepKey_areBothReported() {
    assertThatThrownBy(() -> SweepFixtures.plan("sweep:\n  repeat: 2\n  parameters:\n    training.epochs: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sweep.yaml:7:3: sweep.repeat is not a key; did you mean 'repeats'?")
        .hasMessageContaining("sweep.yaml:9:5: sweep.parameters.training.epochs is an empty list");
  }

  @Test
  void validPlan_passes_andEachTrialConfigCarriesItsValueAndSeed() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  repeats: 2\n  parameters:\n    network.layers[1]: [2, 5]\n");
    plan.validate(RuleBook.builtIn());
    Trial t = plan.trials().get(2);
    assertThat(plan.configOf(t).network().layers()).containsExactly(4, 5, 3);
    assertThat(plan.configOf(t).seed()).isEqualTo(t.seed()).isNotEqualTo(plan.base().seed());
  }

  @Test
  void halving_trainsEveryPointOneEpoch_thenTheBestThirdThree(@TempDir Path dir) throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  strategy: halving\n  maxEpochs: 3\n  parameters:\n"
        + "    training.learningRate: [0.01, 0.1, 0.3, 0.6, 1.0, 2.0]\n");
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      List<TrialResult> all = SweepFixtures.runner(new SweepFixtures.CountingLoader())
          .run(plan, store, 2, SweepListener.NONE);
      assertThat(all).hasSize(6 + 2);
      assertThat(all.subList(0, 6)).allSatisfy(t -> assertThat(t.result().epochs()).hasSize(1));
      assertThat(all.subList(6, 8)).allSatisfy(t -> assertThat(t.result().epochs()).hasSize(3));
      double secondBest = all.subList(0, 6).stream().mapToDouble(t -> t.result().accuracy()).sorted()
          .skip(4).findFirst().orElseThrow();
      assertThat(all.subList(6, 8)).allSatisfy(t -> assertThat(
          all.stream().filter(o -> o.result().epochs().size() == 1
              && o.parameters().get("training.learningRate").equals(t.parameters().get("training.learningRate")))
              .findFirst().orElseThrow().result().accuracy()).isGreaterThanOrEqualTo(secondBest));
    }
  }

  @Test
  void runner_startsTheLongestTrialsFirst_andReturnsPlanOrder(@TempDir Path dir) throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.epochs: [1, 3, 2]\n"
        + "    network.layers[1]: [3, 6]\n");
    List<String> started = new java.util.ArrayList<>();
    SweepListener order = new SweepListener() {
      @Override
      public void onTrial(TrialResult result, int done, int total) {
        started.add(result.result().epochs().size() + "x" + result.parameters().get("network.layers[1]"));
      }
    };
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      List<TrialResult> all = SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 1, order);
      // one thread: trials finish in the order they start, most epochs × multiply-adds first
      // (4-6-3: 42 per sample, 4-3-3: 21), ties in plan order
      assertThat(started).containsExactly("3x6", "2x6", "3x3", "1x6", "2x3", "1x3");
      assertThat(all.stream().map(TrialResult::trial)).containsExactlyElementsOf(
          plan.trials().stream().map(Trial::id).toList());
    }
  }

  @Test
  void cachingLoader_readsEachPartOncePerSweep(@TempDir Path dir) throws IOException {
    SweepFixtures.CountingLoader loader = new SweepFixtures.CountingLoader();
    SweepPlan plan = SweepFixtures.plan("sweep:\n  repeats: 3\n  parameters:\n    training.learningRate: [0.1, 0.2]\n");
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      SweepFixtures.runner(loader).run(plan, store, 2, SweepListener.NONE);
    }
    assertThat(loader.loads.get()).isEqualTo(2);
  }

  @Test
  void resultsStore_cutsATornLastLine_andResumeRunsOnlyTheMissingTrials(@TempDir Path dir) throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1, 0.2, 0.3]\n");
    Path file = dir.resolve(ResultsStore.FILE);
    try (ResultsStore store = ResultsStore.open(file)) {
      SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 1, SweepListener.NONE);
    }
    List<String> lines = Files.readAllLines(file);
    // the third trial was being written when the process died: half its line reached the disk
    Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40));
    assertThat(ResultsStore.readAll(file)).hasSize(2);
    try (ResultsStore store = ResultsStore.open(file)) {
      assertThat(store.trialIds()).hasSize(2);
      SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 2, SweepListener.NONE);
    }
    List<String> after = Files.readAllLines(file);
    assertThat(after).hasSize(3);
    assertThat(after.subList(0, 2)).isEqualTo(lines.subList(0, 2));
    assertThat(ResultsStore.readAll(file).stream().map(TrialResult::trial))
        .containsExactlyInAnyOrderElementsOf(plan.trials().stream().map(Trial::id).toList());
  }

  @Test
  void resultsStore_malformedLineBeforeTheLast_isAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(ResultsStore.FILE);
    Files.writeString(file, "{oops\n{\"trial\":\"x\"}\n");
    assertThatThrownBy(() -> ResultsStore.readAll(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("results.jsonl:1: not a trial result");
  }
}
