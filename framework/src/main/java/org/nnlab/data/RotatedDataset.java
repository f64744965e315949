package org.nnlab.data;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A training set with rotated copies of every image, the augmentation of the book's part 3: each
 * sample is followed by its copies rotated by each angle (degrees, counter-clockwise), so sample
 * {@code i} is base sample {@code i / (1 + angles)} at variant {@code i % (1 + angles)}, variant 0
 * being the original.
 *
 * <pre>{@code
 * Dataset train = RotatedDataset.of(base, List.of(-10.0, 10.0));          // 3 × base.size() samples
 * Dataset tilted = RotatedDataset.copiesOnly(test, List.of(10.0));       // the rotated copies alone
 * }</pre>
 *
 * <p>Rotation is about the image centre, sampled bilinearly; pixels whose source point lies outside
 * the image are background, i.e. pixel 0, which scales to the input minimum (0.01 by default) — as
 * {@code scipy.ndimage.rotate(img, angle, cval=0.01, order=1, reshape=False)} does in the book (the
 * tests compare against its output).
 * {@link #scaledInputs} interpolates the scaled values directly, without rounding to bytes;
 * {@link #pixel} rounds. A view: nothing is copied, the sampling weights are computed once per angle.
 * Immutable and thread-safe.
 */
public final class RotatedDataset implements Dataset {
  private final Dataset base;
  private final List<Double> angles;
  private final Rotation[] rotations;
  private final int originals; // 1: variant 0 is the original image; 0: rotated copies only
  private final int variants;

  private RotatedDataset(Dataset base, List<Double> angles, boolean withOriginals) {
    this.base = Objects.requireNonNull(base, "base");
    this.angles = List.copyOf(angles);
    this.originals = withOriginals ? 1 : 0;
    this.variants = originals + angles.size();
    if ((long) base.size() * variants > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(base.size() + " samples × " + variants + " variants exceed 2^31 − 1");
    }
    this.rotations = new Rotation[angles.size()];
    for (int k = 0; k < rotations.length; k++) {
      rotations[k] = new Rotation(base.rows(), base.cols(), angles.get(k));
    }
  }

  /** {@code base} with one rotated copy per angle; {@code base} itself when there are none. */
  public static Dataset of(Dataset base, List<Double> angles) {
    return angles.isEmpty() ? base : new RotatedDataset(base, angles, true);
  }

  /**
   * Only the rotated copies of {@code base}, one per angle and image, without the originals: e.g.
   * to measure accuracy on a rotated test set.
   */
  public static Dataset copiesOnly(Dataset base, List<Double> angles) {
    if (angles.isEmpty()) {
      throw new IllegalArgumentException("copiesOnly needs at least one angle");
    }
    return new RotatedDataset(base, angles, false);
  }

  public List<Double> angles() {
    return angles;
  }

  @Override
  public String name() {
    return base.name() + " rotated " + angles.stream().map(RotatedDataset::degrees)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** An angle as written in configs and reports: {@code -10}, {@code 12.5}. */
  public static String degrees(double a) {
    return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
  }

  @Override
  public int size() {
    return base.size() * variants;
  }

  @Override
  public int rows() {
    return base.rows();
  }

  @Override
  public int cols() {
    return base.cols();
  }

  @Override
  public int classes() {
    return base.classes();
  }

  @Override
  public int label(int i) {
    return base.label(i / variants);
  }

  @Override
  public int pixel(int i, int j) {
    int v = i % variants - originals;
    if (v < 0) {
      return base.pixel(i / variants, j);
    }
    return (int) Math.round(rotations[v].pixel(base, i / variants, j));
  }

  @Override
  public void scaledInputs(int i, InputScaling scaling, double[] out) {
    int v = i % variants - originals;
    if (v < 0) {
      base.scaledInputs(i / variants, scaling, out);
      return;
    }
    Rotation r = rotations[v];
    double min = scaling.min();
    double range = scaling.max() - min;
    int n = features();
    for (int j = 0; j < n; j++) {
      // the same formula as InputScaling's table, so pixel 255 gives exactly max, never max + 1 ulp
      out[j] = min + r.pixel(base, i / variants, j) / 255.0 * range;
    }
  }

  /** The base's hash with the angles: a rotated set is a different training set. */
  @Override
  public String sha256() {
    return base.sha256() + (originals == 1 ? "+rotate" : "+rotated-only") + angles;
  }

  /**
   * Precomputed bilinear sampling for one angle: for each output pixel, the four source pixels
   * (−1 when outside the image) and their weights.
   */
  private static final class Rotation {
    private static final double EPS = 1e-9;
    private final int[] source;
    private final double[] weight;

    Rotation(int rows, int cols, double degrees) {
      int n = rows * cols;
      source = new int[4 * n];
      weight = new double[4 * n];
      double theta = Math.toRadians(degrees);
      double cos = Math.cos(theta);
      double sin = Math.sin(theta);
      double cy = (rows - 1) / 2.0;
      double cx = (cols - 1) / 2.0;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          // inverse map: output (r, c) shows the source point rotated back by θ (rows grow downwards)
          double dx = c - cx;
          double dy = r - cy;
          double sx = cx + dx * cos - dy * sin;
          double sy = cy + dx * sin + dy * cos;
          int k = 4 * (r * cols + c);
          if (sx < -EPS || sy < -EPS || sx > cols - 1 + EPS || sy > rows - 1 + EPS) {
            for (int q = k; q < k + 4; q++) {
              source[q] = -1; // outside the image: all background
            }
            continue;
          }
          int x0 = (int) Math.floor(sx);
          int y0 = (int) Math.floor(sy);
          double fx = sx - x0;
          double fy = sy - y0;
          set(k, x0, y0, (1 - fx) * (1 - fy), rows, cols);
          set(k + 1, x0 + 1, y0, fx * (1 - fy), rows, cols);
          set(k + 2, x0, y0 + 1, (1 - fx) * fy, rows, cols);
          set(k + 3, x0 + 1, y0 + 1, fx * fy, rows, cols);
        }
      }
    }

    private void set(int k, int x, int y, double w, int rows, int cols) {
      boolean inside = x >= 0 && y >= 0 && x < cols && y < rows;
      source[k] = inside ? y * cols + x : -1;
      weight[k] = inside ? w : 0;
    }

    /** The interpolated pixel value in [0, 255], not rounded; the background counts as 0. */
    double pixel(Dataset base, int sample, int j) {
      double p = 0;
      for (int k = 4 * j; k < 4 * j + 4; k++) {
        if (source[k] >= 0 && weight[k] != 0) {
          p += weight[k] * base.pixel(sample, source[k]);
        }
      }
      return Math.min(255.0, p); // weights sum to 1, but their rounding may not
    }
  }
}
