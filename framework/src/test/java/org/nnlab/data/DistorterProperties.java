package org.nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.config.Distort;
import org.nnlab.testsupport.TinyData;

/** The warp of {@code data.distort}: its range, its exact cases, its reproducibility, and rotation as RotatedDataset's. */
class DistorterProperties {
  private static final InputScaling BOOK = new InputScaling(0.01, 1.0);

  @Property(tries = 300)
  void everyDistortedInput_liesInsideTheScaledRange(
      @ForAll("distortions") Distort distort,
      @ForAll("images") Dataset image,
      @ForAll @DoubleRange(min = -2, max = 2) double min,
      @ForAll @DoubleRange(min = 0.01, max = 3) double width,
      @ForAll @IntRange(min = 1, max = 1000) int epoch,
      @ForAll long seed) {
    InputScaling scaling = new InputScaling(min, min + width);
    Distorter warp = Distortion.of(distort, image, seed).distorter(scaling);
    double[] x = scaled(image, scaling);
    warp.apply(x, epoch, 0);
    for (double v : x) {
      assertThat(v).isBetween(scaling.min(), scaling.max());
    }
  }

  @Property(tries = 100)
  void noDistortion_andElasticWithAlphaZero_giveTheInputsBitForBit(
      @ForAll("images") Dataset image,
      @ForAll @DoubleRange(min = 0.1, max = 100) double sigma,
      @ForAll @IntRange(min = 1, max = 1000) int epoch,
      @ForAll @IntRange(min = 0, max = 1_000_000) int sample,
      @ForAll long seed) {
    double[] original = scaled(image, BOOK);
    // drawn: every range zero, elastic field computed and scaled by 0
    Distorter drawn = Distortion.of(Distort.NONE.withElastic(0, sigma), image, seed).distorter(BOOK);
    double[] x = original.clone();
    drawn.apply(x, epoch, sample);
    assertThat(x).isEqualTo(original);
    // set by hand: no shift, no angle, factor 1, no flip
    drawn.set(0, 0, 0, 1, false);
    drawn.warp(x);
    assertThat(x).isEqualTo(original);
  }

  @Property(tries = 200)
  void anIntegerShift_movesEveryPixelExactly_fillingWithTheBackground(
      @ForAll("images") Dataset image,
      @ForAll @IntRange(min = -9, max = 9) int dx,
      @ForAll @IntRange(min = -9, max = 9) int dy) {
    int w = image.cols();
    double[] original = scaled(image, BOOK);
    double[] x = original.clone();
    Distorter warp = Distortion.of(Distort.NONE.withShift(9), image, 1).distorter(BOOK);
    warp.set(dx, dy, 0, 1, false);
    warp.warp(x);
    for (int r = 0; r < w; r++) {
      for (int c = 0; c < w; c++) {
        int sr = r - dy;
        int sc = c - dx;
        boolean inside = sr >= 0 && sc >= 0 && sr < w && sc < w;
        assertThat(x[r * w + c]).as("(%d, %d)", r, c).isEqualTo(inside ? original[sr * w + sc] : BOOK.min());
      }
    }
  }

  @Property(tries = 100)
  void flip_mirrorsEachRowExactly_andTwiceIsTheIdentity(@ForAll("images") Dataset image) {
    int w = image.cols();
    double[] original = scaled(image, BOOK);
    double[] x = original.clone();
    Distorter warp = Distortion.of(Distort.NONE.withFlip(true), image, 1).distorter(BOOK);
    warp.set(0, 0, 0, 1, true);
    warp.warp(x);
    for (int j = 0; j < w * w; j++) {
      assertThat(x[j]).isEqualTo(original[j / w * w + (w - 1 - j % w)]);
    }
    warp.warp(x);
    assertThat(x).isEqualTo(original);
  }

  @Property(tries = 100)
  void aSampleDrawsTheSameDistortion_whateverWasDrawnBefore_andWhicheverDistorterDrawsIt(
      @ForAll("distortions") Distort distort,
      @ForAll("images") Dataset image,
      @ForAll @IntRange(min = 1, max = 50) int epoch,
      @ForAll @IntRange(min = 0, max = 500) int sample,
      @ForAll long seed) {
    Distortion d = Distortion.of(distort, image, seed);
    Distorter fresh = d.distorter(BOOK);
    Distorter used = d.distorter(BOOK);
    double[] scratch = scaled(image, BOOK);
    used.apply(scratch, epoch + 1, sample + 1); // another epoch and sample first
    double[] a = scaled(image, BOOK);
    double[] b = scaled(image, BOOK);
    fresh.apply(a, epoch, sample);
    used.apply(b, epoch, sample);
    assertThat(b).isEqualTo(a);
  }

