package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.testsupport.RandomNetworks;

/**
 * Weight decay λ ({@code training.weightDecay}) against the maths: each step is descent on
 * E + λ·½ΣW², W ← (1 − α·λ)·W + α·δ·oᵀ. Its direction is the negative central difference of that
 * objective — the reference's, and the engine's that trains at both precisions and on both kernel
 * implementations; λ = 0 is the book's step bit for bit. The block engine's deferred, rescaled
 * updates against the reference over 1,000 steps, and mini-batches shrinking once per batch:
 * {@code BlockNetworkProperties}, {@code FloatBlockNetworkProperties}.
 */
class WeightDecayProperties {

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 20).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<EngineOptions> engines() {
    return Arbitraries.of(Precision.class).flatMap(p ->
        Arbitraries.of(KernelChoice.SCALAR, KernelChoice.AUTO).map(k -> new EngineOptions(p, k)));
  }

  @Property(tries = 300)
  void decayedStep_isTheNegativeGradientOfThePenalisedLoss_referenceAndEngine(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll("engines") EngineOptions engine,
      @ForAll Backprop rule, @ForAll @DoubleRange(min = 0, max = 0.5) double lambda) {
    Network net = RandomNetworks.network(sizes, seed);
    double[] x = RandomNetworks.inputs(sizes[0], seed);
    double[] t = RandomNetworks.targets(sizes[sizes.length - 1], seed);
    double[][] reference = net.copy().updateDirection(x, t, lambda, rule);
    double[][] trains = TrainingEngine.updateDirection(net, engine, x, t, lambda, rule);
    double objective = net.loss(x, t) + lambda * net.halfSquaredWeights();
    int last = net.weightLayers() - 1;
    for (int k = 0; k <= last; k++) {
      double[] g = negativeGradient(net, x, t, lambda, k);
      if (rule == Backprop.EXACT || k == last) {
        assertThat(NetworkProperties.relativeError(reference[k], g, objective))
            .as("reference, layer %d of %s", k + 1, Arrays.toString(sizes)).isLessThanOrEqualTo(1e-6);
        assertThat(NetworkProperties.relativeError(trains[k], g, objective))
            .as("%s, layer %d of %s", engine, k + 1, Arrays.toString(sizes))
            .isLessThanOrEqualTo(engine.precision() == Precision.FLOAT ? 1e-3 : 1e-6);
      }
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

  /** −∂(E + λ·½ΣW²)/∂W_k by central differences of that whole objective. */
  private static double[] negativeGradient(Network net, double[] x, double[] t, double lambda, int k) {
    int[] sizes = net.layerSizes();
    double eps = 1e-6;
    double[] g = new double[sizes[k + 1] * sizes[k]];
    for (int i = 0; i < sizes[k + 1]; i++) {
      for (int j = 0; j < sizes[k]; j++) {
        double w = net.weight(k, i, j);
        net.setWeight(k, i, j, w + eps);
        double plus = net.loss(x, t) + lambda * net.halfSquaredWeights();
        net.setWeight(k, i, j, w - eps);
        double minus = net.loss(x, t) + lambda * net.halfSquaredWeights();
        net.setWeight(k, i, j, w);
        g[i * sizes[k] + j] = -(plus - minus) / (2 * eps);
      }
    }
    return g;
  }
}
