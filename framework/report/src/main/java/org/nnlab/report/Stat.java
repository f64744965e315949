package org.nnlab.report;

import java.util.List;

/**
 * Mean and sample standard deviation of a few accuracies, at one x of a chart or one row of a table.
 *
 * @param label the x value as text ({@code 0.1}, {@code normal-fan-in})
 * @param x the x value as a number, NaN when it is not one
 * @param std sample standard deviation (n − 1); 0 for a single value
 */
public record Stat(String label, double x, double mean, double std, int n) {

  /** The statistics of {@code values}, ignoring NaN (a diverged trial has no accuracy). */
  public static Stat of(String label, double x, List<Double> values) {
    double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return new Stat(label, x, Double.NaN, 0, 0);
    }
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= v.length;
    double ss = 0;
    for (double d : v) {
      ss += (d - mean) * (d - mean);
    }
    return new Stat(label, x, mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, v.length);
  }
}
