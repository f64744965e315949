package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Severity;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.network.Backprop;
import org.nnlab.network.EngineOptions;
import org.nnlab.network.Network;
import org.nnlab.network.Precision;
import org.nnlab.network.TrainingEngine;

/**
 * {@code gradient}: the back-propagated update equals −α times the central finite difference of
 * E = ½Σ(t − o)² (plus λ·½ΣW² with {@code training.weightDecay} λ), (E(w + ε) − E(w − ε)) / 2ε with ε = {@value #EPS}, on a few real samples and a
 * seeded sample of up to {@value #WEIGHTS_PER_LAYER} weights per layer. Proves the engine that
 * trains: the update is one step of the config's own engine (its precision and kernels, {@link
 * TrainingEngine#updateDirection}), E is the reference {@link Network}'s in double.
 *
 * <p>With {@code backprop: exact} every layer must agree to a relative error ≤ {@value #TOLERANCE}
 * ({@value #FLOAT_TOLERANCE} at float precision, whose every operation rounds to ~6e-8); an error
 * otherwise: the engine is wrong. With {@code backprop: book} the last layer must agree and each
 * hidden layer's measured deviation is reported as a declared warning: the book's rule leaves out
 * the next layer's σ', by design.
 */
public final class GradientRule extends AbstractRule {
  public static final String ID = "gradient";
  static final double EPS = 1e-6;
  static final double TOLERANCE = 1e-6;
  static final double FLOAT_TOLERANCE = 1e-3;
  static final int WEIGHTS_PER_LAYER = 40;
  static final int SAMPLES = 3;
  static final double NOISE_FLOOR = 1e-3;

  public GradientRule() {
    super(ID, Severity.WARN, EnumSet.of(Phase.GRADIENT),
        "back-propagated updates equal −α·∂E/∂W by central finite differences; reports the book rule's hidden-layer deviation");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    ExperimentConfig config = context.config();
    Network net = context.network().copy();
    Backprop rule = config.training().backprop();
    EngineOptions engine = config.network().engine();
    double tolerance = engine.precision() == Precision.FLOAT ? FLOAT_TOLERANCE : TOLERANCE;
    double[][] deviation = new double[SAMPLES][];
    SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
    for (int s = 0; s < SAMPLES; s++) {
      double[][] xt = sample(context, s, rng);
      deviation[s] = relativeDeviation(net, engine, xt[0], xt[1], rule, config.training().weightDecay(), rng);
    }
    List<Violation> found = new ArrayList<>();
    int layers = net.weightLayers();
    for (int k = 0; k < layers; k++) {
      double worst = 0.0;
      for (double[] d : deviation) {
        worst = Math.max(worst, d[k]);
      }
      boolean hidden = k < layers - 1;
      if (worst <= tolerance) {
        continue;
      }
      if (rule == Backprop.BOOK && hidden) {
        found.add(Violation.advisory(String.format(
            "backprop: book — the update of weights into layer %d deviates from −α·∂E/∂W by %.1f%%"
                + " (relative, worst of %d samples), as declared: the book's recombined errors leave out"
                + " the next layer's σ'; use backprop: exact for the true gradient",
            k + 1, 100 * worst, SAMPLES)));
      } else {
        found.add(Violation.of(String.format(
            "backprop: %s — the update of weights into layer %d deviates from −α·∂E/∂W by %.3g"
                + " (relative; allowed %.0e): the engine (%s) does not compute the gradient it claims",
            rule.id(), k + 1, worst, tolerance, engine.describe().summary())));
      }
    }
    return found;
  }

  /**
   * ‖D − G‖ / max(‖G‖, 1e-3) per layer over sampled weights, where D is the update direction of
   * {@code engine}'s step by {@code rule} and G is −∂E/∂W by central finite differences.
   */
  public static double[] relativeDeviation(
      Network net, EngineOptions engine, double[] x, double[] t, Backprop rule, SplittableRandom rng) {
    return relativeDeviation(net, engine, x, t, rule, 0, rng);
  }

  /**
   * As above with weight decay λ: D is the step of an engine decaying by λ, G is −∂(E + λ·½ΣW²)/∂W
   * by central differences of that objective.
   */
  public static double[] relativeDeviation(Network net, EngineOptions engine, double[] x, double[] t,
      Backprop rule, double weightDecay, SplittableRandom rng) {
    double[][] direction = TrainingEngine.updateDirection(net, engine, x, t, weightDecay, rule);
    int[] sizes = net.layerSizes();
    double[] result = new double[net.weightLayers()];
    for (int k = 0; k < net.weightLayers(); k++) {
      int rows = sizes[k + 1];
      int cols = sizes[k];
      int count = Math.min(WEIGHTS_PER_LAYER, rows * cols);
      double diff = 0.0;
      double norm = 0.0;
      for (int s = 0; s < count; s++) {
        int idx = count == rows * cols ? s : rng.nextInt(rows * cols);
        double g = -finiteDifference(net, x, t, weightDecay, k, idx / cols, idx % cols);
        double d = direction[k][idx];
        diff += (d - g) * (d - g);
        norm += g * g;
      }
      // floored: below ‖G‖ = 1e-3 the difference quotient's rounding (~1e-10 a weight) dominates
      result[k] = Math.sqrt(diff) / Math.max(Math.sqrt(norm), NOISE_FLOOR);
    }
    return result;
  }

  /** ∂E/∂W_{k+1}[row][col] by central differences; restores the weight. */
  public static double finiteDifference(Network net, double[] x, double[] t, int k, int row, int col) {
    return finiteDifference(net, x, t, 0, k, row, col);
  }

  /**
   * ∂(E + λ·½ΣW²)/∂W_{k+1}[row][col] by central differences; restores the weight. Of the penalty
   * only this weight's term λ·½w² changes between the two evaluations, so only it is added.
   */
  public static double finiteDifference(
      Network net, double[] x, double[] t, double weightDecay, int k, int row, int col) {
    double w = net.weight(k, row, col);
    net.setWeight(k, row, col, w + EPS);
    double plus = net.loss(x, t) + 0.5 * weightDecay * (w + EPS) * (w + EPS);
    net.setWeight(k, row, col, w - EPS);
    double minus = net.loss(x, t) + 0.5 * weightDecay * (w - EPS) * (w - EPS);
    net.setWeight(k, row, col, w);
    return (plus - minus) / (2 * EPS);
  }

  /** A real training sample when data is loaded, else random inputs in [0.01, 1] and a random label. */
  private static double[][] sample(RuleContext context, int s, SplittableRandom rng) {
    int[] sizes = context.network().layerSizes();
    double[] x = new double[sizes[0]];
    double[] t = new double[sizes[sizes.length - 1]];
    TargetEncoding targets = TargetEncoding.of(context.config().data().targets());
    Dataset d = context.train();
    if (d != null && d.features() == x.length && d.size() > s && d.label(s) < t.length) {
      d.scaledInputs(s, InputScaling.of(context.config().data().inputs()), x);
      targets.encode(d.label(s), t);
    } else {
      for (int j = 0; j < x.length; j++) {
        x[j] = rng.nextDouble(0.01, 1.0);
      }
      targets.encode(rng.nextInt(t.length), t);
    }
    return new double[][] {x, t};
  }
}
