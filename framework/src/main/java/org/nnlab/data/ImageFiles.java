package org.nnlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.nnlab.io.Printable;
import org.nnlab.io.RegularFiles;

/**
 * Turns PNG and JPEG pictures into MNIST-style samples as the book does for its own handwriting:
 * grey, shrunk to 28×28, and inverted when the background is light, since MNIST digits are light
 * strokes on black.
 *
 * <pre>{@code
 * ImageFiles.Sample s = ImageFiles.read(Path.of("my-3.png"), 28, 28);
 * s.scaledInputs(scaling, x);   // then network.query(x)
 * }</pre>
 *
 * <p>Grey is the luma 0.299·R + 0.587·G + 0.114·B, transparent pixels counting as white paper.
 * Shrinking averages each output pixel's area of the source. The background is the mean of the
 * border pixels; above 127 it is light and the image is inverted (255 − p).
 */
public final class ImageFiles {
  /** The most pixels a picture may declare: 4096×4096, 16 bytes each while it is converted. */
  static final long MAX_PIXELS = 4096L * 4096;
  private ImageFiles() {}

  /**
   * One converted picture.
   *
   * @param pixels rows × cols grey values 0–255, row-major, light strokes on dark
   * @param inverted whether the picture had a light background and was inverted
   */
  public record Sample(Path file, int rows, int cols, byte[] pixels, boolean inverted) {
    public Sample {
      Objects.requireNonNull(file, "file");
      pixels = pixels.clone();
    }

    @Override
    public byte[] pixels() {
      return pixels.clone();
    }

    /** Writes the scaled pixels into {@code out} (length ≥ rows × cols). */
    public void scaledInputs(InputScaling scaling, double[] out) {
      for (int j = 0; j < pixels.length; j++) {
        out[j] = scaling.apply(pixels[j] & 0xFF);
      }
    }
  }

  /** Reads {@code file} (PNG or JPEG), converted to a {@code rows × cols} sample. */
  public static Sample read(Path file, int rows, int cols) {
    BufferedImage image = load(file);
    int[] grey = grey(image);
    int[] small = shrink(grey, image.getWidth(), image.getHeight(), cols, rows);
    boolean invert = borderMean(small, cols, rows) > 127;
    byte[] pixels = new byte[small.length];
    for (int j = 0; j < small.length; j++) {
      pixels[j] = (byte) (invert ? 255 - small[j] : small[j]);
    }
    return new Sample(file, rows, cols, pixels, invert);
  }

  /**
   * Decodes {@code file}, or a {@link DataException} saying why it cannot be. The size its header
   * declares is checked before the pixels are decoded: at most {@value #MAX_PIXELS} pixels (a
   * 30000×30000 PNG of a few hundred kilobytes is refused at once, not decoded for minutes).
   */
  static BufferedImage load(Path file) {
    if (!Files.exists(file)) {
      throw new DataException(file + ": no such file");
    }
    RegularFiles.require(file, file.toString(), DataException::new);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DataException(file + ": not an image this reader knows; expected PNG or JPEG");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
          throw new DataException(String.format(Locale.ROOT,
              "%s: the image declares %,d×%,d pixels; allowed: at most %,d pixels (e.g. 4096×4096)",
              file, width, height, MAX_PIXELS));
        }
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new DataException(file + ": not an image this reader knows; expected PNG or JPEG");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataException d) {
        throw d;
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new DataException(file + ": cannot decode the image: " + Printable.clean(message, 200), e);
    }
  }

  /** The image's grey values 0–255, row-major; transparent pixels count as white. */
  static int[] grey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int[] grey = new int[w * h];
    for (int k = 0; k < argb.length; k++) {
      int p = argb[k];
      double a = (p >>> 24) / 255.0;
      double luma = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
      grey[k] = (int) Math.round(a * luma + (1 - a) * 255);
    }
    return grey;
  }

  /** Area-average resampling of a {@code w × h} grey image to {@code tw × th}. */
  static int[] shrink(int[] grey, int w, int h, int tw, int th) {
    if (w == tw && h == th) {
      return grey.clone();
    }
    int[] out = new int[tw * th];
    double sx = (double) w / tw;
    double sy = (double) h / th;
    for (int r = 0; r < th; r++) {
      double y0 = r * sy;
      double y1 = y0 + sy;
      for (int c = 0; c < tw; c++) {
        double x0 = c * sx;
        double x1 = x0 + sx;
        double sum = 0;
        for (int y = (int) y0; y < Math.min(h, Math.ceil(y1)); y++) {
          double wy = Math.min(y1, y + 1) - Math.max(y0, y);
          for (int x = (int) x0; x < Math.min(w, Math.ceil(x1)); x++) {
            double wx = Math.min(x1, x + 1) - Math.max(x0, x);
            sum += wx * wy * grey[y * w + x];
          }
        }
        out[r * tw + c] = (int) Math.round(sum / (sx * sy));
      }
    }
    return out;
  }

  /** Mean grey value of the outermost rows and columns. */
  static double borderMean(int[] grey, int w, int h) {
    long sum = 0;
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
          sum += grey[y * w + x];
          n++;
        }
      }
    }
    return (double) sum / n;
  }
}
