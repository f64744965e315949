package org.nnlab.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nnlab.io.AtomicFiles;
import org.nnlab.network.Activation;
import org.nnlab.network.Network;

/**
 * The book's backward query: what input would make the network give a label's target vector.
 * Start from the targets (0.01 everywhere, 0.99 at the label), undo the activation (σ⁻¹(y) =
 * ln(y/(1−y))), push the signal back through the transposed weights, X_{k−1} = W_kᵀ · X_k, rescale
 * the result into 0.01–0.99 so it lies inside the sigmoid's range, undo the activation again, and so
 * on down to the inputs, which are rescaled into 0.01–0.99 too.
 *
 * <pre>{@code
 * double[] x = BackQuery.inputs(model, 3);        // what the network "imagines" a 3 looks like
 * BackQuery.writePng(x, 28, 28, 8, Path.of("label-3.png"));
 * }</pre>
 *
 * <p>The rescaling between layers is the book's: v ← (v − min v) / (max v − min v) · 0.98 + 0.01.
 * A layer whose values are all equal (max = min) becomes 0.5 everywhere. Stateless.
 */
public final class BackQuery {
  private static final double LOW = 0.01;
  private static final double SPAN = 0.98;

  private BackQuery() {}

  /** The back-queried inputs for {@code label}, each in [0.01, 0.99]. */
  public static double[] inputs(Model model, int label) {
    Network net = model.network();
    int[] sizes = net.layerSizes();
    int outputs = sizes[sizes.length - 1];
    if (label < 0 || label >= outputs) {
      throw new IllegalArgumentException("label must lie in [0, " + (outputs - 1) + "], found " + label);
    }
    double[] targets = new double[outputs];
    model.encoding().encode(label, targets);
    return inputs(net, targets);
  }

  /** The back-queried inputs for an output vector {@code targets} (inside the activation's range). */
  public static double[] inputs(Network net, double[] targets) {
    Activation f = net.activation();
    int[] sizes = net.layerSizes();
    double[] outputs = targets.clone();
    for (int k = sizes.length - 1; k >= 1; k--) {
      // X_{k−1} = W_kᵀ · σ⁻¹(O_k)
      double[] w = net.weights(k - 1);
      int cols = sizes[k - 1];
      double[] back = new double[cols];
      for (int i = 0; i < sizes[k]; i++) {
        double z = f.inverse(outputs[i]);
        for (int j = 0; j < cols; j++) {
          back[j] += w[i * cols + j] * z;
        }
      }
      outputs = rescale(back);
    }
    return outputs;
  }

  /** v ← (v − min) / (max − min) · 0.98 + 0.01, the book's squeeze into the sigmoid's range. */
  static double[] rescale(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = max > min ? (v[j] - min) / (max - min) * SPAN + LOW : 0.5;
    }
    return out;
  }

  /**
   * The inputs as a grey picture, {@code scale}× enlarged, drawn as the book plots them: high
   * values dark on a light ground, like ink on paper (so {@code nnlab query} reads it back).
   */
  public static BufferedImage image(double[] inputs, int rows, int cols, int scale) {
    if (inputs.length != rows * cols || scale < 1) {
      throw new IllegalArgumentException(inputs.length + " inputs do not make a " + rows + "×" + cols
          + " picture at scale " + scale);
    }
    BufferedImage img = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_BYTE_GRAY);
    var raster = img.getRaster();
    for (int r = 0; r < rows * scale; r++) {
      for (int c = 0; c < cols * scale; c++) {
        double v = inputs[(r / scale) * cols + c / scale];
        int ink = (int) Math.round((v - LOW) / SPAN * 255);
        raster.setSample(c, r, 0, 255 - Math.max(0, Math.min(255, ink)));
      }
    }
    return img;
  }

  /** Writes {@link #image} as a PNG, atomically. */
  public static void writePng(double[] inputs, int rows, int cols, int scale, Path file) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image(inputs, rows, cols, scale), "png", png);
    AtomicFiles.write(file, png.toByteArray());
  }

  /** The side of the square picture {@code n} inputs make; a ModelException when n is not a square. */
  public static int side(int n) {
    int side = (int) Math.round(Math.sqrt(n));
    if (side * side != n) {
      throw new ModelException("the model has " + n + " inputs, not a square picture; images need rows × cols = inputs");
    }
    return side;
  }
}
