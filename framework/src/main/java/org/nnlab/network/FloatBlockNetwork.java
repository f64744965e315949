package org.nnlab.network;

import java.util.Arrays;

/**
 * {@link BlockNetwork} in 32-bit floats: the engine behind {@code network.precision: float} for
 * networks with a hidden layer. The same deferred maths: within a block of up to {@value #BLOCK}
 * samples, the first layer's pre-activations are
 *
 * <pre>
 *   W_s·x_s = W_0·x_s + Σ_{r&lt;s} (α·δ_r)(x_r·x_s)       (W_s = W_0 + Σ_{r&lt;s} α·δ_r·x_rᵀ)
 * </pre>
 *
 * so W_0·X is one matrix product over W in {@link Panels panel layout} (eight samples per pass),
 * the corrections come from the block's Gram matrix x_r·x_s (four-way dot products), and the
 * block's updates land as one rank-B product W += A·Xᵀ before {@link #trainBlock} returns. With
 * floats a vector holds twice the lanes of a double one, so each pass does twice the work per
 * instruction, and W (784 × 100: 314 kB) stays in the L2 cache. Mini-batches ({@code batchSize} m
 * &gt; 1) as in {@link BlockNetwork}: one block per batch, no corrections, rate α/m. Layers after the
 * first run row by row on {@link FloatUpperLayers}; sigmoids are computed in double with {@link
 * ExpKernel} and rounded to float ({@link FloatKernels#sigmoid}). The loops are {@link
 * BlockNetwork}'s over {@code float[]}, kept in step by hand (no generics over primitive types).
 *
 * <p>Rounding: about 6e-8 relative per operation instead of 1e-16, in a different order from
 * {@link FloatNetwork}'s. After 1,000 steps on small random networks every weight is within 5e-5
 * of the double reference {@link Network#train} and of {@link FloatNetwork} (measured: 5e-6;
 * {@code FloatBlockNetworkProperties}); after two Fashion-MNIST epochs at 784-200-10 the test
 * accuracy equals the double run's and the epoch losses are 1e-8 apart ({@code
 * reports/performance/}). Deterministic: results do not depend on the JIT (see {@link
 * FloatKernels}).
 *
 * <pre>{@code
 * TrainingEngine engine = FloatBlockNetwork.of(network, 1);   // ≥ 3 layers
 * int done = engine.trainBlock(xs, ts, 16, 0.1, Backprop.EXACT, losses);
 * engine.copyTo(network);                                      // weights back as doubles
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class FloatBlockNetwork implements TrainingEngine {
  /** Samples whose first-layer updates are deferred together, as in {@link BlockNetwork}. */
  public static final int BLOCK = BlockNetwork.BLOCK;

  private final int in;
  private final int hidden;
  private final Activation f;
  private final FloatKernels kernels;
  private final int panels; // W_1's rows in panels of kernels.panel() rows
  private final float[] wp; // W_1 in panel layout
  private final FloatUpperLayers upper; // layers 2.., fed with the hidden outputs

  private final int block; // BLOCK, or the mini-batch size
  private final boolean miniBatch; // samples of a block see the same weights: no corrections
  private final float[][] x; // the block's inputs rounded to float
  private final float[][] z; // W_0·x_b
  private final float[][] a; // α·δ_1 of sample b (α/m with mini-batches of m)
  private final float[][] gram; // gram[s][r] = x_r·x_s for r < s
  private final float[] lanes; // the kernels' scratch for dot products
  private final float[] h;
  private final double[] sigmoidScratch;
  private final float[] back;

  private FloatBlockNetwork(Network network, FloatKernels kernels, int batchSize) {
    int[] sizes = network.layerSizes();
    this.in = sizes[0];
    this.hidden = sizes[1];
    this.f = network.activation();
    this.kernels = kernels;
    this.miniBatch = batchSize > 1;
    this.block = miniBatch ? batchSize : BLOCK;
    int rows = kernels.panel();
    this.panels = Panels.count(hidden, rows);
    this.wp = FloatNetwork.toFloats(Panels.of(network.weights(0), hidden, in, rows));
    this.gram = miniBatch ? null : new float[block][block];
    this.lanes = new float[kernels.lanes()];
    this.x = new float[block][in];
    this.z = new float[block][panels * rows];
    this.a = new float[block][panels * rows]; // the padding rows stay 0, so padded weights stay 0
    double[][] rest = new double[sizes.length - 2][];
    for (int k = 1; k < sizes.length - 1; k++) {
      rest[k - 1] = network.weights(k);
    }
    this.upper = new FloatUpperLayers(Arrays.copyOfRange(sizes, 1, sizes.length), f, rest, miniBatch, kernels);
    this.h = new float[hidden];
    this.sigmoidScratch = new double[hidden];
    this.back = new float[hidden];
  }

  /**
   * A float block engine starting from {@code network}'s weights rounded to float; the network
   * needs ≥ 3 layers. {@code batchSize} 1 is per-sample descent; m &gt; 1 makes each {@link
   * #trainBlock} call one mini-batch.
   */
  public static FloatBlockNetwork of(Network network, int batchSize) {
    return of(network, FloatKernels.BEST, batchSize);
  }

  static FloatBlockNetwork of(Network network, FloatKernels kernels, int batchSize) {
    if (network.weightLayers() < 2 || batchSize < 1) {
      throw new IllegalArgumentException("a float block engine needs a hidden layer and batchSize ≥ 1");
    }
    if (kernels == FloatKernels.BEST) {
      JitWarmUp.onceFloat();
    }
    return new FloatBlockNetwork(network, kernels, batchSize);
  }

  /**
   * Trains on {@code inputs[0..count)} in order (rounded to float, not kept), count ≤ {@link
   * #blockSize()}, writing each
   * sample's loss (before its step) into {@code losses}. Stops after the first non-finite loss, as
   * the trainer does; returns the number of samples trained.
   */
  @Override
  public int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, Backprop rule,
      double[] losses) {
    if (count < 1 || count > block) {
      throw new IllegalArgumentException("count must be in 1.." + block + ", found " + count);
    }
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < in; j++) {
        x[b][j] = (float) inputs[b][j];
      }
    }
    kernels.multiply(wp, in, panels, x, count, z);
    if (!miniBatch) {
      kernels.gram(x, count, in, gram, lanes); // gram[s][r] = x_r·x_s for r < s
    }
    float rate = (float) (miniBatch ? learningRate / count : learningRate);
    for (int s = 0; s < count; s++) {
      // W_s·x_s = W_0·x_s + Σ_{r<s} a_r·(x_r·x_s); a mini-batch has no corrections
      System.arraycopy(z[s], 0, h, 0, hidden);
      for (int r = 0; r < s && !miniBatch; r++) {
        kernels.axpy(h, a[r], gram[s][r], hidden);
      }
      if (f == Activation.sigmoid()) {
        kernels.sigmoid(h, sigmoidScratch, hidden);
      } else {
        for (int i = 0; i < hidden; i++) {
          h[i] = (float) f.apply(h[i]);
        }
      }
      double loss = upper.train(h, targets[s], rate, rule, back);
      float[] as = a[s];
      for (int i = 0; i < hidden; i++) {
        as[i] = rate * (back[i] * (float) f.derivativeAt(h[i]));
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
    network.setWeights(0, Panels.toRowMajor(FloatNetwork.toDoubles(wp), hidden, in, kernels.panel()));
    for (int k = 1; k < network.weightLayers(); k++) {
      network.setWeights(k, upper.weights(k - 1));
    }
  }
}
