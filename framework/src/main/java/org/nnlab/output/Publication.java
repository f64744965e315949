package org.nnlab.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.nnlab.io.AtomicFiles;

/**
 * How a staged set of files replaces a folder's old set, as a journal of renames that any later
 * writer can finish. A complete staging folder is renamed to {@value #PUBLISHING} (the commit: one
 * rename); its manifest ({@value #MANIFEST}) lists every name of the set, {@code +} for those the new
 * set has and {@code -} for those it lacks. Then, name after name, a {@code -} name's old file is
 * moved aside, a {@code +} name's new file is renamed over the old one (a folder's old copy is moved
 * aside first: a rename cannot replace a non-empty folder), and last the publishing folder, with
 * what was moved aside, is deleted.
 *
 * <p>Every step is one rename that checks the state before acting, so {@link #rollForward} can be
 * run again from any point a crash left: a publishing folder found later is finished, a staging
 * folder found later is deleted (it never committed). A reader sees a mix of old and new files only
 * between the first and last rename of a publication, or after a crash in that window until the
 * next writer opens the folder. The manifest is forced to disk before the commit, as are the files
 * nnlab stages ({@link AtomicFiles}); the renames are as durable as the file system's journal makes
 * them.
 */
final class Publication {
  /** The committed set, while its files move into place. */
  static final String PUBLISHING = ".nnlab-publishing";
  /** The list of names inside a staging or publishing folder. */
  static final String MANIFEST = ".nnlab-names";
  /** Inside the publishing folder: the old files moved out of the way, deleted at the end. */
  private static final String REPLACED = ".nnlab-replaced";

  private Publication() {}

  /** Writes the manifest of {@code names} into {@code staging}, marking those it holds with {@code +}. */
  static void writeManifest(Path staging, List<String> names) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      boolean present = Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS);
      text.append(present ? "+ " : "- ").append(name).append('\n');
    }
    AtomicFiles.write(staging.resolve(MANIFEST), text.toString());
  }

  /** The commit: the complete staging folder becomes the publishing one. */
  static void commit(Path dir, Path staging) throws IOException {
    Files.move(staging, dir.resolve(PUBLISHING), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Moves a committed set into place, doing at most {@code maxSteps} renames or deletions (tests
   * stop early to play a crash); does nothing when no publication is pending.
   *
   * @return true when the publication is finished (or none was pending)
   */
  static boolean rollForward(Path dir, int maxSteps) throws IOException {
    Path publishing = dir.resolve(PUBLISHING);
    if (!Files.isDirectory(publishing, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    Steps steps = new Steps(maxSteps);
    Path manifest = publishing.resolve(MANIFEST);
    // no manifest: it was being deleted at the very end, every file already in place
    List<String> lines = Files.exists(manifest) ? Files.readAllLines(manifest, StandardCharsets.UTF_8) : List.of();
    Path replaced = publishing.resolve(REPLACED);
    for (String line : lines) {
      String name = line.length() < 3 ? "" : line.substring(2);
      if (FolderName.problem(name).isPresent()) {
        continue; // not a line publish wrote: never let it name a path outside the folder
      }
      Path target = dir.resolve(name);
      Path fresh = publishing.resolve(name);
      boolean add = line.charAt(0) == '+';
      if (add && !Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
        continue; // moved in already
      }
      boolean targetExists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      boolean targetIsFolder = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
      if (targetExists && (!add || targetIsFolder || Files.isDirectory(fresh, LinkOption.NOFOLLOW_LINKS))) {
        if (!steps.next()) {
          return false;
        }
        Files.createDirectories(replaced);
        deleteRecursively(replaced.resolve(name));
        Files.move(target, replaced.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
      if (add) {
        if (!steps.next()) {
          return false;
        }
        // a file over a file: rename(2) replaces it in one step
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!steps.next()) {
      return false;
    }
    if (Files.exists(manifest)) {
      Files.delete(manifest); // first, so a crash during the rest reads as "finished"
    }
    deleteRecursively(publishing);
    return true;
  }

  /** Deletes {@code path} and everything under it, without following links; nothing if missing. */
  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Counts steps against a budget. */
  private static final class Steps {
    private int left;

    Steps(int max) {
      left = max;
    }

    boolean next() {
      return left-- > 0;
    }
  }
}
