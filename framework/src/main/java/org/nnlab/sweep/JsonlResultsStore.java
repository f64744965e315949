package org.nnlab.sweep;

import org.nnlab.config.SweepConfig;
import org.nnlab.experiment.ResultsException;
import org.nnlab.io.FileErrors;
import org.nnlab.io.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable {@link ResultsStore}: a sweep's {@code results.jsonl}, one {@link TrialResult} per line, each appended durably the
 * moment its trial finishes (one write of the whole line, then fsync), so a crash or
 * {@code kill -9} loses at most the trial that was being written.
 *
 * <pre>{@code
 * try (ResultsStore store = ResultsStore.open(dir.resolve("results.jsonl"))) {
 *   Set<String> done = store.trialIds();      // what resuming skips
 *   store.append(TrialResult.of(trial, result));
 * }
 * }</pre>
 *
 * <p>Reading keeps each trial once: a later line with a trial id already read is dropped (the
 * first complete line wins), so a file that two writers appended to, or a line copied twice, never
 * counts a trial twice. A torn last line (no newline, or not valid JSON: the process died
 * mid-write) is ignored, and cut off when the file is opened for appending; a malformed line
 * anywhere else is an error, since it was not torn by a crash. What was dropped or ignored is told
 * in {@link Contents#notes()}. A whole JSON object whose fields are wrong is an error too (a
 * {@link ResultsException} naming the line and field): it was written so, not torn. Only a regular
 * file is read. Thread-safe.
 */
public final class JsonlResultsStore implements ResultsStore {
  /** The largest {@code results.jsonl} read back: {@value SweepConfig#MAX_TRIALS} trials of a few kB each. */
  static final long MAX_FILE_BYTES = 1L << 30;


  private final Path file;
  private final FileChannel channel;
  private final List<TrialResult> results;
  private final List<String> notes;
  private boolean closed; // guarded by this

  private JsonlResultsStore(Path file, FileChannel channel, List<TrialResult> results, List<String> notes) {
    this.file = file;
    this.channel = channel;
    this.results = results;
    this.notes = notes;
  }

  /** Opens {@code file} for appending, reading what it holds; creates it and its folder if missing. */
  public static JsonlResultsStore open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Read read = scan(file);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    ch.truncate(read.validBytes);
    ch.position(read.validBytes);
    return new JsonlResultsStore(file, ch, new ArrayList<>(read.results), read.notes);
  }

  /** The results in {@code file}, each trial once, ignoring a torn last line; nothing when the file is missing. */
  public static List<TrialResult> readAll(Path file) throws IOException {
    return read(file).results();
  }

  /** The results in {@code file} as {@link #readAll} reads them, with notes on the lines left out. */
  public static ResultsStore.Contents read(Path file) throws IOException {
    Read read = scan(file);
    return new ResultsStore.Contents(read.results, read.notes);
  }

  private record Read(List<TrialResult> results, long validBytes, List<String> notes) {}

  private static Read scan(Path file) throws IOException {
    List<TrialResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Read(results, 0, notes);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    int duplicates = 0;
    int firstDuplicate = 0;
    byte[] bytes = RegularFiles.read(file, file.toString(), MAX_FILE_BYTES, "a sweep's results", ResultsException::new);
    int start = 0;
    int lineNo = 0;
    while (start < bytes.length) {
      lineNo++;
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      boolean last = end >= bytes.length - 1;
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (end == bytes.length) {
        notes.add(tornNote(file, lineNo));
        break; // no newline: torn while being written
      }
      if (!line.isBlank()) {
        try {
          TrialResult r = TrialResult.parse(line, file + ":" + lineNo);
          if (seen.add(r.trial())) {
            results.add(r);
          } else if (duplicates++ == 0) {
            firstDuplicate = lineNo;
          }
        } catch (ResultsException e) {
          throw e; // a whole JSON object with a wrong field was written so, not torn by a crash
        } catch (IllegalArgumentException e) {
          if (last) {
            notes.add(tornNote(file, lineNo));
            break; // the last line is damaged: torn
          }
          throw new IOException(file + ":" + lineNo + ": not a trial result (" + e.getMessage()
              + "); only the last line may be torn by a crash");
        }
      }
      start = end + 1;
    }
    if (duplicates > 0) {
      notes.add(0, file + ":" + firstDuplicate + ": " + duplicates + " line(s) repeat a trial already read;"
          + " each trial counts once, from its first line");
    }
    return new Read(results, start, notes);
  }

  private static String tornNote(Path file, int lineNo) {
    return file + ":" + lineNo + ": ignored a torn last line (a sweep stopped while writing it)";
  }

  public Path file() {
    return file;
  }

  /** What was left out when the file was opened: duplicates, a torn last line (cut off). */
  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Every result read or appended so far, in file order. */
  @Override
  public synchronized List<TrialResult> results() {
    return List.copyOf(results);
  }

  /** The ids of the trials already stored. */
  @Override
  public synchronized java.util.Set<String> trialIds() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    results.forEach(r -> ids.add(r.trial()));
    return ids;
  }

  /**
   * Appends {@code r} as one line and forces it to disk before returning.
   *
   * @throws IllegalStateException after {@link #close}: a result that comes too late is refused, never lost silently
   */
  @Override
  public synchronized void append(TrialResult r) throws IOException {
    if (closed) {
      throw new IllegalStateException(file + " is closed: trial " + r.trial() + " comes after the sweep ended");
    }
    ByteBuffer line = ByteBuffer.wrap((r.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw FileErrors.writing(file, e);
    }
    results.add(r);
  }

  /**
   * Checks that {@code sweep} may add to this file's folder and records it there
   * ({@link SweepIdentity#claim}: {@value SweepIdentity#FILE} beside {@code results.jsonl}).
   */
  @Override
  public void claim(SweepIdentity sweep, boolean resume) throws IOException {
    sweep.claim(file.toAbsolutePath().getParent(), resume);
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    channel.close();
  }
}
