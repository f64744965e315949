package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.config.Augment;

class RotatedDatasetTest {
  // a random 5×7 image and scipy.ndimage.rotate(x, angle, cval=0.01, order=1, reshape=False) of its
  // book-scaled inputs x = p/255·0.99 + 0.01 (scipy 1.17.1; framework/scripts/rotate-reference.py prints them)
  private static final int[] PIXELS = {121, 131, 193, 243, 8, 36, 210, 242, 63, 79, 222, 108, 69,
      211, 65, 104, 164, 140, 21, 7, 221, 192, 214, 137, 209, 84, 115, 201, 31, 77, 31, 116, 250, 34, 98};
  private static final double[] SCIPY_PLUS_10 = {0.010000000000, 0.010000000000, 0.010000000000,
      0.639034839901, 0.138747583163, 0.397365657126, 0.010000000000, 0.640951478880, 0.367038904010,
      0.480872451807, 0.790140005621, 0.344422675100, 0.284126008527, 0.010000000000, 0.607139702534,
      0.363758495251, 0.589696847555, 0.553529411765, 0.141081983562, 0.182603705525, 0.801482811928,
      0.010000000000, 0.670355693456, 0.593130820478, 0.769785494505, 0.499792639980, 0.392455620774,
      0.524386096999, 0.010000000000, 0.464378660544, 0.281783399106, 0.357248320612, 0.010000000000,
      0.010000000000, 0.010000000000};
  private static final double[] SCIPY_MINUS_30 = {0.010000000000, 0.639957511614, 0.329723949329,
      0.640702957420, 0.010000000000, 0.010000000000, 0.010000000000, 0.010000000000, 0.437896385324,
      0.463541124305, 0.595074322649, 0.676789114482, 0.110211003120, 0.010000000000, 0.495936293043,
      0.760722482592, 0.606777397671, 0.553529411765, 0.321007686488, 0.318453013019, 0.580690513647,
      0.010000000000, 0.230670614318, 0.580178420543, 0.544435685817, 0.184566512153, 0.253527949298,
      0.010000000000, 0.010000000000, 0.010000000000, 0.010000000000, 0.807902861631, 0.397185636624,
      0.686016129832, 0.010000000000};
  private static final InputScaling BOOK = new InputScaling(0.01, 1.0);

  private static ByteDataset image(int label) {
    byte[] p = new byte[PIXELS.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = (byte) PIXELS[j];
    }
    return ByteDataset.of("img", 5, 7, 10, p, new byte[] {(byte) label});
  }

  private static double[] inputs(Dataset d, int i) {
    double[] x = new double[d.features()];
    d.scaledInputs(i, BOOK, x);
    return x;
  }

  @Test
  void scaledInputs_matchScipyRotate_within1e9() {
    Dataset d = RotatedDataset.of(image(3), List.of(10.0, -30.0));

    assertArrayEquals(inputs(image(3), 0), inputs(d, 0), 0.0);
    assertArrayEquals(SCIPY_PLUS_10, inputs(d, 1), 1e-9);
    assertArrayEquals(SCIPY_MINUS_30, inputs(d, 2), 1e-9);
  }

  @Test
  void variants_followEachSample_withItsLabel() {
    ByteDataset two = ByteDataset.of("two", 5, 7, 10,
        concat(image(3).image(0), image(8).image(0)), new byte[] {3, 8});
    Dataset d = RotatedDataset.of(two, List.of(10.0, -10.0));

    assertEquals(6, d.size());
    assertEquals(List.of(3, 3, 3, 8, 8, 8), Arrays.stream(new int[] {0, 1, 2, 3, 4, 5}).map(d::label).boxed().toList());
    assertEquals("two rotated [10, -10]", d.name());
  }

  @Test
  void pixel_isTheRoundedRotatedValue() {
    Dataset d = RotatedDataset.of(image(3), List.of(10.0));
    for (int j = 0; j < d.features(); j++) {
      assertEquals(BOOK.pixelOf(SCIPY_PLUS_10[j]), d.pixel(1, j), "pixel " + j);
    }
  }

  @Test
  void copiesOnly_holdsExactlyTheRotatedVariants() {
    ByteDataset two = ByteDataset.of("two", 5, 7, 10, concat(image(3).image(0), image(8).image(0)), new byte[] {3, 8});
    Dataset all = RotatedDataset.of(two, List.of(10.0, -10.0));
    Dataset copies = RotatedDataset.copiesOnly(two, List.of(10.0, -10.0));
    assertEquals(4, copies.size());
    for (int i = 0; i < copies.size(); i++) {
      int k = i / 2 * 3 + 1 + i % 2; // skip each original in the augmented set
      assertEquals(all.label(k), copies.label(i));
      assertArrayEquals(inputs(all, k), inputs(copies, i), 0.0);
    }
  }

  @Test
  void augmented_withoutRotation_isTheBaseItself() {
    ByteDataset base = image(1);
    assertSame(base, Datasets.augmented(base, Augment.NONE));
    assertEquals(3, Datasets.augmented(base, new Augment(List.of(-10.0, 10.0))).size());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void scaledInputs_ofAWhiteImage_neverExceedTheInputMaximum() {
    byte[] white = new byte[28 * 28];
    Arrays.fill(white, (byte) 255);
    Dataset d = RotatedDataset.of(ByteDataset.of("white", 28, 28, 1, white, new byte[1]), List.of(10.0, -10.0, 33.3));
    for (int i = 0; i < d.size(); i++) {
      for (double x : inputs(d, i)) {
        org.junit.jupiter.api.Assertions.assertTrue(x >= 0.01 && x <= 1.0, "input " + x);
      }
    }
  }
}
