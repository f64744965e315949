package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.testsupport.RandomNetworks;

/**
 * The float engine, generated at build time from {@link BlockNetwork}'s source, against the double
 * reference {@link Network} and against itself summed in another order (one sample per block, or
 * the other kernels): random shapes of 2–4 layers of 1–20 nodes, random data, both rules, both
 * kernel implementations, any block length or batch size.
 *
 * <p>The tolerance, {@value #TOLERANCE} per weight after 1,000 steps (losses {@value
 * #LOSS_TOLERANCE}): float rounds each operation to ~6e-8 relative, and every step reads the
 * weights the earlier ones rounded, so differences accumulate; over 300 random cases of these
 * shapes the largest weight difference after 1,000 steps was 5.4e-6 to the double reference and
 * 3.8e-6 to a float engine whose sums are ordered differently, the largest loss difference
 * 1.9e-7, with weights of size ~1 that moved by 0.02–5 over the run. The tolerance leaves 10× room
 * for other shapes and seeds, is 7 orders above double's drift (1e-12 in {@code
 * BlockNetworkProperties}) and far below the run's weight changes, so a wrong correction term, a
 * missed update or a wrong rate fails it.
 */
class FloatBlockNetworkProperties {
  private static final int STEPS = 1_000;
  private static final double TOLERANCE = 5e-5;
  private static final double LOSS_TOLERANCE = 2e-6;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 20).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<KernelChoice> kernels() {
    return Arbitraries.of(KernelChoice.SCALAR, KernelChoice.AUTO);
  }

  @Property(tries = 40)
  void thousandSteps_stayNearTheDoubleReferenceAndTheFloatPerSampleSteps_withOrWithoutWeightDecay(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule, @ForAll("kernels") KernelChoice kernels,
      @ForAll @IntRange(min = 1, max = FloatBlockNetwork.BLOCK) int block,
      @ForAll boolean decay, @ForAll @DoubleRange(min = 0, max = 1) double lambda) {
    double λ = decay ? lambda : 0;
    Network reference = RandomNetworks.network(sizes, seed);
    FloatBlockNetwork engine = FloatBlockNetwork.of(reference, kernels, 1, λ);
    FloatBlockNetwork perSample = FloatBlockNetwork.of(reference, kernels, 1, λ); // blocks of one: no corrections
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[block][];
    double[][] ts = new double[block][];
    double[] losses = new double[block];
    double[] loss = new double[1];
    for (int s = 0; s < STEPS; s += block) {
      int count = Math.min(block, STEPS - s);
      for (int b = 0; b < count; b++) {
        xs[b] = RandomNetworks.inputs(sizes[0], rng.nextLong());
        ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
      }
      assertThat(engine.trainBlock(xs, ts, count, 0.3, rule, losses)).isEqualTo(count);
      for (int b = 0; b < count; b++) {
        perSample.trainBlock(new double[][] {xs[b]}, new double[][] {ts[b]}, 1, 0.3, rule, loss);
        assertThat(losses[b]).isCloseTo(reference.train(xs[b], ts[b], 0.3, λ, rule), within(LOSS_TOLERANCE));
      }
    }
    assertWeightsClose(engine, reference, perSample);
  }

  @Property(tries = 30)
  void miniBatches_stayNearTheDoubleEngineAndTheOtherFloatKernelsWithTheSameBatchSize(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule, @ForAll("kernels") KernelChoice kernels,
      @ForAll @IntRange(min = 2, max = 40) int batch) {
    Network start = RandomNetworks.network(sizes, seed);
    FloatBlockNetwork engine = FloatBlockNetwork.of(start, kernels, batch);
    FloatBlockNetwork other = FloatBlockNetwork.of(start,
        kernels == KernelChoice.SCALAR ? KernelChoice.AUTO : KernelChoice.SCALAR, batch);
    BlockNetwork exact = BlockNetwork.of(start, KernelChoice.AUTO, batch);
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[batch][];
    double[][] ts = new double[batch][];
    double[] losses = new double[batch];
    for (int s = 0; s < STEPS; ) {
      int count = Math.min(batch, STEPS - s); // the last batch may be short
      for (int b = 0; b < count; b++) {
        xs[b] = RandomNetworks.inputs(sizes[0], rng.nextLong());
        ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
      }
      other.trainBlock(xs, ts, count, 0.4, rule, losses);
      exact.trainBlock(xs, ts, count, 0.4, rule, losses);
      engine.trainBlock(xs, ts, count, 0.4, rule, losses);
      s += count;
    }
    Network reference = start.copy();
    exact.copyTo(reference);
    assertWeightsClose(engine, reference, other);
  }

  @Property(tries = 20)
  void aNonFiniteLoss_stopsTheBlockAfterThatSample(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int batch) {
    Network start = RandomNetworks.network(sizes, seed);
    FloatBlockNetwork engine = FloatBlockNetwork.of(start, KernelChoice.AUTO, batch == 1 ? 1 : 4);
    double[][] xs = new double[4][];
    double[][] ts = new double[4][];
    for (int b = 0; b < 4; b++) {
      xs[b] = RandomNetworks.inputs(sizes[0], seed + b);
      ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], seed + b);
    }
    ts[1][0] = Double.NaN;
    double[] losses = new double[4];
    assertThat(engine.trainBlock(xs, ts, 4, 0.3, Backprop.EXACT, losses)).isEqualTo(2);
    assertThat(losses[0]).isFinite();
    assertThat(losses[1]).isNaN();
  }

  @Property(tries = 40)
  void floatStep_staysWithin1e5OfTheDoubleStep(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule) {
    Network reference = RandomNetworks.network(sizes, seed);
    FloatBlockNetwork single = FloatBlockNetwork.of(reference, KernelChoice.AUTO, 1);
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
    assertThat(single.query(new double[][] {x}, 1)[0]).containsExactly(reference.query(x), within(1e-5));
  }

  @Example
  void floatPrecision_picksTheFloatEngine_forEveryShape() {
    Network threeLayers = RandomNetworks.network(new int[] {6, 4, 2}, 1);
    Network twoLayers = RandomNetworks.network(new int[] {6, 2}, 1);
    assertThat(TrainingEngine.of(threeLayers, Precision.FLOAT, 1)).isInstanceOf(FloatBlockNetwork.class);
    assertThat(TrainingEngine.of(threeLayers, Precision.FLOAT, 8).blockSize()).isEqualTo(8);
    assertThat(TrainingEngine.of(twoLayers, Precision.FLOAT, 1)).isInstanceOf(FloatBlockNetwork.class);
  }

  private static void assertWeightsClose(FloatBlockNetwork engine, Network reference, FloatBlockNetwork other) {
    Network trained = reference.copy();
    engine.copyTo(trained);
    Network fromOther = reference.copy();
    other.copyTo(fromOther);
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(trained.weights(k)).as("W%d against the double reference", k + 1)
          .containsExactly(reference.weights(k), within(TOLERANCE));
      assertThat(trained.weights(k)).as("W%d against the float engine summing in another order", k + 1)
          .containsExactly(fromOther.weights(k), within(TOLERANCE));
    }
  }
}
