package org.nnlab.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a folder: the file {@value #FILE} inside it, locked with {@link
 * FileChannel#tryLock()} and holding the holder's PID, host and start time ({@link LockHolder}), so
 * that a second writer is refused with a message naming the first.
 *
 * <pre>{@code
 * try (FolderLock lock = FolderLock.acquire(dir)) {   // OutputException when another process holds it
 *   … write into dir …
 * }
 * }</pre>
 *
 * <p>The operating system releases a process's locks when it dies, however it dies, so the lock of
 * a killed process is stale at once and the next writer takes it over ({@link #previousHolder()}
 * names the dead process). Release deletes the lock file, so a finished folder holds only its own
 * files. A file deleted while another process waits on it would let two holders lock two different
 * files; so the holder first deletes the file, then writes {@code retired} into it through its own
 * descriptor, then unlocks, and a process that locks a retired file starts over.
 *
 * <p>Caveats. POSIX locks belong to a process, and closing <em>any</em> descriptor of the file
 * drops them all: this JVM therefore never opens a lock file it holds, and a second {@code acquire}
 * of a held folder in this JVM is refused from an in-memory set of held lock files (this class's
 * only static state). Locks are advisory: they keep out writers that take them, not {@code rm}. On a
 * file system that cannot lock (some network mounts) the PID file alone decides: a holder on this
 * host that is still running keeps the folder. Thread-safe.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name inside the folder. */
  public static final String FILE = ".nnlab.lock";

  private static final String RETIRED = "retired\n";
  /** Lock files this JVM holds, by real path, and who took them: never opened twice (see the caveats). */
  private static final Map<Path, LockHolder> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock; // null on a file system that cannot lock
  private final LockHolder previous;
  private boolean released;

  private FolderLock(Path file, Path key, FileChannel channel, FileLock lock, LockHolder previous) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.previous = previous;
  }

  /**
   * Takes {@code dir}'s lock, creating the folder if needed.
   *
   * @throws OutputException when another process (or this one) holds it, naming the holder
   * @throws IOException when the folder or the lock file cannot be created
   */
  public static FolderLock acquire(Path dir) throws IOException {
    for (int attempt = 1; attempt <= 100; attempt++) {
      Files.createDirectories(dir);
      Path file = dir.resolve(FILE);
      Path key;
      try {
        key = dir.toRealPath().resolve(FILE);
      } catch (NoSuchFileException e) {
        continue; // a releasing holder removed the folder it had created: make it again
      }
      LockHolder me = LockHolder.current();
      LockHolder holder = HELD.putIfAbsent(key, me);
      if (holder != null) {
        throw busy(dir, Optional.of(holder));
      }
      FolderLock taken = null;
      try {
        taken = tryTake(dir, file, key, me, attempt > 3);
      } catch (NoSuchFileException e) {
        // the folder went away between creating and opening: make it again
      } finally {
        if (taken == null) {
          HELD.remove(key);
        }
      }
      if (taken != null) {
        return taken;
      }
    }
    throw new IOException(dir.resolve(FILE) + ": cannot be locked: it keeps being removed under us");
  }

  /**
   * The lock, or null when the file was retired under us (try again). A retired file still at its
   * path (copied there by hand: nnlab unlinks before it retires) is taken after a few tries.
   */
  private static FolderLock tryTake(Path dir, Path file, Path key, LockHolder me, boolean takeRetired)
      throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    boolean kept = false;
    try {
      FileLock lock;
      try {
        lock = ch.tryLock();
        if (lock == null) {
          throw busy(dir, LockHolder.parse(read(ch)));
        }
      } catch (OverlappingFileLockException e) {
        throw busy(dir, Optional.of(me)); // a channel of this JVM outside this class
      } catch (IOException unsupported) {
        lock = null; // a file system without locks: the PID file alone decides
        Optional<LockHolder> holder = LockHolder.parse(read(ch));
        if (holder.isPresent() && holder.get().isAliveHere()) {
          throw busy(dir, holder);
        }
      }
      String content = read(ch);
      if (content.equals(RETIRED) && !takeRetired) {
        return null;
      }
      LockHolder previous = LockHolder.parse(content).orElse(null);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      kept = true;
      return new FolderLock(file, key, ch, lock, previous);
    } finally {
      if (!kept) {
        ch.close();
      }
    }
  }

  private static OutputException busy(Path dir, Optional<LockHolder> holder) {
    return new OutputException(dir + " is being written by "
        + holder.map(LockHolder::describe).orElse("a process that is starting (no PID recorded yet)")
        + "; wait for it to finish, or write elsewhere");
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  /** The holder of a lock found stale (its process had died) and taken over, if any. */
  public Optional<LockHolder> previousHolder() {
    return Optional.ofNullable(previous);
  }

  /** Deletes the lock file and releases the lock; a second call does nothing. */
  @Override
  public synchronized void close() throws IOException {
    if (released) {
      return;
    }
    released = true;
    try {
      boolean deleted;
      try {
        deleted = Files.deleteIfExists(file);
      } catch (IOException e) {
        deleted = false; // left in place, unlocked: the next writer takes it as any stale lock
      }
      channel.truncate(0);
      if (deleted) {
        channel.write(ByteBuffer.wrap(RETIRED.getBytes(StandardCharsets.UTF_8)), 0);
      }
    } finally {
      try {
        if (lock != null) {
          lock.release();
        }
        channel.close();
      } finally {
        HELD.remove(key);
      }
    }
  }
}
