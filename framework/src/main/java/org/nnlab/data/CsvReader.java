package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nnlab.io.JvmMemory;
import org.nnlab.io.Printable;

/**
 * Reads the book's CSV format: one sample per line, {@code label,p1,…,pN}, every value an integer
 * 0–255, pixels row-major of a square image (N = 784 for 28×28). An optional header line (its first
 * field not a number) is skipped; so are blank lines and a UTF-8 byte-order mark. The file may be
 * gzip-compressed. A line may hold at most {@value #MAX_LINE} bytes, and the samples must fit in
 * this JVM's heap: both are checked while reading, before memory runs out.
 *
 * <pre>{@code
 * ByteDataset train = CsvReader.read(Path.of("mnist_train.csv"), "book-train");
 * }</pre>
 *
 * <p>Every defect is a {@link DataException} of the form {@code FILE:LINE: field F: what was expected,
 * what was found}.
 */
public final class CsvReader {
  /** The longest line read: a 1024×1024 image's sample, at 4 bytes a pixel. */
  static final int MAX_LINE = 1 << 22;
  private final String where;
  private byte[] pixels = new byte[1 << 16];
  private byte[] labels = new byte[1 << 8];
  private int size;
  private int width = -1;
  private int lineNo;

  private CsvReader(String where) {
    this.where = where;
  }

  /** Reads {@code file} into a dataset called {@code name}; classes = largest label + 1. */
  public static ByteDataset read(Path file, String name) {
    try (InputStream in = DataFiles.open(file)) {
      return read(in, file.toString(), name);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads CSV from {@code in} (already decompressed); {@code where} names it in messages. */
  static ByteDataset read(InputStream in, String where, String name) {
    CsvReader r = new CsvReader(where);
    try {
      Lines lines = new Lines(in);
      for (String line = lines.next(r); line != null; line = lines.next(r)) {
        r.line(line);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException(where + ":" + r.lineNo + ": cannot read: " + e.getMessage(), e);
    }
    if (r.size == 0) {
      throw new DataException(where + ": no samples; expected lines of label,p1,…,pN");
    }
    int side = (int) Math.round(Math.sqrt(r.width));
    byte[] l = Arrays.copyOf(r.labels, r.size);
    byte[] p = r.pixels.length == r.size * r.width ? r.pixels : Arrays.copyOf(r.pixels, r.size * r.width);
    return new ByteDataset(name, side, side, ByteDataset.largestLabel(l) + 1, p, l);
  }

  private void line(String line) {
    if (line.isBlank()) {
      return;
    }
    if (size == 0 && width == -1 && !startsWithNumber(line)) {
      width = -2; // header seen; the next line fixes the width
      return;
    }
    int fields = countFields(line);
    if (width < 0) {
      startWidth(fields - 1);
    } else if (fields - 1 != width) {
      throw error("expected " + (width + 1) + " fields (a label and " + width
          + " pixels, as on the first sample's line), found " + fields);
    }
    ensureRoom();
    int pos = 0;
    int base = size * width;
    for (int f = 0; f <= width; f++) {
      int end = line.indexOf(',', pos);
      if (end < 0) {
        end = line.length();
      }
      int v = value(line, pos, end, f);
      if (f == 0) {
        labels[size] = (byte) v;
      } else {
        pixels[base + f - 1] = (byte) v;
      }
      pos = end + 1;
    }
    size++;
  }

  /**
   * The lines of a byte stream, each at most {@link #MAX_LINE} bytes, without {@code \n}; a UTF-8
   * byte-order mark before the first line is dropped. Bytes map one to one onto chars (ISO-8859-1),
   * so a non-ASCII byte is a field that is not a number, reported as such.
   */
  private static final class Lines {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean first = true;

    Lines(InputStream in) {
      this.in = in;
    }

    /** The next line (counted in {@code r.lineNo}), or null at the end. */
    String next(CsvReader r) throws IOException {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1 << 12);
      boolean any = false;
      while (true) {
        if (pos == end && !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
        any = true;
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        line.write(buf, start, pos - start);
        if (line.size() > MAX_LINE) {
          r.lineNo++;
          throw r.error(String.format(Locale.ROOT, "the line is longer than %,d bytes; expected label,p1,…,pN"
              + " (28×28 pixels take about 3 kB), one sample per line", MAX_LINE));
        }
        if (pos < end) {
          pos++; // the newline
          break;
        }
      }
      r.lineNo++;
      byte[] bytes = line.toByteArray();
      int skip = 0;
      if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF) {
        skip = 3; // a UTF-8 byte-order mark, as spreadsheet programs write it
      }
      first = false;
      return new String(bytes, skip, bytes.length - skip, StandardCharsets.ISO_8859_1);
    }

    private boolean fill() throws IOException {
      int n = in.read(buf);
      if (n < 0) {
        return false;
      }
      pos = 0;
      end = n;
      return true;
    }
  }

  private void startWidth(int n) {
    int side = (int) Math.round(Math.sqrt(n));
    if (n < 1 || side * side != n) {
      throw error(n + " pixels after the label do not make a square image; expected N = side², e.g. 784 = 28×28");
    }
    width = n;
  }

  private void ensureRoom() {
    if (size == labels.length) {
      labels = Arrays.copyOf(labels, size * 2);
    }
    long need = (long) (size + 1) * width;
    if (need > Integer.MAX_VALUE - 8) {
      throw error("too many samples: " + size + " rows of " + width + " pixels exceed what one dataset holds");
    }
    if (need > pixels.length) {
      int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * pixels.length));
      if (!JvmMemory.fits((long) grown + pixels.length)) {
        throw error(String.format(Locale.ROOT, "%,d samples of %,d pixels so far: more would not fit; %s",
            size, width, JvmMemory.budget()));
      }
      pixels = Arrays.copyOf(pixels, grown);
    }
  }

  /** Parses field {@code f} (0 = label) spanning [start, end) as an integer 0–255. */
  private int value(String line, int start, int end, int f) {
    int s = start;
    int e = end;
    while (s < e && line.charAt(s) == ' ') {
      s++;
    }
    while (e > s && (line.charAt(e - 1) == ' ' || line.charAt(e - 1) == '\r')) {
      e--;
    }
    int v = 0;
    boolean ok = s < e && e - s <= 3;
    for (int k = s; ok && k < e; k++) {
      char c = line.charAt(k);
      ok = c >= '0' && c <= '9';
      v = v * 10 + (c - '0');
    }
    if (!ok || v > 255) {
      throw error("field " + (f + 1) + " (" + (f == 0 ? "the label" : "pixel " + f)
          + "): expected an integer 0–255, found " + Printable.quote(line.substring(start, end)));
    }
    return v;
  }

  private static int countFields(String line) {
    int n = 1;
    for (int k = 0; k < line.length(); k++) {
      if (line.charAt(k) == ',') {
        n++;
      }
    }
    return n;
  }

  private static boolean startsWithNumber(String line) {
    int k = 0;
    while (k < line.length() && line.charAt(k) == ' ') {
      k++;
    }
    return k < line.length() && Character.isDigit(line.charAt(k));
  }

  private DataException error(String message) {
    return new DataException(where + ":" + lineNo + ": " + message);
  }
}
