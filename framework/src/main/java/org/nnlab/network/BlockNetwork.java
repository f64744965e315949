package org.nnlab.network;

/**
 * The fast training engine: per-sample gradient descent, the same steps as {@link Network#train},
 * with the first layer's updates deferred over a block of samples. It serves every shape: the first
 * layer is the wide one (784 → hidden, or 784 → outputs when there is no hidden layer). Within a
 * block of up to {@value #BLOCK} samples whose inputs are known in advance, the first layer's
 * pre-activations are
 *
 * <pre>
 *   W_s·x_s = W_0·x_s + Σ_{r&lt;s} (α·δ_r)(x_r·x_s)       (W_s = W_0 + Σ_{r&lt;s} α·δ_r·x_rᵀ)
 * </pre>
 *
 * so W_0·X for the whole block is one matrix product (W kept in panels of rows that stream through
 * the cache, eight samples per pass), the corrections need only the block's Gram matrix x_r·x_s,
 * and the block's updates land as one rank-B product W += A·Xᵀ before {@link #trainBlock} returns:
 * four passes over W per block of 16 instead of two per sample. Layers after the first are small
 * and run one sample at a time on {@link UpperLayers}, which hands back the error at the first
 * layer's outputs (W_2ᵀ·δ_2, or the output error t − o when the first layer is the last).
 *
 * <p>The maths is the per-sample descent's; only the rounding differs (sums regrouped, fused
 * multiply-adds, the sigmoid through {@link ExpKernel}'s exp, within 1 ulp of {@code Math.exp}),
 * which keeps every weight within 1e-12 of {@link Network#train}'s after 1,000 samples ({@code
 * BlockNetworkProperties}). Mini-batches ({@code batchSize} m &gt; 1): each {@link #trainBlock} call
 * is one batch, its samples see the same weights (no corrections), and the update is
 * (α/m)·Σ δ·oᵀ. {@link #query} runs the same forward pass without training, for evaluation.
 *
 * <p>Weight decay λ ({@code training.weightDecay}) shrinks W by c = 1 − α·λ before each step (each
 * mini-batch), W_s = c^s·W_0 + Σ_{r&lt;s} c^{s−1−r}·α·δ_r·x_rᵀ within a block: the block's products
 * are scaled by c^s, its corrections by c^{s−1−r}, and its end lands as c^B·W_0 + Σ c^{B−1−r}·a_r·x_rᵀ
 * (one more pass over W per block). λ = 0 skips all of it.
 *
 * <pre>{@code
 * BlockNetwork engine = BlockNetwork.of(network, KernelChoice.AUTO, 1);
 * int done = engine.trainBlock(xs, ts, 16, 0.1, Backprop.EXACT, losses);
 * engine.copyTo(network);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
@SuppressWarnings("cast") // the (double) casts are no-ops here and rounding casts in the float twin
public final class BlockNetwork implements TrainingEngine {
  /** Samples whose first-layer updates are deferred together. */
  public static final int BLOCK = 16;

  private final int in;
  private final int width; // nodes of the first layer: the hidden layer, or the outputs
  private final Activation f;
  private final int panels; // W_1's rows in panels of kernels.panel() rows (see Panels)
  private final double[] wp; // W_1 in panel layout: wp[(p·in + j)·P + r] = W_1[p·P + r][j]
  private final UpperLayers upper; // layers 2.., fed with the first layer's outputs
  private final Kernels kernels;

  private final double weightDecay; // always double: λ, 0 for the book's descent
  private final double[] keepPower; // c^i for i ≤ block, c = 1 − α·λ of the current call
  private final int block; // BLOCK, or the mini-batch size
  private final boolean miniBatch; // samples of a block see the same weights: no corrections
  private final double[][] x; // the float twin's rounded copies of a block's inputs and targets
  private final double[][] t;
  private final double[][] z; // W_0·x_b
  private final double[][] a; // α·δ_1 of sample b (α/m with mini-batches of m)
  private final double[][] gram; // gram[s][r] = x_r·x_s for r < s
  private final double[][] outputs; // always double: query's results
  private final double[] lanes; // the kernels' scratch for dot products
  private final double[] h;
  private final double[] back;

  private BlockNetwork(Network network, Kernels kernels, int batchSize, double weightDecay) { // always double
    int[] sizes = network.layerSizes();
    this.weightDecay = weightDecay;
    this.miniBatch = batchSize > 1;
    this.block = miniBatch ? batchSize : BLOCK;
    this.in = sizes[0];
    this.width = sizes[1];
    this.f = network.activation();
    this.kernels = kernels;
    int rows = kernels.panel();
    this.panels = Panels.count(width, rows);
    this.wp = Reals.asDoubles(Panels.of(network.weights(0), width, in, rows));
    this.upper = new UpperLayers(network, miniBatch, kernels);
    this.x = new double[block][];
    this.t = new double[block][];
    this.z = new double[block][panels * rows];
    this.a = new double[block][panels * rows]; // the padding rows stay 0, so padded weights stay 0
    this.gram = miniBatch ? null : new double[block][block];
    this.keepPower = new double[block + 1];
    this.outputs = new double[block][sizes[sizes.length - 1]]; // always double
    this.lanes = new double[kernels.lanes()];
    this.h = new double[width];
    this.back = new double[width];
  }

  /**
   * An engine starting from {@code network}'s weights, on the kernels {@code choice} allows. {@code
   * batchSize} 1 is the book's per-sample descent; m &gt; 1 makes each {@link #trainBlock} call one
   * mini-batch of up to m samples.
   *
   * @throws IllegalStateException when {@code choice} is {@code VECTOR} and the JVM lacks the module
   */
  public static BlockNetwork of(Network network, KernelChoice choice, int batchSize) {
    return of(network, Kernels.of(choice), batchSize, 0);
  }

  /** As above, with weight decay λ ≥ 0: each step (each mini-batch) descends on E + λ·½ΣW². */
  public static BlockNetwork of(Network network, KernelChoice choice, int batchSize, double weightDecay) { // always double
    return of(network, Kernels.of(choice), batchSize, weightDecay);
  }

  static BlockNetwork of(Network network, Kernels kernels, int batchSize, double weightDecay) { // always double
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be ≥ 1, found " + batchSize);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) { // always double
      throw new IllegalArgumentException("weightDecay must be finite and ≥ 0, found " + weightDecay);
    }
    JitWarmUp.once(kernels);
    return new BlockNetwork(network, kernels, batchSize, weightDecay);
  }

  /**
   * Trains on {@code inputs[0..count)} in order (read in place, not kept), count ≤ {@link
   * #blockSize()}, writing each sample's loss (before its step) into {@code losses}. Stops after the
   * first non-finite loss, as the trainer does; returns the number of samples trained.
   */
  @Override
  public int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, // always double
      Backprop rule, double[] losses) { // always double
    check(inputs, count);
    // read in place (rounded copies in the float engine): the block's update lands before this returns
    double[][] x = Reals.asDoubles(inputs, count, this.x);
    double[][] t = Reals.asDoubles(targets, count, this.t);
    kernels.multiply(wp, in, panels, x, count, z);
    if (!miniBatch) {
      kernels.gram(x, count, in, gram, lanes); // gram[s][r] = x_r·x_s for r < s
    }
    double rate = (double) (miniBatch ? learningRate / count : learningRate);
    double keep = (double) (1 - learningRate * weightDecay); // c: weight decay's shrink per step (per batch)
    boolean decaying = keep != 1;
    keepPower[0] = 1;
    for (int i = 1; decaying && i <= count; i++) {
      keepPower[i] = keepPower[i - 1] * keep;
    }
    for (int s = 0; s < count; s++) {
      // W_s·x_s = c^s·W_0·x_s + Σ_{r<s} c^{s−1−r}·a_r·(x_r·x_s); a mini-batch has no corrections
      System.arraycopy(z[s], 0, h, 0, width);
      if (decaying && !miniBatch) {
        kernels.scale(h, keepPower[s], width);
      }
      for (int r = 0; r < s && !miniBatch; r++) {
        kernels.axpy(h, a[r], decaying ? gram[s][r] * keepPower[s - 1 - r] : gram[s][r], width);
      }
      upper.activate(h);
      upper.train(h, t[s], rate, keep, rule, back, losses, s);
      // δ_1 = e_1 ⊙ σ'(O_1), where e_1 is what the layers above carried back
      double[] as = a[s];
      for (int i = 0; i < width; i++) {
        as[i] = rate * (back[i] * (double) f.derivativeAt(h[i]));
      }
      if (!Double.isFinite(losses[s])) { // always double
        count = s + 1;
        break;
      }
    }
    if (decaying) { // W_1 ← c^count·W_1 (c once per mini-batch), and a_b·c^{count−1−b}
      kernels.scale(wp, miniBatch ? keep : keepPower[count], wp.length);
      for (int b = 0; b < count && !miniBatch; b++) {
        kernels.scale(a[b], keepPower[count - 1 - b], width);
      }
    }
    // W_1 += Σ_b a_b·x_bᵀ: the block's updates as one rank-count product
    kernels.addOuterProducts(wp, in, panels, a, x, count);
    upper.flush(keep); // a mini-batch ends with this call, in the upper layers too
    return count;
  }

  /**
   * The last layer's outputs for {@code inputs[0..count)}, count ≤ {@link #blockSize()}, at the
   * current weights, by the forward pass training uses; nothing is trained. The returned arrays
   * are scratch, valid until the next call.
   */
  public double[][] query(double[][] inputs, int count) { // always double
    check(inputs, count);
    kernels.multiply(wp, in, panels, Reals.asDoubles(inputs, count, x), count, z);
    for (int b = 0; b < count; b++) {
      System.arraycopy(z[b], 0, h, 0, width);
      upper.activate(h);
      Reals.widen(upper.forward(h), outputs[b]);
    }
    return outputs;
  }

  private void check(double[][] inputs, int count) { // always double
    if (count < 1 || count > block) {
      throw new IllegalArgumentException("count must be in 1.." + block + ", found " + count);
    }
    for (int b = 0; b < count; b++) {
      if (inputs[b].length != in) {
        throw new IllegalArgumentException("expected " + in + " inputs, found " + inputs[b].length);
      }
    }
  }

  @Override
  public int blockSize() {
    return block;
  }

  @Override
  public void copyTo(Network network) {
    network.setWeights(0, Panels.toRowMajor(Reals.widen(wp), width, in, kernels.panel()));
    upper.copyTo(network);
  }
}
