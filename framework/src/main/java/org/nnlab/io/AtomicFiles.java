package org.nnlab.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part: the
 * bytes go to a hidden temporary file in the same folder ({@code .NAME.<random>.tmp}), are forced
 * to disk (fsync), and replace the target with one atomic rename. A killed process leaves at most
 * such a temporary file, which {@link #removeLeftovers} clears.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("results.json"), json);
 * AtomicFiles.write(target, out -> in.transferTo(out), written -> check(written));  // checked before it lands
 * }</pre>
 *
 * <p>The folder is created when missing. The new file gets the permissions the umask gives (not
 * {@code Files.createTempFile}'s owner-only ones). Caveat: the rename needs a file system that
 * moves atomically within a folder (every local one nnlab targets).
 */
public final class AtomicFiles {
  private static final String SUFFIX = ".tmp";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** What goes into the file, streamed. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A last look at the written temporary file before it replaces the target; throwing keeps the old file. */
  @FunctionalInterface
  public interface Check {
    void accept(Path written) throws IOException;
  }

  /** Writes {@code bytes} to {@code file} atomically. */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes), written -> {});
  }

  /** Writes {@code text} as UTF-8 to {@code file} atomically. */
  public static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes what {@code content} streams to {@code file} atomically, once {@code check} has passed
   * the written bytes. When either throws, {@code file} is as it was and no temporary file is left.
   *
   * @return {@code file}
   */
  public static Path write(Path file, Content content, Check check) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + SUFFIX);
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new Naming(Channels.newOutputStream(ch), file);
        content.writeTo(out);
        out.flush();
        try {
          ch.force(true);
        } catch (IOException e) {
          throw FileErrors.writing(file, e);
        }
      }
      check.accept(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (FileSystemException e) {
      throw FileErrors.writing(file, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the folder could not be made or is gone: the write's own failure is the one reported
      }
    }
  }

  /**
   * The temporary file's stream, whose failures name the target: a full disk says only "No space
   * left on device". What the content's own source throws (a download's timeout) passes as it is.
   */
  private static final class Naming extends FilterOutputStream {
    private final Path file;

    Naming(OutputStream out, Path file) {
      super(out);
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw FileErrors.writing(file, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw FileErrors.writing(file, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw FileErrors.writing(file, e);
      }
    }
  }

  /** Removes the temporary files that writes killed mid-way left in {@code dir}; nothing when it is missing. */
  public static void removeLeftovers(Path dir) throws IOException {
    removeLeftovers(dir, SUFFIX);
  }

  /**
   * As {@link #removeLeftovers(Path)}, for hidden temporary files {@code .NAME.*<suffix>} named
   * otherwise (nnlab 0.1.0 downloaded into {@code .part} files).
   */
  public static void removeLeftovers(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.newDirectoryStream(dir, ".*" + suffix)) {
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
    }
  }
}
