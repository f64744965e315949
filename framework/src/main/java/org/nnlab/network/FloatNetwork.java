package org.nnlab.network;

/**
 * The per-sample {@code network.precision: float} engine: the maths of {@link Network} in 32-bit
 * floats, for networks without a hidden layer ({@link FloatBlockNetwork} is the float engine for
 * the rest). Weights are kept column-major ({@code
 * wt[k][j·out + i] = W_{k+1}[i][j]}) so every inner loop is an axpy over a contiguous column.
 * Half the bytes per weight of the double engines; about 1e-7 relative rounding per operation, so
 * results drift from the double reference (measured in {@code reports/performance/}). Per-sample steps are applied during the next forward pass, one
 * column at a time, with {@code FloatVector}s when available.
 * Mini-batches: the summed steps of B samples, each α/B·δ·oᵀ, applied
 * together at the end of the batch.
 *
 * <p>Not thread-safe.
 */
public final class FloatNetwork implements TrainingEngine {
  private final int[] sizes;
  private final Activation f;
  private final int batchSize;
  private final float[][] wt;
  private final float[][] gradient; // Σ δ·oᵀ of the batch so far, column-major, only when B > 1
  private final float[][] o;
  private final float[][] delta;
  private final float[][] err;
  private final float[][] step; // per sample: α·δ_{k+1} of the pending step, per layer k
  private final float[][] stepInputs; // per sample: O_k of the pending step
  private boolean pendingStep;
  private final FloatKernels kernels = FloatKernels.BEST;
  private int inBatch;
  private float batchRate;

  private FloatNetwork(int[] sizes, Activation f, float[][] wt, int batchSize) {
    this.sizes = sizes;
    this.f = f;
    this.wt = wt;
    this.batchSize = batchSize;
    gradient = new float[wt.length][];
    o = new float[sizes.length][];
    delta = new float[sizes.length][];
    err = new float[sizes.length][];
    for (int k = 0; k < sizes.length; k++) {
      o[k] = new float[sizes[k]];
      delta[k] = new float[sizes[k]];
      err[k] = new float[sizes[k]];
    }
    for (int k = 0; k < wt.length && batchSize > 1; k++) {
      gradient[k] = new float[wt[k].length];
    }
    step = new float[wt.length][];
    stepInputs = new float[wt.length][];
    for (int k = 0; k < wt.length; k++) {
      step[k] = new float[sizes[k + 1]];
      stepInputs[k] = new float[sizes[k]];
    }
  }

