package org.nnlab.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config texts and a file writer shared by the config tests. */
final class ConfigTexts {
  private ConfigTexts() {}

  /** The documented quickstart, line for line (line numbers matter to the tests). */
  static final String QUICKSTART = """
      name: quickstart
      seed: 7
      data:
        train: mnist-sample:train
        test: mnist-sample:test
        inputs: {min: 0.02, max: 0.98}
        targets: {off: 0.05, on: 0.95}
        augment: {rotate: [-10, 10]}
      network:
        layers: [784, 100, 10]
        activation: sigmoid
        init: normal-fan-in
      training:
        learningRate: 0.3
        epochs: 3
        shuffle: false
        backprop: book
      rules: {saturation: off, gradient: error}
      """;

  /** The smallest valid config. */
  static final String MINIMAL = """
      data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
      network: {layers: [4, 3, 2]}
      """;

  /** Writes {@code text} to {@code dir/name} (creating folders) and returns the file. */
  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
