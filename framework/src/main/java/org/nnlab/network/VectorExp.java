package org.nnlab.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel}'s sigmoid lane for lane in {@code DoubleVector}s: the vector kernels' sigmoid at
 * both precisions (the float engine's values go through it in double, and are rounded once), the
 * same bits as the scalar {@link ExpKernel#sigmoid(double)}. Used only by {@code VectorKernels} and
 * its generated float twin, so a JVM without the module never links it. Not thread-safe: it keeps
 * the float overload's scratch, one per kernels instance.
 */
final class VectorExp {
  /**
   * The sigmoid's species, the other kernels' one. Alone, 256 bits ran 200 ns per 100 nodes against
   * 220 at 512, but a 256-bit sigmoid beside the 512-bit products made training 10× slower
   * (measured 4–13k instead of 100–124k samples/s; presumably the Vector API's shared call sites
   * seeing two vector classes).
   */
  private static final VectorSpecies<Double> E = DoubleVector.SPECIES_PREFERRED;

  private double[] wide = new double[0]; // the float overload's values, widened

  /** h[i] = σ(h[i]) for i &lt; n. */
  void sigmoid(double[] h, int n) {
    int i = 0;
    for (int bound = E.loopBound(n); i < bound; i += E.length()) {
      DoubleVector t = DoubleVector.fromArray(E, h, i).neg().min(ExpKernel.MAX).max(ExpKernel.MIN);
      DoubleVector k = t.fma(ExpKernel.INV_LN2, ExpKernel.ROUND).sub(ExpKernel.ROUND);
      DoubleVector minusK = k.neg();
      DoubleVector r = minusK.fma(DoubleVector.broadcast(E, ExpKernel.LN2_HI), t);
      r = minusK.fma(DoubleVector.broadcast(E, ExpKernel.LN2_LO), r);
      DoubleVector p = DoubleVector.broadcast(E, ExpKernel.C[ExpKernel.DEGREE]);
      for (int d = ExpKernel.DEGREE - 1; d >= 0; d--) {
        p = p.fma(r, DoubleVector.broadcast(E, ExpKernel.C[d]));
      }
      DoubleVector k1 = k.mul(0.5).sub(0.25).add(ExpKernel.ROUND).sub(ExpKernel.ROUND);
      DoubleVector e = p.mul(twoTo(k1)).mul(twoTo(k.sub(k1)));
      DoubleVector.broadcast(E, 1.0).div(e.add(1.0)).intoArray(h, i);
    }
    ExpKernel.sigmoid(h, i, n);
  }

  /** h[i] = σ(h[i]) for i &lt; n, computed in double and rounded to float once. */
  void sigmoid(float[] h, int n) {
    if (wide.length < n) {
      wide = new double[n];
    }
    for (int i = 0; i < n; i++) {
      wide[i] = h[i];
    }
    sigmoid(wide, n);
    for (int i = 0; i < n; i++) {
      h[i] = (float) wide[i];
    }
  }

  /** 2^k lane-wise, as {@link ExpKernel}: k + 1023 into the exponent bits. */
  private static DoubleVector twoTo(DoubleVector k) {
    return (DoubleVector) k.add(ExpKernel.EXPONENT).reinterpretAsLongs()
        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
  }
}
