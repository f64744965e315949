package org.nnlab.data;

import org.nnlab.config.ConfigException;
import org.nnlab.config.Distort;

/**
 * Random distortions of square training images ({@code data.distort}), reproducible from a seed:
 * the distortion of sample {@code i} in epoch {@code e} is drawn from a generator keyed by (seed,
 * e, i) alone, so it does not depend on the order samples are visited in, on batching or on
 * threads, and a continued run draws what a run from scratch draws.
 *
 * <pre>{@code
 * Distortion d = Distortion.of(config.data().distort(), train, seed);
 * Distorter warp = d.distorter(scaling);            // buffers: one per training loop
 * train.scaledInputs(i, scaling, x); warp.apply(x, epoch, i);
 * }</pre>
 *
 * <p>Immutable and thread-safe: it holds the parameters and the precomputed Gaussian kernel of the
 * elastic field; each {@link Distorter} holds the buffers of one thread. The warp itself is
 * described in {@link Distorter}.
 */
public final class Distortion {
  /** No distortion; {@link #distorter} is refused. */
  public static final Distortion NONE = new Distortion(Distort.NONE, 0, 0);

  private final Distort spec;
  private final int side;
  private final long seed;
  private final double[] kernel; // kernel[k] = weight at offset ±k, normalised over [−r, r]

  private Distortion(Distort spec, int side, long seed) {
    this.spec = spec;
    this.side = side;
    this.seed = seed;
    this.kernel = spec.elastic() == null ? new double[0] : gaussian(spec.elastic().sigma(), side);
  }

  /**
   * The distortion {@code spec} asks for, on the images of {@code data}; {@link #NONE} when it
   * asks for none.
   *
   * @throws ConfigException when the images are not square
   */
  public static Distortion of(Distort spec, Dataset data, long seed) {
    if (spec.isNone()) {
      return NONE;
    }
    if (data.rows() != data.cols()) {
      throw new ConfigException("data.distort needs square images, found " + data.rows() + " × " + data.cols()
          + " (rows × cols) in " + data.name() + "; remove data.distort for these data");
    }
    return new Distortion(spec, data.rows(), seed);
  }

  public boolean isNone() {
    return this == NONE;
  }

  public Distort spec() {
    return spec;
  }

  /** Image side in pixels. */
  public int side() {
    return side;
  }

  /**
   * A new set of buffers for one thread, warping inputs scaled by {@code scaling}: the background
   * is {@code scaling.min()}, and results are kept in [min, max].
   */
  public Distorter distorter(InputScaling scaling) {
    if (isNone()) {
      throw new IllegalStateException("Distortion.NONE has no distorter; check isNone() first");
    }
    return new Distorter(this, scaling.min(), scaling.max());
  }

  long seed() {
    return seed;
  }

  double[] kernel() {
    return kernel;
  }

  /**
   * Half of a Gaussian of standard deviation {@code sigma}, truncated at 4σ as
   * {@code scipy.ndimage.gaussian_filter} does and normalised to sum 1 over [−4σ, 4σ]; offsets of
   * {@code side} or more are left out, since they never land inside an image.
   */
  static double[] gaussian(double sigma, int side) {
    int r = (int) (4 * sigma + 0.5);
    double[] g = new double[r + 1];
    double sum = 0;
    for (int k = 0; k <= r; k++) {
      g[k] = Math.exp(-0.5 * k * k / (sigma * sigma));
      sum += k == 0 ? g[k] : 2 * g[k];
    }
    double[] half = new double[Math.min(r + 1, Math.max(side, 1))];
    for (int k = 0; k < half.length; k++) {
      half[k] = g[k] / sum;
    }
    return half;
  }
}
