package org.nnlab.data;

import java.util.Arrays;
import org.nnlab.config.Distort;

/**
 * The buffers and the warp of one {@link Distortion}, for one thread: {@link #apply} draws sample
 * {@code i}'s distortion for an epoch and warps its scaled inputs in place, allocating nothing.
 *
 * <pre>{@code
 * Distorter warp = distortion.distorter(scaling);
 * data.scaledInputs(i, scaling, x);
 * warp.apply(x, epoch, i);
 * }</pre>
 *
 * <p>Each output pixel (r, c) shows the input at the source point found by undoing, in turn, the
 * flip (c → w − 1 − c), the shift (dx, dy), the rotation θ and scaling s about the image centre,
 * then adding the elastic displacement (Simard, Steinkraus and Platt, "Best practices for
 * convolutional neural networks applied to visual document analysis", ICDAR 2003: a field
 * ~U(−1, 1) per pixel and axis, smoothed by a Gaussian of standard deviation σ, times α). The
 * input there is interpolated bilinearly from its four neighbours, a neighbour outside the image
 * counting as the background {@code inputs.min}, and the result is kept in [min, max] (rounding
 * aside, a bilinear mix of values in that interval lies in it already). With no distortion drawn
 * the map is exact, so the inputs come back bit for bit; an integer shift moves them exactly.
 *
 * <p>Not thread-safe: one per training loop.
 */
public final class Distorter {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private final Distort spec;
  private final long seed;
  private final double[] kernel;
  private final int w;
  private final double centre;
  private final double lo;
  private final double hi;
  private final double[] source;
  private final double[] fieldX;
  private final double[] fieldY;
  private final double[] blurred;
  private final double[] transposed;

  // the distortion drawn for the current sample
  private boolean flip;
  private double dx;
  private double dy;
  private double cos = 1;
  private double sin;
  private double inverseScale = 1;
  private boolean elastic;
  private long state;

  Distorter(Distortion distortion, double min, double max) {
    this.spec = distortion.spec();
    this.seed = distortion.seed();
    this.kernel = distortion.kernel();
    this.w = distortion.side();
    this.centre = (w - 1) / 2.0;
    this.lo = Math.min(min, max);
    this.hi = Math.max(min, max);
    int n = w * w;
    this.source = new double[n];
    boolean hasField = spec.elastic() != null;
    this.fieldX = new double[hasField ? n : 0];
    this.fieldY = new double[hasField ? n : 0];
    this.blurred = new double[hasField ? n : 0];
    this.transposed = new double[hasField ? n : 0];
  }

  /** Draws sample {@code sample}'s distortion for {@code epoch} and warps {@code x} (w × w scaled inputs) by it. */
  public void apply(double[] x, int epoch, int sample) {
    draw(epoch, sample);
    warp(x);
  }

  /** Draws the distortion of (seed, epoch, sample), always in the same order of draws. */
  void draw(int epoch, int sample) {
    state = mix(mix(seed + GOLDEN * epoch) + GOLDEN * sample);
    flip = spec.flip() && next() < 0;
    double theta = Math.toRadians(symmetric(spec.rotate()));
    cos = Math.cos(theta);
    sin = Math.sin(theta);
    inverseScale = 1 / (1 + symmetric(spec.scale()));
    dx = symmetric(spec.shift());
    dy = symmetric(spec.shift());
    elastic = spec.elastic() != null;
    if (elastic) {
      field(fieldX, spec.elastic().alpha());
      field(fieldY, spec.elastic().alpha());
    }
  }

  /** Sets the affine part by hand, with no elastic field (for tests). */
  void set(double shiftX, double shiftY, double degrees, double scale, boolean mirror) {
    flip = mirror;
    dx = shiftX;
    dy = shiftY;
    cos = Math.cos(Math.toRadians(degrees));
    sin = Math.sin(Math.toRadians(degrees));
    inverseScale = 1 / scale;
    elastic = false;
  }

