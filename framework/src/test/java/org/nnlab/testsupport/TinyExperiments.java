package org.nnlab.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nnlab.config.DataConfig;
import org.nnlab.config.DataSource;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.TrainingConfig;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.network.Backprop;

/**
 * A learnable 4-pixel, 2-class problem (class 1 is bright on the left, class 0 on the right) served
 * by a fake {@link DatasetLoader}, so runner and injection tests need no files.
 */
public final class TinyExperiments {
  private TinyExperiments() {}

  public static final Dataset TRAIN = data("tiny:train", 200);
  public static final Dataset TEST = data("tiny:test", 100);

  /** Serves {@link #TRAIN} for part "train" and {@link #TEST} otherwise. */
  public static final DatasetLoader LOADER =
      source -> source instanceof DataSource.Named n && n.part().equals("train") ? TRAIN : TEST;

  private static Dataset data(String name, int n) {
    return TinyData.of(name, n, 2, 2, 2, (i, j) -> {
      boolean left = i % 2 == 1;
      boolean leftPixel = j % 2 == 0;
      return left == leftPixel ? 200 + (i * 7 + j) % 50 : (i * 13 + j) % 40;
    });
  }

  /** A 4-3-2 experiment on the tiny data. */
  public static ExperimentConfig config() {
    return new ExperimentConfig(
        "tiny", 7,
        new DataConfig(new DataSource.Named("tiny", "train"), new DataSource.Named("tiny", "test"), null, null, null),
        new NetworkConfig(List.of(4, 3, 2), null, null),
        new TrainingConfig(0.5, 5, true, Backprop.EXACT),
        Map.of());
  }

  /** An unused path, for records that need one. */
  public static Path nowhere() {
    return Path.of("/nonexistent");
  }
}
