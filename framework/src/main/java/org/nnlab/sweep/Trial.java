package org.nnlab.sweep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.nnlab.io.Sha256;

/**
 * One training run of a sweep: a point, which of its repeats, and the seed it trains with.
 *
 * <p>The seed is {@code SHA-256(sweepSeed, point, repeat)}'s first 8 bytes: it depends on nothing
 * else — not the trial's place in the plan, the pool size or the order trials finish — so a trial
 * gives the same numbers when run alone with that seed.
 *
 * @param id stable identity in {@code results.jsonl}: the point's canonical text and the repeat
 */
public record Trial(String id, SweepPoint point, int repeat, long seed) {
  public Trial {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(point, "point");
  }

  /** The trial of {@code point}'s {@code repeat}-th seed under {@code sweepSeed}. */
  public static Trial of(long sweepSeed, SweepPoint point, int repeat) {
    String canonical = point.canonical();
    return new Trial(canonical + "#" + repeat, point, repeat, seedOf(sweepSeed, canonical, repeat));
  }

  /**
   * As {@link #of}, but the seed ignores {@code budgetKey}: halving's {@code training.epochs}, so
   * that a point's repeat trains with one seed at every rung and a rung can continue the last.
   */
  public static Trial ofBudgeted(long sweepSeed, SweepPoint point, int repeat, String budgetKey) {
    String seedFrom = point.without(budgetKey).canonical();
    return new Trial(point.canonical() + "#" + repeat, point, repeat, seedOf(sweepSeed, seedFrom, repeat));
  }

  static long seedOf(long sweepSeed, String canonicalPoint, int repeat) {
    byte[] d = Sha256.start()
        .update((sweepSeed + "\n" + canonicalPoint + "\n" + repeat).getBytes(StandardCharsets.UTF_8))
        .digest();
    return ByteBuffer.wrap(d, 0, 8).getLong(); // the first 8 bytes, big-endian
  }
}
