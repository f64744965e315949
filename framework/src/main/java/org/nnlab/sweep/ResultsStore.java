package org.nnlab.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where a sweep's trial results go as they finish, and what a resumed sweep skips: the durable
 * {@link JsonlResultsStore} ({@code results.jsonl}, what the command line writes), or an
 * {@link #inMemory()} store for a host that keeps the results itself.
 *
 * <pre>{@code
 * try (ResultsStore store = ResultsStore.inMemory()) {
 *   List<TrialResult> all = nnlab.sweep(plan, store, false);
 * }
 * }</pre>
 *
 * <p>Each trial counts once. A store belongs to one sweep: {@link #claim} refuses the trials of
 * another sweep, and adding to a sweep's trials is an explicit resume. Implementations are
 * thread-safe: trials finish on many threads.
 */
public interface ResultsStore extends AutoCloseable {
  /** The file name of the durable store inside a sweep's folder. */
  String FILE = "results.jsonl";

  /**
   * What a {@code results.jsonl} holds: each trial once, in file order, and one line per kind of
   * line that was left out (duplicates, a torn last line), for the user to see.
   */
  record Contents(List<TrialResult> results, List<String> notes) {
    public Contents {
      results = List.copyOf(results);
      notes = List.copyOf(notes);
    }
  }

  /** Every result stored so far, in the order stored. */
  List<TrialResult> results();

  /** The ids of the trials already stored. */
  Set<String> trialIds();

  /** What was left out when the store was opened (a torn line, duplicates); empty if nothing. */
  List<String> notes();

  /**
   * Stores {@code r}; when this returns, it stays stored (for the durable store: on disk).
   *
   * @throws IllegalStateException after {@link #close}
   */
  void append(TrialResult r) throws IOException;

  /**
   * Takes this store for {@code sweep}: an empty store is claimed by any sweep; a store with trials
   * only by the same sweep (by {@link SweepIdentity#configHash()}) and only when {@code resume}.
   *
   * @throws org.nnlab.output.OutputException naming what the store holds and what to do instead
   */
  void claim(SweepIdentity sweep, boolean resume) throws IOException;

  @Override
  void close() throws IOException;

  /** A store in memory: nothing is written, and the results go when it does. */
  static ResultsStore inMemory() {
    return new InMemoryResultsStore();
  }

  /** Opens the durable store {@code file} ({@link JsonlResultsStore#open}). */
  static JsonlResultsStore open(Path file) throws IOException {
    return JsonlResultsStore.open(file);
  }

  /** The results in {@code file}, each trial once, ignoring a torn last line; nothing when the file is missing. */
  static List<TrialResult> readAll(Path file) throws IOException {
    return JsonlResultsStore.readAll(file);
  }

  /** The results in {@code file} as {@link #readAll} reads them, with notes on the lines left out. */
  static Contents read(Path file) throws IOException {
    return JsonlResultsStore.read(file);
  }
}
