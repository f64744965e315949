package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sweep configs on the bundled digits (784-4-10, one epoch: well under a second a trial). */
final class TinySweeps {
  private TinySweeps() {}

  /** A grid over {@code rates} with {@code repeats} seeds, written into {@code dir}. */
  static Path write(Path dir, String rates, int repeats) throws IOException {
    Path file = dir.resolve("tiny-sweep.yaml");
    Files.writeString(file, "extends: " + Path.of(CliRun.config("quickstart.yaml")).toAbsolutePath() + "\n"
        + "name: tiny-sweep\nnetwork:\n  layers: [784, 4, 10]\ntraining:\n  epochs: 1\n"
        + "sweep:\n  parameters:\n    training.learningRate: " + rates + "\n  repeats: " + repeats + "\n");
    return file;
  }
}
