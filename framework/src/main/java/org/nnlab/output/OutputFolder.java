package org.nnlab.output;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.nnlab.io.AtomicFiles;

/**
 * A folder held by one writer, whose files are replaced as a set: all of the new ones or none. Open
 * it before the work that produces the files (so a second writer is refused at once, not after an
 * hour of training), then {@link #publish} the set.
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.open(Path.of("runs/quickstart"))) {  // OutputException if held
 *   ExperimentRun run = runner.run(config, listener);
 *   out.publish(List.of("results.json", "report.md"), staging -> {
 *     ResultsJson.write(run.result(), staging.resolve("results.json"));
 *     AtomicFiles.write(staging.resolve("report.md"), MarkdownReport.render(run.result()));
 *   });
 * }
 * }</pre>
 *
 * <p>Opening takes the {@link FolderLock}, then cleans what an earlier writer left: it finishes a
 * publication a crash interrupted ({@link Publication}), deletes an abandoned staging folder and the
 * temporary files of interrupted atomic writes ({@link AtomicFiles#removeLeftovers}). {@link #publish} writes the set into
 * the staging folder {@value #STAGING} inside this one, then renames it into place as one journal
 * that the next writer finishes if this one dies. Files not among the set's names are never touched,
 * so a folder may hold other things (a sweep's {@code results.jsonl}, a user's notes).
 *
 * <p>Why a journal inside the folder and not a staged folder renamed over this one: a rename cannot
 * replace a non-empty folder, so swapping folders needs two renames with the folder missing in
 * between, it would move the lock away with the old folder, and it would take along (and delete)
 * whatever else the folder holds. Why not a manifest that readers check: report.html is read by a
 * browser and results.json by any script; they must find a consistent set without asking nnlab.
 *
 * <p>Closing releases the lock and removes the folders {@code open} created if nothing was written
 * into them. {@link #close} waits for a publication in progress, so a shutdown hook that closes the
 * folder (on Ctrl-C) leaves the old set or the new one; a publish after close fails. Thread-safe.
 */
public final class OutputFolder implements AutoCloseable {
  /** The staging folder's name inside the output folder. */
  public static final String STAGING = ".nnlab-staging";

  /** Writes a set of files into an empty staging folder. */
  @FunctionalInterface
  public interface SetWriter {
    void write(Path staging) throws IOException;
  }

  private final Path dir;
  private final FolderLock lock;
  private final Path createdTop; // the highest folder open() created, or null
  /** Held for a whole publish: one staging folder, one publication at a time. */
  private final Object publishing = new Object();
  private boolean closed; // guarded by this, which also guards each commit and its renames

  private OutputFolder(Path dir, FolderLock lock, Path createdTop) {
    this.dir = dir;
    this.lock = lock;
    this.createdTop = createdTop;
  }

  /**
   * Takes {@code dir} for this process, creating it if needed, and cleans what an interrupted writer
   * left.
   *
   * @throws OutputException when another process holds the folder, naming it
   * @throws IOException when the folder cannot be created or cleaned
   */
  public static OutputFolder open(Path dir) throws IOException {
    Path createdTop = null;
    for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
      createdTop = d;
    }
    FolderLock lock = FolderLock.acquire(dir);
    try {
      Publication.rollForward(dir, Integer.MAX_VALUE);
      Publication.deleteRecursively(dir.resolve(STAGING));
      AtomicFiles.removeLeftovers(dir);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return new OutputFolder(dir, lock, createdTop);
  }

  /**
   * True when a writer died while moving a set into {@code dir} and no writer has opened it since:
   * its files may be a mix of two sets. Readers that need a whole set refuse such a folder.
   */
  public static boolean isInterrupted(Path dir) {
    return Files.exists(dir.resolve(Publication.PUBLISHING), LinkOption.NOFOLLOW_LINKS);
  }

  public Path dir() {
    return dir;
  }

  /** The holder of a stale lock this folder took over: a process that died while holding it. */
  public Optional<LockHolder> staleHolder() {
    return lock.previousHolder();
  }

  /**
   * Replaces the set {@code names} in this folder with what {@code writer} writes into an empty
   * staging folder: a name the writer leaves out is deleted here, a name not listed is left alone.
   * When the writer fails, nothing here changes and the staging folder is deleted.
   *
   * @param names the set's file and folder names, each allowed by {@link FolderName}, in the order
   *     they move into place (put the file whose presence says "complete" first)
   * @throws IllegalArgumentException when a name is not allowed, or the writer wrote an unlisted one
   * @throws IllegalStateException when the folder was closed
   */
  public void publish(List<String> names, SetWriter writer) throws IOException {
    publish(names, writer, Integer.MAX_VALUE);
  }

  /** {@link #publish}, stopping after {@code maxSteps} renames once committed: tests play a crash. */
  boolean publish(List<String> names, SetWriter writer, int maxSteps) throws IOException {
    for (String name : names) {
      FolderName.problem(name).ifPresent(p -> {
        throw new IllegalArgumentException("file name " + p);
      });
    }
    synchronized (publishing) {
      return stageAndCommit(names, writer, maxSteps);
    }
  }

  private boolean stageAndCommit(List<String> names, SetWriter writer, int maxSteps) throws IOException {
    ensureOpen();
    Path staging = dir.resolve(STAGING);
    Publication.deleteRecursively(staging);
    Files.createDirectory(staging);
    try {
      writer.write(staging);
      Set<String> wrote = new HashSet<>();
      try (Stream<Path> files = Files.list(staging)) {
        files.forEach(f -> wrote.add(f.getFileName().toString()));
      }
      wrote.removeAll(names);
      if (!wrote.isEmpty()) {
        throw new IllegalArgumentException("wrote " + wrote + ", which the set " + names + " does not list");
      }
      Publication.writeManifest(staging, names);
    } catch (Throwable e) {
      try {
        Publication.deleteRecursively(staging);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    synchronized (this) {
      ensureOpen();
      Publication.commit(dir, staging);
      return Publication.rollForward(dir, maxSteps);
    }
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(dir + " was closed: nothing more is published into it");
    }
  }

  /** Releases the lock and removes the folders {@link #open} created if they are empty; idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    lock.close();
    if (createdTop == null) {
      return;
    }
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return; // something was written, or another writer took it: keep it
      }
      if (d.equals(createdTop)) {
        return;
      }
    }
  }
}
