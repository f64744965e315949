package org.nnlab.network;

import java.util.Arrays;

/**
 * A fully connected feed-forward network of sigmoid nodes with no bias, trained one sample at a
 * time by error back-propagation: the network of <i>Make Your Own Neural Network</i>, with any
 * number of hidden layers.
 *
 * <p>Layer k computes O_k = σ(W_k · O_{k−1}); W_k has shape (nodes_k × nodes_{k−1}) and is stored
 * row-major in one contiguous array, so row i holds the incoming weights of node i. One training
 * step on (x, t) applies, for every layer, ΔW_k = α · δ_k · O_{k−1}ᵀ, where δ_k depends on the
 * {@link Backprop} rule. The forward pass and its backward side sit next to each other below.
 *
 * <pre>{@code
 * Network net = Network.create(new int[] {784, 100, 10}, Activation.sigmoid(),
 *     Initializer.normalFanIn(), new SplittableRandom(42));
 * double loss = net.train(x, t, 0.1, Backprop.EXACT);
 * double[] o = net.query(x);
 * }</pre>
 *
 * <p>Not thread-safe: the network owns scratch buffers so that training allocates nothing per
 * sample. Give each thread its own network ({@link #copy()}).
 */
public final class Network {
  private final int[] sizes;
  private final Activation f;
  private final double[][] w; // w[k]: rows sizes[k+1], columns sizes[k], row-major

  // scratch, reused by every sample
  private final double[][] o; // o[0] = input, o[k] = outputs of layer k
  private final double[][] delta; // delta[k] for k ≥ 1, aligned with o
  private final double[][] err; // err[k] for k ≥ 1: the book rule's recombined errors

  private Network(int[] sizes, Activation f, double[][] w) {
    this.sizes = sizes.clone();
    this.f = f;
    this.w = w;
    this.o = new double[sizes.length][];
    this.delta = new double[sizes.length][];
    this.err = new double[sizes.length][];
    for (int k = 0; k < sizes.length; k++) {
      o[k] = new double[sizes[k]];
      delta[k] = new double[sizes[k]];
      err[k] = new double[sizes[k]];
    }
  }

  /** Creates a network whose weights are drawn by {@code init} from {@code rng}, layer by layer. */
  public static Network create(
      int[] sizes, Activation activation, Initializer init, java.util.random.RandomGenerator rng) {
    checkSizes(sizes);
    double[][] w = new double[sizes.length - 1][];
    for (int k = 0; k < w.length; k++) {
      w[k] = new double[sizes[k + 1] * sizes[k]];
      init.initialize(w[k], sizes[k + 1], sizes[k], rng);
    }
    return new Network(sizes, activation, w);
  }

  /**
   * Creates a network from given weight matrices; {@code weights[k]} is row-major (sizes[k+1] ×
   * sizes[k]). The arrays are copied.
   */
  public static Network of(int[] sizes, Activation activation, double[][] weights) {
    checkSizes(sizes);
    if (weights.length != sizes.length - 1) {
      throw new IllegalArgumentException(
          "expected " + (sizes.length - 1) + " weight matrices, found " + weights.length);
    }
    double[][] w = new double[weights.length][];
    for (int k = 0; k < w.length; k++) {
      if (weights[k].length != sizes[k + 1] * sizes[k]) {
        throw new IllegalArgumentException(
            "weight matrix " + (k + 1) + " must hold " + sizes[k + 1] + "×" + sizes[k]
                + " values, found " + weights[k].length);
      }
      w[k] = weights[k].clone();
    }
    return new Network(sizes, activation, w);
  }

