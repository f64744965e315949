package org.nnlab.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} in {@code FloatVector}s of the preferred species, with {@link
 * ScalarFloatKernels}' loops as tails. The block kernels are {@link VectorKernels}' loops at twice
 * the lanes: a panel is two vectors (32 rows at 512 bits), four samples at a time, eight sums in
 * registers. One-vector panels (16 rows, eight samples at a time, less zero padding: 112 rows
 * instead of 128 for 100 hidden nodes) trained Fashion-MNIST no faster at 784-100-10 or 784-200-10
 * (within the noise of a shared machine), so the double kernels' shape stays. Loaded by reflection
 * only, as {@link VectorKernels}.
 */
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
    ScalarFloatKernels.updateAndAccumulate(i, w, col, out, a, p, x, h);
  }

  @Override
  public int panel() {
    return 2 * S.length();
  }

  @Override
  public void multiply(float[] wp, int in, int panels, float[][] x, int count, float[][] z) {
    int step = S.length();
    int rows = 2 * step;
    for (int p = 0; p < panels; p++) {
      int base = p * rows;
      int start = p * in * rows;
      int b = 0;
      for (; b + 3 < count; b += 4) { // a panel (2 vectors) × 4 samples: 8 independent sums in registers
        float[] x0 = x[b];
        float[] x1 = x[b + 1];
        float[] x2 = x[b + 2];
        float[] x3 = x[b + 3];
        FloatVector z0 = FloatVector.zero(S);
        FloatVector z1 = z0;
        FloatVector z2 = z0;
        FloatVector z3 = z0;
        FloatVector y0 = z0;
        FloatVector y1 = z0;
        FloatVector y2 = z0;
        FloatVector y3 = z0;
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector w = FloatVector.fromArray(S, wp, off);
          FloatVector v = FloatVector.fromArray(S, wp, off + step);
          FloatVector b0 = FloatVector.broadcast(S, x0[j]);
          FloatVector b1 = FloatVector.broadcast(S, x1[j]);
          FloatVector b2 = FloatVector.broadcast(S, x2[j]);
          FloatVector b3 = FloatVector.broadcast(S, x3[j]);
          z0 = w.fma(b0, z0);
          z1 = w.fma(b1, z1);
          z2 = w.fma(b2, z2);
          z3 = w.fma(b3, z3);
          y0 = v.fma(b0, y0);
          y1 = v.fma(b1, y1);
          y2 = v.fma(b2, y2);
          y3 = v.fma(b3, y3);
        }
        z0.intoArray(z[b], base);
        z1.intoArray(z[b + 1], base);
        z2.intoArray(z[b + 2], base);
        z3.intoArray(z[b + 3], base);
        y0.intoArray(z[b], base + step);
        y1.intoArray(z[b + 1], base + step);
        y2.intoArray(z[b + 2], base + step);
        y3.intoArray(z[b + 3], base + step);
      }
      for (; b < count; b++) {
        float[] xb = x[b];
        FloatVector z0 = FloatVector.zero(S);
        FloatVector y0 = z0;
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector xj = FloatVector.broadcast(S, xb[j]);
          z0 = FloatVector.fromArray(S, wp, off).fma(xj, z0);
          y0 = FloatVector.fromArray(S, wp, off + step).fma(xj, y0);
        }
        z0.intoArray(z[b], base);
        y0.intoArray(z[b], base + step);
      }
    }
  }

  @Override
  public void addOuterProducts(float[] wp, int in, int panels, float[][] a, float[][] x, int count) {
    int step = S.length();
    int rows = 2 * step;
    for (int p = 0; p < panels; p++) {
      int base = p * rows;
      int start = p * in * rows;
      int b = 0;
      for (; b + 3 < count; b += 4) {
        // four samples' α·δ for this panel stay in 8 registers while the panel's W streams past
        FloatVector a0 = FloatVector.fromArray(S, a[b], base);
        FloatVector c0 = FloatVector.fromArray(S, a[b], base + step);
        FloatVector a1 = FloatVector.fromArray(S, a[b + 1], base);
        FloatVector c1 = FloatVector.fromArray(S, a[b + 1], base + step);
        FloatVector a2 = FloatVector.fromArray(S, a[b + 2], base);
        FloatVector c2 = FloatVector.fromArray(S, a[b + 2], base + step);
        FloatVector a3 = FloatVector.fromArray(S, a[b + 3], base);
        FloatVector c3 = FloatVector.fromArray(S, a[b + 3], base + step);
        float[] x0 = x[b];
        float[] x1 = x[b + 1];
        float[] x2 = x[b + 2];
        float[] x3 = x[b + 3];
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector b0 = FloatVector.broadcast(S, x0[j]);
          FloatVector b1 = FloatVector.broadcast(S, x1[j]);
          FloatVector b2 = FloatVector.broadcast(S, x2[j]);
          FloatVector b3 = FloatVector.broadcast(S, x3[j]);
          a0.fma(b0, FloatVector.fromArray(S, wp, off)).add(a1.mul(b1)).add(a2.fma(b2, a3.mul(b3)))
              .intoArray(wp, off);
          c0.fma(b0, FloatVector.fromArray(S, wp, off + step)).add(c1.mul(b1)).add(c2.fma(b2, c3.mul(b3)))
              .intoArray(wp, off + step);
        }
      }
      for (; b < count; b++) {
        FloatVector a0 = FloatVector.fromArray(S, a[b], base);
        FloatVector c0 = FloatVector.fromArray(S, a[b], base + step);
        float[] xb = x[b];
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector xj = FloatVector.broadcast(S, xb[j]);
          a0.fma(xj, FloatVector.fromArray(S, wp, off)).intoArray(wp, off);
          c0.fma(xj, FloatVector.fromArray(S, wp, off + step)).intoArray(wp, off + step);
        }
      }
    }
  }

  @Override
  public void axpy(float[] y, float[] x, float s, int n) {
    int i = 0;
    FloatVector sv = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector.fromArray(S, x, i).fma(sv, FloatVector.fromArray(S, y, i)).intoArray(y, i);
    }
    ScalarFloatKernels.axpy(i, y, x, s, n);
  }

  @Override
  public void sigmoid(float[] h, double[] scratch, int n) {
    // in double, through the double kernels' vector sigmoid: float has no deterministic vector exp here
    for (int i = 0; i < n; i++) {
      scratch[i] = h[i];
    }
    Kernels.BEST.sigmoid(scratch, n);
    for (int i = 0; i < n; i++) {
      h[i] = (float) scratch[i];
    }
  }
}
