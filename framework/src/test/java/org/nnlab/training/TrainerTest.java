package org.nnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.config.Distort;
import org.nnlab.config.TrainingConfig;
import org.nnlab.data.Dataset;
import org.nnlab.data.Distortion;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.network.Backprop;
import org.nnlab.network.Network;
import org.nnlab.network.EngineOptions;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;
import org.nnlab.testsupport.RandomNetworks;
import org.nnlab.testsupport.TinyData;

/** The trainer's fast path against the plain loop over {@link Network#train} it replaces. */
class TrainerTest {
  private static final Dataset DATA = TinyData.of("tiny", 300, 5, 5, 3, (i, j) -> (i * 37 + j * 11) % 256);
  private static final InputScaling SCALING = new InputScaling(0.01, 1.0);
  private static final TargetEncoding TARGETS = new TargetEncoding(0.01, 0.99);

  @ParameterizedTest
  @CsvSource({"25-7-3, EXACT", "25-7-3, BOOK", "25-3, EXACT", "25-9-6-3, BOOK"})
  void perSampleDouble_givesTheReferenceWeights_andLosses(String shape, Backprop rule) {
    int[] sizes = java.util.Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
    Network trained = RandomNetworks.network(sizes, 5);
    Network reference = RandomNetworks.network(sizes, 5);
    TrainingConfig config = new TrainingConfig(0.2, 2, false, rule);
    TrainingOutcome out = new Trainer().train(trained, DATA, config, SCALING, TARGETS, new SplittableRandom(1),
        TrainingListener.NONE);

    double[] x = new double[DATA.features()];
    double[] t = new double[3];
    double firstEpochLoss = 0;
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int i = 0; i < DATA.size(); i++) {
        DATA.scaledInputs(i, SCALING, x);
        TARGETS.encode(DATA.label(i), t);
        double loss = reference.train(x, t, 0.2, rule);
        firstEpochLoss += epoch == 0 ? loss : 0;
      }
    }
    assertThat(out.status()).isEqualTo(TrainingStatus.COMPLETED);
    assertThat(out.epochs().get(0).loss()).isCloseTo(firstEpochLoss / DATA.size(), within(1e-12));
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(trained.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
  }

  @ParameterizedTest
  @CsvSource({"1", "7", "300"})
  void miniBatchesAndFloat_trainToSaneWeights(int batchSize) {
    for (Precision precision : Precision.values()) {
      Network net = RandomNetworks.network(new int[] {25, 7, 3}, 5);
      TrainingConfig config = new TrainingConfig(0.2, 3, true, Backprop.EXACT, batchSize);
      TrainingOutcome out = new Trainer().train(net, DATA, config, new EngineOptions(precision, KernelChoice.AUTO), SCALING, TARGETS,
          new SplittableRandom(1), 0, TrainingListener.NONE);
      assertThat(out.status()).isEqualTo(TrainingStatus.COMPLETED);
      assertThat(net.isFinite()).isTrue();
      // the loss goes down over the epochs whatever the options
      assertThat(out.epochs().get(2).loss()).as("%s, batch %d", precision, batchSize)
          .isLessThan(out.epochs().get(0).loss());
    }
  }

  @Test
  void interruptedBetweenEpochs_stopsBeforeTheNextBlock_withStatusInterrupted_andKeepsTheFlag() {
    Network net = RandomNetworks.network(new int[] {25, 7, 3}, 5);
    TrainingListener interruptAfterFirst = new TrainingListener() {
      @Override
      public boolean onEpoch(EpochResult epoch, Network network) {
        Thread.currentThread().interrupt(); // as a sweep cancelling its trials would
        return true;
      }
    };
    TrainingOutcome out;
    boolean flagKept;
    try {
      out = new Trainer().train(net, DATA, new TrainingConfig(0.2, 3, true, Backprop.EXACT), SCALING, TARGETS,
          new SplittableRandom(1), interruptAfterFirst);
    } finally {
      flagKept = Thread.interrupted(); // clears it for the next test
    }
    assertThat(flagKept).isTrue();
    assertThat(out.status()).isEqualTo(TrainingStatus.INTERRUPTED);
    assertThat(out.epochs()).hasSize(1);
    assertThat(out.samplesTrained()).as("epoch 2 trained no sample").isEqualTo(DATA.size());
  }

  @ParameterizedTest
  @CsvSource({"1", "7"})
  void distortion_drawingNothing_trainsBitForBitAsWithout_andDrawingSomething_changesTheWeightsReproducibly(
      int batchSize) {
    TrainingConfig config = new TrainingConfig(0.2, 2, true, Backprop.EXACT, batchSize);
    double[] plain = trained(config, Distortion.NONE);
    Distortion none = Distortion.of(Distort.NONE.withElastic(0, 1.5), DATA, 3); // on, but moves nothing
    Distortion some = Distortion.of(Distort.NONE.withShift(1).withRotate(10).withElastic(2, 1), DATA, 3);

    assertThat(trained(config, none)).isEqualTo(plain);
    double[] distorted = trained(config, some);
    assertThat(distorted).isNotEqualTo(plain);
    assertThat(trained(config, some)).isEqualTo(distorted);
  }

  /** The first weight matrix after training a fixed network with {@code distortion}. */
  private static double[] trained(TrainingConfig config, Distortion distortion) {
    Network net = RandomNetworks.network(new int[] {25, 7, 3}, 5);
    TrainingOutcome out = new Trainer().train(net, DATA, config, EngineOptions.DEFAULT, SCALING, TARGETS, distortion,
        new SplittableRandom(1), 0, TrainingListener.NONE);
    assertThat(out.status()).isEqualTo(TrainingStatus.COMPLETED);
    return net.weights(0);
  }
}
