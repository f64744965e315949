package org.nnlab.network;

import java.util.Arrays;

/**
 * The layers after the first, for {@link BlockNetwork}: small (hidden → outputs), so one sample at a
 * time, row by row, as {@link Network#train} states it — forward as dot products of rows with the
 * layer's input, errors carried back as sums of rows scaled by δ (or e for the book's rule) at the
 * weights before the step, then each row moved by (α·δ_i)·input. Rows are separate arrays, so every
 * inner loop is one {@link Kernels} call over a contiguous row; with 10 outputs that is 13 vector
 * operations per row where a column layout (the fused engine's) has 10-wide columns that fill a
 * 512-bit vector and a 2-element tail.
 *
 * <p>Mini-batches: the steps of a batch are summed apart and added at {@link #flush}, so the
 * batch's samples all see the same weights. Within 1e-12 of the reference after 1,000 samples
 * (sums regrouped, fused multiply-adds; {@code BlockNetworkProperties}). Not thread-safe.
 */
final class UpperLayers {
  private final int[] sizes; // hidden, …, outputs
  private final Activation f;
  private final Kernels kernels;
  private final double[][][] w; // w[k][i]: row i of the k-th layer after the first
  private final double[][][] sum; // mini-batches: the batch's summed steps, same shape; else null
  private final double[][] o; // o[0] is the caller's hidden activations during train
  private final double[][] err;
  private final double[][] delta;
  private final double[] lanes; // scratch for the kernels' fixed-order dot products

  /** {@code weights[k]} row-major for layer sizes[k] → sizes[k+1]; copied. */
  UpperLayers(int[] sizes, Activation f, double[][] weights, boolean batched, Kernels kernels) {
    this.sizes = sizes.clone();
    this.f = f;
    this.kernels = kernels;
    int layers = sizes.length - 1;
    w = new double[layers][][];
    sum = batched ? new double[layers][][] : null;
    for (int k = 0; k < layers; k++) {
      w[k] = new double[sizes[k + 1]][];
      for (int i = 0; i < sizes[k + 1]; i++) {
        w[k][i] = Arrays.copyOfRange(weights[k], i * sizes[k], (i + 1) * sizes[k]);
      }
      if (batched) {
        sum[k] = new double[sizes[k + 1]][sizes[k]];
      }
    }
    o = new double[sizes.length][];
    err = new double[sizes.length][];
    delta = new double[sizes.length][];
    for (int k = 1; k < sizes.length; k++) {
      o[k] = new double[sizes[k]];
      err[k] = new double[sizes[k]];
      delta[k] = new double[sizes[k]];
    }
    err[0] = new double[sizes[0]];
    lanes = new double[kernels.lanes()];
  }

  /**
   * One sample: forward from {@code hidden}, deltas, {@code inputError} = W_2ᵀ·c (c = δ for exact,
   * e for book) at the weights before the step, then the step of rate {@code rate} (applied now, or
   * summed until {@link #flush} for mini-batches). Returns the loss ½Σ(t − o)² before the step.
   */
  double train(double[] hidden, double[] targets, double rate, Backprop rule, double[] inputError) {
    o[0] = hidden;
    int last = sizes.length - 1;
    for (int k = 0; k < last; k++) {
      double[] in = o[k];
      double[] out = o[k + 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = kernels.dot(w[k][i], in, in.length, lanes);
      }
      activate(out);
    }
    double loss = Network.outputDeltas(f, targets, o[last], err[last], delta[last]);
    for (int k = last; k >= 1; k--) {
      double[] carried = rule == Backprop.EXACT ? delta[k] : err[k];
      double[] back = k == 1 ? inputError : err[k - 1];
      Arrays.fill(back, 0, sizes[k - 1], 0.0);
      for (int i = 0; i < sizes[k]; i++) {
        kernels.axpy(back, w[k - 1][i], carried[i], sizes[k - 1]);
      }
      if (k > 1) {
        for (int j = 0; j < sizes[k - 1]; j++) {
          delta[k - 1][j] = back[j] * f.derivativeAt(o[k - 1][j]);
        }
      }
    }
    for (int k = 0; k < last; k++) {
      double[][] target = sum == null ? w[k] : sum[k];
      double[] d = delta[k + 1];
      for (int i = 0; i < d.length; i++) {
        kernels.axpy(target[i], o[k], rate * d[i], sizes[k]);
      }
    }
    o[0] = null;
    return loss;
  }

  /** Adds a mini-batch's summed steps to the weights; nothing to do per sample. */
  void flush() {
    if (sum == null) {
      return;
    }
    for (int k = 0; k < w.length; k++) {
      for (int i = 0; i < w[k].length; i++) {
        kernels.axpy(w[k][i], sum[k][i], 1.0, sizes[k]);
        Arrays.fill(sum[k][i], 0.0);
      }
    }
  }

  /** The k-th layer's weights, row-major; a fresh array. */
  double[] weights(int k) {
    int cols = sizes[k];
    double[] flat = new double[w[k].length * cols];
    for (int i = 0; i < w[k].length; i++) {
      System.arraycopy(w[k][i], 0, flat, i * cols, cols);
    }
    return flat;
  }

  private void activate(double[] h) {
    if (f == Activation.sigmoid()) {
      kernels.sigmoid(h, h.length);
    } else {
      for (int i = 0; i < h.length; i++) {
        h[i] = f.apply(h[i]);
      }
    }
  }
}
