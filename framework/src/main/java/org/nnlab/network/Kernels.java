package org.nnlab.network;

/**
 * The inner loops of {@link BlockNetwork} and {@link UpperLayers}: the first layer's panel products
 * and Gram matrix, dot products, axpys and the sigmoid. Two implementations: {@link ScalarKernels},
 * plain Java for any JDK 17+, and {@code VectorKernels}, the same loops in {@code
 * jdk.incubator.vector}, used when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} (the {@code ./nnlab} launcher does). On JDK 17 the C2 JIT does not
 * vectorise these loops by itself, hence the explicit version. The two agree to rounding (the
 * vector loops group sums by lane and use fused multiply-adds), not bit for bit.
 *
 * <p>Every kernel gives the same bits whether it runs interpreted, in C1 or in C2 (so results do
 * not depend on JIT timing): lane-wise add, mul and fma are IEEE-exact in both; lane reductions and
 * vector transcendental functions are not, and are not used.
 */
interface Kernels {

  /**
   * New kernels for one engine, as {@code choice} asks: the vector ones when it allows them and the
   * JVM has {@code jdk.incubator.vector}, else the plain ones. Engines do not share kernels: the
   * vector sigmoid of the float engine keeps scratch.
   *
   * @throws IllegalStateException when {@code choice} is {@code VECTOR} and the JVM lacks the module
   */
  static Kernels of(KernelChoice choice) {
    if (choice != KernelChoice.SCALAR && KernelChoice.vectorModulePresent()) {
      try {
        return (Kernels) Class.forName("org.nnlab.network.VectorKernels").getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // a JDK without a working Vector API: the plain loops are correct too
      }
    }
    if (choice == KernelChoice.VECTOR) {
      throw new IllegalStateException(
          "network.kernels: vector needs the jdk.incubator.vector module; " + KernelChoice.HOW_TO_ENABLE);
    }
    return new ScalarKernels();
  }

  /**
   * Rows per panel of the block engine's weight layout: {@code wp[(p·in + j)·P + r] = W[p·P + r][j]},
   * so a panel's weights for consecutive inputs j are contiguous and stream through the cache.
   */
  int panel();

  /**
   * The block engine's product: z_b[i] = Σ_j W[i][j]·x_b[j] for the first {@code count} samples,
   * W in panel layout with {@code panels} panels. May use fused multiply-adds.
   */
  void multiply(double[] wp, int in, int panels, double[][] x, int count, double[][] z);

  /** The block engine's rank-{@code count} update W[i][j] += Σ_b a_b[i]·x_b[j], panel layout. May use FMAs. */
  void addOuterProducts(double[] wp, int in, int panels, double[][] a, double[][] x, int count);

  /**
   * The block engine's Gram matrix: g[s][r] = x_r·x_s over the first n inputs, for
   * 0 ≤ r &lt; s &lt; count, each a {@link #dot} (same fixed order; {@code lanes} as there).
   */
  void gram(double[][] x, int count, int n, double[][] g, double[] lanes);

  /**
   * Σ_{i&lt;n} w[i]·x[i] in a fixed order (lane-wise partial sums, then the {@link #lanes()} partial
   * sums from {@code lanes} in index order, then the tail), so the same bits at every JIT stage.
   * {@code lanes} is the caller's scratch of length {@link #lanes()}. May use fused multiply-adds.
   */
  double dot(double[] w, double[] x, int n, double[] lanes);

  /** The scratch length {@link #dot} needs: the vector length, or 1. */
  int lanes();

  /** y[i] += s·x[i] for i &lt; n. May use fused multiply-adds. */
  void axpy(double[] y, double[] x, double s, int n);

  /** y[i] = s·y[i] for i &lt; n: weight decay's shrink. Exact per element, the same bits in every implementation. */
  void scale(double[] y, double s, int n);

  /**
   * h[i] = σ(h[i]) = 1/(1 + e^−h[i]) for i &lt; n with {@link ExpKernel}'s exp: the same bits in
   * every implementation and at every JIT stage. Computed in 64 bits at either precision (the
   * float kernels round the result once).
   */
  void sigmoid(double[] h, int n);

  /** A human-readable name for reports: {@code scalar} or {@code vector-256} etc. */
  String name();

  /** The vector width in bits, or 0 for the plain loops. */
  int vectorBits();
}
