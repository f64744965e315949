package org.nnlab.network;

/**
 * What the trainer drives: per-sample steps on weights taken from a {@link Network}, written back
 * with {@link #copyTo}. {@link #of} picks the engine for a precision and batch size; all of them
 * give, at double precision and batch size 1, the weights {@link Network#train} gives.
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

  /** One step on (x, t); returns the loss ½Σ(t − o)² before it, as {@link Network#train}. */
  double train(double[] inputs, double[] targets, double learningRate, Backprop rule);

  /**
   * Trains on {@code inputs[0..count)} in order, writing each loss into {@code losses}; stops after
   * the first non-finite loss and returns how many samples it trained. Engines that look ahead
   * ({@link BlockNetwork}) take up to {@link #blockSize()} samples at once.
   */
  default int trainBlock(double[][] inputs, double[][] targets, int count, double learningRate, Backprop rule,
      double[] losses) {
    for (int s = 0; s < count; s++) {
      losses[s] = train(inputs[s], targets[s], learningRate, rule);
      if (!Double.isFinite(losses[s])) {
        return s + 1;
      }
    }
    return count;
  }

  /** The most samples {@link #trainBlock} takes at once. */
  default int blockSize() {
    return 1;
  }

  /** Applies any pending step and writes the weights into {@code network} (same shape). */
  void copyTo(Network network);

  /**
   * Starts getting the double engines' vector loops compiled on a background thread (about a second
   * of JIT work, once per JVM), so a caller can read its data meanwhile; the first engine made waits
   * for it to finish instead of starting cold. Optional: without it, that engine does the warm-up.
   */
  static void warmUpInBackground() {
    JitWarmUp.startInBackground();
  }

  /**
   * The fast engine for {@code network}'s shape, starting from its weights: {@link BlockNetwork}
   * (double) or {@link FloatBlockNetwork} (float) when it has a hidden layer, else the per-sample
   * {@link FastNetwork} or {@link FloatNetwork}.
   */
  static TrainingEngine of(Network network, Precision precision, int batchSize) {
    // -Dnnlab.engine=fused: the per-sample engines, to compare
    boolean block = network.weightLayers() >= 2 && !"fused".equals(System.getProperty("nnlab.engine"));
    if (precision == Precision.FLOAT) {
      return block ? FloatBlockNetwork.of(network, batchSize) : FloatNetwork.of(network, batchSize);
    }
    return block ? BlockNetwork.of(network, batchSize) : FastNetwork.of(network, batchSize);
  }
}
