package org.nnlab.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.nnlab.io.Sha256;

/**
 * A {@link Dataset} held in two byte arrays: all pixels, sample after sample, row-major, and one
 * label per sample. The compact form every reader produces: 60,000 MNIST images take 47 MB.
 *
 * <pre>{@code
 * Dataset d = ByteDataset.of("tiny", 2, 2, 10, new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, new byte[] {3, 7});
 * d.pixel(1, 0);   // 4
 * }</pre>
 *
 * <p>{@link #sha256()} hashes the decoded content, not a file, so the same samples read from gz IDX,
 * plain IDX or CSV give the same hash: SHA-256 over size, rows and cols (big-endian int32 each), then
 * all pixels, then all labels. Immutable and thread-safe; the hash is computed once, on first use.
 */
public final class ByteDataset implements Dataset {
  private final String name;
  private final int size;
  private final int rows;
  private final int cols;
  private final int classes;
  private final byte[] pixels;
  private final byte[] labels;
  private String sha256; // guarded by this

  /** Takes ownership of the arrays (no copy): for readers that built them. */
  ByteDataset(String name, int rows, int cols, int classes, byte[] pixels, byte[] labels) {
    this.name = Objects.requireNonNull(name, "name");
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          name + ": image size must be positive, found " + rows + "×" + cols);
    }
    this.size = labels.length;
    if ((long) size * rows * cols != pixels.length) {
      throw new IllegalArgumentException(
          name + ": " + size + " labels of " + rows + "×" + cols + " images need "
              + (long) size * rows * cols + " pixels, found " + pixels.length);
    }
    int largest = largestLabel(labels);
    if (classes <= largest) {
      throw new IllegalArgumentException(
          name + ": label " + largest + " lies outside the " + classes + " declared classes");
    }
    this.rows = rows;
    this.cols = cols;
    this.classes = classes;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * A dataset of copies of {@code pixels} (size × rows × cols, row-major, 0–255 as unsigned bytes)
   * and {@code labels}; {@code classes} of 0 means the largest label + 1.
   */
  public static ByteDataset of(
      String name, int rows, int cols, int classes, byte[] pixels, byte[] labels) {
    byte[] l = labels.clone();
    int declared = classes == 0 ? largestLabel(l) + 1 : classes;
    return new ByteDataset(name, rows, cols, declared, pixels.clone(), l);
  }

  static int largestLabel(byte[] labels) {
    int largest = -1;
    for (byte b : labels) {
      largest = Math.max(largest, b & 0xFF);
    }
    return largest;
  }

  /** The same samples under another name, e.g. {@code mnist-sample:train}. */
  public ByteDataset withName(String newName) {
    return new ByteDataset(newName, rows, cols, classes, pixels, labels);
  }

  /** The same samples declaring {@code n} classes (at least the largest label + 1). */
  public ByteDataset withClasses(int n) {
    return new ByteDataset(name, rows, cols, n, pixels, labels);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
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
    return labels[i] & 0xFF;
  }

  @Override
  public int pixel(int i, int j) {
    Objects.checkIndex(j, rows * cols);
    return pixels[i * rows * cols + j] & 0xFF;
  }

  @Override
  public void scaledInputs(int i, InputScaling scaling, double[] out) {
    Objects.checkIndex(i, size);
    double[] lut = scaling.table();
    int n = rows * cols;
    int base = i * n;
    for (int j = 0; j < n; j++) {
      out[j] = lut[pixels[base + j] & 0xFF];
    }
  }

  /** A copy of sample {@code i}'s pixels as unsigned bytes. */
  public byte[] image(int i) {
    Objects.checkIndex(i, size);
    int n = rows * cols;
    return Arrays.copyOfRange(pixels, i * n, i * n + n);
  }

  /** Worked out once: threads that ask meanwhile (a sweep's trials) wait for that one result. */
  @Override
  public synchronized String sha256() {
    if (sha256 == null) {
      sha256 = hash(size, rows, cols, pixels, labels);
    }
    return sha256;
  }

  static String hash(int size, int rows, int cols, byte[] pixels, byte[] labels) {
    return Sha256.start()
        .update(ByteBuffer.allocate(12).putInt(size).putInt(rows).putInt(cols).array())
        .update(pixels)
        .update(labels)
        .prefixed();
  }

  /** Equal when the samples, labels, shape and classes are; the name does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ByteDataset d
        && size == d.size && rows == d.rows && cols == d.cols && classes == d.classes
        && Arrays.equals(labels, d.labels) && Arrays.equals(pixels, d.pixels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, rows, cols, classes, Arrays.hashCode(labels));
  }

  @Override
  public String toString() {
    return name + " (" + size + " samples, " + rows + "×" + cols + ", " + classes + " classes)";
  }
}
