package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.io.AtomicFiles;

/**
 * Puts one original data file in place only when its content has the expected SHA-256: the bytes
 * are written atomically ({@link AtomicFiles}: a hidden temporary file beside the target, a name
 * no loader looks for), checked before the rename. A killed copy or a failed check leaves no file
 * that could later pass as data. Installing {@code x.gz} removes a stale {@code x} and the other
 * way round.
 */
final class VerifiedInstall {
  private static final int BUFFER = 1 << 16;
  /** What nnlab 0.1.0 named its partial downloads. */
  private static final String OLD_PARTIAL = ".part";

  private VerifiedInstall() {}

  /**
   * Copies {@code source} to {@code dir/fileName} when its (decompressed) content hashes to
   * {@code expectedHex}.
   *
   * @param from names the source in messages (a URL or a path)
   * @param total the source's length in bytes if known, else −1, passed on to {@code progress}
   * @param expectedSize the size of the original's (uncompressed) content
   * @throws DataException when the content differs from the original (nothing is left in place)
   * @throws IOException when the copy fails (nothing is left in place)
   */
  static Path install(InputStream source, long total, Path dir, String fileName, String expectedHex,
      long expectedSize, String from, FetchProgress progress) throws IOException {
    Path target = AtomicFiles.write(dir.resolve(fileName), out -> {
      byte[] buf = new byte[BUFFER];
      long done = 0;
      progress.update(fileName, 0, total);
      for (int n = source.read(buf); n >= 0; n = source.read(buf)) {
        out.write(buf, 0, n);
        done += n;
        progress.update(fileName, done, total);
      }
    }, written -> {
      // hashing stops one byte past the original's size: a small gzip that inflates without end is not read to its end
      String found = DataFiles.contentSha256(written, expectedSize + 1);
      if (!found.equals(expectedHex)) {
        throw new DataException(from + ": content SHA-256 is " + found + ", the original "
            + fileName + " has " + expectedHex + "; refusing a file that is not the original");
      }
    });
    // a stale copy in the other form would be found first by DataLocations.file
    Files.deleteIfExists(dir.resolve(otherForm(fileName)));
    return target;
  }

  /** {@code x.gz} for {@code x}, {@code x} for {@code x.gz}. */
  static String otherForm(String fileName) {
    return fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName + ".gz";
  }

  /** Removes temporary files a killed install left in {@code dir}, by this version or 0.1.0. */
  static void removeLeftovers(Path dir) throws IOException {
    AtomicFiles.removeLeftovers(dir);
    AtomicFiles.removeLeftovers(dir, OLD_PARTIAL);
  }
}
