package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.model.Model;
import org.nnlab.model.ModelFile;
import org.nnlab.model.WeightsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab export MODEL --npy DIR}: the weights as W1.npy, W2.npy, … plus layers.json, published
 * as one set (complete or absent; W files of an older, deeper export are removed).
 */
@Command(name = "export", description = "Write a model's weights as NumPy .npy files plus layers.json.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "a model.nnlab file")
  Path model;

  @Option(names = "--npy", required = true, paramLabel = "DIR", description = "folder for W1.npy, W2.npy, …, layers.json")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Model loaded = ModelFile.load(model);
    try (ReportFolder folder = ReportFolder.open(dir, spec.commandLine().getErr())) {
      folder.output().publish(WeightsFolder.fileNames(loaded, dir), staging -> {
        WeightsFolder.write(loaded, staging);
        TestPause.after(WeightsFolder.LAYERS_JSON);
      });
    }
    spec.commandLine().getOut().println("weights written to " + dir);
    return Main.OK;
  }
}
