package org.nnlab.model;

import java.io.IOException;
import java.nio.file.Path;
import org.nnlab.experiment.ExperimentRun;

/**
 * The files a finished run leaves beside its report: {@code model.nnlab} (the trained network,
 * {@link ModelFile}) and {@code backquery/label-N.png} (one {@link BackQuery} picture per label, 8×
 * enlarged). Nothing is written for a run that trained nothing or diverged: a NaN network is not a
 * model.
 *
 * <pre>{@code
 * RunArtifacts.write(run, Path.of("reports/quickstart"));
 * }</pre>
 */
public final class RunArtifacts {
  public static final String MODEL_FILE = "model.nnlab";
  public static final String BACKQUERY_DIR = "backquery";
  static final int SCALE = 8;

  private RunArtifacts() {}

  public static void write(ExperimentRun run, Path dir) throws IOException {
    if (run.result().samplesTrained() == 0 || !run.network().isFinite()) {
      return;
    }
    Model model = Model.of(run);
    ModelFile.save(model, dir.resolve(MODEL_FILE));
    int inputs = model.layerSizes()[0];
    int side = (int) Math.round(Math.sqrt(inputs));
    if (side * side == inputs) {
      writeBackQueries(model, -1, dir.resolve(BACKQUERY_DIR));
    }
  }

  /** Writes {@code label-N.png} into {@code dir} for {@code label}, or for every label when it is −1. */
  public static void writeBackQueries(Model model, int label, Path dir) throws IOException {
    int[] sizes = model.layerSizes();
    int side = BackQuery.side(sizes[0]);
    for (int n = 0; n < sizes[sizes.length - 1]; n++) {
      if (label < 0 || n == label) {
        BackQuery.writePng(BackQuery.inputs(model, n), side, side, SCALE, dir.resolve("label-" + n + ".png"));
      }
    }
  }
}
