package org.nnlab.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} in {@code FloatVector}s of the preferred species, with {@link
 * ScalarFloatKernels}' loops as tails. The block kernels are {@link VectorKernels}' loops at twice
 * the lanes: a panel is two vectors (32 rows at 512 bits), eight samples at a time, sixteen sums
 * (or α·δ vectors) in registers, then single samples; the Gram matrix as four-way dot products with
 * lane sums in index order. Written once per type because Java has no generics over primitives:
 * keep the two files' loops in step. Loaded by reflection only, as {@link VectorKernels}.
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
      for (; b + 7 < count; b += 8) {
        // a panel (2 vectors) × 8 samples: 16 sums in registers, W streams from L2 once per 8 samples
        float[] x0 = x[b], x1 = x[b + 1], x2 = x[b + 2], x3 = x[b + 3];
        float[] x4 = x[b + 4], x5 = x[b + 5], x6 = x[b + 6], x7 = x[b + 7];
        FloatVector z0 = FloatVector.zero(S), z1 = z0, z2 = z0, z3 = z0, z4 = z0, z5 = z0, z6 = z0, z7 = z0;
        FloatVector y0 = z0, y1 = z0, y2 = z0, y3 = z0, y4 = z0, y5 = z0, y6 = z0, y7 = z0;
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector w = FloatVector.fromArray(S, wp, off);
          FloatVector v = FloatVector.fromArray(S, wp, off + step);
          FloatVector b0 = FloatVector.broadcast(S, x0[j]);
          z0 = w.fma(b0, z0); y0 = v.fma(b0, y0);
          FloatVector b1 = FloatVector.broadcast(S, x1[j]);
          z1 = w.fma(b1, z1); y1 = v.fma(b1, y1);
          FloatVector b2 = FloatVector.broadcast(S, x2[j]);
          z2 = w.fma(b2, z2); y2 = v.fma(b2, y2);
          FloatVector b3 = FloatVector.broadcast(S, x3[j]);
          z3 = w.fma(b3, z3); y3 = v.fma(b3, y3);
          FloatVector b4 = FloatVector.broadcast(S, x4[j]);
          z4 = w.fma(b4, z4); y4 = v.fma(b4, y4);
          FloatVector b5 = FloatVector.broadcast(S, x5[j]);
          z5 = w.fma(b5, z5); y5 = v.fma(b5, y5);
          FloatVector b6 = FloatVector.broadcast(S, x6[j]);
          z6 = w.fma(b6, z6); y6 = v.fma(b6, y6);
          FloatVector b7 = FloatVector.broadcast(S, x7[j]);
          z7 = w.fma(b7, z7); y7 = v.fma(b7, y7);
        }
        z0.intoArray(z[b], base); y0.intoArray(z[b], base + step);
        z1.intoArray(z[b + 1], base); y1.intoArray(z[b + 1], base + step);
        z2.intoArray(z[b + 2], base); y2.intoArray(z[b + 2], base + step);
        z3.intoArray(z[b + 3], base); y3.intoArray(z[b + 3], base + step);
        z4.intoArray(z[b + 4], base); y4.intoArray(z[b + 4], base + step);
        z5.intoArray(z[b + 5], base); y5.intoArray(z[b + 5], base + step);
        z6.intoArray(z[b + 6], base); y6.intoArray(z[b + 6], base + step);
        z7.intoArray(z[b + 7], base); y7.intoArray(z[b + 7], base + step);
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
      for (; b + 7 < count; b += 8) {
        // eight samples' α·δ for this panel stay in 16 registers while the panel's W streams past:
        // one read and one write of W per 8 samples
        FloatVector a0 = FloatVector.fromArray(S, a[b], base), c0 = FloatVector.fromArray(S, a[b], base + step);
        FloatVector a1 = FloatVector.fromArray(S, a[b + 1], base), c1 = FloatVector.fromArray(S, a[b + 1], base + step);
        FloatVector a2 = FloatVector.fromArray(S, a[b + 2], base), c2 = FloatVector.fromArray(S, a[b + 2], base + step);
        FloatVector a3 = FloatVector.fromArray(S, a[b + 3], base), c3 = FloatVector.fromArray(S, a[b + 3], base + step);
        FloatVector a4 = FloatVector.fromArray(S, a[b + 4], base), c4 = FloatVector.fromArray(S, a[b + 4], base + step);
        FloatVector a5 = FloatVector.fromArray(S, a[b + 5], base), c5 = FloatVector.fromArray(S, a[b + 5], base + step);
        FloatVector a6 = FloatVector.fromArray(S, a[b + 6], base), c6 = FloatVector.fromArray(S, a[b + 6], base + step);
        FloatVector a7 = FloatVector.fromArray(S, a[b + 7], base), c7 = FloatVector.fromArray(S, a[b + 7], base + step);
        float[] x0 = x[b], x1 = x[b + 1], x2 = x[b + 2], x3 = x[b + 3];
        float[] x4 = x[b + 4], x5 = x[b + 5], x6 = x[b + 6], x7 = x[b + 7];
        for (int j = 0, off = start; j < in; j++, off += rows) {
          FloatVector w = FloatVector.fromArray(S, wp, off);
          FloatVector v = FloatVector.fromArray(S, wp, off + step);
          FloatVector b0 = FloatVector.broadcast(S, x0[j]);
          w = a0.fma(b0, w); v = c0.fma(b0, v);
          FloatVector b1 = FloatVector.broadcast(S, x1[j]);
          w = a1.fma(b1, w); v = c1.fma(b1, v);
          FloatVector b2 = FloatVector.broadcast(S, x2[j]);
          w = a2.fma(b2, w); v = c2.fma(b2, v);
          FloatVector b3 = FloatVector.broadcast(S, x3[j]);
          w = a3.fma(b3, w); v = c3.fma(b3, v);
          FloatVector b4 = FloatVector.broadcast(S, x4[j]);
          w = a4.fma(b4, w); v = c4.fma(b4, v);
          FloatVector b5 = FloatVector.broadcast(S, x5[j]);
          w = a5.fma(b5, w); v = c5.fma(b5, v);
          FloatVector b6 = FloatVector.broadcast(S, x6[j]);
          w = a6.fma(b6, w); v = c6.fma(b6, v);
          FloatVector b7 = FloatVector.broadcast(S, x7[j]);
          w = a7.fma(b7, w); v = c7.fma(b7, v);
          w.intoArray(wp, off);
          v.intoArray(wp, off + step);
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
  public void gram(float[][] x, int count, int n, float[][] g, float[] lanes) {
    for (int s = 1; s < count; s++) {
      float[] xs = x[s];
      int r = 0;
      for (; r + 3 < s; r += 4) { // four dot products share each load of x_s
        float[] x0 = x[r];
        float[] x1 = x[r + 1];
        float[] x2 = x[r + 2];
        float[] x3 = x[r + 3];
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
          FloatVector v = FloatVector.fromArray(S, xs, j);
          c0 = FloatVector.fromArray(S, x0, j).fma(v, c0);
          c1 = FloatVector.fromArray(S, x1, j).fma(v, c1);
          c2 = FloatVector.fromArray(S, x2, j).fma(v, c2);
          c3 = FloatVector.fromArray(S, x3, j).fma(v, c3);
        }
        g[s][r] = ScalarFloatKernels.dot(j, sum(c0, lanes), x0, xs, n);
        g[s][r + 1] = ScalarFloatKernels.dot(j, sum(c1, lanes), x1, xs, n);
        g[s][r + 2] = ScalarFloatKernels.dot(j, sum(c2, lanes), x2, xs, n);
        g[s][r + 3] = ScalarFloatKernels.dot(j, sum(c3, lanes), x3, xs, n);
      }
      for (; r < s; r++) {
        g[s][r] = dot(x[r], xs, n, lanes);
      }
    }
  }

  @Override
  public float dot(float[] w, float[] x, int n, float[] lanes) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      acc = FloatVector.fromArray(S, w, i).fma(FloatVector.fromArray(S, x, i), acc);
    }
    return ScalarFloatKernels.dot(i, sum(acc, lanes), w, x, n);
  }

  /** The lanes of v added in index order; not reduceLanes, whose order of additions is unspecified. */
  private static float sum(FloatVector v, float[] lanes) {
    v.intoArray(lanes, 0);
    float s = 0f;
    for (float lane : lanes) {
      s += lane;
    }
    return s;
  }

  @Override
  public int lanes() {
    return S.length();
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
