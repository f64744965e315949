package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny CSV dataset (2×2-pixel images of 3 classes whose pixels depend on the label: 60 to train,
 * 30 to test) and sweep configs over it, for tests that need hundreds of trials in seconds.
 */
final class TinyCsv {
  private TinyCsv() {}

  /** Writes {@code train.csv} and {@code test.csv} into {@code dir}; returns the config's data block. */
  static String data(Path dir) throws IOException {
    Files.writeString(dir.resolve("train.csv"), rows(60, 220, 30));
    Files.writeString(dir.resolve("test.csv"), rows(30, 210, 40));
    return "data:\n  train: {format: csv, file: " + dir.resolve("train.csv").toAbsolutePath() + "}\n"
        + "  test: {format: csv, file: " + dir.resolve("test.csv").toAbsolutePath() + "}\n";
  }

  private static String rows(int n, int on, int off) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int label = i % 3;
      csv.append(label);
      for (int j = 0; j < 4; j++) {
        csv.append(',').append(Math.min(255, (j % 3 == label ? on : off) + i % 7));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  /** A config named {@code name} over the tiny data (4-3-3, one epoch) with {@code sweep} appended. */
  static Path config(Path dir, String name, String sweep) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\nseed: 5\n" + data(dir)
        + "network:\n  layers: [4, 3, 3]\ntraining:\n  learningRate: 0.3\n  epochs: 1\n" + sweep);
    return file;
  }

  /** 300 random points over a log-uniform rate, a hidden size and the back-propagation rule. */
  static Path randomSweep(Path dir) throws IOException {
    return randomSweep(dir, 300);
  }

  /** {@code trials} random points over a log-uniform rate, a hidden size and the back-propagation rule. */
  static Path randomSweep(Path dir, int trials) throws IOException {
    return config(dir, "tiny-random", """
        sweep:
          strategy: random
          trials: %d
          parameters:
            training.learningRate: {min: 0.01, max: 1.0, log: true}
            network.layers[1]: {min: 2, max: 8, integer: true}
            training.backprop: [exact, book]
        """.formatted(trials));
  }

  /** Successive halving over 9 drawn rates, to 9 epochs (rungs of 1, 3 and 9 epochs). */
  static Path halvingSweep(Path dir) throws IOException {
    return config(dir, "tiny-halving", """
        sweep:
          strategy: halving
          trials: 9
          maxEpochs: 9
          parameters:
            training.learningRate: {min: 0.01, max: 1.0, log: true}
        """);
  }
}
