package org.nnlab.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX and CSV files for tests: tiny, hand-made images and labels. */
public final class IdxBytes {
  private IdxBytes() {}

  /** An idx3 unsigned-byte image file: {@code count} images of rows × cols. */
  public static byte[] images(int count, int rows, int cols, byte[] pixels) {
    ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
    b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols).put(pixels);
    return b.array();
  }

  /** An idx1 unsigned-byte label file. */
  public static byte[] labels(byte[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(0x00000801).putInt(labels.length).put(labels);
    return b.array();
  }

  /** The book's CSV: one line {@code label,p1,…,pN} per sample, with an optional header. */
  public static String csv(int features, byte[] pixels, byte[] labels, boolean header) {
    StringBuilder s = new StringBuilder();
    if (header) {
      s.append("label");
      for (int j = 1; j <= features; j++) {
        s.append(",pixel").append(j);
      }
      s.append('\n');
    }
    for (int i = 0; i < labels.length; i++) {
      s.append(labels[i] & 0xFF);
      for (int j = 0; j < features; j++) {
        s.append(',').append(pixels[i * features + j] & 0xFF);
      }
      s.append('\n');
    }
    return s.toString();
  }

  public static byte[] gzip(byte[] data) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
      gz.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path file, byte[] data) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
