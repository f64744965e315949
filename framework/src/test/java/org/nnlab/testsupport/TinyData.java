package org.nnlab.testsupport;

import java.util.function.IntBinaryOperator;
import org.nnlab.data.ByteDataset;

/** Small in-memory datasets for tests: pixels from a function, labels cycling through the classes. */
public final class TinyData {
  private TinyData() {}

  /** {@code n} samples of rows×cols pixels, pixel(i, j) = f(i, j) & 0xFF, label i % classes. */
  public static ByteDataset of(String name, int n, int rows, int cols, int classes, IntBinaryOperator f) {
    int features = rows * cols;
    byte[] pixels = new byte[n * features];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % classes);
      for (int j = 0; j < features; j++) {
        pixels[i * features + j] = (byte) f.applyAsInt(i, j);
      }
    }
    return ByteDataset.of(name, rows, cols, classes, pixels, labels);
  }
}
