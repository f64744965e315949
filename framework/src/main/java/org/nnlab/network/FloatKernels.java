package org.nnlab.network;

/**
 * The inner loops of the float engines, {@link FloatNetwork}, {@link FloatBlockNetwork} and {@link
 * FloatUpperLayers}: {@link ScalarFloatKernels} in plain Java for any JDK 17+, and {@code
 * VectorFloatKernels} in {@code FloatVector}s when the JVM has {@code jdk.incubator.vector}, chosen
 * as {@link Kernels#BEST} is
 * (so {@code -Dnnlab.kernels=scalar} forces the plain ones here too). The float twins of {@link
 * Kernels}' block-engine loops: Java has no generics over primitive types, so the loops are written
 * once per type.
 *
 * <p>As in {@link Kernels}, every kernel gives the same bits at every JIT stage: lane-wise add, mul,
 * fma and div only, sums in a fixed order, no lane reductions, no vector transcendentals.
 */
interface FloatKernels {

  /** The fastest implementation this JVM can run; {@code -Dnnlab.kernels=scalar} forces the plain one. */
  FloatKernels BEST = load();

  /** For the column at {@code col}: w[col+i] += a[i]·p, then h[i] += x·w[col+i], i &lt; out. */
  void updateAndAccumulate(float[] w, int col, int out, float[] a, float p, float x, float[] h);

  /** Rows per panel of the float block engine's weights, laid out as in {@link Kernels#panel()}. */
  int panel();

  /** z_b[i] = Σ_j W[i][j]·x_b[j] for the first {@code count} samples, W in panel layout. May use FMAs. */
  void multiply(float[] wp, int in, int panels, float[][] x, int count, float[][] z);

  /** W[i][j] += Σ_b a_b[i]·x_b[j] for the first {@code count} samples, panel layout. May use FMAs. */
  void addOuterProducts(float[] wp, int in, int panels, float[][] a, float[][] x, int count);

  /**
   * The float block engine's Gram matrix: g[s][r] = x_r·x_s over the first n inputs, for
   * 0 ≤ r &lt; s &lt; count, each a {@link #dot} (same fixed order; {@code lanes} as there).
   */
  void gram(float[][] x, int count, int n, float[][] g, float[] lanes);

  /**
   * Σ_{i&lt;n} w[i]·x[i] in a fixed order (lane-wise partial sums, then the {@link #lanes()} partial
   * sums from {@code lanes} in index order, then the tail), so the same bits at every JIT stage.
   * {@code lanes} is the caller's scratch of length {@link #lanes()}. May use fused multiply-adds.
   */
  float dot(float[] w, float[] x, int n, float[] lanes);

  /** The scratch length {@link #dot} needs: the vector length, or 1. */
  int lanes();

  /** y[i] += s·x[i] for i &lt; n. May use fused multiply-adds. */
  void axpy(float[] y, float[] x, float s, int n);

  /**
   * h[i] = σ(h[i]) for i &lt; n, computed in double with {@link ExpKernel}'s exp (the double kernels'
   * sigmoid) and rounded to float once: the same bits in every implementation and at every JIT
   * stage. {@code scratch} holds at least n doubles.
   */
  void sigmoid(float[] h, double[] scratch, int n);

  private static FloatKernels load() {
    if (Kernels.BEST instanceof ScalarKernels) {
      return new ScalarFloatKernels();
    }
    try {
      return (FloatKernels) Class.forName("org.nnlab.network.VectorFloatKernels")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return new ScalarFloatKernels();
    }
  }
}