  /** A float engine starting from {@code network}'s weights, rounded to float. */
  public static FloatNetwork of(Network network, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be ≥ 1, found " + batchSize);
    }
    int[] sizes = network.layerSizes();
    float[][] wt = new float[sizes.length - 1][];
    for (int k = 0; k < wt.length; k++) {
      wt[k] = toFloats(transpose(network.weights(k), sizes[k + 1], sizes[k]));
    }
    return new FloatNetwork(sizes, network.activation(), wt, batchSize);
  }

  @Override
  public double train(double[] inputs, double[] targets, double learningRate, Backprop rule) {
    forward(inputs);
    double loss = computeDeltas(targets, rule);
    step(learningRate);
    return loss;
  }

  @Override
  public int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, Backprop rule,
      double[] losses) {
    for (int s = 0; s < count; s++) {
      losses[s] = train(inputs[s], targets[s], learningRate, rule);
      if (!Double.isFinite(losses[s])) {
        return s + 1;
      }
    }
    return count;
  }

  @Override
  public int blockSize() {
    return 1;
  }

  /** The step of the sample just seen: kept pending, or added to the batch's gradient. */
  private void step(double learningRate) {
    if (batchSize == 1) {
      // kept pending, applied column by column during the next forward pass
      for (int k = 0; k < wt.length; k++) {
        for (int i = 0; i < step[k].length; i++) {
          step[k][i] = (float) learningRate * delta[k + 1][i];
        }
        System.arraycopy(o[k], 0, stepInputs[k], 0, sizes[k]);
      }
      pendingStep = true;
      return;
    }
    for (int k = 0; k < wt.length; k++) {
      addOuter(gradient[k], 1f, delta[k + 1], o[k]);
    }
    batchRate = (float) learningRate;
    if (++inBatch == batchSize) {
      flush();
    }
  }

  /** The outputs of the last layer for {@code inputs}, as doubles; a fresh array. */
  public double[] query(double[] inputs) {
    forward(inputs);
    return toDoubles(o[sizes.length - 1]);
  }

  @Override
  public void copyTo(Network network) {
    flush();
    for (int k = 0; k < wt.length; k++) {
      network.setWeights(k, transpose(toDoubles(wt[k]), sizes[k], sizes[k + 1]));
    }
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

  /** Each value rounded to the nearest float. */
  static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /** Each value as a double (exactly). */
  static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Applies the pending step, or a partly filled batch: W += (α/m)·Σ δ·oᵀ over its m samples. */
  void flush() {
    if (pendingStep) {
      for (int k = 0; k < wt.length; k++) {
        addOuter(wt[k], 1f, step[k], stepInputs[k]);
        java.util.Arrays.fill(step[k], 0f); // so a forward pass with nothing pending adds exact zeros
      }
      pendingStep = false;
    }
    if (inBatch == 0) {
      return;
    }
    float rate = batchRate / inBatch;
    for (int k = 0; k < wt.length; k++) {
      float[] w = wt[k];
      float[] g = gradient[k];
      for (int i = 0; i < w.length; i++) {
        w[i] += rate * g[i];
        g[i] = 0f;
      }
    }
    inBatch = 0;
  }

  /** M[:, j] += (s·a)·b[j] for every column j of the column-major M. */
  private static void addOuter(float[] m, float s, float[] a, float[] b) {
    int out = a.length;
    for (int j = 0; j < b.length; j++) {
      float bj = b[j];
      int col = j * out;
      for (int i = 0; i < out; i++) {
        m[col + i] += s * a[i] * bj;
      }
    }
  }

  private void forward(double[] inputs) {
    if (inputs.length != sizes[0]) {
      throw new IllegalArgumentException("expected " + sizes[0] + " inputs, found " + inputs.length);
    }
    for (int j = 0; j < inputs.length; j++) {
      o[0][j] = (float) inputs[j];
    }
    forward();
  }

  /** The forward pass from the inputs in o[0], applying the pending step on the way. */
  private void forward() {
    for (int k = 0; k < wt.length; k++) {
      float[] w = wt[k];
      float[] x = o[k];
      float[] h = o[k + 1];
      int out = h.length;
      java.util.Arrays.fill(h, 0f);
      float[] a = step[k];
      float[] xp = stepInputs[k];
      boolean apply = pendingStep;
      for (int j = 0; j < x.length; j++) {
        // with no pending step, a·0 leaves w as it is
        kernels.updateAndAccumulate(w, j * out, out, a, apply ? xp[j] : 0f, x[j], h);
      }
      for (int i = 0; i < out; i++) {
        h[i] = (float) f.apply(h[i]);
      }
    }
    pendingStep = false;
  }

  private double computeDeltas(double[] targets, Backprop rule) {
    int last = sizes.length - 1;
    float[] out = o[last];
    if (targets.length != out.length) {
      throw new IllegalArgumentException("expected " + out.length + " targets, found " + targets.length);
    }
    double loss = 0.0;
    for (int i = 0; i < out.length; i++) {
      float e = (float) targets[i] - out[i];
      loss += (double) e * e;
      err[last][i] = e;
      delta[last][i] = e * (float) f.derivativeAt(out[i]);
    }
    for (int k = last; k > 1; k--) {
      carryBack(k, rule, err[k - 1]);
      for (int j = 0; j < sizes[k - 1]; j++) {
        delta[k - 1][j] = err[k - 1][j] * (float) f.derivativeAt(o[k - 1][j]);
      }
    }
    return 0.5 * loss;
  }

  /** back[j] = Σ_i W_k[i][j]·c[i], c = δ_k ({@code exact}) or e_k ({@code book}); column j is contiguous. */
  private void carryBack(int k, Backprop rule, float[] back) {
    float[] c = rule == Backprop.EXACT ? delta[k] : err[k];
    float[] w = wt[k - 1];
    int rows = sizes[k];
    for (int j = 0; j < sizes[k - 1]; j++) {
      float s = 0f;
      int col = j * rows;
      for (int i = 0; i < rows; i++) {
        s += w[col + i] * c[i];
      }
      back[j] = s;
    }
  }
}
