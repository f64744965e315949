package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.testsupport.RandomNetworks;

/**
 * The fast engines against the reference {@link Network}: on random shapes (2–4 layers of 1–20
 * nodes) and random data, 1,000 per-sample steps leave every weight within 1e-12 of the
 * reference's, for both rules and both kernel implementations; the options behave as documented.
 */
class FastNetworkProperties {
  private static final int STEPS = 1_000;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 20).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Kernels> kernels() {
    return Arbitraries.of(new ScalarKernels(), Kernels.BEST);
  }

  @Property(tries = 60)
  void thousandSteps_matchTheReference_within1e12(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule, @ForAll("kernels") Kernels kernels) {
    Network reference = RandomNetworks.network(sizes, seed);
    FastNetwork fast = FastNetwork.of(reference, 1, kernels);
    double[][] xs = samples(sizes[0], seed);
    double[][] ts = targets(sizes[sizes.length - 1], seed);
    for (int s = 0; s < STEPS; s++) {
      double expectedLoss = reference.train(xs[s % xs.length], ts[s % ts.length], 0.3, rule);
      assertThat(fast.train(xs[s % xs.length], ts[s % ts.length], 0.3, rule)).isCloseTo(expectedLoss, within(1e-12));
    }
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(fast.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
    double[] x = xs[0];
    assertThat(fast.query(x)).containsExactly(reference.query(x), within(1e-12));
  }

  @Property(tries = 30)
  void copyTo_writesTheTrainedWeightsBackIntoTheNetwork(@ForAll("shapes") int[] sizes, @ForAll long seed) {
    Network reference = RandomNetworks.network(sizes, seed);
    Network target = RandomNetworks.network(sizes, seed);
    TrainingEngine engine = TrainingEngine.of(target, Precision.DOUBLE, 1);
    double[][] xs = samples(sizes[0], seed);
    double[][] ts = targets(sizes[sizes.length - 1], seed);
    for (int s = 0; s < 50; s++) {
      reference.train(xs[s], ts[s], 0.2, Backprop.EXACT);
      engine.train(xs[s], ts[s], 0.2, Backprop.EXACT);
    }
    engine.copyTo(target);
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(target.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
  }

  @Property(tries = 30)
  void batchOfB_isTheMeanOfBStepsTakenAtTheSameWeights(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int batch) {
    Network start = RandomNetworks.network(sizes, seed);
    FastNetwork fast = FastNetwork.of(start, batch);
    double[][] xs = samples(sizes[0], seed);
    double[][] ts = targets(sizes[sizes.length - 1], seed);
    double[][] expected = new double[start.weightLayers()][];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = start.weights(k);
    }
    for (int b = 0; b < batch; b++) {
      double[][] d = start.updateDirection(xs[b], ts[b], Backprop.EXACT);
      for (int k = 0; k < expected.length; k++) {
        for (int i = 0; i < d[k].length; i++) {
          expected[k][i] += 0.5 / batch * d[k][i];
        }
      }
      fast.train(xs[b], ts[b], 0.5, Backprop.EXACT);
    }
    for (int k = 0; k < expected.length; k++) {
      assertThat(fast.weights(k)).containsExactly(expected[k], within(1e-12));
    }
  }

  @Property(tries = 30)
  void batchSize1_isPerSampleDescentExactly(@ForAll("shapes") int[] sizes, @ForAll long seed) {
    Network reference = RandomNetworks.network(sizes, seed);
    FastNetwork fast = FastNetwork.of(reference, 1, new ScalarKernels());
    double[][] xs = samples(sizes[0], seed);
    double[][] ts = targets(sizes[sizes.length - 1], seed);
    for (int s = 0; s < 200; s++) {
      reference.train(xs[s], ts[s], 0.3, Backprop.BOOK);
      fast.train(xs[s], ts[s], 0.3, Backprop.BOOK);
    }
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(fast.weights(k)).containsExactly(reference.weights(k)); // bit for bit
    }
  }

  @Property(tries = 40)
  void floatStep_staysWithin1e5OfTheDoubleStep(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule) {
    Network reference = RandomNetworks.network(sizes, seed);
    FloatNetwork single = FloatNetwork.of(reference, 1);
    Network fromFloat = reference.copy();
    double[] x = RandomNetworks.inputs(sizes[0], seed);
    double[] t = RandomNetworks.targets(sizes[sizes.length - 1], seed);
    double lossFloat = single.train(x, t, 0.3, rule);
    double loss = reference.train(x, t, 0.3, rule);
    single.copyTo(fromFloat);
    assertThat(lossFloat).isCloseTo(loss, within(1e-5));
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(fromFloat.weights(k)).containsExactly(reference.weights(k), within(1e-5));
    }
    assertThat(single.query(x)).containsExactly(reference.query(x), within(1e-5));
  }

  @Property(tries = 40)
  void blockedForward_agreesWithTheReferenceForward(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 1, max = BlockedForward.BLOCK) int count) {
    Network reference = RandomNetworks.network(sizes, seed);
    double[][] xs = samples(sizes[0], seed);
    double[][] out = BlockedForward.of(reference).forward(xs, count);
    for (int b = 0; b < count; b++) {
      assertThat(out[b]).containsExactly(reference.query(xs[b]), within(1e-14));
    }
  }

  private static double[][] samples(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[STEPS][];
    for (int s = 0; s < xs.length; s++) {
      xs[s] = RandomNetworks.inputs(n, rng.nextLong());
    }
    return xs;
  }

  private static double[][] targets(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(~seed);
    double[][] ts = new double[STEPS][];
    for (int s = 0; s < ts.length; s++) {
      ts[s] = RandomNetworks.targets(n, rng.nextLong());
    }
    return ts;
  }
}
