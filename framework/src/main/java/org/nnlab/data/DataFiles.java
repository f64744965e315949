package org.nnlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nnlab.io.Sha256;

/**
 * Opens data files, plain or gzip-compressed alike: compression is told by the gzip magic number
 * (1F 8B) at the start of the content, never by the file name.
 */
final class DataFiles {
  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  /** Opens {@code file} for reading, decompressing it when it is gzip. */
  static InputStream open(Path file) {
    try {
      return decompressed(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file");
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Wraps {@code raw} so that gzip content is decompressed and plain content passes through. */
  static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    if (isGzip(in)) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    return in;
  }

  /** True when {@code file} starts with the gzip magic number. */
  static boolean isGzip(Path file) {
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
      return isGzip(in);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** True when the next two bytes of {@code in} are the gzip magic number; consumes nothing. */
  static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1F && b1 == 0x8B;
  }

  /**
   * SHA-256 (hex) of {@code file}'s content, decompressed first when it is gzip, so a {@code .gz}
   * and a plain copy of the same IDX file hash alike.
   */
  static String contentSha256(Path file) {
    try (InputStream in = open(file)) {
      return Sha256.start().update(in).hex();
    } catch (IOException e) {
      throw new DataException(file + ": cannot read (corrupt or truncated gzip?): " + e.getMessage(), e);
    }
  }

}