  /** The most elements a Java array holds (the JDK refuses a few below Integer.MAX_VALUE). */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static void checkSizes(int[] sizes) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network needs at least 2 layers, found " + sizes.length);
    }
    for (int n : sizes) {
      if (n < 1) {
        throw new IllegalArgumentException("every layer needs at least 1 node, found " + n);
      }
    }
    for (int k = 0; k + 1 < sizes.length; k++) {
      long cells = (long) sizes[k + 1] * sizes[k];
      if (cells > MAX_ARRAY) {
        throw new IllegalArgumentException("weight matrix " + (k + 1) + " would hold " + sizes[k + 1] + "×"
            + sizes[k] + " = " + cells + " values, more than one array can (" + MAX_ARRAY + ")");
      }
    }
  }

  /** An independent network with the same shape, activation and weights. */
  public Network copy() {
    return of(sizes, f, w);
  }

  /** Nodes per layer, input layer first. */
  public int[] layerSizes() {
    return sizes.clone();
  }

  /** Number of weight matrices (layers − 1). */
  public int weightLayers() {
    return w.length;
  }

  public Activation activation() {
    return f;
  }

  /** A copy of W_{k+1}, the matrix from layer k to layer k+1, row-major. */
  public double[] weights(int k) {
    return w[k].clone();
  }

  /** Replaces W_{k+1} with a copy of {@code values}. */
  public void setWeights(int k, double[] values) {
    if (values.length != w[k].length) {
      throw new IllegalArgumentException(
          "weight matrix " + (k + 1) + " must hold " + w[k].length + " values, found " + values.length);
    }
    System.arraycopy(values, 0, w[k], 0, values.length);
  }

  /** One weight, W_{k+1}[row][col]. */
  public double weight(int k, int row, int col) {
    return w[k][row * sizes[k] + col];
  }

  /** Sets one weight, W_{k+1}[row][col]. */
  public void setWeight(int k, int row, int col, double value) {
    w[k][row * sizes[k] + col] = value;
  }

  /** The outputs of the last layer for {@code inputs}; a fresh array. */
  public double[] query(double[] inputs) {
    return forward(inputs)[sizes.length - 1].clone();
  }

  /**
   * Runs the forward pass and returns every layer's outputs, input first. The arrays are the
   * network's scratch buffers: read them before the next call, do not keep them.
   */
  public double[][] forward(double[] inputs) {
    if (inputs.length != sizes[0]) {
      throw new IllegalArgumentException(
          "expected " + sizes[0] + " inputs, found " + inputs.length);
    }
    System.arraycopy(inputs, 0, o[0], 0, inputs.length);
    for (int k = 1; k < sizes.length; k++) {
      // O_k = σ(W_k · O_{k−1})
      double[] wk = w[k - 1];
      double[] prev = o[k - 1];
      double[] out = o[k];
      int cols = prev.length;
      for (int i = 0; i < out.length; i++) {
        double sum = 0.0;
        int row = i * cols;
        for (int j = 0; j < cols; j++) {
          sum += wk[row + j] * prev[j];
        }
        out[i] = f.apply(sum);
      }
    }
    return o;
  }

  /** E = ½ Σ (t − o)² for one sample, without changing the weights. */
  public double loss(double[] inputs, double[] targets) {
    double[] out = forward(inputs)[sizes.length - 1];
    return halfSquaredError(targets, out);
  }

  /**
   * One step of per-sample gradient descent: forward pass, then ΔW_k = α·δ_k·O_{k−1}ᵀ for every
   * layer, δ chosen by {@code rule}. Returns the loss E = ½Σ(t − o)² before the update.
   */
  public double train(double[] inputs, double[] targets, double learningRate, Backprop rule) {
    return train(inputs, targets, learningRate, 0.0, rule);
  }

  /**
   * One step with weight decay λ ({@code training.weightDecay}): descent on E + (λ/2)·Σ W², so
   * every layer first shrinks by c = 1 − α·λ, W_k ← c·W_k + α·δ_k·O_{k−1}ᵀ, δ taken at the weights
   * before the step. λ = 0 is {@link #train(double[], double[], double, Backprop)}, bit for bit.
   * Returns E = ½Σ(t − o)² before the update (the data's loss, without the penalty).
   */
  public double train(double[] inputs, double[] targets, double learningRate, double weightDecay, Backprop rule) {
    forward(inputs);
    double loss = computeDeltas(targets, rule);
    double keep = 1 - learningRate * weightDecay;
    for (int k = 1; k < sizes.length; k++) {
      // W_k ← c·W_k + α · δ_k · O_{k−1}ᵀ, row by row: W_k[i,:] += (α·δ_k[i]) · O_{k−1}
      double[] wk = w[k - 1];
      double[] prev = o[k - 1];
      double[] d = delta[k];
      int cols = prev.length;
      for (int i = 0; i < d.length; i++) {
        double a = learningRate * d[i];
        int row = i * cols;
        for (int j = 0; j < cols; j++) {
          wk[row + j] = (weightDecay == 0 ? wk[row + j] : keep * wk[row + j]) + a * prev[j];
        }
      }
    }
    return loss;
  }

  /** ½·Σ W² over every layer: the penalty weight decay λ adds to E as λ·½ΣW². */
  public double halfSquaredWeights() {
    double s = 0.0;
    for (double[] wk : w) {
      for (double v : wk) {
        s += v * v;
      }
    }
    return 0.5 * s;
  }

  /**
   * The direction one training step moves each weight, before multiplying by α: D_k = δ_k·O_{k−1}ᵀ,
   * row-major per layer. With {@link Backprop#EXACT} this is −∂E/∂W_k. Leaves the weights as they
   * are.
   */
  public double[][] updateDirection(double[] inputs, double[] targets, Backprop rule) {
    return updateDirection(inputs, targets, 0.0, rule);
  }

  /**
   * As above with weight decay λ: D_k = δ_k·O_{k−1}ᵀ − λ·W_k, with {@link Backprop#EXACT}
   * −∂(E + λ·½ΣW²)/∂W_k.
   */
  public double[][] updateDirection(double[] inputs, double[] targets, double weightDecay, Backprop rule) {
    forward(inputs);
    computeDeltas(targets, rule);
    double[][] d = new double[w.length][];
    for (int k = 1; k < sizes.length; k++) {
      double[] dk = new double[w[k - 1].length];
      int cols = sizes[k - 1];
      for (int i = 0; i < sizes[k]; i++) {
        for (int j = 0; j < cols; j++) {
          double step = delta[k][i] * o[k - 1][j];
          dk[i * cols + j] = weightDecay == 0 ? step : step - weightDecay * w[k - 1][i * cols + j];
        }
      }
      d[k - 1] = dk;
    }
    return d;
  }

  /** Fills delta[k] for every layer after {@link #forward}; returns the loss. */
  private double computeDeltas(double[] targets, Backprop rule) {
    int last = sizes.length - 1;
    double loss = outputDeltas(f, targets, o[last], err[last], delta[last]);
    for (int k = last; k > 1; k--) {
      // carry back through W_k: exact uses δ_k (the chain rule), book uses e_k (the book's recombination)
      double[] carried = rule == Backprop.EXACT ? delta[k] : err[k];
      double[] wk = w[k - 1];
      double[] back = err[k - 1];
      int cols = sizes[k - 1];
      Arrays.fill(back, 0.0);
      for (int i = 0; i < sizes[k]; i++) {
        double c = carried[i];
        int row = i * cols;
        for (int j = 0; j < cols; j++) {
          back[j] += wk[row + j] * c;
        }
      }
      double[] ok = o[k - 1];
      for (int j = 0; j < cols; j++) {
        delta[k - 1][j] = back[j] * f.derivativeAt(ok[j]);
      }
    }
    return loss;
  }

  /**
   * The output layer, the same under both rules: e_L = t − o, δ_L = e_L ⊙ σ'(O_L). Fills {@code err}
   * and {@code delta}; returns E = ½Σe².
   */
  private static double outputDeltas(Activation f, double[] targets, double[] out, double[] err, double[] delta) {
    if (targets.length != out.length) {
      throw new IllegalArgumentException(
          "expected " + out.length + " targets, found " + targets.length);
    }
    double loss = 0.0;
    for (int i = 0; i < out.length; i++) {
      double e = targets[i] - out[i];
      loss += e * e;
      err[i] = e;
      delta[i] = e * f.derivativeAt(out[i]);
    }
    return 0.5 * loss;
  }

  private static double halfSquaredError(double[] t, double[] out) {
    double s = 0.0;
    for (int i = 0; i < out.length; i++) {
      double e = t[i] - out[i];
      s += e * e;
    }
    return 0.5 * s;
  }

  /** True when every weight is finite (no NaN or infinity). */
  public boolean isFinite() {
    for (double[] wk : w) {
      for (double v : wk) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }
}
