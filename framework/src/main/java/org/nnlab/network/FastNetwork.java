package org.nnlab.network;

import java.util.Arrays;

/**
 * The training engine behind {@link org.nnlab.training.Trainer}: the same per-sample gradient
 * descent as {@link Network}, rearranged so that each step makes one pass over each weight matrix
 * instead of two, with the very same floating-point operations in the same order, so the weights
 * are bit-for-bit those of {@link Network#train} (the {@code FastNetworkProperties} test holds it to
 * that within 1e-12).
 *
 * <p>Two changes of shape, none of maths:
 *
 * <ul>
 *   <li><b>Column-major weights.</b> W_k is kept transposed, {@code wt[k][j·out + i] = W_k[i][j]},
 *       so the forward pass O_k = σ(W_k·O_{k−1}) becomes a sum of axpys h += O_{k−1}[j]·W_k[:, j]
 *       over contiguous columns, a loop shape the C2 JIT turns into AVX vector code; the reference's
 *       row dot products are reductions it does not vectorise. Each h[i] still adds the terms in
 *       ascending j from 0.0, as the reference does.
 *   <li><b>The update of sample s fused into the forward pass of sample s + 1.</b> The step ΔW_k =
 *       α·δ_k·O_{k−1}ᵀ is rank 1, so it is kept pending as the pair (α·δ_k, O_{k−1}) and applied to
 *       each column just before that column is read by the next forward pass: one read and one
 *       write of W per sample instead of two reads and one write. Every weight still receives
 *       w + (α·δ_i)·o_j before anything reads it. With {@code batchSize} B &gt; 1 the pending pairs of
 *       a whole mini-batch are applied together, as (α/B)·Σ δ_b·o_bᵀ, and the samples of a batch all
 *       see the same weights.
 * </ul>
 *
 * <pre>{@code
 * FastNetwork fast = FastNetwork.of(network, 1);
 * double loss = fast.train(x, t, 0.1, Backprop.EXACT);
 * fast.copyTo(network);   // applies the pending step, writes W back row-major
 * }</pre>
 *
 * <p>Not thread-safe. The weights held here and those of the source network part ways at
 * {@link #of}; call {@link #copyTo} before reading the network again.
 */
public final class FastNetwork implements TrainingEngine {
  private final int[] sizes;
  private final Activation f;
  private final int batchSize;
  private final Kernels kernels;
  private final double[][] wt; // wt[k]: sizes[k] columns of sizes[k+1] values: W_{k+1} transposed

  private final double[][] o; // outputs of the sample being trained, o[0] = inputs
  private final double[][] delta;
  private final double[][] err;
  private final double[][][] pendingInputs; // [b][k]: O_k of pending sample b
  private final double[][][] pendingDeltas; // [b][k]: δ_{k+1} of pending sample b
  private final double[][] step; // [b]: (α/m)·δ of one pending sample, for the layer being applied
  private final double[] pendingRate = new double[1];
  private int pending; // number of pending rank-1 steps

  private FastNetwork(int[] sizes, Activation f, double[][] wt, int batchSize, Kernels kernels) {
    this.kernels = kernels;
    this.sizes = sizes;
    this.f = f;
    this.wt = wt;
    this.batchSize = batchSize;
    int layers = sizes.length;
    o = new double[layers][];
    delta = new double[layers][];
    err = new double[layers][];
    for (int k = 0; k < layers; k++) {
      o[k] = new double[sizes[k]];
      delta[k] = new double[sizes[k]];
      err[k] = new double[sizes[k]];
    }
    pendingInputs = new double[batchSize][layers - 1][];
    pendingDeltas = new double[batchSize][layers - 1][];
    step = new double[batchSize][];
    int widest = Arrays.stream(sizes).max().orElseThrow();
    for (int b = 0; b < batchSize; b++) {
      step[b] = new double[widest];
      for (int k = 0; k < layers - 1; k++) {
        pendingInputs[b][k] = new double[sizes[k]];
        pendingDeltas[b][k] = new double[sizes[k + 1]];
      }
    }
  }

