package org.nnlab.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} in {@code jdk.incubator.vector}, lane for lane the operations of {@link
 * ScalarKernels} (mul, then add: no FMA, so the weights stay bit-identical), with a scalar tail.
 * Loaded only by reflection from {@link Kernels#BEST}, so a JVM without the module never links it.
 */
final class VectorKernels implements Kernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  @Override
  public void updateAndAccumulate4(double[] w, int col, int out, double[] a,
      double p0, double p1, double p2, double p3, double x0, double x1, double x2, double x3, double[] h) {
    int c1 = col + out;
    int c2 = c1 + out;
    int c3 = c2 + out;
    int i = 0;
    for (int bound = S.loopBound(out); i < bound; i += S.length()) {
      DoubleVector ai = DoubleVector.fromArray(S, a, i);
      DoubleVector w0 = DoubleVector.fromArray(S, w, col + i).add(ai.mul(p0));
      DoubleVector w1 = DoubleVector.fromArray(S, w, c1 + i).add(ai.mul(p1));
      DoubleVector w2 = DoubleVector.fromArray(S, w, c2 + i).add(ai.mul(p2));
      DoubleVector w3 = DoubleVector.fromArray(S, w, c3 + i).add(ai.mul(p3));
      w0.intoArray(w, col + i);
      w1.intoArray(w, c1 + i);
      w2.intoArray(w, c2 + i);
      w3.intoArray(w, c3 + i);
      DoubleVector.fromArray(S, h, i)
          .add(w0.mul(x0)).add(w1.mul(x1)).add(w2.mul(x2)).add(w3.mul(x3))
          .intoArray(h, i);
    }
    ScalarKernels.updateAndAccumulate4(i, w, col, out, a, p0, p1, p2, p3, x0, x1, x2, x3, h);
  }

  @Override
  public void accumulate4(double[] w, int col, int out, double x0, double x1, double x2, double x3, double[] h) {
    int c1 = col + out;
    int c2 = c1 + out;
    int c3 = c2 + out;
    int i = 0;
    for (int bound = S.loopBound(out); i < bound; i += S.length()) {
      DoubleVector.fromArray(S, h, i)
          .add(DoubleVector.fromArray(S, w, col + i).mul(x0))
          .add(DoubleVector.fromArray(S, w, c1 + i).mul(x1))
          .add(DoubleVector.fromArray(S, w, c2 + i).mul(x2))
          .add(DoubleVector.fromArray(S, w, c3 + i).mul(x3))
          .intoArray(h, i);
    }
    ScalarKernels.accumulate4(i, w, col, out, x0, x1, x2, x3, h);
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }
}
