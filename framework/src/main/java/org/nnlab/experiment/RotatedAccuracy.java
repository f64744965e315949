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
      Dataset rotated = RotatedDataset.copiesOnly(test, List.of(angle));
      accuracy.put(RotatedDataset.degrees(angle), Evaluation.of(network, rotated, scaling).accuracy());
    }
    return accuracy;
  }
}
