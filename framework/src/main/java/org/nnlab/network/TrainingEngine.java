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

  /** Applies any pending step and writes the weights into {@code network} (same shape). */
  void copyTo(Network network);

  /** The fast engine for {@code network}'s shape, starting from its weights. */
  static TrainingEngine of(Network network, Precision precision, int batchSize) {
    return precision == Precision.FLOAT
        ? FloatNetwork.of(network, batchSize)
        : FastNetwork.of(network, batchSize);
  }
}
