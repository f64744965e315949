package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The float dot products behind {@link FloatBlockNetwork}'s Gram matrix and {@link
 * FloatUpperLayers}: {@link FloatKernels#of} (vector when the JVM has the module) against {@link
 * ScalarFloatKernels} and against a double dot of the same floats, on lengths around the vector
 * width (tails included) and blocks of 1–16 samples.
 *
 * <p>Tolerance: a float sum of n products, in any order, lies within γ_n·Σ|w_i·x_i| of the exact
 * dot (γ_n = n·u/(1 − n·u), u = 2⁻²⁴, Higham's bound; one more u for the final rounding). The
 * double dot of the same floats is exact in its products and within 1e-16·n relative in its sums,
 * so it stands in for the exact value. Two float orders may differ by twice the bound. A wrong
 * index, a dropped tail or a lane summed twice is off by a whole product, far beyond it.
 */
class FloatKernelsProperties {
  private static final double U = 0x1p-24;

  @Property(tries = 200)
  void dot_vectorAndScalar_agreeWithinFloatRounding_andWithTheDoubleDot(
      @ForAll @IntRange(max = 100) int n, @ForAll long seed) {
    float[] w = randomFloats(n, -2, 2, new SplittableRandom(seed));
    float[] x = randomFloats(n, -2, 2, new SplittableRandom(seed + 1));
    FloatKernels vector = FloatKernels.of(KernelChoice.AUTO);
    FloatKernels scalar = new ScalarFloatKernels();
    float v = vector.dot(w, x, n, new float[vector.lanes()]);
    float s = scalar.dot(w, x, n, new float[scalar.lanes()]);
    double bound = bound(w, x, n);
    assertThat(Math.abs((double) v - doubleDot(w, x, n))).as("vector against double").isLessThanOrEqualTo(bound);
    assertThat(Math.abs((double) s - doubleDot(w, x, n))).as("scalar against double").isLessThanOrEqualTo(bound);
    assertThat(Math.abs((double) v - s)).as("vector against scalar").isLessThanOrEqualTo(2 * bound);
  }

  @Property(tries = 100)
  void gram_isEachPairsDot_inBothKernels_andNearTheDoubleGram(
      @ForAll @IntRange(min = 1, max = FloatBlockNetwork.BLOCK) int count,
      @ForAll @IntRange(max = 100) int n, @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] x = new float[count][];
    for (int b = 0; b < count; b++) {
      x[b] = randomFloats(n, 0.01, 1.0, rng); // the range of scaled pixels
    }
    for (FloatKernels kernels : new FloatKernels[] {FloatKernels.of(KernelChoice.AUTO), new ScalarFloatKernels()}) {
      float[] lanes = new float[kernels.lanes()];
      float[][] g = new float[count][count];
      kernels.gram(x, count, n, g, lanes);
      for (int s = 1; s < count; s++) {
        for (int r = 0; r < s; r++) {
          // the same fixed order as dot: bit for bit, whatever the four-way grouping
          assertThat(Float.floatToIntBits(g[s][r])).as("%s g[%d][%d]", kernels.getClass().getSimpleName(), s, r)
              .isEqualTo(Float.floatToIntBits(kernels.dot(x[r], x[s], n, lanes)));
          assertThat(Math.abs((double) g[s][r] - doubleDot(x[r], x[s], n))).isLessThanOrEqualTo(bound(x[r], x[s], n));
        }
      }
    }
  }

  /** γ_{n+1}·Σ|w_i·x_i|, plus the double dot's own error (negligible, but stated). */
  private static double bound(float[] w, float[] x, int n) {
    double abs = 0.0;
    for (int i = 0; i < n; i++) {
      abs += Math.abs((double) w[i] * x[i]);
    }
    double gamma = (n + 1) * U / (1 - (n + 1) * U);
    return gamma * abs + 1e-15 * abs;
  }

  private static double doubleDot(float[] w, float[] x, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += (double) w[i] * x[i]; // a product of two floats is exact in double
    }
    return s;
  }

  private static float[] randomFloats(int n, double from, double to, SplittableRandom rng) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) rng.nextDouble(from, to);
    }
    return f;
  }
}
