package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.nnlab.model.Model;
import org.nnlab.model.ModelFile;
import org.nnlab.model.WeightsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnlab import DIR --out MODEL}: a model file from W1.npy, W2.npy, … (and layers.json). */
@Command(name = "import", description = "Make a model file from NumPy weights (W1.npy, W2.npy, …).")
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "folder with W1.npy, W2.npy, … and optionally layers.json")
  Path dir;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "the model file to write")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Model model = WeightsFolder.importModel(dir);
    ModelFile.save(model, out);
    spec.commandLine().getOut().println("model " + Arrays.toString(model.layerSizes()) + " written to " + out);
    return Main.OK;
  }
}
