package org.nnlab.testsupport;

import java.util.function.IntBinaryOperator;
import org.nnlab.data.Dataset;
import org.nnlab.data.DataException;

/** Small in-memory datasets for tests: pixels from a function, labels cycling through the classes. */
public final class TinyData implements Dataset {
  private final String name;
  private final int n;
  private final int rows;
  private final int cols;
  private final int classes;
  private final IntBinaryOperator pixels;

  private TinyData(String name, int n, int rows, int cols, int classes, IntBinaryOperator pixels) {
    this.name = name;
    this.n = n;
    this.rows = rows;
    this.cols = cols;
    this.classes = classes;
    this.pixels = pixels;
  }

  /** {@code n} samples of rows×cols pixels, pixel(i, j) = f(i, j) & 0xFF, label i % classes. */
  public static TinyData of(String name, int n, int rows, int cols, int classes, IntBinaryOperator f) {
    return new TinyData(name, n, rows, cols, classes, f);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public int label(int i) {
    if (i < 0 || i >= n) {
      throw new DataException("no sample " + i);
    }
    return i % classes;
  }

  @Override
  public int pixel(int i, int j) {
    return pixels.applyAsInt(i, j) & 0xFF;
  }

  @Override
  public String sha256() {
    return "sha256:tiny-" + name;
  }
}
