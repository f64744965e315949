package org.nnlab.experiment;

import java.util.Base64;
import org.nnlab.data.Dataset;
import org.nnlab.metrics.Evaluation;

/**
 * One confidently misclassified test image, kept whole so a report's gallery can be rebuilt from
 * {@code results.json} alone.
 *
 * @param index the sample's index in the test part
 * @param label the true label
 * @param predicted the label the network chose
 * @param confidence the chosen output node's value, in (0, 1)
 * @param pixels the image's rows × cols bytes (0–255, row-major), base64-encoded
 */
public record Mistake(int index, int label, int predicted, double confidence, int rows, int cols, String pixels) {
  /** The largest image a mistake may hold, in pixels (a report draws it). */
  static final int MAX_PIXELS = 1 << 20;

  public Mistake {
    ResultChecks.atLeast("index", index, 0);
    ResultChecks.atLeast("label", label, 0);
    ResultChecks.atLeast("predicted", predicted, 0);
    ResultChecks.share("confidence", confidence);
    ResultChecks.atLeast("rows", rows, 1);
    ResultChecks.atLeast("cols", cols, 1);
    if ((long) rows * cols > MAX_PIXELS) {
      throw new IllegalArgumentException("rows × cols must be at most " + MAX_PIXELS + " pixels, found "
          + rows + "×" + cols);
    }
    byte[] px;
    try {
      px = Base64.getDecoder().decode(ResultChecks.present("pixels", pixels));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pixels must be base64, " + e.getMessage(), e);
    }
    if (px.length != rows * cols) {
      throw new IllegalArgumentException("pixels must hold rows × cols = " + rows * cols + " bytes, found "
          + px.length);
    }
  }


  /** How many mistakes a result keeps: one gallery row. */
  public static final int GALLERY_SIZE = 10;

  /** The {@code k} mistakes {@code evaluation} was surest of, with their pixels from {@code test}. */
  public static java.util.List<Mistake> of(Evaluation evaluation, Dataset test, int k) {
    return evaluation.confidentMistakes(k).stream().map(i -> {
      byte[] px = new byte[test.features()];
      for (int j = 0; j < px.length; j++) {
        px[j] = (byte) test.pixel(i, j);
      }
      return new Mistake(i, test.label(i), evaluation.predicted(i), evaluation.confidence(i),
          test.rows(), test.cols(), Base64.getEncoder().encodeToString(px));
    }).toList();
  }

  /** The pixels, 0–255, row-major. */
  public int[] pixelValues() {
    byte[] b = Base64.getDecoder().decode(pixels);
    int[] v = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      v[i] = b[i] & 0xFF;
    }
    return v;
  }
}
