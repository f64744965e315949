package org.nnlab.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} in {@code jdk.incubator.vector}: two vectors of rows per panel, eight samples per
 * pass, fused multiply-adds, dot products as lane-wise partial sums added in lane order, with
 * {@link ScalarKernels}' loops as tails. Loaded only by reflection from {@link Kernels#BEST}, so a
 * JVM without the module never links it.
 */
final class VectorKernels implements Kernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private final VectorExp exp = new VectorExp(); // the sigmoid, in 64 bits at either precision

  @Override
  public int panel() {
    return 2 * S.length();
  }

  @Override
  public void multiply(double[] wp, int in, int panels, double[][] x, int count, double[][] z) {
    int step = S.length();
    int rows = 2 * step;
    for (int p = 0; p < panels; p++) {
      int base = p * rows;
      int start = p * in * rows;
      int b = 0;
      for (; b + 7 < count; b += 8) {
        // a panel (2 vectors) × 8 samples: 16 sums in registers, so W streams from L2 once per 8
        // samples (with 4, the L2 traffic of the two passes over W bounded the whole step)
        double[] x0 = x[b], x1 = x[b + 1], x2 = x[b + 2], x3 = x[b + 3];
        double[] x4 = x[b + 4], x5 = x[b + 5], x6 = x[b + 6], x7 = x[b + 7];
        DoubleVector z0 = DoubleVector.zero(S), z1 = z0, z2 = z0, z3 = z0, z4 = z0, z5 = z0, z6 = z0, z7 = z0;
        DoubleVector y0 = z0, y1 = z0, y2 = z0, y3 = z0, y4 = z0, y5 = z0, y6 = z0, y7 = z0;
        for (int j = 0, off = start; j < in; j++, off += rows) {
          DoubleVector w = DoubleVector.fromArray(S, wp, off);
          DoubleVector v = DoubleVector.fromArray(S, wp, off + step);
          DoubleVector b0 = DoubleVector.broadcast(S, x0[j]);
          z0 = w.fma(b0, z0); y0 = v.fma(b0, y0);
          DoubleVector b1 = DoubleVector.broadcast(S, x1[j]);
          z1 = w.fma(b1, z1); y1 = v.fma(b1, y1);
          DoubleVector b2 = DoubleVector.broadcast(S, x2[j]);
          z2 = w.fma(b2, z2); y2 = v.fma(b2, y2);
          DoubleVector b3 = DoubleVector.broadcast(S, x3[j]);
          z3 = w.fma(b3, z3); y3 = v.fma(b3, y3);
          DoubleVector b4 = DoubleVector.broadcast(S, x4[j]);
          z4 = w.fma(b4, z4); y4 = v.fma(b4, y4);
          DoubleVector b5 = DoubleVector.broadcast(S, x5[j]);
          z5 = w.fma(b5, z5); y5 = v.fma(b5, y5);
          DoubleVector b6 = DoubleVector.broadcast(S, x6[j]);
          z6 = w.fma(b6, z6); y6 = v.fma(b6, y6);
          DoubleVector b7 = DoubleVector.broadcast(S, x7[j]);
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
        double[] xb = x[b];
        DoubleVector z0 = DoubleVector.zero(S);
        DoubleVector y0 = z0;
        for (int j = 0, off = start; j < in; j++, off += rows) {
          DoubleVector xj = DoubleVector.broadcast(S, xb[j]);
          z0 = DoubleVector.fromArray(S, wp, off).fma(xj, z0);
          y0 = DoubleVector.fromArray(S, wp, off + step).fma(xj, y0);
        }
        z0.intoArray(z[b], base);
        y0.intoArray(z[b], base + step);
      }
    }
  }

  @Override
  public void addOuterProducts(double[] wp, int in, int panels, double[][] a, double[][] x, int count) {
    int step = S.length();
    int rows = 2 * step;
    for (int p = 0; p < panels; p++) {
      int base = p * rows;
      int start = p * in * rows;
      int b = 0;
      for (; b + 7 < count; b += 8) {
        // eight samples' α·δ for this panel stay in 16 registers while the panel's W streams past:
        // one read and one write of W per 8 samples
        DoubleVector a0 = DoubleVector.fromArray(S, a[b], base), c0 = DoubleVector.fromArray(S, a[b], base + step);
        DoubleVector a1 = DoubleVector.fromArray(S, a[b + 1], base), c1 = DoubleVector.fromArray(S, a[b + 1], base + step);
        DoubleVector a2 = DoubleVector.fromArray(S, a[b + 2], base), c2 = DoubleVector.fromArray(S, a[b + 2], base + step);
        DoubleVector a3 = DoubleVector.fromArray(S, a[b + 3], base), c3 = DoubleVector.fromArray(S, a[b + 3], base + step);
        DoubleVector a4 = DoubleVector.fromArray(S, a[b + 4], base), c4 = DoubleVector.fromArray(S, a[b + 4], base + step);
        DoubleVector a5 = DoubleVector.fromArray(S, a[b + 5], base), c5 = DoubleVector.fromArray(S, a[b + 5], base + step);
        DoubleVector a6 = DoubleVector.fromArray(S, a[b + 6], base), c6 = DoubleVector.fromArray(S, a[b + 6], base + step);
        DoubleVector a7 = DoubleVector.fromArray(S, a[b + 7], base), c7 = DoubleVector.fromArray(S, a[b + 7], base + step);
        double[] x0 = x[b], x1 = x[b + 1], x2 = x[b + 2], x3 = x[b + 3];
        double[] x4 = x[b + 4], x5 = x[b + 5], x6 = x[b + 6], x7 = x[b + 7];
        for (int j = 0, off = start; j < in; j++, off += rows) {
          DoubleVector w = DoubleVector.fromArray(S, wp, off);
          DoubleVector v = DoubleVector.fromArray(S, wp, off + step);
          DoubleVector b0 = DoubleVector.broadcast(S, x0[j]);
          w = a0.fma(b0, w); v = c0.fma(b0, v);
          DoubleVector b1 = DoubleVector.broadcast(S, x1[j]);
          w = a1.fma(b1, w); v = c1.fma(b1, v);
          DoubleVector b2 = DoubleVector.broadcast(S, x2[j]);
          w = a2.fma(b2, w); v = c2.fma(b2, v);
          DoubleVector b3 = DoubleVector.broadcast(S, x3[j]);
          w = a3.fma(b3, w); v = c3.fma(b3, v);
          DoubleVector b4 = DoubleVector.broadcast(S, x4[j]);
          w = a4.fma(b4, w); v = c4.fma(b4, v);
          DoubleVector b5 = DoubleVector.broadcast(S, x5[j]);
          w = a5.fma(b5, w); v = c5.fma(b5, v);
          DoubleVector b6 = DoubleVector.broadcast(S, x6[j]);
          w = a6.fma(b6, w); v = c6.fma(b6, v);
          DoubleVector b7 = DoubleVector.broadcast(S, x7[j]);
          w = a7.fma(b7, w); v = c7.fma(b7, v);
          w.intoArray(wp, off);
          v.intoArray(wp, off + step);
        }
      }
      for (; b < count; b++) {
        DoubleVector a0 = DoubleVector.fromArray(S, a[b], base);
        DoubleVector c0 = DoubleVector.fromArray(S, a[b], base + step);
        double[] xb = x[b];
        for (int j = 0, off = start; j < in; j++, off += rows) {
          DoubleVector xj = DoubleVector.broadcast(S, xb[j]);
          a0.fma(xj, DoubleVector.fromArray(S, wp, off)).intoArray(wp, off);
          c0.fma(xj, DoubleVector.fromArray(S, wp, off + step)).intoArray(wp, off + step);
        }
      }
    }
  }

  @Override
  public void gram(double[][] x, int count, int n, double[][] g, double[] lanes) {
    for (int s = 1; s < count; s++) {
      double[] xs = x[s];
      int r = 0;
      for (; r + 3 < s; r += 4) { // four dot products share each load of x_s
        double[] x0 = x[r];
        double[] x1 = x[r + 1];
        double[] x2 = x[r + 2];
        double[] x3 = x[r + 3];
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
          DoubleVector v = DoubleVector.fromArray(S, xs, j);
          c0 = DoubleVector.fromArray(S, x0, j).fma(v, c0);
          c1 = DoubleVector.fromArray(S, x1, j).fma(v, c1);
          c2 = DoubleVector.fromArray(S, x2, j).fma(v, c2);
          c3 = DoubleVector.fromArray(S, x3, j).fma(v, c3);
        }
        g[s][r] = ScalarKernels.dot(j, sum(c0, lanes), x0, xs, n);
        g[s][r + 1] = ScalarKernels.dot(j, sum(c1, lanes), x1, xs, n);
        g[s][r + 2] = ScalarKernels.dot(j, sum(c2, lanes), x2, xs, n);
        g[s][r + 3] = ScalarKernels.dot(j, sum(c3, lanes), x3, xs, n);
      }
      for (; r < s; r++) {
        g[s][r] = dot(x[r], xs, n, lanes);
      }
    }
  }

  @Override
  public double dot(double[] w, double[] x, int n, double[] lanes) {
    DoubleVector acc = DoubleVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      acc = DoubleVector.fromArray(S, w, i).fma(DoubleVector.fromArray(S, x, i), acc);
    }
    return ScalarKernels.dot(i, sum(acc, lanes), w, x, n);
  }

  /** The lanes of v added in index order; not reduceLanes, whose order of additions is unspecified. */
  private static double sum(DoubleVector v, double[] lanes) {
    v.intoArray(lanes, 0);
    double s = 0;
    for (double lane : lanes) {
      s += lane;
    }
    return s;
  }

  @Override
  public int lanes() {
    return S.length();
  }

  @Override
  public void axpy(double[] y, double[] x, double s, int n) {
    int i = 0;
    DoubleVector sv = DoubleVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      DoubleVector.fromArray(S, x, i).fma(sv, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
    }
    ScalarKernels.axpy(i, y, x, s, n);
  }

  @Override
  public void scale(double[] y, double s, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      DoubleVector.fromArray(S, y, i).mul(s).intoArray(y, i);
    }
    ScalarKernels.scale(i, y, s, n);
  }

  @Override
  public void sigmoid(double[] h, int n) {
    exp.sigmoid(h, n);
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public int vectorBits() {
    return S.vectorBitSize();
  }
}
