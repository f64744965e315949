package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.testsupport.RandomNetworks;

/**
 * The engine that trains, against the maths (docs/rules.md, "Two back-propagation rules"): one single-sample step of
 * {@link TrainingEngine#of} — the engine {@code nnlab run} uses, at both precisions and on both
 * kernel implementations — read back as ΔW/α ({@link TrainingEngine#updateDirection}) and compared
 * with −∂E/∂W by central differences of the reference E, for every layer. Random shapes of 2–5
 * layers (no hidden layer up to three) of 1–20 nodes, so vector tails of 8- and 16-lane vectors
 * and padded panels occur; weights at their initial scale or 8× it (saturated sigmoids).
 *
 * <p>{@code exact} must equal the gradient in every layer; {@code book} in the last layer only,
 * and its hidden layers' deviation (it leaves out the next layer's σ') is collected as a
 * statistic; with weight decay λ the objective is E + λ·½ΣW². Tolerances: {@value #DOUBLE_TOLERANCE}
 * relative at double (the finite difference's own accuracy, as {@code NetworkProperties});
 * {@value #FLOAT_TOLERANCE} at float, whose every
 * operation rounds to ~6e-8 and whose ΔW is read back from float weights (see {@link
 * #FLOAT_TOLERANCE}).
 */
class EngineGradientProperties {
  static final double DOUBLE_TOLERANCE = 1e-6;
  /**
   * 30× the worst relative error measured over 2,000 random float cases of these shapes (3.4e-5
   * with saturated weights, 4.4e-6 without; double: 3.3e-8); a missing σ' or a wrong layer is off
   * by percents.
   */
  static final double FLOAT_TOLERANCE = 1e-3;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 20).array(int[].class).ofMinSize(2).ofMaxSize(5);
  }

  @Provide
  Arbitrary<EngineOptions> engines() {
    return Arbitraries.of(Precision.class).flatMap(p ->
        Arbitraries.of(KernelChoice.SCALAR, KernelChoice.AUTO).map(k -> new EngineOptions(p, k)));
  }

  @Property(tries = 500)
  void step_isTheNegativeGradient_inEveryLayerForExact_inTheLastLayerForBook(
      @ForAll("shapes") int[] sizes, @ForAll long seed, @ForAll("engines") EngineOptions engine,
      @ForAll Backprop rule, @ForAll boolean saturated) {
    Network net = network(sizes, seed, saturated);
    double[] x = RandomNetworks.inputs(sizes[0], seed);
    double[] t = RandomNetworks.targets(sizes[sizes.length - 1], seed);
    double[][] d = TrainingEngine.updateDirection(net, engine, x, t, rule);
    Statistics.collect(sizes.length - 2 + " hidden", engine.precision(), saturated ? "saturated" : "unsaturated");
    int last = net.weightLayers() - 1;
    for (int k = 0; k <= last; k++) {
      double error = NetworkProperties.relativeError(d[k], NetworkProperties.negativeGradient(net, x, t, k), net.loss(x, t));
      if (rule == Backprop.EXACT || k == last) {
        assertThat(error).as("%s, layer %d of %s on %s", rule, k + 1, Arrays.toString(sizes), engine)
            .isLessThanOrEqualTo(tolerance(engine));
      } else { // the book leaves out the next layer's σ': its deviation is measured, not bounded
        assertThat(error).isFinite();
        Statistics.label("book's hidden-layer deviation")
            .collect(error < 1 ? "< 100%" : error < 10 ? "100–1,000%" : "≥ 1,000%");
      }
    }
  }

  /** Weight decay λ: the step is −α·∇(E + λ·½ΣW²), in the reference and in the engine that trains. */
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
      double[] g = NetworkProperties.negativeGradient(net, x, t, lambda, k);
      if (rule == Backprop.EXACT || k == last) {
        assertThat(NetworkProperties.relativeError(reference[k], g, objective))
            .as("reference, layer %d of %s", k + 1, Arrays.toString(sizes)).isLessThanOrEqualTo(DOUBLE_TOLERANCE);
        assertThat(NetworkProperties.relativeError(trains[k], g, objective))
            .as("%s, layer %d of %s", engine, k + 1, Arrays.toString(sizes))
            .isLessThanOrEqualTo(tolerance(engine));
      }
    }
  }

  private static double tolerance(EngineOptions engine) {
    return engine.precision() == Precision.FLOAT ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
  }

  /** A random network, its weights scaled 8× when {@code saturated}. */
  private static Network network(int[] sizes, long seed, boolean saturated) {
    Network net = RandomNetworks.network(sizes, seed);
    for (int k = 0; saturated && k < net.weightLayers(); k++) {
      double[] w = net.weights(k);
      for (int i = 0; i < w.length; i++) {
        w[i] *= 8;
      }
      net.setWeights(k, w);
    }
    return net;
  }
}
