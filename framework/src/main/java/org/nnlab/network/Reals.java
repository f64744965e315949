package org.nnlab.network;

/**
 * Where the engine's number type meets double: the network's weights coming in, a block's inputs
 * and targets, the weights going back. The engine is written once, in double ({@link BlockNetwork},
 * {@link UpperLayers} and the kernels); its float twin is generated from those sources at build time
 * (see the package's engine note), and there each call below resolves to the float overload. At
 * double precision every one is the identity.
 */
final class Reals {
  private Reals() {}

  /** {@code values} as the double engine holds them: themselves. */
  static double[] asDoubles(double[] values) {
    return values;
  }

  /** {@code values} as the float engine holds them: each rounded to the nearest float. */
  static float[] asFloats(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  /** The first {@code count} rows as the double engine reads them: in place. */
  static double[][] asDoubles(double[][] rows, int count, double[][] scratch) {
    return rows;
  }

  /** The first {@code count} rows rounded to float into {@code scratch} (rows made as needed), which is returned. */
  static float[][] asFloats(double[][] rows, int count, float[][] scratch) {
    for (int b = 0; b < count; b++) {
      if (scratch[b] == null || scratch[b].length != rows[b].length) {
        scratch[b] = new float[rows[b].length];
      }
      for (int j = 0; j < rows[b].length; j++) {
        scratch[b][j] = (float) rows[b][j];
      }
    }
    return scratch;
  }

  /** Double weights as double: themselves. */
  static double[] widen(double[] values) {
    return values;
  }

  /** Copies {@code from} into {@code to}. */
  static void widen(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, from.length);
  }

  /** Copies {@code from} into {@code to}, each value exactly. */
  static void widen(float[] from, double[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = from[i];
    }
  }

  /** Float weights as double, exactly. */
  static double[] widen(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
