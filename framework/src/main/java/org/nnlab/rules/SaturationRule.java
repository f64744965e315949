package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.network.Network;

/**
 * {@code saturation}: on a probe batch (the first {@value #PROBE} samples of the test data), the
 * share of hidden-node outputs below 0.01 or above 0.99 stays at most {@value #MAX_SHARE}. There the
 * sigmoid's slope O(1 − O) is under 0.01, so saturated nodes all but stop learning. Output nodes are
 * left out when there are hidden layers: reaching the targets 0.01 / 0.99 is their job.
 */
public final class SaturationRule extends AbstractRule {
  public static final String ID = "saturation";
  static final int PROBE = 200;
  static final double LOW = 0.01;
  static final double HIGH = 0.99;
  static final double MAX_SHARE = 0.5;

  public SaturationRule() {
    super(ID, Severity.WARN, EnumSet.of(Phase.INIT, Phase.EPOCH),
        "at most half the hidden outputs on a probe batch lie below 0.01 or above 0.99: saturated nodes stop learning");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    Dataset probe = context.probeData();
    Network net = context.network();
    if (probe == null || net == null || probe.features() != net.layerSizes()[0]) {
      return List.of();
    }
    double[] share = saturatedShare(net, probe, InputScaling.of(context.config().data().inputs()), PROBE);
    List<Violation> found = new ArrayList<>();
    int[] sizes = net.layerSizes();
    int firstChecked = sizes.length > 2 ? 1 : sizes.length - 1;
    int lastChecked = sizes.length > 2 ? sizes.length - 2 : sizes.length - 1;
    for (int k = firstChecked; k <= lastChecked; k++) {
      if (share[k] > MAX_SHARE) {
        found.add(Violation.of(String.format(
            "%s: %.0f%% of layer %d's outputs on %d probe samples lie below 0.01 or above 0.99"
                + " (allowed: %.0f%%); saturated nodes stop learning — check the init scale and input range",
            context.epoch() == null ? "after init" : "after epoch " + context.epoch().epoch(),
            100 * share[k], k, Math.min(PROBE, probe.size()), 100 * MAX_SHARE)));
      }
    }
    return found;
  }

  /** For each layer k ≥ 1, the share of its outputs outside [0.01, 0.99] over the first samples. */
  public static double[] saturatedShare(Network net, Dataset data, InputScaling scaling, int samples) {
    int[] sizes = net.layerSizes();
    long[] count = new long[sizes.length];
    int n = Math.min(samples, data.size());
    double[] x = new double[data.features()];
    for (int i = 0; i < n; i++) {
      data.scaledInputs(i, scaling, x);
      double[][] o = net.forward(x);
      for (int k = 1; k < sizes.length; k++) {
        for (double v : o[k]) {
          if (v < LOW || v > HIGH) {
            count[k]++;
          }
        }
      }
    }
    double[] share = new double[sizes.length];
    for (int k = 1; k < sizes.length; k++) {
      share[k] = n == 0 ? 0.0 : count[k] / (double) ((long) n * sizes[k]);
    }
    return share;
  }
}
