package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Severity;
import org.nnlab.config.TrainingConfig;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.rules.RuleBook;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

class ExperimentRunnerTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExperimentRunner runner = new ExperimentRunner(
      TinyExperiments.LOADER, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), registry, MetricsOptions.KEEP);

  @Test
  void run_tinyProblem_learnsIt_andRecordsEveryEpoch() {
    ExperimentRun run = runner.run(TinyExperiments.config(), TrainingListener.NONE);
    ExperimentResult r = run.result();
    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.accuracy()).isEqualTo(1.0);
    assertThat(r.epochs()).extracting(EpochStats::epoch).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.epochs().get(4).loss()).isLessThan(r.epochs().get(0).loss());
    assertThat(r.samplesTrained()).isEqualTo(1_000);
    assertThat(r.confusion()[0][0] + r.confusion()[1][1]).isEqualTo(100);
  }

  @Test
  void run_feedsMicrometer_withTheFiguresOfResultsJson() {
    ExperimentResult r = runner.run(TinyExperiments.config(), TrainingListener.NONE).result();
    assertThat(registry.get(TrainingMetrics.SAMPLES).tag("experiment", "tiny").counter().count()).isEqualTo(1_000);
    assertThat(registry.get(TrainingMetrics.EPOCH).timer().count()).isEqualTo(5);
    assertThat(registry.get(TrainingMetrics.ACCURACY).gauge().value()).isEqualTo(r.accuracy());
    assertThat(r.trainSeconds()).isEqualTo(registry.get(TrainingMetrics.EPOCH).timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
  }

  @Test
  void run_twiceWithOneSeed_isBitIdentical() {
    ExperimentResult a = runner.run(TinyExperiments.config(), TrainingListener.NONE).result();
    ExperimentResult b = runner.run(TinyExperiments.config(), TrainingListener.NONE).result();
    assertThat(b.epochs()).extracting(EpochStats::loss).isEqualTo(a.epochs().stream().map(EpochStats::loss).toList());
  }

  @Test
  void run_withARuleError_trainsNothing_andFails() {
    ExperimentConfig bad = TinyExperiments.config().withTraining(new TrainingConfig(-0.1, 1, true, Backprop.EXACT));
    ExperimentResult r = runner.run(bad, TrainingListener.NONE).result();
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.samplesTrained()).isZero();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("learning-rate");
      assertThat(f.message()).contains("training.learningRate = -0.1 must be > 0");
    });
  }

  @Test
  void run_withSaturationAsError_failsBeforeTraining() {
    ExperimentConfig c = TinyExperiments.config();
    c = new ExperimentConfig(c.name(), c.seed(), c.data(),
        c.network().withInit(Initializer.normal(30.0)), c.training(), Map.of("saturation", Severity.ERROR, "init-scale", Severity.OFF));
    ExperimentResult r = runner.run(c, TrainingListener.NONE).result();
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.samplesTrained()).isZero();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("saturation");
      assertThat(f.message()).startsWith("after init: ");
    });
  }

  @Test
  void continueRun_trainsOnlyTheNewEpochs_butRecordsThemAll() {
    ExperimentConfig five = TinyExperiments.config();
    ExperimentRun two = runner.run(five.withTraining(five.training().withEpochs(2)), TrainingListener.NONE);
    ExperimentRunner tagged = new ExperimentRunner.Factory(RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(),
        registry, MetricsOptions.KEEP).create(TinyExperiments.LOADER, Tags.of("trial", "continued"));
    ExperimentResult r = tagged.continueRun(two, five, TrainingListener.NONE).result();
    assertThat(r.epochs()).extracting(EpochStats::epoch).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.epochs().subList(0, 2)).isEqualTo(two.result().epochs());
    assertThat(r.samplesTrained()).isEqualTo(1_000);
    assertThat(r.trainSeconds()).isGreaterThan(two.result().trainSeconds());
    assertThat(registry.get(TrainingMetrics.SAMPLES).tag("trial", "continued").counter().count())
        .as("the meters count the work done here: epochs 3 to 5").isEqualTo(600);
  }

  @Test
  void continueRun_ofAFailedRun_orWithAnotherConfig_isRefused() {
    ExperimentConfig c = TinyExperiments.config();
    ExperimentRun failed = runner.run(c.withTraining(new TrainingConfig(-0.1, 1, true, Backprop.EXACT)), TrainingListener.NONE);
    assertThatThrownBy(() -> runner.continueRun(failed, c, TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("only a completed run can be continued; this one failed");
    ExperimentRun five = runner.run(c, TrainingListener.NONE);
    assertThatThrownBy(() -> runner.continueRun(five, c, TrainingListener.NONE))
        .hasMessage("training.epochs must exceed the run's 5 to continue it, found 5");
    ExperimentConfig otherSeed = c.withSeed(8).withTraining(c.training().withEpochs(6));
    assertThatThrownBy(() -> runner.continueRun(five, otherSeed, TrainingListener.NONE))
        .hasMessageContaining("only be continued with its own config and more training.epochs");
  }

  @Test
  void check_withGradients_exactPassesSilently_bookWarnsForTheHiddenLayerOnly() {
    assertThat(runner.check(TinyExperiments.config(), true)).isEmpty();
    ExperimentConfig book = TinyExperiments.config().withTraining(new TrainingConfig(0.5, 1, true, Backprop.BOOK));
    assertThat(runner.check(book, true)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("gradient");
      assertThat(f.severity()).isEqualTo(Severity.WARN);
      assertThat(f.message()).contains("weights into layer 1 deviates");
    });
  }

  @Test
  void weightDecay_checksAgainstThePenalisedGradient_andKeepsTheWeightsSmaller() {
    ExperimentConfig plain = TinyExperiments.config();
    TrainingConfig t = plain.training();
    ExperimentConfig decayed = plain.withTraining(new TrainingConfig(
        t.learningRate(), t.epochs(), t.shuffle(), Backprop.EXACT, 1, t.schedule(), 0.05));
    assertThat(runner.check(decayed, true)).as("exact with decay: the engine's step is −α·∇(E + λ·½ΣW²)").isEmpty();
    ExperimentConfig bookDecayed = decayed.withTraining(new TrainingConfig(
        t.learningRate(), t.epochs(), t.shuffle(), Backprop.BOOK, 1, t.schedule(), 0.05));
    assertThat(runner.check(bookDecayed, true)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("weights into layer 1 deviates"));
    double plainWeights = runner.run(plain, TrainingListener.NONE).network().halfSquaredWeights();
    double decayedWeights = runner.run(decayed, TrainingListener.NONE).network().halfSquaredWeights();
    assertThat(decayedWeights).isLessThan(0.9 * plainWeights);
    assertThat(ConfigWriter.toYaml(decayed)).contains("weightDecay: 0.05");
    assertThat(ConfigWriter.toYaml(plain)).doesNotContain("weightDecay");
  }

  @Test
  void run_interruptedWhileTraining_givesNoResult_butSaysWhere() {
    TrainingListener interruptAfterTwo = new TrainingListener() {
      @Override
      public boolean onEpoch(org.nnlab.training.EpochResult epoch, org.nnlab.network.Network network) {
        if (epoch.epoch() == 2) {
          Thread.currentThread().interrupt();
        }
        return true;
      }
    };
    try {
      assertThatThrownBy(() -> runner.run(TinyExperiments.config(), interruptAfterTwo))
          .isInstanceOf(java.util.concurrent.CancellationException.class)
          .hasMessage("tiny: training was interrupted in epoch 3 after 400 samples; a half-trained run has no result");
      assertThat(Thread.currentThread().isInterrupted()).as("the flag stays set").isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
