package org.nnlab.network;

import java.util.Arrays;

/**
 * The layers after the first, for {@link FloatBlockNetwork}: {@link UpperLayers} in 32-bit floats.
 * One sample at a time, row by row, as {@link Network#train} states it — forward as dot products of
 * rows with the layer's input, errors carried back as sums of rows scaled by δ (or e for the book's
 * rule) at the weights before the step, then each row moved by (α·δ_i)·input — every inner loop one
 * {@link FloatKernels} call over a contiguous row. Sigmoids are the double {@link ExpKernel}'s,
 * rounded to float once ({@link FloatKernels#sigmoid}); the loss is summed in double.
 *
 * <p>The same loops as {@link UpperLayers} over {@code float[]}: Java has no generics over
 * primitive types, and boxing or a shared {@code double} path would cost the halved bytes this
 * engine is for, so the two classes are kept in step by hand.
 *
 * <p>Mini-batches: the steps of a batch are summed apart and added at {@link #flush}, so the
 * batch's samples all see the same weights. Not thread-safe.
 */
final class FloatUpperLayers {
  private final int[] sizes; // hidden, …, outputs
  private final Activation f;
  private final FloatKernels kernels;
  private final float[][][] w; // w[k][i]: row i of the k-th layer after the first
  private final float[][][] sum; // mini-batches: the batch's summed steps, same shape; else null
  private final float[][] o; // o[0] is the caller's hidden activations during train
  private final float[][] err;
  private final float[][] delta;
  private final float[] lanes; // scratch for the kernels' fixed-order dot products
  private final double[] sigmoidScratch;

  /** {@code weights[k]} row-major for layer sizes[k] → sizes[k+1]; rounded to float. */
  FloatUpperLayers(int[] sizes, Activation f, double[][] weights, boolean batched, FloatKernels kernels) {
    this.sizes = sizes.clone();
    this.f = f;
    this.kernels = kernels;
    int layers = sizes.length - 1;
    w = new float[layers][][];
    sum = batched ? new float[layers][][] : null;
    for (int k = 0; k < layers; k++) {
      w[k] = new float[sizes[k + 1]][];
      for (int i = 0; i < sizes[k + 1]; i++) {
        w[k][i] = FloatNetwork.toFloats(Arrays.copyOfRange(weights[k], i * sizes[k], (i + 1) * sizes[k]));
      }
      if (batched) {
        sum[k] = new float[sizes[k + 1]][sizes[k]];
      }
    }
    o = new float[sizes.length][];
    err = new float[sizes.length][];
    delta = new float[sizes.length][];
    for (int k = 1; k < sizes.length; k++) {
      o[k] = new float[sizes[k]];
      err[k] = new float[sizes[k]];
      delta[k] = new float[sizes[k]];
    }
    err[0] = new float[sizes[0]];
    lanes = new float[kernels.lanes()];
    sigmoidScratch = new double[Arrays.stream(sizes).max().orElse(0)];
  }

  /**
   * One sample: forward from {@code hidden}, deltas, {@code inputError} = W_2ᵀ·c (c = δ for exact,
   * e for book) at the weights before the step, then the step of rate {@code rate} (applied now, or
   * summed until {@link #flush} for mini-batches). Returns the loss ½Σ(t − o)² before the step.
   */
  double train(float[] hidden, double[] targets, float rate, Backprop rule, float[] inputError) {
    o[0] = hidden;
    int last = sizes.length - 1;
    for (int k = 0; k < last; k++) {
      float[] in = o[k];
      float[] out = o[k + 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = kernels.dot(w[k][i], in, in.length, lanes);
      }
      activate(out);
    }
    double loss = outputDeltas(targets, o[last], err[last], delta[last]);
    for (int k = last; k >= 1; k--) {
      float[] carried = rule == Backprop.EXACT ? delta[k] : err[k];
      float[] back = k == 1 ? inputError : err[k - 1];
      Arrays.fill(back, 0, sizes[k - 1], 0f);
      for (int i = 0; i < sizes[k]; i++) {
        kernels.axpy(back, w[k - 1][i], carried[i], sizes[k - 1]);
      }
      if (k > 1) {
        for (int j = 0; j < sizes[k - 1]; j++) {
          delta[k - 1][j] = back[j] * (float) f.derivativeAt(o[k - 1][j]);
        }
      }
    }
    for (int k = 0; k < last; k++) {
      float[][] target = sum == null ? w[k] : sum[k];
      float[] d = delta[k + 1];
      for (int i = 0; i < d.length; i++) {
        kernels.axpy(target[i], o[k], rate * d[i], sizes[k]);
      }
    }
    o[0] = null;
    return loss;
  }

  /** e = t − o and δ = e ⊙ σ'(o) in float; returns ½Σe², summed in double. */
  private double outputDeltas(double[] targets, float[] out, float[] e, float[] d) {
    if (targets.length != out.length) {
      throw new IllegalArgumentException("expected " + out.length + " targets, found " + targets.length);
    }
    double loss = 0.0;
    for (int i = 0; i < out.length; i++) {
      e[i] = (float) targets[i] - out[i];
      d[i] = e[i] * (float) f.derivativeAt(out[i]);
      loss += (double) e[i] * e[i];
    }
    return 0.5 * loss;
  }

  /** Adds a mini-batch's summed steps to the weights; nothing to do per sample. */
  void flush() {
    if (sum == null) {
      return;
    }
    for (int k = 0; k < w.length; k++) {
      for (int i = 0; i < w[k].length; i++) {
        kernels.axpy(w[k][i], sum[k][i], 1f, sizes[k]);
        Arrays.fill(sum[k][i], 0f);
      }
    }
  }

  /** The k-th layer's weights, row-major, as doubles (exactly); a fresh array. */
  double[] weights(int k) {
    int cols = sizes[k];
    double[] flat = new double[w[k].length * cols];
    for (int i = 0; i < w[k].length; i++) {
      for (int j = 0; j < cols; j++) {
        flat[i * cols + j] = w[k][i][j];
      }
    }
    return flat;
  }

  private void activate(float[] h) {
    if (f == Activation.sigmoid()) {
      kernels.sigmoid(h, sigmoidScratch, h.length);
    } else {
      for (int i = 0; i < h.length; i++) {
        h[i] = (float) f.apply(h[i]);
      }
    }
  }
}
