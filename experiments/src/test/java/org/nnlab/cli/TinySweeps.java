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

  /** Runs the grid of {@link #write} into {@code dir/out} and returns that folder. */
  static Path sweptInto(Path dir, String rates, int repeats) throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", write(dir, rates, repeats).toString(), "--out", out.toString());
    if (run.exit() != 0) {
      throw new AssertionError("the sweep failed: " + run.err());
    }
    return out;
  }
}
