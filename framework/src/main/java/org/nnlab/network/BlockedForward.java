package org.nnlab.network;

/**
 * The forward pass of a {@link Network} for many samples at once, for evaluation. The first (wide)
 * layer is the block engine's matrix product (weights in panels of rows, each panel streamed once
 * per block of {@value #BLOCK} samples, fused multiply-adds); later layers keep their weights
 * column-major as in {@link FastNetwork}. Outputs agree with {@link Network#forward} to ~1e-15 (the
 * fused multiply-adds round once where the reference rounds twice).
 *
 * <pre>{@code
 * BlockedForward f = BlockedForward.of(network);
 * double[][] out = f.newOutputs();
 * f.forward(inputs, count, out);   // inputs[b] for b < count ≤ BLOCK
 * }</pre>
 *
 * <p>A snapshot: later changes to the network are not seen. Not thread-safe (scratch buffers).
 */
public final class BlockedForward {
  /** Samples per block. */
  public static final int BLOCK = 16;

  private final int[] sizes;
  private final Activation f;
  private final double[][] wt;
  private final double[][][] o; // o[k][b]: outputs of layer k for sample b of the block
  private final Kernels kernels;
  private final double[] first; // W_1 in panels of kernels.panel() rows
  private final int panels;
  private final double[][] z = new double[BLOCK][];

  private BlockedForward(int[] sizes, Activation f, double[][] wt, double[] first, Kernels kernels) {
    this.first = first;
    this.panels = Panels.count(sizes[1], kernels.panel());
    for (int b = 0; b < BLOCK; b++) {
      z[b] = new double[panels * kernels.panel()];
    }
    this.sizes = sizes;
    this.f = f;
    this.wt = wt;
    this.kernels = kernels;
    o = new double[sizes.length][BLOCK][];
    for (int k = 1; k < sizes.length; k++) {
      for (int b = 0; b < BLOCK; b++) {
        o[k][b] = new double[sizes[k]];
      }
    }
  }

  /** A snapshot of {@code network}'s weights, ready for blocked forward passes. */
  public static BlockedForward of(Network network) {
    int[] sizes = network.layerSizes();
    double[][] wt = new double[sizes.length - 1][];
    for (int k = 1; k < wt.length; k++) {
      wt[k] = FastNetwork.transpose(network.weights(k), sizes[k + 1], sizes[k]);
    }
    Kernels kernels = Kernels.BEST;
    double[] first = Panels.of(network.weights(0), sizes[1], sizes[0], kernels.panel());
    return new BlockedForward(sizes, network.activation(), wt, first, kernels);
  }

  /**
   * The last layer's outputs for {@code inputs[0..count)}; the returned arrays are scratch, valid
   * until the next call.
   */
  public double[][] forward(double[][] inputs, int count) {
    if (count < 1 || count > BLOCK) {
      throw new IllegalArgumentException("count must be in 1.." + BLOCK + ", found " + count);
    }
    for (int b = 0; b < count; b++) {
      if (inputs[b].length != sizes[0]) {
        throw new IllegalArgumentException("expected " + sizes[0] + " inputs, found " + inputs[b].length);
      }
    }
    kernels.multiply(first, sizes[0], panels, inputs, count, z);
    for (int b = 0; b < count; b++) {
      double[] hb = o[1][b];
      for (int i = 0; i < hb.length; i++) {
        hb[i] = f.apply(z[b][i]);
      }
    }
    double[][] x = o[1];
    for (int k = 1; k < wt.length; k++) {
      int in = sizes[k];
      int out = sizes[k + 1];
      double[] w = wt[k];
      double[][] h = o[k + 1];
      for (int b = 0; b < count; b++) {
        java.util.Arrays.fill(h[b], 0.0);
      }
      int j = 0;
      for (; j + 3 < in; j += 4) {
        for (int b = 0; b < count; b++) {
          double[] xb = x[b];
          kernels.accumulate4(w, j * out, out, xb[j], xb[j + 1], xb[j + 2], xb[j + 3], h[b]);
        }
      }
      for (; j < in; j++) {
        int col = j * out;
        for (int b = 0; b < count; b++) {
          double xj = x[b][j];
          double[] hb = h[b];
          for (int i = 0; i < out; i++) {
            hb[i] += xj * w[col + i];
          }
        }
      }
      for (int b = 0; b < count; b++) {
        double[] hb = h[b];
        for (int i = 0; i < out; i++) {
          hb[i] = f.apply(hb[i]);
        }
      }
      x = h;
    }
    return x;
  }
}
