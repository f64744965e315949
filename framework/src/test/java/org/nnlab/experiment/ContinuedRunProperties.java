package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.config.Distort;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.Schedule;
import org.nnlab.config.TrainingConfig;
import org.nnlab.network.Backprop;
import org.nnlab.network.Precision;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.TrialTask;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/** A run continued for more epochs is the run trained for them all at once, bit for bit (distorted too). */
class ContinuedRunProperties {
  private final ExperimentRunner runner = new ExperimentRunner(
      TinyExperiments.LOADER, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), new SimpleMeterRegistry());

  @Property(tries = 30)
  void continuedRun_equalsTheRunFromScratch_inEveryWeightAndEveryEpoch(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int epochsBefore,
      @ForAll @IntRange(min = 1, max = 3) int epochsMore,
      @ForAll Backprop rule,
      @ForAll Precision precision,
      @ForAll @IntRange(min = 1, max = 3) int batchSize,
      @ForAll boolean shuffle,
      @ForAll boolean twoHiddenLayers,
      @ForAll("continuable") Schedule schedule,
      @ForAll boolean distorted) {
    ExperimentConfig tiny = TinyExperiments.config();
    // every kind at once: each sample's draw must depend on (seed, epoch, sample) alone
    Distort distort = Distort.NONE.withShift(1).withRotate(30).withScale(0.2).withElastic(3, 1).withFlip(true);
    ExperimentConfig base = tiny.withData(tiny.data().withDistort(distorted ? distort : Distort.NONE));
    List<Integer> layers = twoHiddenLayers ? List.of(4, 3, 3, 2) : List.of(4, 3, 2);
    ExperimentConfig config = base.withSeed(seed)
        .withNetwork(new NetworkConfig(layers, null, null, null, precision))
        .withTraining(new TrainingConfig(0.5, epochsBefore + epochsMore, shuffle, rule, batchSize, schedule));
    ExperimentConfig shorter = config.withTraining(config.training().withEpochs(epochsBefore));

    ExperimentRun first = runner.run(shorter, TrainingListener.NONE);
    Assume.that(first.result().completed());
    double[] firstWeights = first.network().weights(0);
    ExperimentRun continued = runner.continueRun(first, config, TrainingListener.NONE);
    ExperimentRun scratch = runner.run(config, TrainingListener.NONE);

    for (int k = 0; k < scratch.network().weightLayers(); k++) {
      assertThat(continued.network().weights(k)).as("W%d", k + 1).isEqualTo(scratch.network().weights(k));
    }
    ExperimentResult c = continued.result();
    ExperimentResult s = scratch.result();
    assertThat(c.status()).isEqualTo(s.status());
    assertThat(c.epochs()).extracting(EpochStats::epoch, EpochStats::accuracy, EpochStats::loss)
        .isEqualTo(s.epochs().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.epoch(), e.accuracy(), e.loss()))
            .toList());
    assertThat(c.accuracy()).isEqualTo(s.accuracy());
    assertThat(c.confusion()).isEqualTo(s.confusion());
    assertThat(c.findings()).isEqualTo(s.findings());
    assertThat(c.mistakes()).isEqualTo(s.mistakes());
    assertThat(c.samplesTrained()).isEqualTo(s.samplesTrained());
    assertThat(c.provenance().seed()).isEqualTo(s.provenance().seed());
    assertThat(first.network().weights(0)).as("the continued run is left as it was").isEqualTo(firstWeights);
  }

  /** Schedules whose rates do not depend on the run's length: a shorter run of them goes on into a longer one. */
  @Provide
  Arbitrary<Schedule> continuable() {
    return Arbitraries.oneOf(
        Arbitraries.just(Schedule.CONSTANT),
        Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.doubles().between(0.1, 1).ofScale(2))
            .as(Schedule.Step::new),
        Arbitraries.doubles().between(0.1, 1).ofScale(2).map(Schedule.Exponential::new),
        Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3))
            .as((period, growth) -> new Schedule.Cosine(0.01, period, growth)));
  }

  @Example
  void aCosineOverTheWholeRun_isNotContinued_sinceItsEarlierRatesChangeWithTheLength() {
    ExperimentConfig config = TinyExperiments.config()
        .withTraining(new TrainingConfig(0.5, 3, true, Backprop.EXACT, 1, new Schedule.Cosine(0.01)));
    ExperimentConfig shorter = config.withTraining(config.training().withEpochs(2));
    ExperimentRun first = runner.run(shorter, TrainingListener.NONE);

    assertThat(shorter.training().learningRate(2)).isEqualTo(0.01 + 0.5 * 0.49 * (1 + Math.cos(Math.PI / 2)));
    assertThat(config.training().learningRate(2)).isEqualTo(0.01 + 0.5 * 0.49 * (1 + Math.cos(Math.PI / 3)));
    assertThatThrownBy(() -> runner.continueRun(first, config, TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training.schedule cosine over the whole run sets other learning rates");
    assertThat(TrialTask.of("t", config).continuing(first).continueFrom())
        .as("a sweep's halving trains such a trial from scratch").isEmpty();
    assertThat(TrialTask.of("t", config.withTraining(config.training().withEpochs(2))
        .withTraining(new TrainingConfig(0.5, 3, true, Backprop.EXACT, 1, new Schedule.Cosine(0.01, 2, 1))))
        .continuing(runner.run(shorter.withTraining(new TrainingConfig(0.5, 2, true, Backprop.EXACT, 1,
            new Schedule.Cosine(0.01, 2, 1))), TrainingListener.NONE)).continueFrom())
        .as("with a period, the rates of the epochs trained stay: continued").isPresent();
  }
}
