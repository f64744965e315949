package org.nnlab.network;

/**
 * What the trainer drives: per-sample steps on weights taken from a {@link Network}, written back
 * with {@link #copyTo}. {@link #of} builds the engine for the options and batch size: {@link
 * BlockNetwork}, which gives the weights {@link Network#train} gives to 1e-12, or its float twin.
 *
 * <pre>{@code
 * TrainingEngine engine = TrainingEngine.of(network, Precision.DOUBLE, 1);
 * double loss = engine.train(x, t, 0.1, Backprop.EXACT);
 * engine.copyTo(network);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public interface TrainingEngine {
  /** The learning rate of {@link #updateDirection}'s probing step. */
  double PROBE_RATE = 1024;

  /**
   * Trains on {@code inputs[0..count)} in order, count ≤ {@link #blockSize()}, writing each
   * sample's loss ½Σ(t − o)² (before its step) into {@code losses}; stops after the first
   * non-finite loss and returns how many samples it trained.
   */
  int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, Backprop rule,
      double[] losses);

  /** The most samples {@link #trainBlock} takes at once: a block, or one mini-batch. */
  int blockSize();

  /** One step on (x, t), a block of one; returns the loss before it, as {@link Network#train}. */
  default double train(double[] inputs, double[] targets, double learningRate, Backprop rule) {
    double[] loss = new double[1];
    trainBlock(new double[][] {inputs}, new double[][] {targets}, 1, learningRate, rule, loss);
    return loss[0];
  }

  /** Applies any pending step and writes the weights into {@code network} (same shape). */
  void copyTo(Network network);

  /**
   * Starts getting the double engine's vector loops compiled on a background thread (about a second
   * of JIT work, once per JVM), so a caller can read its data meanwhile; the first engine made waits
   * for it to finish instead of starting cold. Optional: without it, that engine does the warm-up.
   */
  static void warmUpInBackground() {
    JitWarmUp.startInBackground();
  }

  /** The fast engine for {@code network} at {@code precision}, on the vector kernels when the JVM has them. */
  static TrainingEngine of(Network network, Precision precision, int batchSize) {
    return of(network, new EngineOptions(precision, KernelChoice.AUTO), batchSize);
  }

  /**
   * The fast engine for {@code network}, starting from its weights: {@link BlockNetwork}, or its
   * float twin {@link FloatBlockNetwork} (generated from it at build time) at float precision.
   *
   * @throws IllegalStateException when {@code options} ask for vector kernels the JVM lacks
   */
  static TrainingEngine of(Network network, EngineOptions options, int batchSize) {
    return of(network, options, batchSize, 0);
  }

  /**
   * As above, with weight decay λ ≥ 0 ({@code training.weightDecay}): each step (each mini-batch)
   * first shrinks every weight by 1 − α·λ, descent on E + λ·½ΣW² ({@link Network#train(double[],
   * double[], double, double, Backprop)}).
   */
  static TrainingEngine of(Network network, EngineOptions options, int batchSize, double weightDecay) {
    return options.precision() == Precision.FLOAT
        ? FloatBlockNetwork.of(network, options.kernels(), batchSize, weightDecay)
        : BlockNetwork.of(network, options.kernels(), batchSize, weightDecay);
  }

  /**
   * The direction the engine {@code options} give moves each weight in one step on (x, t), before
   * multiplying by α: ΔW_k/α of one single-sample step on a copy of {@code network}, read back
   * against the weights as that engine holds them (rounded to float at float precision). With
   * {@link Backprop#EXACT} this is −∂E/∂W_k; it is how the gradient rule and the gradient
   * properties check the engine that trains. Leaves {@code network} as it is.
   *
   * <p>A single step is linear in α (its deltas are taken before it), so α is {@value
   * #PROBE_RATE}: large, so that reading ΔW back from the stepped weights (an ulp of the weight)
   * costs little against the step, and a power of two, so that dividing by it is exact.
   */
  static double[][] updateDirection(
      Network network, EngineOptions options, double[] inputs, double[] targets, Backprop rule) {
    return updateDirection(network, options, inputs, targets, 0, rule);
  }

  /** As above with weight decay λ: with {@link Backprop#EXACT}, −∂(E + λ·½ΣW²)/∂W_k. */
  static double[][] updateDirection(Network network, EngineOptions options, double[] inputs, double[] targets,
      double weightDecay, Backprop rule) {
    Network before = network.copy();
    Network after = network.copy();
    of(before, options, 1).copyTo(before);
    TrainingEngine engine = of(after, options, 1, weightDecay);
    engine.train(inputs, targets, PROBE_RATE, rule);
    engine.copyTo(after);
    double[][] d = new double[network.weightLayers()][];
    for (int k = 0; k < d.length; k++) {
      double[] w0 = before.weights(k);
      d[k] = after.weights(k);
      for (int i = 0; i < d[k].length; i++) {
        d[k][i] = (d[k][i] - w0[i]) / PROBE_RATE;
      }
    }
    return d;
  }
}
