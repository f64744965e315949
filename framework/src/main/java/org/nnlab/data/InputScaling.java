package org.nnlab.data;

import org.nnlab.config.InputRange;

/**
 * Maps a pixel 0–255 linearly onto [min, max]: x = min + pixel/255 · (max − min). With the defaults
 * this is the book's x = pixel/255 · 0.99 + 0.01.
 *
 * <p>Precomputes the 256 possible values, so scaling a sample is one table look-up per pixel.
 */
public final class InputScaling {
  private final double min;
  private final double max;
  private final double[] table = new double[256];

  public InputScaling(double min, double max) {
    this.min = min;
    this.max = max;
    for (int p = 0; p < 256; p++) {
      table[p] = min + p / 255.0 * (max - min);
    }
  }

  public static InputScaling of(InputRange range) {
    return new InputScaling(range.min(), range.max());
  }

  /** The scaled value of one pixel 0–255. */
  public double apply(int pixel) {
    return table[pixel];
  }

  /** Inverse of {@link #apply}, clamped to 0–255 and rounded; used to turn inputs back into images. */
  public int pixelOf(double x) {
    double p = (x - min) / (max - min) * 255.0;
    return (int) Math.max(0, Math.min(255, Math.round(p)));
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The 256-entry look-up table, shared: do not modify. */
  double[] table() {
    return table;
  }
}
