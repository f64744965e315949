package org.nnlab.network;

/**
 * The inner loop of {@link FloatNetwork}, in plain Java and (when the JVM has {@code
 * jdk.incubator.vector}) in {@code FloatVector}s, chosen as {@link Kernels#BEST} is.
 */
interface FloatKernels {

  /** The fastest implementation this JVM can run; {@code -Dnnlab.kernels=scalar} forces the plain one. */
  FloatKernels BEST = load();

  /** For the column at {@code col}: w[col+i] += a[i]·p, then h[i] += x·w[col+i], i &lt; out. */
  void updateAndAccumulate(float[] w, int col, int out, float[] a, float p, float x, float[] h);

  private static FloatKernels load() {
    if (Kernels.BEST instanceof ScalarKernels) {
      return new Scalar();
    }
    try {
      return (FloatKernels) Class.forName("org.nnlab.network.VectorFloatKernels")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Scalar();
    }
  }

  /** The plain loop, also the vector version's tail. */
  final class Scalar implements FloatKernels {
    @Override
    public void updateAndAccumulate(float[] w, int col, int out, float[] a, float p, float x, float[] h) {
      updateAndAccumulate(0, w, col, out, a, p, x, h);
    }

    static void updateAndAccumulate(int from, float[] w, int col, int out, float[] a, float p, float x, float[] h) {
      for (int i = from; i < out; i++) {
        float wi = w[col + i] + a[i] * p;
        w[col + i] = wi;
        h[i] += x * wi;
      }
    }
  }
}
