package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nnlab.io.JvmMemory;

/**
 * Reads the IDX format of the MNIST family (MNIST, Fashion-MNIST, EMNIST, KMNIST, QMNIST), plain or
 * gzip-compressed: an int32 magic {@code 00 00 TYPE NDIMS}, NDIMS big-endian int32 sizes, then the
 * elements row-major.
 *
 * <pre>{@code
 * ByteDataset d = IdxReader.read(Path.of("t10k-images-idx3-ubyte.gz"), Path.of("t10k-labels-idx1-ubyte.gz"), "test");
 * }</pre>
 *
 * <p>Images must be idx3 unsigned bytes ({@code 0x08}). Labels are idx1 unsigned bytes, or int32
 * ({@code 0x0C}) idx1 or idx2 as QMNIST ships them, the first column being the class. Every defect
 * is a {@link DataException} naming the file, the byte offset (of the decompressed content) and what
 * was expected. Not thread-safe; one instance reads one stream.
 */
public final class IdxReader {
  static final int UNSIGNED_BYTE = 0x08;
  static final int INT = 0x0C;
  private static final int CHUNK = 1 << 20;
  private static final int FIRST_ALLOCATION = 1 << 20;
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8; // the largest Java array

  private final InputStream in;
  private final String where;
  private final long size; // the content's size when known (a plain file), else −1
  private long offset;
  private int ndims;

  private IdxReader(InputStream in, String where, long size) {
    this.in = in;
    this.where = where;
    this.size = size;
  }

  /** The pixels of an idx3 image file: {@code count} images of {@code rows × cols} bytes. */
  record Images(int count, int rows, int cols, byte[] pixels) {}

  /** Reads an image file and its label file into one dataset called {@code name}. */
  public static ByteDataset read(Path images, Path labels, String name) {
    Images im = readImages(images);
    byte[] lb = readLabels(labels);
    return combine(im, lb, name, images.toString(), labels.toString(), 0);
  }

  /**
   * Joins images and labels read from {@code imagesWhere} and {@code labelsWhere};
   * {@code classes} 0 means the largest label + 1.
   */
  static ByteDataset combine(
      Images im, byte[] labels, String name, String imagesWhere, String labelsWhere, int classes) {
    if (im.count() != labels.length) {
      throw new DataException(
          imagesWhere + " holds " + im.count() + " images but " + labelsWhere + " holds "
              + labels.length + " labels; an image file and its label file must have equal counts");
    }
    int largest = ByteDataset.largestLabel(labels);
    if (classes > 0 && largest >= classes) {
      int at = indexOfLabelAtLeast(labels, classes);
      throw new DataException(
          labelsWhere + ": label " + (labels[at] & 0xFF) + " of record " + at
              + " lies outside the " + classes + " classes 0–" + (classes - 1)
              + " this dataset declares");
    }
    int declared = classes > 0 ? classes : largest + 1;
    return new ByteDataset(name, im.rows(), im.cols(), declared, im.pixels(), labels);
  }

