package org.nnlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;
import org.nnlab.testsupport.RandomNetworks;

/** The {@code symmetry} rule: random inits never produce identical rows, constant ones always do. */
class SymmetryProperties {

  @Provide
  Arbitrary<Initializer> randomInits() {
    return Arbitraries.of(
        Initializer.normalFanIn(), Initializer.uniformFanIn(), Initializer.normal(0.05), Initializer.normal(0.5));
  }

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(2, 8).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 500)
  void randomInit_noTwoNodesShareWeights_andTrainingKeepsThemDistinct(
      @ForAll("randomInits") Initializer init, @ForAll("shapes") int[] sizes, @ForAll long seed,
      @ForAll Backprop rule) {
    Network net = Network.create(sizes, Activation.sigmoid(), init, new SplittableRandom(seed));
    Statistics.collect(init.id());
    assertNoDuplicateRows(net);
    for (int s = 0; s < 20; s++) {
      net.train(RandomNetworks.inputs(sizes[0], seed + s), RandomNetworks.targets(sizes[sizes.length - 1], seed + s), 0.3, rule);
    }
    assertNoDuplicateRows(net);
  }

  @Property(tries = 500)
  void constantInit_ruleFires_andSymmetricRowsStayIdenticalUnderTraining(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int steps,
      @ForAll Backprop rule) {
    Network net = Network.create(sizes, Activation.sigmoid(), Initializer.constant(0.5), new SplittableRandom(seed));
    for (int s = 0; s < steps; s++) {
      net.train(RandomNetworks.inputs(sizes[0], seed + s), RandomNetworks.targets(sizes[sizes.length - 1], seed + s), 0.3, rule);
    }
    // every hidden layer gets the same signal at every node, so its rows stay clones
    for (int k = 0; k < net.weightLayers() - 1; k++) {
      int cols = sizes[k];
      double[] w = net.weights(k);
      for (int i = 1; i < sizes[k + 1]; i++) {
        assertThat(Arrays.copyOfRange(w, i * cols, (i + 1) * cols))
            .as("layer %d row %d", k + 1, i)
            .containsExactly(Arrays.copyOfRange(w, 0, cols));
      }
    }
    if (sizes.length > 2) {
      assertThat(SymmetryRule.firstDuplicateRows(net, 0)).isNotNull();
    }
  }

  @Property(tries = 300)
  void rulePasses_exactlyWhenNoTwoRowsAreEqual(@ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll boolean duplicate) {
    Network net = RandomNetworks.network(sizes, seed);
    int k = (int) Math.floorMod(seed, (long) net.weightLayers());
    if (duplicate) {
      int cols = sizes[k];
      double[] w = net.weights(k);
      System.arraycopy(w, 0, w, cols, cols); // row 1 := row 0
      net.setWeights(k, w);
    }
    boolean direct = hasDuplicateRows(net);
    boolean fired = SymmetryRule.firstDuplicateRows(net, k) != null
        || java.util.stream.IntStream.range(0, net.weightLayers()).anyMatch(l -> SymmetryRule.firstDuplicateRows(net, l) != null);
    assertThat(fired).isEqualTo(direct).isEqualTo(duplicate);
  }

  private static void assertNoDuplicateRows(Network net) {
    assertThat(hasDuplicateRows(net)).isFalse();
  }

  /** The direct check: compare every pair of rows. */
  private static boolean hasDuplicateRows(Network net) {
    int[] sizes = net.layerSizes();
    for (int k = 0; k < net.weightLayers(); k++) {
      double[] w = net.weights(k);
      int cols = sizes[k];
      for (int a = 0; a < sizes[k + 1]; a++) {
        for (int b = a + 1; b < sizes[k + 1]; b++) {
          if (Arrays.equals(w, a * cols, (a + 1) * cols, w, b * cols, (b + 1) * cols)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
