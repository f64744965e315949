package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.data.Dataset;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.config.DataSource;
import org.nnlab.config.InputRange;
import org.nnlab.config.Targets;
import org.nnlab.config.TrainingConfig;
import org.nnlab.experiment.Provenance;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

class BackQueryTest {

  @Test
  void rescale_mapsMinTo001_andMaxTo099() {
    assertThat(BackQuery.rescale(new double[] {-3, 1, 5})).containsExactly(new double[] {0.01, 0.5, 0.99}, within(1e-15));
    assertThat(BackQuery.rescale(new double[] {2, 2})).containsExactly(0.5, 0.5);
  }

  @Test
  void inputs_ofOneLayerNetwork_followTheBooksSteps_byHand() {
    // W = [[1, 2]], target 0.99: σ⁻¹(0.99) = ln 99; back = [ln 99, 2 ln 99] → rescaled [0.01, 0.99]
    Network net = Network.of(new int[] {2, 1}, Activation.sigmoid(), new double[][] {{1, 2}});
    assertThat(BackQuery.inputs(net, new double[] {0.99})).containsExactly(new double[] {0.01, 0.99}, within(1e-15));
    Network negative = Network.of(new int[] {2, 1}, Activation.sigmoid(), new double[][] {{1, 2}});
    assertThat(BackQuery.inputs(negative, new double[] {0.01})).containsExactly(new double[] {0.99, 0.01}, within(1e-15));
  }

  @Test
  void backQueriedImages_ofATrainedNetwork_classifyBackToTheirOwnLabel() {
    Dataset train = new DefaultDatasetLoader().load(new DataSource.Named("mnist-sample", "train"));
    Network net = Network.create(new int[] {784, 100, 10}, Activation.sigmoid(), Initializer.normalFanIn(),
        new SplittableRandom(42));
    new Trainer().train(net, train, new TrainingConfig(0.1, 1, true, Backprop.EXACT),
        InputScaling.of(InputRange.DEFAULT), TargetEncoding.of(Targets.DEFAULT), new SplittableRandom(1),
        TrainingListener.NONE);
    Model model = new Model(net, InputRange.DEFAULT, Targets.DEFAULT, "",
        Provenance.here("", java.util.Map.of(), 42));
    int own = 0;
    for (int n = 0; n < 10; n++) {
      double[] x = BackQuery.inputs(model, n);
      assertThat(java.util.Arrays.stream(x).min().getAsDouble()).isCloseTo(0.01, within(1e-12));
      assertThat(java.util.Arrays.stream(x).max().getAsDouble()).isCloseTo(0.99, within(1e-12));
      if (model.label(x) == n) {
        own++;
      }
    }
    assertThat(own).as("back-query images labelled as their own label").isGreaterThanOrEqualTo(9);
  }
}
