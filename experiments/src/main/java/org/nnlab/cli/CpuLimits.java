package org.nnlab.cli;

import java.io.PrintWriter;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Rough ceilings of this core for {@code nnlab bench --cpu-limits}: the peak rate of vector fused
 * multiply-adds in registers (eight independent chains, so latency does not limit), and a
 * STREAM-like triad a[i] = b[i] + s·c[i] over arrays that fit the L2 cache and over arrays that do
 * not. Single thread. Needs {@code --add-modules jdk.incubator.vector} (the launcher passes it).
 */
final class CpuLimits {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private CpuLimits() {}

  static void print(PrintWriter out) {
    for (int rep = 0; rep < 3; rep++) {
      fmaPeak(); // warm-up, then keep the best of the timed runs
    }
    double best = 0;
    for (int rep = 0; rep < 5; rep++) {
      best = Math.max(best, fmaPeak());
    }
    out.printf("cpu_vector_bits: %d%n", S.vectorBitSize());
    out.printf("cpu_peak_gflops_double: %.1f%n", best);
    out.printf("cpu_triad_gb_per_s_l2: %.1f%n", triad(16 * 1024)); // 3 × 128 KB
    out.printf("cpu_triad_gb_per_s_memory: %.1f%n", triad(8 * 1024 * 1024)); // 3 × 64 MB
  }

  /** GFLOP/s (2 per multiply-add) of 8 independent vector FMA chains. */
  private static double fmaPeak() {
    DoubleVector a0 = DoubleVector.broadcast(S, 1.0);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    DoubleVector a4 = a0;
    DoubleVector a5 = a0;
    DoubleVector a6 = a0;
    DoubleVector a7 = a0;
    DoubleVector m = DoubleVector.broadcast(S, 0.999999);
    DoubleVector c = DoubleVector.broadcast(S, 1e-7);
    int n = 20_000_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double sink = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(
        jdk.incubator.vector.VectorOperators.ADD);
    if (sink == 42.0) {
      System.out.print(""); // keeps the chains alive
    }
    return 8.0 * n * S.length() * 2 / seconds / 1e9;
  }

  /** Best GB/s (24 bytes per element: two reads, one write) of a[i] = b[i] + s·c[i]. */
  private static double triad(int n) {
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    java.util.Arrays.fill(b, 1.0);
    java.util.Arrays.fill(c, 2.0);
    long bytes = 0;
    double best = 0;
    int reps = Math.max(3, 200_000_000 / n / 8);
    for (int rep = 0; rep < reps + 5; rep++) {
      long start = System.nanoTime();
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += S.length()) {
        DoubleVector.fromArray(S, c, i).fma(DoubleVector.broadcast(S, 0.5), DoubleVector.fromArray(S, b, i)).intoArray(a, i);
      }
      for (; i < n; i++) {
        a[i] = b[i] + 0.5 * c[i];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      bytes += a.length;
      best = Math.max(best, 24.0 * n / seconds / 1e9);
    }
    return bytes == 0 ? 0 : best;
  }
}
