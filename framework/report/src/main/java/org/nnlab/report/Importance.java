package org.nnlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How much of the spread in accuracy each swept parameter explains on its own: the correlation
 * ratio η² of accuracy grouped by the parameter's bins ({@link SweepAxis#bin}),
 *
 * <pre>η² = Σ_b n_b (ȳ_b − ȳ)² / Σ_i (y_i − ȳ)²</pre>
 *
 * the share of the variance of y (accuracy over the trials) that lies between the bins' means — the
 * main effect of a functional ANOVA ("fANOVA-lite", Hutter et al. 2014 without the random forest).
 * 0 when the parameter does not matter, 1 when it alone fixes the accuracy.
 *
 * <pre>{@code
 * List<Importance.Share> shares = Importance.of(axes, samples);  // largest first
 * }</pre>
 *
 * <p>Caveats: interactions between parameters are left out (the shares need not sum to 1); with few
 * trials per bin η² is biased upwards (bins hold ≥ √n trials to keep this small); trials without an
 * accuracy (diverged, failed) are left out. Deterministic.
 */
public final class Importance {
  private Importance() {}

  /** One parameter's η², in [0, 1]. */
  public record Share(String key, double eta2) {}

  /** A trial as importance reads it: its parameter values and its accuracy. */
  public record Sample(Map<String, Object> parameters, double accuracy) {}

  /** Every axis's η² over {@code samples}, largest first (ties in axis order). */
  public static List<Share> of(List<SweepAxis> axes, List<Sample> samples) {
    List<Sample> ok = samples.stream().filter(s -> !Double.isNaN(s.accuracy())).toList();
    double mean = ok.stream().mapToDouble(Sample::accuracy).average().orElse(0);
    double total = ok.stream().mapToDouble(s -> (s.accuracy() - mean) * (s.accuracy() - mean)).sum();
    List<Share> shares = new ArrayList<>();
    for (SweepAxis axis : axes) {
      double[] sum = new double[axis.bins()];
      int[] count = new int[axis.bins()];
      for (Sample s : ok) {
        int b = axis.bin(s.parameters().get(axis.key()));
        if (b >= 0) {
          sum[b] += s.accuracy();
          count[b]++;
        }
      }
      double between = 0;
      for (int b = 0; b < sum.length; b++) {
        if (count[b] > 0) {
          double d = sum[b] / count[b] - mean;
          between += count[b] * d * d;
        }
      }
      shares.add(new Share(axis.key(), total > 0 ? Math.min(1, between / total) : 0));
    }
    shares.sort(Comparator.comparingDouble((Share s) -> -s.eta2()));
    return shares;
  }
}
