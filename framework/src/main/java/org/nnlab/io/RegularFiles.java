package org.nnlab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens and reads only regular files, and reads them only up to a cap counted while reading. A
 * FIFO would block the reader forever, {@code /dev/zero} never ends, a directory is not data, and
 * a file's announced size can lie ({@code /proc} files say 0): each is refused with one line,
 * {@code runs/x is a FIFO, not a regular file}, before anything is read.
 *
 * <pre>{@code
 * byte[] text = RegularFiles.read(file, file.toString(), 4 << 20, ConfigException::new);
 * try (InputStream in = RegularFiles.open(file, file.toString(), DataException::new)) { … }
 * }</pre>
 *
 * <p>Every refusal goes through the caller's {@code error} function, so each package keeps its own
 * exception type; the message already names the file. Symbolic links are followed. Stateless.
 */
public final class RegularFiles {
  private static final int CHUNK = 1 << 16;

  private RegularFiles() {}

  /**
   * Why {@code file} is not a regular file to read: {@code "no such file"}, {@code "is a FIFO, not a
   * regular file"}, …; empty when it is one.
   */
  public static Optional<String> problem(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.of("no such file");
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot be read: " + e.getMessage());
    }
    if (a.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of("is " + kind(file, a) + ", not a regular file");
  }

  /** Throws {@code error(display + " is a FIFO, not a regular file")} and the like; else nothing. */
  public static void require(Path file, String display, Function<String, ? extends RuntimeException> error) {
    Optional<String> p = problem(file);
    if (p.isPresent()) {
      throw error.apply(display + (p.get().startsWith("is ") ? " " : ": ") + p.get());
    }
  }

  /** Opens {@code file} after {@link #require}; an I/O failure becomes {@code error} too. */
  public static InputStream open(Path file, String display, Function<String, ? extends RuntimeException> error) {
    require(file, display, error);
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw error.apply(display + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The bytes of {@code file}, which must be a regular file of at most {@code maxBytes} bytes
   * (counted while reading, not taken from the file system).
   *
   * @param what names the kind of file in the size message, e.g. {@code "a config"}
   */
  public static byte[] read(Path file, String display, long maxBytes, String what,
      Function<String, ? extends RuntimeException> error) {
    try (InputStream in = open(file, display, error)) {
      return readAtMost(in, maxBytes, display, what, error);
    } catch (IOException e) {
      throw error.apply(display + ": cannot read: " + e.getMessage());
    }
  }

  /** Reads {@code in} to its end, refusing more than {@code maxBytes} bytes. */
  public static byte[] readAtMost(InputStream in, long maxBytes, String display, String what,
      Function<String, ? extends RuntimeException> error) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[CHUNK];
    long total = 0;
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      total += n;
      if (total > maxBytes) {
        throw error.apply(String.format(java.util.Locale.ROOT,
            "%s: %s may hold at most %,d bytes (%s), found more", display, what, maxBytes,
            JvmMemory.describe(maxBytes)));
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String kind(Path file, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      switch (type) {
        case 0010000: return "a FIFO";
        case 0020000: return "a character device";
        case 0060000: return "a block device";
        case 0140000: return "a socket";
        default: break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      // no unix view on this file system: say what is known
    }
    return "a device, FIFO or socket";
  }
}
