package org.nnlab.network;

import java.util.Arrays;

/**
 * Per-sample gradient descent with the first layer's updates deferred over a block of samples: the
 * fastest engine for the book's wide first layer (784 → hidden). Within a block of up to
 * {@value #BLOCK} samples whose inputs are known in advance, the first layer's pre-activations are
 *
 * <pre>
 *   W_s·x_s = W_0·x_s + Σ_{r&lt;s} (α·δ_r)(x_r·x_s)       (W_s = W_0 + Σ_{r&lt;s} α·δ_r·x_rᵀ)
 * </pre>
 *
 * so W_0·X for the whole block is one matrix product (W kept in panels of rows that stream through
 * the cache, eight samples per pass), the corrections need only the block's Gram matrix x_r·x_s,
 * and the block's updates land as one rank-B product W += A·Xᵀ before {@link #trainBlock} returns:
 * four passes over W per block of 16 instead of two per sample. The maths is the per-sample
 * descent's; only the
 * rounding differs (sums regrouped, fused multiply-adds, the hidden layer's sigmoid through {@link
 * ExpKernel}'s exp, within 1 ulp of {@code Math.exp}), which keeps every weight within 1e-12 of
 * {@link Network#train}'s after 1,000 samples ({@code BlockNetworkProperties}). Layers after the
 * first are small and run one sample at a time on {@link UpperLayers}.
 *
 * <pre>{@code
 * BlockNetwork engine = BlockNetwork.of(network);      // ≥ 3 layers
 * int done = engine.trainBlock(xs, ts, 16, 0.1, Backprop.EXACT, losses);
 * engine.copyTo(network);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class BlockNetwork implements TrainingEngine {
  /** Samples whose first-layer updates are deferred together. */
  public static final int BLOCK = 16;

  private final int in;
  private final int hidden;
  private final Activation f;
  private final int panels; // W_1's rows in panels of kernels.panel() rows (see Panels)
  private final double[] wp; // W_1 in panel layout: wp[(p·in + j)·P + r] = W_1[p·P + r][j]
  private final UpperLayers upper; // layers 2.., fed with the hidden outputs
  private final Kernels kernels;

  private final int block; // BLOCK, or the mini-batch size
  private final boolean miniBatch; // samples of a block see the same weights: no corrections
  private final double[][] z; // W_0·x_b
  private final double[][] a; // α·δ_1 of sample b (α/m with mini-batches of m)
  private final double[][] gram; // gram[s][r] = x_r·x_s for r < s
  private final double[] lanes; // the kernels' scratch for dot products
  private final double[] h;
  private final double[] back;

  private BlockNetwork(Network network, Kernels kernels, int batchSize) {
    int[] sizes = network.layerSizes();
    this.miniBatch = batchSize > 1;
    this.block = miniBatch ? batchSize : BLOCK;
    this.z = new double[block][];
    this.a = new double[block][];
    this.gram = miniBatch ? null : new double[block][block];
    this.lanes = new double[kernels.lanes()];
    this.in = sizes[0];
    this.hidden = sizes[1];
    this.f = network.activation();
    this.kernels = kernels;
    int rows = kernels.panel();
    this.panels = Panels.count(hidden, rows);
    this.wp = Panels.of(network.weights(0), hidden, in, rows);
    double[][] rest = new double[sizes.length - 2][];
    for (int k = 1; k < sizes.length - 1; k++) {
      rest[k - 1] = network.weights(k);
    }
    this.upper = new UpperLayers(Arrays.copyOfRange(sizes, 1, sizes.length), f, rest, miniBatch, kernels);
    for (int b = 0; b < block; b++) {
      z[b] = new double[panels * rows];
      a[b] = new double[panels * rows]; // the padding rows stay 0, so padded weights stay 0
    }
    h = new double[hidden];
    back = new double[hidden];
  }

  /** A block engine starting from {@code network}'s weights; the network needs ≥ 3 layers. */
  public static BlockNetwork of(Network network) {
    return of(network, Kernels.BEST, 1);
  }

  /**
   * A block engine for mini-batches of {@code batchSize}: each {@link #trainBlock} call is one
   * batch, its samples all see the same weights, and the update is (α/m)·Σ δ·oᵀ over its m samples,
   * as {@link FastNetwork} with that batch size. {@code batchSize} 1 is per-sample descent.
   */
  public static BlockNetwork of(Network network, int batchSize) {
    return of(network, Kernels.BEST, batchSize);
  }

  static BlockNetwork of(Network network, Kernels kernels) {
    return of(network, kernels, 1);
  }

  static BlockNetwork of(Network network, Kernels kernels, int batchSize) {
    checkArguments(network, batchSize);
    if (kernels == Kernels.BEST) {
      JitWarmUp.once();
    }
    return new BlockNetwork(network, kernels, batchSize);
  }

  /** The checks of a block engine's {@code of}, shared with {@link FloatBlockNetwork}. */
  static void checkArguments(Network network, int batchSize) {
    if (network.layerSizes().length < 3) {
      throw new IllegalArgumentException("a block engine needs a hidden layer, found layers "
          + Arrays.toString(network.layerSizes()));
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be ≥ 1, found " + batchSize);
    }
  }

  @Override
  public double train(double[] inputs, double[] targets, double learningRate, Backprop rule) {
    return trainOne(this, inputs, targets, learningRate, rule);
  }

  /** One sample as a block of one, for a block engine's {@link #train}. */
  static double trainOne(TrainingEngine engine, double[] inputs, double[] targets, double learningRate,
      Backprop rule) {
    double[] loss = new double[1];
    engine.trainBlock(new double[][] {inputs}, new double[][] {targets}, 1, learningRate, rule, loss);
    return loss[0];
  }

  /** The checks of a block engine's {@link #trainBlock}, shared with {@link FloatBlockNetwork}. */
  static void checkBlock(double[][] inputs, int count, int block, int in) {
    if (count < 1 || count > block) {
      throw new IllegalArgumentException("count must be in 1.." + block + ", found " + count);
    }
    for (int b = 0; b < count; b++) {
      if (inputs[b].length != in) {
        throw new IllegalArgumentException("expected " + in + " inputs, found " + inputs[b].length);
      }
    }
  }

  /**
   * Trains on {@code inputs[0..count)} in order (read in place, not kept), count ≤ {@value #BLOCK},
   * writing each sample's loss (before its step) into {@code losses}. Stops after the first
   * non-finite loss, as the trainer does; returns the number of samples trained.
   */
  @Override
  public int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, Backprop rule,
      double[] losses) {
    checkBlock(inputs, count, block, in);
    double[][] x = inputs; // read in place: the block's update lands before this call returns
    kernels.multiply(wp, in, panels, x, count, z);
    if (!miniBatch) {
      kernels.gram(x, count, in, gram, lanes); // gram[s][r] = x_r·x_s for r < s
    }
    double rate = miniBatch ? learningRate / count : learningRate;
    for (int s = 0; s < count; s++) {
      // W_s·x_s = W_0·x_s + Σ_{r<s} a_r·(x_r·x_s); a mini-batch has no corrections
      System.arraycopy(z[s], 0, h, 0, hidden);
      for (int r = 0; r < s && !miniBatch; r++) {
        kernels.axpy(h, a[r], gram[s][r], hidden);
      }
      if (f == Activation.sigmoid()) {
        kernels.sigmoid(h, hidden); // deterministic exp, vectorised: within 1 ulp of Math.exp
      } else {
        for (int i = 0; i < hidden; i++) {
          h[i] = f.apply(h[i]);
        }
      }
      double loss = upper.train(h, targets[s], rate, rule, back);
      double[] as = a[s];
      for (int i = 0; i < hidden; i++) {
        as[i] = rate * (back[i] * f.derivativeAt(h[i]));
      }
      losses[s] = loss;
      if (!Double.isFinite(loss)) {
        kernels.addOuterProducts(wp, in, panels, a, x, s + 1);
        upper.flush();
        return s + 1;
      }
    }
    // W_1 += Σ_b a_b·x_bᵀ: the block's updates as one rank-count product
    kernels.addOuterProducts(wp, in, panels, a, x, count);
    if (miniBatch) {
      upper.flush(); // the batch ends with this call, in the upper layers too
    }
    return count;
  }

  @Override
  public int blockSize() {
    return block;
  }

  @Override
  public void copyTo(Network network) {
    network.setWeights(0, Panels.toRowMajor(wp, hidden, in, kernels.panel()));
    for (int k = 1; k < network.weightLayers(); k++) {
      network.setWeights(k, upper.weights(k - 1));
    }
  }
}