  /** Warps {@code x} in place by the distortion last drawn or set. */
  void warp(double[] x) {
    System.arraycopy(x, 0, source, 0, w * w);
    for (int r = 0, j = 0; r < w; r++) {
      double v = r - centre - dy;
      for (int c = 0; c < w; c++, j++) {
        double u = (flip ? centre - c : c - centre) - dx;
        // rotated back by θ, as RotatedDataset does (counter-clockwise on screen, rows growing down)
        double sx = centre + (cos * u - sin * v) * inverseScale;
        double sy = centre + (sin * u + cos * v) * inverseScale;
        if (elastic) {
          sx += fieldX[j];
          sy += fieldY[j];
        }
        x[j] = bilinear(sx, sy);
      }
    }
  }

  private double bilinear(double sx, double sy) {
    double fx0 = Math.floor(sx);
    double fy0 = Math.floor(sy);
    int x0 = (int) fx0;
    int y0 = (int) fy0;
    double fx = sx - fx0;
    double fy = sy - fy0;
    double top = (1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0);
    double bottom = (1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1);
    double value = (1 - fy) * top + fy * bottom;
    return Math.max(lo, Math.min(hi, value));
  }

  private double at(int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < w ? source[y * w + x] : lo;
  }

  /** α · (G_σ ∗ U(−1, 1)): a fresh uniform field, smoothed. */
  private void field(double[] f, double alpha) {
    int n = w * w;
    for (int j = 0; j < n; j++) {
      f[j] = 2 * uniform() - 1;
    }
    smooth(f, blurred, transposed, kernel, w, alpha);
  }

  /**
   * f ← α · (G ∗ f) on a w × w image: the separable Gaussian {@code kernel} (weights at offsets
   * 0, ±1, …), rows then columns, zero beyond the edges; {@code a} and {@code b} are scratch of
   * w·w each. Every output is Σ_k kernel[|k|]·in[·+k] summed in ascending k over the offsets that
   * stay inside the image, as a plain loop over k per pixel sums it: the same bits. Both passes run
   * down columns ({@link #blurColumns}), the row pass on the transposed image, so that every inner
   * loop is a whole row of w contiguous pixels, which the JIT vectorises: the smoothing is most of
   * what an elastic distortion costs.
   */
  static void smooth(double[] f, double[] a, double[] b, double[] kernel, int w, double alpha) {
    transpose(f, a, w);
    blurColumns(a, b, kernel, w, 1); // the rows of f, blurred, transposed
    transpose(b, a, w);
    blurColumns(a, f, kernel, w, alpha);
  }

  /**
   * out[row][c] = α · Σ_k kernel[|k|]·in[row + k][c] over 0 ≤ row + k &lt; w, k ascending: for each
   * offset k, one pass over the rows it reaches, a contiguous stretch of the image (long enough for
   * the JIT's vector loop, where a single row of 28 is not).
   */
  private static void blurColumns(double[] in, double[] out, double[] kernel, int w, double alpha) {
    int r = kernel.length - 1;
    int n = w * w;
    Arrays.fill(out, 0, n, 0.0);
    for (int k = -r; k <= r; k++) {
      double g = kernel[Math.abs(k)];
      int shift = k * w;
      int to = Math.min(w, w - k) * w;
      for (int i = Math.max(0, -k) * w; i < to; i++) {
        out[i] += g * in[i + shift];
      }
    }
    for (int i = 0; i < n && alpha != 1; i++) {
      out[i] = alpha * out[i];
    }
  }

  private static void transpose(double[] in, double[] out, int w) {
    for (int row = 0; row < w; row++) {
      for (int c = 0; c < w; c++) {
        out[c * w + row] = in[row * w + c];
      }
    }
  }

  /** Uniform in [−a, a). */
  private double symmetric(double a) {
    return a * (2 * uniform() - 1);
  }

  private double uniform() {
    return (next() >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64, the generator of {@link java.util.SplittableRandom}, without its allocation. */
  private long next() {
    state += GOLDEN;
    return mix(state);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
