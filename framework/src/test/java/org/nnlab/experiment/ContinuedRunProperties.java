package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.config.Distort;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.TrainingConfig;
import org.nnlab.network.Backprop;
import org.nnlab.network.Precision;
import org.nnlab.rules.RuleBook;
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
      @ForAll boolean distorted) {
    ExperimentConfig tiny = TinyExperiments.config();
    // every kind at once: each sample's draw must depend on (seed, epoch, sample) alone
    Distort distort = Distort.NONE.withShift(1).withRotate(30).withScale(0.2).withElastic(3, 1).withFlip(true);
    ExperimentConfig base = tiny.withData(tiny.data().withDistort(distorted ? distort : Distort.NONE));
    List<Integer> layers = twoHiddenLayers ? List.of(4, 3, 3, 2) : List.of(4, 3, 2);
    ExperimentConfig config = base.withSeed(seed)
        .withNetwork(new NetworkConfig(layers, null, null, null, precision))
        .withTraining(new TrainingConfig(0.5, epochsBefore + epochsMore, shuffle, rule, batchSize));
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
}
