package org.nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.output.FolderName;
import org.nnlab.output.OutputFolder;

/**
 * The folder a command writes its files into, held for this process ({@link OutputFolder}) and
 * released by a shutdown hook too, so that Ctrl-C leaves no lock and no half-moved set. Also where
 * output goes when no {@code --out} is given: {@value #DEFAULT_ROOT_NAME}{@code /<name>} for a run or
 * a sweep, under the current folder (git-ignored in the repository, so a run leaves a checkout
 * clean). A run and a sweep of one name meet there; the second is refused (it would mix its files).
 */
final class ReportFolder implements AutoCloseable {
  static final String DEFAULT_ROOT_NAME = "runs";
  /** Where runs go without {@code --out}: the CLI's choice, not the library's. */
  static final Path DEFAULT_ROOT = Path.of(DEFAULT_ROOT_NAME);

  private final OutputFolder output;
  private final Thread hook;

  private ReportFolder(OutputFolder output, Thread hook) {
    this.output = output;
    this.hook = hook;
  }

  /** {@code runs/<name>}, for a run or a sweep; the name was checked when the config was read. */
  static Path defaultFor(String name) {
    return FolderName.resolve(DEFAULT_ROOT, name);
  }

  /**
   * Checks, before any training starts, that {@code dir} could be written, so that no run is lost
   * to a bad {@code --out}. Creates nothing.
   *
   * @return {@code dir} if it is, or could be created as, a writable folder; exit 2 otherwise
   */
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

  /**
   * Holds {@code dir} (exit 2 naming the holder when another process has it), telling on
   * {@code err} when a dead process's lock was taken over.
   */
  static ReportFolder open(Path dir, PrintWriter err) throws IOException {
    OutputFolder output = OutputFolder.open(dir);
    output.staleHolder().ifPresent(h ->
        err.println("note: " + dir + " was held by " + h.describe() + ", which has stopped; taken over"));
    Thread hook = new Thread(() -> {
      try {
        output.close(); // waits for a publication in progress: the old set or the new one
      } catch (IOException e) {
        // the process is ending; the next writer cleans up
      }
    }, "nnlab-release-folder");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ReportFolder(output, hook);
  }

  OutputFolder output() {
    return output;
  }

  Path dir() {
    return output.dir();
  }

  @Override
  public void close() throws IOException {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will: it closes the folder
    }
    output.close();
  }
}
