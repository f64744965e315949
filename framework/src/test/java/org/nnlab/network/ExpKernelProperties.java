package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ExpKernel}'s exp against {@code Math.exp} over the whole finite range (measured: at most
 * 1 ulp apart; 6 % of 10 million uniform arguments differ by that ulp, the rest are equal), its
 * saturation and NaN as {@code Math.exp}, and the block engines' sigmoid kernels giving the same
 * bits in {@code VectorKernels} and {@link ScalarKernels}, and in their float twins.
 */
class ExpKernelProperties {
  /** The largest t with a finite e^t, the smallest with a non-zero one. */
  private static final double OVERFLOW = 709.782712893384;
  private static final double UNDERFLOW = -745.1332191019412;

  static double ulpsApart(double t) {
    double expected = Math.exp(t);
    return Math.abs(ExpKernel.exp(t) - expected) / Math.ulp(expected);
  }

  @Property(tries = 2_000)
  void exp_isWithinOneUlpOfMathExp(@ForAll("finiteRange") double t) {
    assertThat(ulpsApart(t)).isLessThanOrEqualTo(1.0);
  }

  @Example
  void exp_isWithinOneUlpOfMathExp_onAMillionEvenlySpreadArguments() {
    SplittableRandom rng = new SplittableRandom(6);
    double worst = 0;
    for (int i = 0; i < 1_000_000; i++) {
      worst = Math.max(worst, ulpsApart(rng.nextDouble(UNDERFLOW, OVERFLOW)));
    }
    assertThat(worst).isLessThanOrEqualTo(1.0);
  }

  @Example
  void exp_saturatesAndPropagatesLikeMathExp() {
    double[] ts = {OVERFLOW, Math.nextUp(OVERFLOW), 710, 800, 1e300, Double.POSITIVE_INFINITY,
        UNDERFLOW, Math.nextDown(UNDERFLOW), -746, -1e300, Double.NEGATIVE_INFINITY,
        -708, -709.5, -740, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.NaN};
    for (double t : ts) {
      double e = ExpKernel.exp(t);
      double m = Math.exp(t);
      if (Double.isNaN(m) || Double.isInfinite(m) || m == 0 || m == 1) { // exactly
        assertThat(Double.valueOf(e)).as("exp(%s)", t).isEqualTo(Double.valueOf(m));
      } else {
        assertThat(ulpsApart(t)).as("exp(%s)", t).isLessThanOrEqualTo(1.0);
      }
    }
  }

  @Property(tries = 300)
  void sigmoid_vectorAndScalarKernels_giveTheSameBits(@ForAll("activations") double[] h) {
    double[] vector = h.clone();
    double[] scalar = h.clone();
    Kernels.of(KernelChoice.AUTO).sigmoid(vector, h.length);
    new ScalarKernels().sigmoid(scalar, h.length);
    for (int i = 0; i < h.length; i++) {
      assertThat(Double.doubleToLongBits(vector[i])).as("σ(%s)", h[i]).isEqualTo(Double.doubleToLongBits(scalar[i]));
      assertThat(Double.doubleToLongBits(scalar[i])).isEqualTo(Double.doubleToLongBits(ExpKernel.sigmoid(h[i])));
    }
  }

  @Property(tries = 300)
  void floatSigmoid_vectorAndScalarKernels_giveTheSameBits_theDoubleSigmoidRounded(@ForAll("activations") double[] h) {
    float[] vector = new float[h.length];
    for (int i = 0; i < h.length; i++) {
      vector[i] = (float) h[i];
    }
    float[] scalar = vector.clone();
    float[] in = vector.clone();
    FloatKernels.of(KernelChoice.AUTO).sigmoid(vector, h.length);
    new ScalarFloatKernels().sigmoid(scalar, h.length);
    for (int i = 0; i < h.length; i++) {
      assertThat(Float.floatToIntBits(vector[i])).as("σ(%s)", in[i]).isEqualTo(Float.floatToIntBits(scalar[i]));
      assertThat(Float.floatToIntBits(scalar[i])).isEqualTo(Float.floatToIntBits((float) ExpKernel.sigmoid(in[i])));
    }
  }

  @Provide
  Arbitrary<Double> finiteRange() {
    return Arbitraries.doubles().between(-745.13, 709.78).ofScale(12).withSpecialValue(0.0);
  }

  @Provide
  Arbitrary<double[]> activations() {
    Arbitrary<Double> value = Arbitraries.oneOf(
        Arbitraries.doubles().between(-40, 40),
        Arbitraries.doubles().between(-1e4, 1e4),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 745.5, -709.9, 0.0));
    return value.array(double[].class).ofMaxSize(40);
  }
}
