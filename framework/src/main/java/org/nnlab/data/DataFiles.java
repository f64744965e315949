package org.nnlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nnlab.io.RegularFiles;
import org.nnlab.io.Sha256;

/**
 * Opens data files, plain or gzip-compressed alike: compression is told by the gzip magic number
 * (1F 8B) at the start of the content, never by the file name.
 */
final class DataFiles {
  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  /**
   * Opens {@code file} for reading, decompressing it when it is gzip. Only a regular file is opened:
   * a FIFO, directory or device is a {@link DataException} saying what it is.
   */
  static InputStream open(Path file) {
    try {
      return decompressed(raw(file));
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static InputStream raw(Path file) {
    if (!Files.exists(file)) {
      throw new DataException(file + ": no such file");
    }
    return RegularFiles.open(file, file.toString(), DataException::new);
  }

  /** The size of {@code file}'s content when it is plain (what a header can be checked against); −1 for gzip. */
  static long plainSize(Path file) {
    try {
      return isGzip(file) ? -1 : Files.size(file);
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
    try (BufferedInputStream in = new BufferedInputStream(raw(file), 2)) {
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
    return contentSha256(file, Long.MAX_VALUE);
  }

  /** As {@link #contentSha256(Path)}, over at most the first {@code maxBytes} bytes of the content. */
  static String contentSha256(Path file, long maxBytes) {
    try (InputStream in = open(file)) {
      Sha256 sha = Sha256.start();
      byte[] buf = new byte[BUFFER];
      long left = maxBytes;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(BUFFER, left))) > 0; left -= n) {
        sha.update(buf, 0, n);
      }
      return sha.hex();
    } catch (IOException e) {
      throw new DataException(file + ": cannot read (corrupt or truncated gzip?): " + e.getMessage(), e);
    }
  }

}