  /**
   * A training engine starting from {@code network}'s weights. {@code batchSize} 1 is the book's
   * per-sample descent; B &gt; 1 averages the steps of B samples taken at the same weights.
   */
  public static FastNetwork of(Network network, int batchSize) {
    return of(network, batchSize, Kernels.BEST);
  }

  static FastNetwork of(Network network, int batchSize, Kernels kernels) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be ≥ 1, found " + batchSize);
    }
    int[] sizes = network.layerSizes();
    double[][] wt = new double[sizes.length - 1][];
    for (int k = 0; k < wt.length; k++) {
      wt[k] = transpose(network.weights(k), sizes[k + 1], sizes[k]);
    }
    return new FastNetwork(sizes, network.activation(), wt, batchSize, kernels);
  }

  /** {@code rows × cols} row-major into {@code cols × rows} row-major. */
  static double[] transpose(double[] m, int rows, int cols) {
    double[] t = new double[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }

  /**
   * One step of gradient descent on (x, t), as {@link Network#train}: returns the loss ½Σ(t − o)²
   * before the step. The step itself is applied lazily, during the next forward pass (or at
   * {@link #copyTo}); with a batch size B it is applied once B samples have been seen.
   */
  @Override
  public double train(double[] inputs, double[] targets, double learningRate, Backprop rule) {
    if (pending == batchSize) {
      forwardApplyingPending(inputs);
    } else {
      forwardApplyingPending(inputs, 0); // a batch is still filling: its samples see the same W
    }
    double loss = computeDeltas(targets, rule);
    int b = pending++;
    pendingRate[0] = learningRate;
    for (int k = 0; k < wt.length; k++) {
      System.arraycopy(o[k], 0, pendingInputs[b][k], 0, sizes[k]);
      System.arraycopy(delta[k + 1], 0, pendingDeltas[b][k], 0, sizes[k + 1]);
    }
    return loss;
  }

  /** Which inner loops run: {@code scalar}, or {@code vector-N} for N-bit vectors. */
  public static String kernels() {
    return Kernels.BEST.name();
  }

  /** The outputs of the last layer for {@code inputs}, after applying any pending step; a fresh array. */
  public double[] query(double[] inputs) {
    forwardApplyingPending(inputs);
    return o[sizes.length - 1].clone();
  }

  /** Applies the pending steps and writes the weights into {@code network} (same shape), row-major. */
  @Override
  public void copyTo(Network network) {
    flush();
    for (int k = 0; k < wt.length; k++) {
      network.setWeights(k, transpose(wt[k], sizes[k], sizes[k + 1]));
    }
  }

  /** Applies the pending steps now; the next sample starts a new batch. */
  public void flush() {
    for (int k = 0; k < wt.length; k++) {
      int in = sizes[k];
      int out = sizes[k + 1];
      int m = prepareSteps(k, out);
      double[] w = wt[k];
      for (int j = 0; j < in; j++) {
        applyColumn(w, j * out, out, k, j, m);
      }
    }
    pending = 0;
  }

  /** W_{k+1} row-major, after the pending steps; a fresh array. */
  public double[] weights(int k) {
    flush();
    return transpose(wt[k], sizes[k], sizes[k + 1]);
  }

  private void forwardApplyingPending(double[] inputs) {
    forwardApplyingPending(inputs, pending);
    pending = 0;
  }

  /** The forward pass, applying the first {@code m} pending steps to each column just before reading it. */
  private void forwardApplyingPending(double[] inputs, int m) {
    if (inputs.length != sizes[0]) {
      throw new IllegalArgumentException("expected " + sizes[0] + " inputs, found " + inputs.length);
    }
    System.arraycopy(inputs, 0, o[0], 0, inputs.length);
    for (int k = 0; k < wt.length; k++) {
      int in = sizes[k];
      int out = sizes[k + 1];
      double[] w = wt[k];
      double[] x = o[k];
      double[] h = o[k + 1];
      Arrays.fill(h, 0.0);
      int steps = m == 0 ? 0 : prepareSteps(k, out, m);
      int j = 0;
      if (steps == 1) {
        // the common case, per-sample descent: update and read four columns per pass over h
        double[] a = step[0];
        double[] xp = pendingInputs[0][k];
        for (; j + 3 < in; j += 4) {
          kernels.updateAndAccumulate4(w, j * out, out, a, xp[j], xp[j + 1], xp[j + 2], xp[j + 3],
              x[j], x[j + 1], x[j + 2], x[j + 3], h);
        }
      } else if (steps == 0) {
        for (; j + 3 < in; j += 4) {
          kernels.accumulate4(w, j * out, out, x[j], x[j + 1], x[j + 2], x[j + 3], h);
        }
      }
      for (; j < in; j++) {
        int col = j * out;
        applyColumn(w, col, out, k, j, steps);
        double xj = x[j];
        for (int i = 0; i < out; i++) {
          h[i] += xj * w[col + i];
        }
      }
      for (int i = 0; i < out; i++) {
        h[i] = f.apply(h[i]);
      }
    }
  }

  /** Column j of W_{k+1} += Σ_b step_b·o_b[j], pending samples in order. */
  private void applyColumn(double[] w, int col, int out, int k, int j, int m) {
    for (int b = 0; b < m; b++) {
      double[] a = step[b];
      double p = pendingInputs[b][k][j];
      for (int i = 0; i < out; i++) {
        w[col + i] += a[i] * p;
      }
    }
  }

  private int prepareSteps(int k, int out) {
    return prepareSteps(k, out, pending);
  }

  /** step[b] = (α/m)·δ_b for the first m pending samples of layer k+1; returns m. */
  private int prepareSteps(int k, int out, int m) {
    if (m == 0) {
      return 0;
    }
    double rate = pendingRate[0] / m; // α/1 is α exactly, so per-sample steps match the reference
    for (int b = 0; b < m; b++) {
      double[] d = pendingDeltas[b][k];
      double[] a = step[b];
      for (int i = 0; i < out; i++) {
        a[i] = rate * d[i];
      }
    }
    return m;
  }

  /** δ for every layer after the forward pass, as {@link Network}; returns the loss. */
  private double computeDeltas(double[] targets, Backprop rule) {
    int last = sizes.length - 1;
    double loss = Network.outputDeltas(f, targets, o[last], err[last], delta[last]);
    for (int k = last; k > 1; k--) {
      carryBack(k, rule == Backprop.EXACT ? delta[k] : err[k], err[k - 1]);
      double[] ok = o[k - 1];
      for (int j = 0; j < sizes[k - 1]; j++) {
        delta[k - 1][j] = err[k - 1][j] * f.derivativeAt(ok[j]);
      }
    }
    return loss;
  }

  /** back[j] = Σ_i W_k[i][j]·c[i]: column j of W_k is contiguous here, so each is a dot product. */
  private void carryBack(int k, double[] c, double[] back) {
    double[] w = wt[k - 1];
    int rows = sizes[k];
    for (int j = 0; j < sizes[k - 1]; j++) {
      double s = 0.0;
      int col = j * rows;
      for (int i = 0; i < rows; i++) {
        s += w[col + i] * c[i];
      }
      back[j] = s;
    }
  }

  /**
   * {@link #train}, also carrying the error back to the inputs: {@code inputError} = W_1ᵀ·c, c = δ_1
   * ({@code exact}) or e_1 ({@code book}), at the weights before this step. Lets {@link BlockNetwork}
   * put its own first layer in front of this network.
   */
  double train(double[] inputs, double[] targets, double learningRate, Backprop rule, double[] inputError) {
    double loss = train(inputs, targets, learningRate, rule);
    carryBack(1, rule == Backprop.EXACT ? delta[1] : err[1], inputError);
    return loss;
  }
}
