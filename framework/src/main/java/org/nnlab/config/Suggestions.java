package org.nnlab.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for typed keys: the closest allowed word by edit distance, ignoring case. */
final class Suggestions {
  private Suggestions() {}

  /** The allowed word closest to {@code typed}, if it is close enough to be a likely typo. */
  static Optional<String> closest(String typed, Collection<String> allowed) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int d = distance(t, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // a third of the word may be wrong, at least one and at most three edits
    int limit = Math.max(1, Math.min(3, typed.length() / 3));
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** " did you mean 'x'?" or nothing. */
  static String didYouMean(String typed, Collection<String> allowed) {
    return closest(typed, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
