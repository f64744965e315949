package org.nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.model.Model;
import org.nnlab.model.ModelFile;
import org.nnlab.model.RunArtifacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnlab backquery MODEL [--label N] --out DIR}: the book's backward query, one PNG per label. */
@Command(name = "backquery", description = "Run a saved model backwards: what it imagines for each label.")
final class BackqueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "a model.nnlab file")
  Path model;

  @Option(names = "--label", paramLabel = "N", description = "only this label (default: every label)")
  Integer label;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for label-N.png")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Model m = ModelFile.load(model);
    int[] sizes = m.layerSizes();
    int labels = sizes[sizes.length - 1];
    if (label != null && (label < 0 || label >= labels)) {
      throw new UserInputException("--label must lie in 0.." + (labels - 1) + ", found " + label);
    }
    RunArtifacts.writeBackQueries(m, label == null ? -1 : label, out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println((label == null ? labels + " back-query images" : "label-" + label + ".png") + " in " + out);
    return Main.OK;
  }
}
