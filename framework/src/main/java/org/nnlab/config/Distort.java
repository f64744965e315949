package org.nnlab.config;

/**
 * The {@code data.distort:} block: random distortions of every training image, drawn afresh for
 * each sample in each epoch from the run's seed, applied as the sample is fed and never to test
 * data. All parts are optional; {@link #NONE} (the default) trains on the images as they are.
 *
 * <pre>{@code
 * Distort d = Distort.NONE.withShift(2).withRotate(10).withScale(0.1).withElastic(34, 4);
 * }</pre>
 *
 * <p>Images must be square (w × w inputs). Horizontal flips suit clothes (Fashion-MNIST), not
 * digits: a mirrored 3 is no digit. See {@code org.nnlab.data.Distortion} for the maths.
 *
 * @param shift the largest shift in pixels, |dx| and |dy| each uniform in [−shift, shift]; ≥ 0
 * @param rotate the largest angle in degrees, uniform in [−rotate, rotate]; in [0, 180]
 * @param scale the scale factor is uniform in [1 − scale, 1 + scale]; in [0, 1)
 * @param elastic the elastic distortion of Simard et al. (2003), or null for none
 * @param flip mirror left–right with probability ½
 */
public record Distort(double shift, double rotate, double scale, Elastic elastic, boolean flip) {
  /** No distortion: the book's training. */
  public static final Distort NONE = new Distort(0, 0, 0, null, false);

  public Distort {
    shift = checked("data.distort.shift", shift, Double.MAX_VALUE, "≥ 0 pixels");
    rotate = checked("data.distort.rotate", rotate, 180, "in [0, 180] degrees");
    scale = checked("data.distort.scale", scale, Math.nextDown(1.0),
        "in [0, 1) (factors lie in [1 − scale, 1 + scale])");
  }

  /**
   * Simard et al.'s elastic distortion: per-pixel displacements ~U(−1, 1), smoothed by a Gaussian
   * of standard deviation {@code sigma} pixels, times {@code alpha}. Their MNIST values: 34 and 4.
   *
   * @param alpha the field's scale in pixels; ≥ 0 (0 leaves the image as it is)
   * @param sigma the smoothing Gaussian's standard deviation in pixels; in (0, 100]
   */
  public record Elastic(double alpha, double sigma) {
    public static final double DEFAULT_ALPHA = 34;
    public static final double DEFAULT_SIGMA = 4;
    public static final double MAX_SIGMA = 100;

    public Elastic {
      alpha = checked("data.distort.elastic.alpha", alpha, Double.MAX_VALUE, "≥ 0 pixels");
      if (!(sigma > 0 && sigma <= MAX_SIGMA)) {
        throw new IllegalArgumentException(
            "data.distort.elastic.sigma must lie in (0, " + (int) MAX_SIGMA + "] pixels, found " + sigma);
      }
    }
  }

  /** Whether this distorts nothing (equal to {@link #NONE}). */
  public boolean isNone() {
    return equals(NONE);
  }

  public Distort withShift(double pixels) {
    return new Distort(pixels, rotate, scale, elastic, flip);
  }

  public Distort withRotate(double degrees) {
    return new Distort(shift, degrees, scale, elastic, flip);
  }

  public Distort withScale(double s) {
    return new Distort(shift, rotate, s, elastic, flip);
  }

  public Distort withElastic(double alpha, double sigma) {
    return new Distort(shift, rotate, scale, new Elastic(alpha, sigma), flip);
  }

  public Distort withFlip(boolean mirror) {
    return new Distort(shift, rotate, scale, elastic, mirror);
  }

  /** {@code value} when it lies in [0, max], as +0.0 (so −0 equals 0); else the key's one-line error. */
  private static double checked(String key, double value, double max, String allowed) {
    if (!(value >= 0 && value <= max)) {
      throw new IllegalArgumentException(key + " must be " + allowed + ", found " + value);
    }
    return value + 0.0;
  }
}
