package org.nnlab.network;

import java.util.Arrays;

/**
 * The layers after the first, for {@link BlockNetwork}: small (hidden → outputs), so one sample at a
 * time, row by row, as {@link Network#train} states it — forward as dot products of rows with the
 * layer's input, errors carried back as sums of rows scaled by δ (or e for the book's rule) at the
 * weights before the step, then each row moved by (α·δ_i)·input. Rows are separate arrays, so every
 * inner loop is one {@link Kernels} call over a contiguous row. A network without a hidden layer
 * has no layers here: its first layer's outputs are the outputs, and the error handed back is
 * t − o.
 *
 * <p>Mini-batches: the steps of a batch are summed apart and added at {@link #flush}, so the
 * batch's samples all see the same weights. Within 1e-12 of the reference after 1,000 samples
 * (sums regrouped, fused multiply-adds; {@code BlockNetworkProperties}). Not thread-safe.
 */
@SuppressWarnings("cast") // the (double) casts are no-ops here and rounding casts in the float twin
final class UpperLayers {
  private final int[] sizes; // the first layer's outputs, …, the outputs
  private final Activation f;
  private final Kernels kernels;
  private final double[][][] w; // w[k][i]: row i of W_{k+2}
  private final double[][][] sum; // mini-batches: the batch's summed steps, same shape; else null
  private final double[][] o; // o[0] is the caller's first-layer outputs during a call
  private final double[][] err; // err[0] is the caller's inputError during train
  private final double[][] delta;
  private final double[] lanes; // scratch for the kernels' fixed-order dot products

  /** Layers 2.. of {@code network}, copied; none when it has no hidden layer. */
  UpperLayers(Network network, boolean batched, Kernels kernels) {
    int[] all = network.layerSizes();
    this.sizes = Arrays.copyOfRange(all, 1, all.length);
    this.f = network.activation();
    this.kernels = kernels;
    int layers = sizes.length - 1;
    w = new double[layers][][];
    sum = batched ? new double[layers][][] : null;
    for (int k = 0; k < layers; k++) {
      double[] flat = Reals.asDoubles(network.weights(k + 1));
      w[k] = new double[sizes[k + 1]][];
      for (int i = 0; i < sizes[k + 1]; i++) {
        w[k][i] = Arrays.copyOfRange(flat, i * sizes[k], (i + 1) * sizes[k]);
      }
      if (batched) {
        sum[k] = new double[sizes[k + 1]][sizes[k]];
      }
    }
    o = new double[sizes.length][];
    err = new double[sizes.length][];
    delta = new double[sizes.length][];
    for (int k = 0; k < sizes.length; k++) {
      o[k] = k == 0 ? null : new double[sizes[k]];
      err[k] = k == 0 ? null : new double[sizes[k]];
      delta[k] = new double[sizes[k]]; // delta[0] only when the first layer is the last
    }
    lanes = new double[kernels.lanes()];
  }

  /**
   * One sample: forward from {@code first} (the first layer's outputs), deltas, {@code inputError}
   * = e_1, the error at {@code first} (W_2ᵀ·c at the weights before the step, c = δ for exact, e
   * for book; t − o when there are no layers here), then the step of rate {@code rate} (applied
   * now, or summed until {@link #flush} for mini-batches). A step applied now first shrinks each
   * row by {@code keep} = 1 − α·λ when weight decay is on ({@code keep} = 1: no shrink, not even a
   * multiply). Writes the loss ½Σ(t − o)² before the step, summed in 64 bits at either precision,
   * into {@code losses[s]}.
   */
  void train(double[] first, double[] targets, double rate, double keep, Backprop rule, double[] inputError,
      double[] losses, int s) { // always double
    forward(first);
    err[0] = inputError;
    int last = sizes.length - 1;
    // the output layer, the same under both rules: e_L = t − o, δ_L = e_L ⊙ σ'(O_L)
    double[] out = o[last];
    double loss = 0; // always double
    for (int i = 0; i < out.length; i++) {
      err[last][i] = targets[i] - out[i];
      delta[last][i] = err[last][i] * (double) f.derivativeAt(out[i]);
      loss += (double) err[last][i] * err[last][i]; // always double
    }
    losses[s] = 0.5 * loss;
    for (int k = last; k >= 1; k--) {
      double[] carried = rule == Backprop.EXACT ? delta[k] : err[k];
      double[] back = err[k - 1];
      Arrays.fill(back, 0, sizes[k - 1], 0);
      for (int i = 0; i < sizes[k]; i++) {
        kernels.axpy(back, w[k - 1][i], carried[i], sizes[k - 1]);
      }
      if (k > 1) {
        for (int j = 0; j < sizes[k - 1]; j++) {
          delta[k - 1][j] = back[j] * (double) f.derivativeAt(o[k - 1][j]);
        }
      }
    }
    for (int k = 0; k < last; k++) {
      double[][] target = sum == null ? w[k] : sum[k];
      double[] d = delta[k + 1];
      for (int i = 0; i < d.length; i++) {
        if (sum == null && keep != 1) {
          kernels.scale(target[i], keep, sizes[k]);
        }
        kernels.axpy(target[i], o[k], rate * d[i], sizes[k]);
      }
    }
    o[0] = null;
    err[0] = null;
  }

  /**
   * The forward pass from {@code first}, the first layer's outputs; returns the outputs (scratch, or
   * {@code first} itself when there are no layers here).
   */
  double[] forward(double[] first) {
    o[0] = first;
    for (int k = 0; k < sizes.length - 1; k++) {
      double[] in = o[k];
      double[] out = o[k + 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = kernels.dot(w[k][i], in, in.length, lanes);
      }
      activate(out);
    }
    return o[sizes.length - 1];
  }

  /** h = f(h), through the kernels' deterministic sigmoid when f is the sigmoid. */
  void activate(double[] h) {
    if (f == Activation.sigmoid()) {
      kernels.sigmoid(h, h.length);
    } else {
      for (int i = 0; i < h.length; i++) {
        h[i] = (double) f.apply(h[i]);
      }
    }
  }

  /**
   * Adds a mini-batch's summed steps to the weights, after shrinking them by {@code keep} = 1 − α·λ
   * (weight decay, once per batch); nothing to do per sample.
   */
  void flush(double keep) {
    if (sum == null) {
      return;
    }
    for (int k = 0; k < w.length; k++) {
      for (int i = 0; i < w[k].length; i++) {
        if (keep != 1) {
          kernels.scale(w[k][i], keep, sizes[k]);
        }
        kernels.axpy(w[k][i], sum[k][i], 1, sizes[k]);
        Arrays.fill(sum[k][i], 0);
      }
    }
  }

  /** Writes W_2, W_3, … into {@code network}, row-major. */
  void copyTo(Network network) {
    for (int k = 0; k < w.length; k++) {
      int cols = sizes[k];
      double[] flat = new double[w[k].length * cols];
      for (int i = 0; i < w[k].length; i++) {
        System.arraycopy(w[k][i], 0, flat, i * cols, cols);
      }
      network.setWeights(k + 1, Reals.widen(flat));
    }
  }
}
