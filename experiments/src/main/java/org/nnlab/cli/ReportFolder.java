package org.nnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any training starts, that a report folder could be written, so that no run is lost
 * to a bad {@code --out}. Creates nothing: a run that then fails on bad data leaves no empty folder.
 */
final class ReportFolder {
  private ReportFolder() {}

  /** {@code dir} if it is, or could be created as, a writable folder; exit 2 otherwise. */
  static Path check(Path dir) {
    Path existing = dir.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new UserInputException("cannot write the report folder " + dir + ": "
          + (existing == null ? "no such file system" : existing + " is a file, not a folder")
          + "; choose another with --out");
    }
    if (!Files.isWritable(existing)) {
      throw new UserInputException("cannot write the report folder " + dir + ": " + existing
          + " is not writable; choose another with --out");
    }
    return dir;
  }
}
