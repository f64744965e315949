package org.nnlab.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link FloatKernels} in {@code FloatVector}s; loaded by reflection only, as {@link VectorKernels}. */
final class VectorFloatKernels implements FloatKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  @Override
  public void updateAndAccumulate(float[] w, int col, int out, float[] a, float p, float x, float[] h) {
    int i = 0;
    FloatVector pv = FloatVector.broadcast(S, p);
    FloatVector xv = FloatVector.broadcast(S, x);
    for (int bound = S.loopBound(out); i < bound; i += S.length()) {
      FloatVector wi = FloatVector.fromArray(S, a, i).fma(pv, FloatVector.fromArray(S, w, col + i));
      wi.intoArray(w, col + i);
      wi.fma(xv, FloatVector.fromArray(S, h, i)).intoArray(h, i);
    }
    FloatKernels.Scalar.updateAndAccumulate(i, w, col, out, a, p, x, h);
  }
}
