package org.nnlab.testsupport;

/**
 * An independent, deliberately plain implementation of the book's training step
 * ({@code neuralNetwork.train} in <i>Make Your Own Neural Network</i>), generalised to any number of
 * layers, with 2-D arrays and no shared code with {@code Network}:
 *
 * <pre>
 * errors_L = targets − O_L
 * errors_{k−1} = W_kᵀ · errors_k                      (the book's recombination)
 * W_k += lr · ((errors_k · O_k · (1 − O_k)) · O_{k−1}ᵀ)
 * </pre>
 */
public final class BookReference {
  private BookReference() {}

  /** W[k][i][j]: weight from node j of layer k to node i of layer k+1. Returns the updated copy. */
  public static double[][][] trainStep(double[][][] w, double[] x, double[] t, double lr) {
    int layers = w.length + 1;
    double[][] o = new double[layers][];
    o[0] = x.clone();
    for (int k = 0; k < w.length; k++) {
      o[k + 1] = new double[w[k].length];
      for (int i = 0; i < w[k].length; i++) {
        double s = 0;
        for (int j = 0; j < w[k][i].length; j++) {
          s += w[k][i][j] * o[k][j];
        }
        o[k + 1][i] = 1.0 / (1.0 + Math.exp(-s));
      }
    }
    // all errors are computed from the weights before any update, as the book's code does
    double[][] errors = new double[layers][];
    errors[layers - 1] = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      errors[layers - 1][i] = t[i] - o[layers - 1][i];
    }
    for (int k = layers - 1; k > 1; k--) {
      double[][] wk = w[k - 1];
      errors[k - 1] = new double[wk[0].length];
      for (int j = 0; j < wk[0].length; j++) {
        double s = 0;
        for (int i = 0; i < wk.length; i++) {
          s += wk[i][j] * errors[k][i];
        }
        errors[k - 1][j] = s;
      }
    }
    double[][][] next = new double[w.length][][];
    for (int k = 0; k < w.length; k++) {
      next[k] = new double[w[k].length][];
      for (int i = 0; i < w[k].length; i++) {
        next[k][i] = w[k][i].clone();
        double g = errors[k + 1][i] * o[k + 1][i] * (1 - o[k + 1][i]);
        for (int j = 0; j < w[k][i].length; j++) {
          next[k][i][j] += lr * g * o[k][j];
        }
      }
    }
    return next;
  }

  /** Row-major flat weights → W[i][j]. */
  public static double[][] unflatten(double[] flat, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, m[i], 0, cols);
    }
    return m;
  }
}
