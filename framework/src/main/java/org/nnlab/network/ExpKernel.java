package org.nnlab.network;

/**
 * e^t and the sigmoid from IEEE add, mul, fma, division and integer adds and shifts only, so the
 * result has the same bits whether the code runs interpreted, in C1 or in C2, and whether it runs
 * here or lane for lane in {@code VectorExp} ({@code Math.exp} is an intrinsic per platform,
 * and the Vector API's {@code EXP} differs from it in the last bit). Within 1 ulp of
 * {@code Math.exp} over the whole range ({@code ExpKernelProperties}).
 *
 * <ol>
 *   <li>t is clamped to [−746, 710]: beyond, e^t is 0 or +∞ already; NaN stays NaN.
 *   <li>k = round(t/ln 2) by adding and subtracting 1.5·2⁵² (round to nearest even);
 *       r = t − k·ln 2 with ln 2 in two parts (Cody–Waite), so |r| ≤ ln 2 / 2.
 *   <li>e^r by its Taylor polynomial of degree 13 in Horner form with fused multiply-adds
 *       (truncation error below 5e−18 relative).
 *   <li>2^k as two powers 2^k₁·2^k₂ (k₁ = ⌊k/2⌋, k₂ = k − k₁), each built by putting k₁ + 1023 into
 *       the exponent bits with an integer shift: exact, also when the result is subnormal or overflows.
 * </ol>
 */
final class ExpKernel {
  static final double MIN = -746.0;
  static final double MAX = 710.0;
  static final double INV_LN2 = 1.4426950408889634; // 1/ln 2
  static final double LN2_HI = 6.93147180369123816490e-01; // ln 2, upper 32 bits (exact k·LN2_HI)
  static final double LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
  /** 1.5·2⁵²: x + ROUND − ROUND rounds x to an integer; the integer sits in the low bits of x + ROUND. */
  static final double ROUND = 0x1.8p52;
  /** ROUND + 1023: the low bits of k₁ + EXPONENT are k₁ + 1023, the biased exponent of 2^k₁. */
  static final double EXPONENT = ROUND + 1023;
  static final int DEGREE = 13;
  /** C[n] = 1/n!, each correctly rounded. */
  static final double[] C = coefficients();

  private ExpKernel() {}

  private static double[] coefficients() {
    double[] c = new double[DEGREE + 1];
    double factorial = 1;
    for (int n = 0; n <= DEGREE; n++) {
      factorial *= Math.max(n, 1); // exact: 13! < 2⁵³
      c[n] = 1.0 / factorial;
    }
    return c;
  }

  /** e^t. */
  static double exp(double t) {
    t = Math.max(MIN, Math.min(MAX, t));
    double k = Math.fma(t, INV_LN2, ROUND) - ROUND;
    double r = Math.fma(-k, LN2_HI, t);
    r = Math.fma(-k, LN2_LO, r);
    double p = C[DEGREE];
    for (int n = DEGREE - 1; n >= 0; n--) {
      p = Math.fma(p, r, C[n]);
    }
    double k1 = (k * 0.5 - 0.25) + ROUND - ROUND; // ⌊k/2⌋: k/2 − 1/4 rounded to nearest
    double k2 = k - k1;
    return p * twoTo(k1) * twoTo(k2);
  }

  /** 2^k for an integer k in [−1022, 1023]. */
  private static double twoTo(double k) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(k + EXPONENT) << 52);
  }

  /** σ(x) = 1/(1 + e^−x). */
  static double sigmoid(double x) {
    return 1.0 / (1.0 + exp(-x));
  }

  /** h[i] = σ(h[i]) for from ≤ i &lt; n. */
  static void sigmoid(double[] h, int from, int n) {
    for (int i = from; i < n; i++) {
      h[i] = sigmoid(h[i]);
    }
  }

  /** h[i] = σ(h[i]) for from ≤ i &lt; n, computed in double and rounded to float once: the float engine's. */
  static void sigmoid(float[] h, int from, int n) {
    for (int i = from; i < n; i++) {
      h[i] = (float) sigmoid(h[i]);
    }
  }
}
