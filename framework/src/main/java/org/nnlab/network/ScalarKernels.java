package org.nnlab.network;

/** {@link Kernels} in plain Java: runs anywhere, the fallback and the readable statement of the loops. */
final class ScalarKernels implements Kernels {

  @Override
  public int panel() {
    return 8;
  }

  @Override
  public void multiply(double[] wp, int in, int panels, double[][] x, int count, double[][] z) {
    int rows = panel();
    for (int b = 0; b < count; b++) {
      double[] xb = x[b];
      double[] zb = z[b];
      java.util.Arrays.fill(zb, 0, panels * rows, 0);
      for (int p = 0; p < panels; p++) {
        int base = p * rows;
        for (int j = 0, off = p * in * rows; j < in; j++, off += rows) {
          double xj = xb[j];
          for (int r = 0; r < rows; r++) {
            zb[base + r] += wp[off + r] * xj;
          }
        }
      }
    }
  }

  @Override
  public void addOuterProducts(double[] wp, int in, int panels, double[][] a, double[][] x, int count) {
    int rows = panel();
    for (int p = 0; p < panels; p++) {
      int base = p * rows;
      for (int j = 0, off = p * in * rows; j < in; j++, off += rows) {
        for (int b = 0; b < count; b++) {
          double xj = x[b][j];
          double[] ab = a[b];
          for (int r = 0; r < rows; r++) {
            wp[off + r] += ab[base + r] * xj;
          }
        }
      }
    }
  }

  @Override
  public void gram(double[][] x, int count, int n, double[][] g, double[] lanes) {
    for (int s = 1; s < count; s++) {
      for (int r = 0; r < s; r++) {
        g[s][r] = dot(x[r], x[s], n, lanes);
      }
    }
  }

  @Override
  public double dot(double[] w, double[] x, int n, double[] lanes) {
    return dot(0, 0, w, x, n);
  }

  /** {@code s + Σ_{from≤i<n} w[i]·x[i]}, in index order; the vector version's tail. */
  static double dot(int from, double s, double[] w, double[] x, int n) {
    for (int i = from; i < n; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  @Override
  public int lanes() {
    return 1;
  }

  @Override
  public void axpy(double[] y, double[] x, double s, int n) {
    axpy(0, y, x, s, n);
  }

  static void axpy(int from, double[] y, double[] x, double s, int n) {
    for (int i = from; i < n; i++) {
      y[i] += x[i] * s;
    }
  }

  @Override
  public void scale(double[] y, double s, int n) {
    scale(0, y, s, n);
  }

  static void scale(int from, double[] y, double s, int n) {
    for (int i = from; i < n; i++) {
      y[i] *= s;
    }
  }

  @Override
  public void sigmoid(double[] h, int n) {
    ExpKernel.sigmoid(h, 0, n);
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int vectorBits() {
    return 0;
  }
}
