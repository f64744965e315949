package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;
import org.nnlab.network.Network;

/**
 * {@code init-scale}: the starting weights of each layer have a standard deviation near 1/√n, n the
 * node's incoming links. Large weighted sums saturate the sigmoid; a small σ keeps its slope. The
 * measured σ of each layer must lie within a factor {@value #FACTOR} of 1/√n (uniform ±1/√n gives
 * 1/√(3n), a factor 1.7, and passes). A layer of fewer than {@value #MIN_WEIGHTS} weights is too small
 * for that comparison and is only judged when its weights are all equal or not finite.
 */
public final class InitScaleRule extends AbstractRule {
  public static final String ID = "init-scale";
  static final double FACTOR = 2.5;
  /** Weights a layer needs for its σ to be compared with the band ({@link #judged}). */
  static final int MIN_WEIGHTS = 32;

  public InitScaleRule() {
    super(ID, Severity.WARN, EnumSet.of(Phase.INIT),
        "starting weights have σ ≈ 1/√n (n = incoming links): large sums saturate the sigmoid");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    if (context.config().network().startingWeights().isPresent()) {
      return List.of(); // loaded from network.weights, not drawn by network.init: nothing to judge
    }
    Network net = context.network();
    int[] sizes = net.layerSizes();
    List<Violation> found = new ArrayList<>();
    for (int k = 0; k < net.weightLayers(); k++) {
      double[] w = net.weights(k);
      double std = std(w);
      double expected = 1.0 / Math.sqrt(sizes[k]);
      if (!judged(w.length, std)) {
        continue;
      }
      if (!(std >= expected / FACTOR && std <= expected * FACTOR)) {
        found.add(Violation.of(String.format(
            "network.init (%s): weights into layer %d have σ = %.4g, expected about 1/√%d = %.4g"
                + " (within ×%.1f); %s",
            context.config().network().init().id(), k + 1, std, sizes[k], expected, FACTOR,
            !Double.isFinite(std) ? "some weights are not finite"
                : std > expected ? "large sums saturate the sigmoid" : "tiny weights pass almost no signal")));
      }
    }
    return found;
  }

  /**
   * Whether σ measured over {@code m} weights says anything. One weight has no spread to measure:
   * its σ is 0 whatever was drawn, so a chain of one-node layers would warn at every layer. Below
   * {@value #MIN_WEIGHTS} weights, σ drawn right still leaves the band too often (uniform-fan-in
   * over 12 weights: about 1 in 25), so only what a random draw never gives is reported — weights
   * all equal (σ = 0, a constant init) or not finite.
   */
  static boolean judged(int m, double std) {
    if (!Double.isFinite(std)) {
      return true;
    }
    return m >= MIN_WEIGHTS || m >= 2 && std == 0;
  }

  /** Population standard deviation. */
  static double std(double[] w) {
    double mean = 0.0;
    for (double v : w) {
      mean += v;
    }
    mean /= w.length;
    double ss = 0.0;
    for (double v : w) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / w.length);
  }
}
