package org.nnlab.io;

import java.util.Locale;

/**
 * The heap this JVM may use ({@link Runtime#maxMemory()}, set by {@code -Xmx}) and byte counts as
 * people read them, for checks made <em>before</em> a large allocation: a size read from a file or
 * a config that cannot fit is refused with one line saying what it needs, instead of an
 * {@link OutOfMemoryError} later.
 *
 * <pre>{@code
 * long need = 8L * weights;
 * if (!JvmMemory.fits(need)) {
 *   throw new ConfigException(weights + " weights need " + JvmMemory.describe(need) + "; " + JvmMemory.budget());
 * }
 * }</pre>
 *
 * <p>The check is a lower bound: a need that passes may still not fit beside what the heap already
 * holds. The command line reports an {@link OutOfMemoryError} that still happens in one line.
 */
public final class JvmMemory {
  /** The most elements a Java array holds: the JDK refuses a few below {@link Integer#MAX_VALUE}. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private JvmMemory() {}

  /** Bytes this JVM may use at most. */
  public static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Whether {@code bytes} could be allocated in an otherwise empty heap of this JVM. */
  public static boolean fits(long bytes) {
    return bytes >= 0 && bytes <= maxBytes();
  }

  /** {@code "this JVM may use 6.0 GB (-Xmx)"}. */
  public static String budget() {
    return "this JVM may use " + describe(maxBytes()) + " (-Xmx)";
  }

  /** {@code bytes} in decimal units: {@code 512 bytes}, {@code 1.5 MB}, {@code 80.6 GB}. */
  public static String describe(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double v = bytes;
    int u = -1;
    while (v >= 999.95 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** {@code a · b}, or {@link Long#MAX_VALUE} when it would overflow (both ≥ 0). */
  public static long times(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /** {@code a + b}, or {@link Long#MAX_VALUE} when it would overflow (both ≥ 0). */
  public static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
