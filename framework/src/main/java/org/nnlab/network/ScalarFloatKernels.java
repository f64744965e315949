package org.nnlab.network;

/** {@link FloatKernels} in plain Java: runs anywhere, the fallback and the vector version's tails. */
final class ScalarFloatKernels implements FloatKernels {
  /** Panel height of the plain loops, as {@link ScalarKernels}'. */
  private static final int PANEL = 8;

  @Override
  public void updateAndAccumulate(float[] w, int col, int out, float[] a, float p, float x, float[] h) {
    updateAndAccumulate(0, w, col, out, a, p, x, h);
  }

  static void updateAndAccumulate(int from, float[] w, int col, int out, float[] a, float p, float x, float[] h) {
    for (int i = from; i < out; i++) {
      float wi = w[col + i] + a[i] * p;
      w[col + i] = wi;
      h[i] += x * wi;
    }
  }

  @Override
  public int panel() {
    return PANEL;
  }

  @Override
  public void multiply(float[] wp, int in, int panels, float[][] x, int count, float[][] z) {
    for (int b = 0; b < count; b++) {
      float[] xb = x[b];
      float[] zb = z[b];
      java.util.Arrays.fill(zb, 0, panels * PANEL, 0f);
      for (int p = 0; p < panels; p++) {
        int base = p * PANEL;
        for (int j = 0, off = p * in * PANEL; j < in; j++, off += PANEL) {
          float xj = xb[j];
          for (int r = 0; r < PANEL; r++) {
            zb[base + r] += wp[off + r] * xj;
          }
        }
      }
    }
  }

  @Override
  public void addOuterProducts(float[] wp, int in, int panels, float[][] a, float[][] x, int count) {
    for (int p = 0; p < panels; p++) {
      int base = p * PANEL;
      for (int j = 0, off = p * in * PANEL; j < in; j++, off += PANEL) {
        for (int b = 0; b < count; b++) {
          float xj = x[b][j];
          float[] ab = a[b];
          for (int r = 0; r < PANEL; r++) {
            wp[off + r] += ab[base + r] * xj;
          }
        }
      }
    }
  }

  @Override
  public void gram(float[][] x, int count, int n, float[][] g, float[] lanes) {
    for (int s = 1; s < count; s++) {
      for (int r = 0; r < s; r++) {
        g[s][r] = dot(x[r], x[s], n, lanes);
      }
    }
  }

  @Override
  public float dot(float[] w, float[] x, int n, float[] lanes) {
    return dot(0, 0f, w, x, n);
  }

  /** {@code s + Σ_{from≤i<n} w[i]·x[i]}, in index order; the vector version's tail. */
  static float dot(int from, float s, float[] w, float[] x, int n) {
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
  public void axpy(float[] y, float[] x, float s, int n) {
    axpy(0, y, x, s, n);
  }

  static void axpy(int from, float[] y, float[] x, float s, int n) {
    for (int i = from; i < n; i++) {
      y[i] += x[i] * s;
    }
  }

  @Override
  public void sigmoid(float[] h, double[] scratch, int n) {
    for (int i = 0; i < n; i++) {
      h[i] = (float) ExpKernel.sigmoid(h[i]);
    }
  }
}