  @Property(tries = 50)
  void aRotation_equalsRotatedDatasets_whereAllFourNeighboursLieInside(
      @ForAll @IntRange(min = 3, max = 9) int side,
      @ForAll @DoubleRange(min = -180, max = 180) double degrees) {
    Dataset image = TinyData.of("img", 1, side, side, 1, (i, j) -> (j * 97 + 13) % 256);
    Dataset reference = RotatedDataset.copiesOnly(image, List.of(degrees));
    double[] expected = scaled(reference, BOOK);
    double[] x = scaled(image, BOOK);
    Distorter warp = Distortion.of(Distort.NONE.withRotate(180), image, 1).distorter(BOOK);
    warp.set(0, 0, degrees, 1, false);
    warp.warp(x);
    double centre = (side - 1) / 2.0;
    double cos = Math.cos(Math.toRadians(degrees));
    double sin = Math.sin(Math.toRadians(degrees));
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        double sx = centre + (c - centre) * cos - (r - centre) * sin;
        double sy = centre + (c - centre) * sin + (r - centre) * cos;
        if (sx > 1e-6 && sy > 1e-6 && sx < side - 1 - 1e-6 && sy < side - 1 - 1e-6) {
          assertThat(x[r * side + c]).as("(%d, %d)", r, c).isCloseTo(expected[r * side + c], within(1e-9));
        }
      }
    }
  }

  @Example
  void aZoomByTwo_doublesEveryDistanceFromTheCentre() {
    Dataset image = TinyData.of("img", 1, 5, 5, 1, (i, j) -> j * 10);
    double[] original = scaled(image, BOOK);
    double[] x = original.clone();
    Distorter warp = Distortion.of(Distort.NONE.withScale(0.5), image, 1).distorter(BOOK);
    warp.set(0, 0, 0, 2, false);
    warp.warp(x);
    // row 2 (the centre row): column 2 + 2k shows column 2 + k; odd offsets the mean of two
    assertThat(x[10]).isEqualTo(original[11]);
    assertThat(x[12]).isEqualTo(original[12]);
    assertThat(x[14]).isEqualTo(original[13]);
    assertThat(x[13]).isCloseTo((original[12] + original[13]) / 2, within(1e-15));
  }

  @Property(tries = 200)
  void theElasticSmoothing_givesThePlainPerPixelSumsBitForBit(
      @ForAll @IntRange(min = 1, max = 40) int w, @ForAll @DoubleRange(min = 0.3, max = 12) double sigma,
      @ForAll @DoubleRange(min = 0, max = 60) double alpha, @ForAll long seed) {
    double[] kernel = Distortion.gaussian(sigma, w);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    double[] f = new double[w * w];
    for (int j = 0; j < f.length; j++) {
      f[j] = rng.nextDouble(-1, 1);
    }
    double[] expected = plainSmooth(f, kernel, w, alpha);
    Distorter.smooth(f, new double[w * w], new double[w * w], kernel, w, alpha);
    assertThat(f).isEqualTo(expected);
  }

  /** The separable blur as one sum per pixel over its in-image offsets, k ascending: the reference. */
  private static double[] plainSmooth(double[] f, double[] kernel, int w, double alpha) {
    int r = kernel.length - 1;
    double[] rows = new double[w * w];
    double[] out = new double[w * w];
    for (int row = 0; row < w; row++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        for (int k = Math.max(-r, -c); k <= Math.min(r, w - 1 - c); k++) {
          s += kernel[Math.abs(k)] * f[row * w + c + k];
        }
        rows[row * w + c] = s;
      }
    }
    for (int row = 0; row < w; row++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        for (int k = Math.max(-r, -row); k <= Math.min(r, w - 1 - row); k++) {
          s += kernel[Math.abs(k)] * rows[(row + k) * w + c];
        }
        out[row * w + c] = alpha * s;
      }
    }
    return out;
  }

  @Example
  void theElasticKernel_isAGaussianSummingToOne_cutAt4Sigma() {
    double[] k = Distortion.gaussian(2, 28);
    assertThat(k).hasSize(9);
    double sum = k[0];
    for (int i = 1; i < k.length; i++) {
      sum += 2 * k[i];
      assertThat(k[i] / k[0]).isCloseTo(Math.exp(-i * i / 8.0), within(1e-15));
    }
    assertThat(sum).isCloseTo(1.0, within(1e-15));
    assertThat(Distortion.gaussian(50, 28)).as("offsets past the image left out").hasSize(28);
  }

  @Example
  void nonSquareImages_areAConfigError_namingTheKeyAndTheShape() {
    Dataset wide = TinyData.of("wide:train", 3, 2, 3, 2, (i, j) -> j);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Distortion.of(Distort.NONE.withShift(1), wide, 1))
        .isInstanceOf(org.nnlab.config.ConfigException.class)
        .hasMessage("data.distort needs square images, found 2 × 3 (rows × cols) in wide:train;"
            + " remove data.distort for these data");
    assertThat(Distortion.of(Distort.NONE, wide, 1)).isSameAs(Distortion.NONE);
  }

  @Provide
  Arbitrary<Distort> distortions() {
    Arbitrary<Distort.Elastic> elastic = Combinators.combine(
        Arbitraries.doubles().between(0, 60), Arbitraries.doubles().between(0.05, 12))
        .as(Distort.Elastic::new).injectNull(0.3);
    return Combinators.combine(
        Arbitraries.doubles().between(0, 12), Arbitraries.doubles().between(0, 180),
        Arbitraries.doubles().between(0, 0.99), elastic, Arbitraries.of(true, false))
        .as(Distort::new).filter(d -> !d.isNone());
  }

  /** One square image of 1–9 pixels a side, any bytes. */
  @Provide
  Arbitrary<Dataset> images() {
    return Arbitraries.integers().between(1, 9).flatMap(side ->
        Arbitraries.integers().between(0, 255).array(int[].class).ofSize(side * side)
            .map(p -> TinyData.of("img", 1, side, side, 1, (i, j) -> p[j])));
  }

  private static double[] scaled(Dataset d, InputScaling scaling) {
    double[] x = new double[d.features()];
    d.scaledInputs(0, scaling, x);
    return x;
  }
}
