package org.nnlab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.data.RotatedDataset;
import org.nnlab.metrics.Evaluation;
import org.nnlab.network.Network;

/**
 * Accuracy on the test part rotated by each training augmentation angle: how well a network trained
 * on rotated copies copes with rotated digits. Keys are the angles in degrees as written in the
 * config ({@code "-10"}, {@code "12.5"}), in config order.
 */
final class RotatedAccuracy {
  private RotatedAccuracy() {}

  static Map<String, Double> of(Network network, Dataset test, InputScaling scaling, List<Double> angles) {
    Map<String, Double> accuracy = new LinkedHashMap<>();
    for (double angle : angles) {
      Dataset rotated = new RotatedOnly(RotatedDataset.of(test, List.of(angle)));
      accuracy.put(degrees(angle), Evaluation.of(network, rotated, scaling).accuracy());
    }
    return accuracy;
  }

  static String degrees(double a) {
    return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
  }

  /** The rotated copies of a one-angle {@link RotatedDataset}: its odd samples. */
  private record RotatedOnly(Dataset both) implements Dataset {
    @Override
    public String name() {
      return both.name();
    }

    @Override
    public int size() {
      return both.size() / 2;
    }

    @Override
    public int rows() {
      return both.rows();
    }

    @Override
    public int cols() {
      return both.cols();
    }

    @Override
    public int classes() {
      return both.classes();
    }

    @Override
    public int label(int i) {
      return both.label(2 * i + 1);
    }

    @Override
    public int pixel(int i, int j) {
      return both.pixel(2 * i + 1, j);
    }

    @Override
    public void scaledInputs(int i, InputScaling scaling, double[] out) {
      both.scaledInputs(2 * i + 1, scaling, out);
    }

    @Override
    public String sha256() {
      return both.sha256();
    }
  }
}
