package org.nnlab.network;

/**
 * The block engines' weight layout: an {@code out × in} matrix W in panels of P rows, {@code
 * wp[(p·in + j)·P + r] = W[p·P + r][j]}, the last panel padded with zero rows. A panel's P weights
 * for one input j are contiguous, so a product streams each panel once, P rows at a time in vector
 * registers. Shared by {@link BlockNetwork} and {@link FloatBlockNetwork}.
 */
final class Panels {
  private Panels() {}

  /** Panels of {@code rows} rows needed for {@code out} rows. */
  static int count(int out, int rows) {
    return (out + rows - 1) / rows;
  }

  /** Where W[i][j] lives in the panel layout. */
  static int index(int i, int j, int in, int rows) {
    return ((i / rows) * in + j) * rows + i % rows;
  }

  /** Row-major {@code out × in} W into panels of {@code rows} rows. */
  static double[] of(double[] w, int out, int in, int rows) {
    double[] wp = new double[count(out, rows) * rows * in];
    for (int i = 0; i < out; i++) {
      for (int j = 0; j < in; j++) {
        wp[index(i, j, in, rows)] = w[i * in + j];
      }
    }
    return wp;
  }

  /** The first {@code out} rows of panel-layout W, row-major. */
  static double[] toRowMajor(double[] wp, int out, int in, int rows) {
    double[] w = new double[out * in];
    for (int i = 0; i < out; i++) {
      for (int j = 0; j < in; j++) {
        w[i * in + j] = wp[index(i, j, in, rows)];
      }
    }
    return w;
  }
}