  private static int indexOfLabelAtLeast(byte[] labels, int classes) {
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xFF) >= classes) {
        return i;
      }
    }
    throw new AssertionError("no label ≥ " + classes);
  }

  /** Reads an idx3 unsigned-byte image file. */
  static Images readImages(Path file) {
    long size = DataFiles.plainSize(file);
    try (InputStream in = DataFiles.open(file)) {
      return readImages(in, file.toString(), size);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads an idx1 label file. */
  static byte[] readLabels(Path file) {
    long size = DataFiles.plainSize(file);
    try (InputStream in = DataFiles.open(file)) {
      return readLabels(in, file.toString(), size);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads an image file from {@code in} (already decompressed); {@code where} names it in messages. */
  static Images readImages(InputStream in, String where) {
    return readImages(in, where, -1);
  }

  /** As {@link #readImages(InputStream, String)}, for content of {@code size} bytes (−1: unknown). */
  static Images readImages(InputStream in, String where, long size) {
    IdxReader r = new IdxReader(in, where, size);
    int ndims = r.magic(UNSIGNED_BYTE, "idx3 unsigned-byte images", 0x00000803);
    if (ndims != 3) {
      throw r.error(3, "expected 3 dimensions (images × rows × cols), found " + ndims
          + (ndims == 1 ? "; this looks like a label file" : ""));
    }
    int count = r.dimension("image count");
    int rows = r.dimension("rows");
    int cols = r.dimension("cols");
    if (rows < 1 || cols < 1) {
      throw r.error(8, "an image needs at least 1×1 pixels, found " + rows + "×" + cols);
    }
    long image = (long) rows * cols;
    long total = count * image;
    if (image > MAX_BYTES || total > MAX_BYTES) {
      throw r.error(4, count + " images of " + rows + "×" + cols + " = " + total + " bytes"
          + (image > MAX_BYTES ? " (" + image + " per image)" : "")
          + " exceed what one dataset holds (2^31 − 9)");
    }
    byte[] pixels = r.body(count, (int) image, "image");
    return new Images(count, rows, cols, pixels);
  }

  /** Reads a label file from {@code in} (already decompressed). */
  static byte[] readLabels(InputStream in, String where) {
    return readLabels(in, where, -1);
  }

  /** As {@link #readLabels(InputStream, String)}, for content of {@code size} bytes (−1: unknown). */
  static byte[] readLabels(InputStream in, String where, long size) {
    IdxReader r = new IdxReader(in, where, size);
    int type = r.magicType("idx1 unsigned-byte labels", 0x00000801);
    int ndims = r.ndims;
    if (type == UNSIGNED_BYTE && ndims == 1) {
      return r.body(r.dimension("label count"), 1, "label");
    }
    if (type == INT && (ndims == 1 || ndims == 2)) {
      return r.intLabels(ndims);
    }
    throw r.error(2, String.format(
        "expected labels as idx1 unsigned bytes (magic 0x00000801) or int32 idx1/idx2"
            + " (0x00000C01, 0x00000C02), found type 0x%02X with %d dimensions", type, ndims));
  }

  /** Reads the magic number, checks it is IDX of {@code type}, returns the dimension count. */
  private int magic(int type, String what, int expected) {
    int found = magicType(what, expected);
    if (found != type) {
      throw error(2, String.format("expected %s (magic 0x%08X), found element type 0x%02X (%s)",
          what, expected, found, typeName(found)));
    }
    return ndims;
  }

  private int magicType(String what, int expected) {
    int magic = readInt("the magic number");
    if ((magic >>> 16) != 0) {
      throw error(0, String.format(
          "not an IDX file: expected magic 0x%08X (%s), found 0x%08X", expected, what, magic));
    }
    ndims = magic & 0xFF;
    return (magic >>> 8) & 0xFF;
  }

  private int dimension(String what) {
    long at = offset;
    int d = readInt(what);
    if (d < 0) {
      throw error(at, what + " must be ≥ 0, found " + d);
    }
    return d;
  }

  private byte[] intLabels(int ndims) {
    int count = dimension("label count");
    int columns = ndims == 2 ? dimension("columns") : 1;
    if (columns < 1) {
      throw error(offset - 4, "an int label file needs at least one column, found 0");
    }
    long headerEnd = offset;
    checkDeclared(count, 4L * columns, headerEnd, "label");
    byte[] labels = new byte[Math.min(count, FIRST_ALLOCATION)];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < columns; c++) {
        long at = offset;
        int v = readIntOrTruncated(count, 4L * columns, headerEnd, "label");
        if (c == 0) {
          if (i == labels.length) {
            labels = Arrays.copyOf(labels, (int) Math.min(count, 2L * labels.length));
          }
          if (v < 0 || v > 255) {
            throw error(at, "label of record " + i + " must lie in 0–255, found " + v);
          }
          labels[i] = (byte) v;
        }
      }
    }
    expectEnd(count, "label");
    return labels;
  }

  private int readIntOrTruncated(int count, long recordBytes, long headerEnd, String record) {
    byte[] b = new byte[4];
    int n = read(b, 0, 4);
    if (n < 4) {
      throw truncated(count, recordBytes, headerEnd, offset - n, record);
    }
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  /** Reads {@code count} records of {@code recordBytes} bytes each, then checks nothing follows. */
  private byte[] body(int count, int recordBytes, String record) {
    int total = count * recordBytes;
    long headerEnd = offset;
    checkDeclared(count, recordBytes, headerEnd, record);
    // grow with the data actually read: a damaged count must not allocate gigabytes up front
    byte[] data = new byte[Math.min(total, FIRST_ALLOCATION)];
    int done = 0;
    while (done < total) {
      if (done == data.length) {
        int grown = (int) Math.min(total, 2L * data.length);
        if (!JvmMemory.fits((long) grown + data.length)) {
          throw error(offset, String.format(Locale.ROOT, "the header declares %,d %ss of %,d bytes (%s in all),"
              + " more than this JVM can hold while reading; %s", count, record, recordBytes,
              JvmMemory.describe(total), JvmMemory.budget()));
        }
        data = Arrays.copyOf(data, grown);
      }
      int n = read(data, done, Math.min(CHUNK, data.length - done));
      done += n;
      if (n == 0) {
        throw truncated(count, recordBytes, headerEnd, headerEnd + done, record);
      }
    }
    expectEnd(count, record);
    return data;
  }

  /**
   * For content of known size, checks before reading that it holds exactly the records the header
   * declares: a count that does not fit the file is refused without reading (or allocating) it.
   */
  private void checkDeclared(int count, long recordBytes, long headerEnd, String record) {
    long declared = headerEnd + count * recordBytes;
    if (size >= 0 && declared > size) {
      throw truncated(count, recordBytes, headerEnd, size, record); // what reading would find, found now
    }
  }

  private DataException truncated(
      int count, long recordBytes, long headerEnd, long end, String record) {
    long index = (end - headerEnd) / recordBytes;
    return error(end, String.format(
        "truncated: the header declares %d %ss of %d bytes (%d bytes in all), the data ends inside %s %d",
        count, record, recordBytes, headerEnd + count * recordBytes, record, index));
  }

  private void expectEnd(int count, String record) {
    long at = offset;
    byte[] one = new byte[1];
    if (read(one, 0, 1) > 0) {
      throw error(at, "unexpected data after the " + count + " " + record
          + "s the header declares; the file should end here");
    }
  }

  private int readInt(String what) {
    byte[] b = new byte[4];
    long at = offset;
    int n = read(b, 0, 4);
    if (n < 4) {
      throw error(at + n, "truncated: the file ends inside the header, reading " + what);
    }
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  /** Reads up to {@code len} bytes; fewer only at the end of the data. */
  private int read(byte[] buf, int off, int len) {
    int done = 0;
    try {
      while (done < len) {
        int n = in.read(buf, off + done, len - done);
        if (n < 0) {
          break;
        }
        done += n;
        offset += n;
      }
      return done;
    } catch (IOException e) {
      throw new DataException(where + ": corrupt or truncated compressed data after byte offset "
          + offset + " of the decompressed content: " + e.getMessage(), e);
    }
  }

  private DataException error(long at, String message) {
    return new DataException(where + ": byte offset " + at + ": " + message);
  }

  private static String typeName(int type) {
    switch (type) {
      case 0x08: return "unsigned byte";
      case 0x09: return "signed byte";
      case 0x0B: return "int16";
      case 0x0C: return "int32";
      case 0x0D: return "float32";
      case 0x0E: return "float64";
      default: return "not an IDX type";
    }
  }
}
