package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.testsupport.RandomNetworks;

/**
 * The fast engine against the reference {@link Network}: random shapes of 2–4 layers (none, one or
 * two hidden layers) of 1–20 nodes, random data, both rules, both kernel implementations, any block
 * length, with or without weight decay λ: after 1,000 per-sample steps every weight is within 1e-12
 * of the reference's; mini-batches are the mean of their steps taken at the same weights (after one
 * shrink by 1 − α·λ); the forward pass for evaluation is the reference's.
 */
class BlockNetworkProperties {
  private static final int STEPS = 1_000;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 20).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<KernelChoice> kernels() {
    return Arbitraries.of(KernelChoice.SCALAR, KernelChoice.AUTO);
  }

  @Property(tries = 100)
  void thousandSteps_matchTheReference_within1e12_withOrWithoutWeightDecay(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll Backprop rule, @ForAll("kernels") KernelChoice kernels,
      @ForAll @IntRange(min = 1, max = BlockNetwork.BLOCK) int block,
      @ForAll boolean decay, @ForAll @DoubleRange(min = 0, max = 1) double lambda) {
    double λ = decay ? lambda : 0; // with decay, the block's products and corrections rescaled by powers of 1 − α·λ
    Statistics.collect(sizes.length + " layers", decay ? "weight decay" : "the book's");
    Network reference = RandomNetworks.network(sizes, seed);
    BlockNetwork engine = decay ? BlockNetwork.of(reference, kernels, 1, λ) : BlockNetwork.of(reference, kernels, 1);
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[block][];
    double[][] ts = new double[block][];
    double[] losses = new double[block];
    for (int s = 0; s < STEPS; s += block) {
      int count = Math.min(block, STEPS - s);
      for (int b = 0; b < count; b++) {
        xs[b] = RandomNetworks.inputs(sizes[0], rng.nextLong());
        ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
      }
      assertThat(engine.trainBlock(xs, ts, count, 0.3, rule, losses)).isEqualTo(count);
      for (int b = 0; b < count; b++) {
        assertThat(losses[b]).isCloseTo(reference.train(xs[b], ts[b], 0.3, λ, rule), within(1e-12));
      }
    }
    Network trained = reference.copy();
    engine.copyTo(trained);
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(trained.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
    assertThat(engine.query(xs, 1)[0]).containsExactly(reference.query(xs[0]), within(1e-12));
  }

  @Property(tries = 40)
  void batchOfB_isTheMeanOfBStepsTakenAtTheSameWeights_afterOneShrinkWithWeightDecay(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int batch,
      @ForAll boolean decay, @ForAll @DoubleRange(min = 0, max = 1) double lambda) {
    double λ = decay ? lambda : 0; // half the tries the book's batch, bit for bit the constructor without λ
    Network reference = RandomNetworks.network(sizes, seed);
    BlockNetwork engine = decay ? BlockNetwork.of(reference, KernelChoice.AUTO, batch, λ)
        : BlockNetwork.of(reference, KernelChoice.AUTO, batch);
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[batch][];
    double[][] ts = new double[batch][];
    double[] losses = new double[batch];
    for (int round = 0; round < 3; round++) {
      int count = round == 2 ? Math.max(1, batch / 2) : batch; // the last batch of an epoch may be short
      double[][] expected = new double[reference.weightLayers()][];
      for (int k = 0; k < expected.length; k++) {
        expected[k] = reference.weights(k);
        for (int i = 0; i < expected[k].length && λ != 0; i++) {
          expected[k][i] *= 1 - 0.4 * λ; // W ← (1 − α·λ)·W once per batch, then the batch's mean step
        }
      }
      for (int b = 0; b < count; b++) {
        xs[b] = RandomNetworks.inputs(sizes[0], rng.nextLong());
        ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
        double[][] d = reference.updateDirection(xs[b], ts[b], Backprop.EXACT); // at the batch's weights
        for (int k = 0; k < expected.length; k++) {
          for (int i = 0; i < d[k].length; i++) {
            expected[k][i] += 0.4 / count * d[k][i];
          }
        }
      }
      for (int k = 0; k < expected.length; k++) {
        reference.setWeights(k, expected[k]);
      }
      engine.trainBlock(xs, ts, count, 0.4, Backprop.EXACT, losses);
    }
    Network trained = reference.copy();
    engine.copyTo(trained);
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(trained.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
  }

  @Property(tries = 30)
  void copyTo_writesTheTrainedWeightsBackIntoTheNetwork(@ForAll("shapes") int[] sizes, @ForAll long seed) {
    Network reference = RandomNetworks.network(sizes, seed);
    Network target = RandomNetworks.network(sizes, seed);
    TrainingEngine engine = TrainingEngine.of(target, Precision.DOUBLE, 1);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int s = 0; s < 50; s++) {
      double[] x = RandomNetworks.inputs(sizes[0], rng.nextLong());
      double[] t = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
      reference.train(x, t, 0.2, Backprop.EXACT);
      engine.train(x, t, 0.2, Backprop.EXACT);
    }
    engine.copyTo(target);
    for (int k = 0; k < reference.weightLayers(); k++) {
      assertThat(target.weights(k)).containsExactly(reference.weights(k), within(1e-12));
    }
  }

  @Property(tries = 20)
  void aNonFiniteLoss_stopsTheBlockAfterThatSample(@ForAll("shapes") int[] sizes, @ForAll long seed) {
    Network reference = RandomNetworks.network(sizes, seed);
    BlockNetwork engine = BlockNetwork.of(reference, KernelChoice.AUTO, 1);
    double[][] xs = new double[4][];
    double[][] ts = new double[4][];
    for (int b = 0; b < 4; b++) {
      xs[b] = RandomNetworks.inputs(sizes[0], seed + b);
      ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], seed + b);
    }
    ts[1][0] = Double.NaN;
    assertThat(engine.trainBlock(xs, ts, 4, 0.3, Backprop.EXACT, new double[4])).isEqualTo(2);
  }

  @Property(tries = 40)
  void query_agreesWithTheReferenceForward(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll("kernels") KernelChoice kernels,
      @ForAll @IntRange(min = 1, max = BlockNetwork.BLOCK) int count) {
    Network reference = RandomNetworks.network(sizes, seed);
    double[][] xs = new double[count][];
    for (int b = 0; b < count; b++) {
      xs[b] = RandomNetworks.inputs(sizes[0], seed + b);
    }
    double[][] out = BlockNetwork.of(reference, kernels, 1).query(xs, count);
    for (int b = 0; b < count; b++) {
      assertThat(out[b]).containsExactly(reference.query(xs[b]), within(1e-14));
    }
  }

  @Property(tries = 30)
  void zeroDecay_isTheBooksStepBitForBit(@ForAll("shapes") int[] sizes, @ForAll long seed,
      @ForAll Backprop rule, @ForAll @IntRange(min = 1, max = 40) int batch) {
    Network start = RandomNetworks.network(sizes, seed);
    BlockNetwork plain = BlockNetwork.of(start, KernelChoice.AUTO, batch);
    BlockNetwork zero = BlockNetwork.of(start, KernelChoice.AUTO, batch, 0.0);
    Network reference = start.copy();
    Network referenceZero = start.copy();
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[batch][];
    double[][] ts = new double[batch][];
    double[] losses = new double[batch];
    for (int s = 0; s < 200; s += batch) {
      for (int b = 0; b < batch; b++) {
        xs[b] = RandomNetworks.inputs(sizes[0], rng.nextLong());
        ts[b] = RandomNetworks.targets(sizes[sizes.length - 1], rng.nextLong());
        reference.train(xs[b], ts[b], 0.3, rule);
        referenceZero.train(xs[b], ts[b], 0.3, 0.0, rule);
      }
      plain.trainBlock(xs, ts, batch, 0.3, rule, losses);
      zero.trainBlock(xs, ts, batch, 0.3, rule, losses);
    }
    Network a = start.copy();
    Network b = start.copy();
    plain.copyTo(a);
    zero.copyTo(b);
    for (int k = 0; k < start.weightLayers(); k++) {
      assertThat(b.weights(k)).isEqualTo(a.weights(k));
      assertThat(referenceZero.weights(k)).isEqualTo(reference.weights(k));
    }
  }
}
