package org.nnlab.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * I/O failures that name the file they happened to. A full disk fails a write with the bare
 * "No space left on device"; rethrown through {@link #writing}, it reads
 * {@code reports/quickstart/model.nnlab: cannot write: No space left on device}.
 *
 * <pre>{@code
 * try { channel.write(line); } catch (IOException e) { throw FileErrors.writing(file, e); }
 * }</pre>
 */
public final class FileErrors {
  private FileErrors() {}

  /** {@code e} as a failure to write {@code file}, keeping {@code e} as the cause. */
  public static IOException writing(Path file, IOException e) {
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    return new IOException(file + ": cannot write: " + (reason == null ? e.getClass().getSimpleName() : reason), e);
  }
}
