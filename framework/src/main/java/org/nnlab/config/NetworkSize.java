package org.nnlab.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nnlab.io.JvmMemory;

/**
 * How many weights a network declares and the memory training it takes, counted exactly in
 * {@code long} before anything is allocated, so that layers which cannot fit are refused with one
 * line instead of an {@link OutOfMemoryError} or a {@link NegativeArraySizeException}:
 *
 * <pre>{@code
 * NetworkSize.requireFits(config);   // before the network and the data are made
 * // network.layers [784, 100000, 100000, 10]: 10,079,400,000 weights need 80.6 GB
 * //   (×3 copies while training: 241.9 GB); this JVM may use 6.0 GB (-Xmx)
 * }</pre>
 *
 * <p>Two limits: one weight matrix is one Java array, so it holds at most {@link JvmMemory#MAX_ARRAY}
 * weights whatever the heap ({@link NetworkConfig} refuses more); and a run keeps
 * {@value #COPIES} float64 copies of the weights at its peak — the network, the training engine's
 * copy, and a layer copied while the engine is built or the model file is encoded — plus one more
 * for mini-batches (their summed steps), and the activations of a batch. The memory check is a
 * lower bound against {@link Runtime#maxMemory()}: what passes may still not fit beside the data.
 */
public final class NetworkSize {
  /** float64 copies of every weight alive at a run's peak (see the class comment). */
  public static final int COPIES = 3;

  private NetworkSize() {}

  /** Σ nodes_k · nodes_{k−1}, exactly; {@link Long#MAX_VALUE} if that overflows. */
  public static long weights(List<Integer> layers) {
    long total = 0;
    for (int k = 1; k < layers.size(); k++) {
      total = JvmMemory.plus(total, JvmMemory.times(layers.get(k), layers.get(k - 1)));
    }
    return total;
  }

  /** Bytes a run of {@code network} with mini-batches of {@code batchSize} needs at its peak. */
  public static long bytesToTrain(NetworkConfig network, int batchSize) {
    int copies = COPIES + (batchSize > 1 ? 1 : 0);
    long nodes = network.layers().stream().mapToLong(Integer::longValue).sum();
    // per sample of a batch: inputs, outputs, deltas and errors of every layer
    long activations = JvmMemory.times(JvmMemory.times(nodes, 4L * Double.BYTES), Math.max(1, batchSize));
    return JvmMemory.plus(JvmMemory.times(weights(network.layers()), (long) copies * Double.BYTES), activations);
  }

  /**
   * The weight matrix of {@code layers} past what one array holds, as the end of a message; empty
   * when every matrix fits.
   */
  static Optional<String> arrayProblem(List<Integer> layers) {
    for (int k = 1; k < layers.size(); k++) {
      long cells = (long) layers.get(k) * layers.get(k - 1);
      if (cells > JvmMemory.MAX_ARRAY) {
        return Optional.of(String.format(Locale.ROOT,
            "%s; W%d alone would hold %,d, more than one weight matrix can (%,d)",
            need(layers), k, cells, JvmMemory.MAX_ARRAY));
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a config whose network cannot be trained in this JVM's heap.
   *
   * @throws ConfigException naming the layers, the weights, the bytes needed and the heap's size
   */
  public static void requireFits(ExperimentConfig config) {
    requireFits(config.network(), config.training().batchSize());
  }

  /** As {@link #requireFits(ExperimentConfig)}, for a network trained in batches of {@code batch}. */
  public static void requireFits(NetworkConfig network, int batch) {
    long bytes = bytesToTrain(network, batch);
    if (!JvmMemory.fits(bytes)) {
      throw new ConfigException(String.format(Locale.ROOT, "%s (×%d copies while training%s: %s); %s",
          need(network.layers()), COPIES + (batch > 1 ? 1 : 0),
          batch > 1 ? ", with batches of " + batch : "", JvmMemory.describe(bytes), JvmMemory.budget()));
    }
  }

  /** {@code network.layers [784, 100, 10]: 79,400 weights need 635.2 kB}. */
  private static String need(List<Integer> layers) {
    long weights = weights(layers);
    return String.format(Locale.ROOT, "network.layers %s: %,d weights need %s",
        layers.toString(), weights, JvmMemory.describe(JvmMemory.times(weights, Double.BYTES)));
  }
}
