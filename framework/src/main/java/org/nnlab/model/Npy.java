package org.nnlab.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.JvmMemory;
import org.nnlab.io.Printable;
import org.nnlab.io.RegularFiles;

/**
 * Reads and writes NumPy's {@code .npy} files for real matrices, written from the format's
 * documented layout (numpy/lib/format.py, "NPY format"): the magic {@code \x93NUMPY}, a major and a
 * minor version byte, the header length (2 bytes little-endian for version 1.0, 4 bytes for 2.0 and
 * 3.0), then an ASCII (3.0: UTF-8) Python dict literal with {@code 'descr'}, {@code 'fortran_order'}
 * and {@code 'shape'}, padded with spaces and ended by a newline so the data starts at a multiple of
 * 64 bytes (16 in files from old writers; the reader takes any padding). The raw data follows.
 *
 * <pre>{@code
 * Npy.write(Path.of("W1.npy"), Npy.Matrix.of(100, 784, w));   // '<f8', C order, version 1.0
 * Npy.Matrix m = Npy.read(Path.of("W1.npy"));
 * }</pre>
 *
 * <p>What is read: {@code '<f8'} and {@code '>f8'} as they are; {@code '<f4'} and {@code '>f4'}
 * widened exactly to float64; any other dtype (integers, complex, objects) is a
 * {@link ModelException}. Fortran-order files are transposed into row-major order, so the matrix
 * means the same as in NumPy. Shapes of rank 0 to 2 are read ({@code ()} is 1×1, {@code (n,)} is
 * 1×n). What is written: always version 1.0 unless the header needs more than 65535 bytes,
 * {@code '<f8'}, C order. Stateless.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  /** The longest header read: a matrix's takes under a hundred bytes (NumPy refuses over 10,000). */
  private static final int MAX_HEADER = 1 << 20;
  /** The most values one matrix holds: float64 bytes in one Java array. */
  private static final long MAX_VALUES = JvmMemory.MAX_ARRAY / Double.BYTES;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * A real matrix, row-major; what a {@code .npy} file of rank ≤ 2 holds.
   *
   * @param shape the file's shape, as NumPy reports it (length 0, 1 or 2)
   */
  public record Matrix(int[] shape, double[] values) {
    public Matrix {
      shape = shape.clone();
      values = values.clone();
      if (shape.length > 2) {
        throw new IllegalArgumentException("only matrices (rank ≤ 2), found rank " + shape.length);
      }
      long n = 1;
      for (int s : shape) {
        if (s < 0) {
          throw new IllegalArgumentException("negative dimension " + s);
        }
        n *= s;
      }
      if (n != values.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " needs " + n + " values, found " + values.length);
      }
    }

    /** A rows × cols matrix from row-major values. */
    public static Matrix of(int rows, int cols, double[] values) {
      return new Matrix(new int[] {rows, cols}, values);
    }

    public int rows() {
      return shape.length == 2 ? shape[0] : 1;
    }

    public int cols() {
      return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Matrix m && Arrays.equals(shape, m.shape) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Matrix" + Arrays.toString(shape);
    }
  }

  /** The bytes of {@code m} as a version-1.0 {@code '<f8'} C-order file. */
  public static byte[] encode(Matrix m) {
    String shape = switch (m.shape.length) {
      case 0 -> "()";
      case 1 -> "(" + m.shape[0] + ",)";
      default -> "(" + m.shape[0] + ", " + m.shape[1] + ")";
    };
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
    int lengthBytes = 2;
    int major = 1;
    if (MAGIC.length + 2 + 2 + dict.length() + 1 > 65535) {
      lengthBytes = 4;
      major = 2;
    }
    int prefix = MAGIC.length + 2 + lengthBytes;
    int total = prefix + dict.length() + 1;
    int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
    String header = dict + " ".repeat(padded - total) + "\n";
    ByteBuffer b = ByteBuffer.allocate(padded + 8 * m.values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) major).put((byte) 0);
    if (lengthBytes == 2) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    for (double v : m.values) {
      b.putDouble(v);
    }
    return b.array();
  }

  /** Writes {@code m} to {@code file} atomically (a temporary file, then a move). */
  public static void write(Path file, Matrix m) throws IOException {
    AtomicFiles.write(file, encode(m));
  }

  /**
   * Reads {@code file}; a {@link ModelException} names the file and what is wrong. Only a regular
   * file is read, and only after its header's shape has been checked against the file's real size
   * and this JVM's heap; bytes after the data are not read.
   */
  public static Matrix read(Path file) {
    String name = file.toString();
    try (InputStream in = RegularFiles.open(file, name, ModelException::new)) {
      long size = Files.size(file);
      byte[] start = in.readNBytes((int) Math.min(size, 12 + MAX_HEADER));
      Layout layout = layout(start, size, name);
      long end = layout.start() + layout.count() * layout.width();
      byte[] bytes = Arrays.copyOf(start, (int) end);
      if (end > start.length) {
        in.readNBytes(bytes, start.length, (int) end - start.length);
      }
      return decode(bytes, name);
    } catch (IOException e) {
      throw new ModelException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses the bytes of a {@code .npy} file; {@code name} is used in messages. */
  public static Matrix decode(byte[] bytes, String name) {
    Layout layout = layout(bytes, bytes.length, name);
    int[] shape = layout.shape();
    int width = layout.width();
    ByteBuffer data = ByteBuffer.wrap(bytes, (int) layout.start(), (int) (layout.count() * width))
        .order(layout.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[(int) layout.count()];
    for (int i = 0; i < values.length; i++) {
      values[i] = width == 8 ? data.getDouble() : data.getFloat();
    }
    if (layout.fortran() && shape.length == 2) {
      values = transpose(values, shape[1], shape[0]);
    }
    return new Matrix(shape, values);
  }

  /** Where a file's data lies and what it holds, as its header says. */
  private record Layout(int[] shape, boolean fortran, boolean bigEndian, int width, long start, long count) {}

  /**
   * Reads the header at the start of {@code bytes} (at least the prefix and the header text) of a
   * file of {@code fileSize} bytes, checking the declared shape against that size and the heap.
   */
  private static Layout layout(byte[] bytes, long fileSize, String name) {
    if (bytes.length < MAGIC.length + 4
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new ModelException(name + ": not a .npy file (no \\x93NUMPY magic)");
    }
    int major = bytes[6] & 0xFF;
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength;
    int prefix;
    if (major == 1) {
      headerLength = b.getShort(8) & 0xFFFF;
      prefix = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new ModelException(name + ": truncated .npy header");
      }
      headerLength = b.getInt(8) & 0xFFFFFFFFL;
      prefix = 12;
    } else {
      throw new ModelException(name + ": .npy version " + major + "." + (bytes[7] & 0xFF)
          + " is not supported; allowed: 1.0, 2.0, 3.0");
    }
    if (headerLength > MAX_HEADER) {
      throw new ModelException(name + ": .npy header of " + headerLength + " bytes; allowed: at most " + MAX_HEADER);
    }
    if (prefix + headerLength > bytes.length) {
      throw new ModelException(name + ": truncated .npy header: needs " + headerLength
          + " bytes, the file has " + (Math.min(bytes.length, fileSize) - prefix));
    }
    String header = new String(bytes, prefix, (int) headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = field(DESCR, header, "descr", name);
    boolean fortran = field(FORTRAN, header, "fortran_order", name).equals("True");
    int[] shape = shape(field(SHAPE, header, "shape", name), name);
    long count = 1;
    for (int s : shape) {
      count *= s; // each ≤ MAX_VALUES (shape checks), so no overflow before the check below
      if (count > MAX_VALUES) {
        throw new ModelException(name + ": shape " + describe(shape) + " holds more than " + MAX_VALUES
            + " values, more than one matrix can");
      }
    }
    int width = switch (descr) {
      case "<f8", ">f8", "=f8", "|f8" -> 8;
      case "<f4", ">f4", "=f4", "|f4" -> 4;
      default -> throw new ModelException(name + ": dtype " + Printable.quote(descr)
          + " is not supported; allowed: '<f8', '>f8', '<f4', '>f4' (float64 or float32)");
    };
    long start = prefix + headerLength;
    if (fileSize - start < count * width) {
      throw new ModelException(name + ": truncated data: shape " + Arrays.toString(shape) + " needs "
          + count * width + " bytes, found " + (fileSize - start));
    }
    long need = JvmMemory.times(count, 2L * Double.BYTES + width);
    if (start + count * width > JvmMemory.MAX_ARRAY || !JvmMemory.fits(need)) {
      throw new ModelException(name + ": shape " + describe(shape) + " needs " + JvmMemory.describe(need)
          + " to load; " + JvmMemory.budget());
    }
    return new Layout(shape, fortran, descr.startsWith(">"), width, start, count);
  }

  /** The row-major transpose of a rows × cols row-major array (cols × rows). */
  static double[] transpose(double[] a, int rows, int cols) {
    double[] t = new double[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  private static String field(Pattern p, String header, String key, String name) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new ModelException(name + ": the .npy header has no valid '" + key + "': "
          + Printable.quote(header.trim()));
    }
    return m.group(1);
  }

  private static int[] shape(String text, String name) {
    String[] parts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toArray(String[]::new);
    String shown = Printable.clean(text, Printable.MAX_VALUE);
    if (parts.length > 2) {
      throw new ModelException(name + ": shape (" + shown + ") has rank " + parts.length
          + "; allowed: rank 0, 1 or 2");
    }
    int[] shape = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      long d;
      try {
        d = Long.parseLong(parts[i].endsWith("L") ? parts[i].substring(0, parts[i].length() - 1) : parts[i]);
      } catch (NumberFormatException e) {
        throw new ModelException(name + ": shape (" + shown + ") is not a tuple of integers");
      }
      if (d < 0 || d > MAX_VALUES) {
        throw new ModelException(name + ": shape (" + shown + ") has dimension " + d
            + "; allowed: 0 to " + MAX_VALUES);
      }
      shape[i] = (int) d;
    }
    return shape;
  }

  /** A shape as NumPy prints it, for messages: {@code (100, 784)}. */
  static String describe(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
  }
}
