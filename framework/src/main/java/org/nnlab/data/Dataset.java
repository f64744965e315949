package org.nnlab.data;

/**
 * A labelled set of greyscale images, kept as unsigned bytes (0–255): 60,000 MNIST images take 47 MB,
 * not the 376 MB they would as doubles. Scaling to network inputs happens per sample, through an
 * {@link InputScaling}, into a buffer the caller owns.
 *
 * <pre>{@code
 * double[] x = new double[data.features()];
 * data.scaledInputs(i, scaling, x);
 * int label = data.label(i);
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Dataset {

  /** Where the data came from, for messages and reports, e.g. {@code mnist-sample:train}. */
  String name();

  /** Number of samples. */
  int size();

  /** Image height in pixels (28 for MNIST). */
  int rows();

  /** Image width in pixels (28 for MNIST). */
  int cols();

  /** Inputs per sample: rows × cols. */
  default int features() {
    return rows() * cols();
  }

  /** Number of classes: the largest label + 1, or more when the source declares it. */
  int classes();

  /** The label of sample {@code i}, in [0, classes). */
  int label(int i);

  /** Pixel {@code j} (row-major) of sample {@code i}, 0–255. */
  int pixel(int i, int j);

  /** Writes sample {@code i}'s scaled pixels into {@code out} (length ≥ features()). */
  default void scaledInputs(int i, InputScaling scaling, double[] out) {
    double[] lut = scaling.table();
    int n = features();
    for (int j = 0; j < n; j++) {
      out[j] = lut[pixel(i, j)];
    }
  }

  /** SHA-256 of the samples and labels as loaded, {@code sha256:<hex>}; stable across formats. */
  String sha256();
}
