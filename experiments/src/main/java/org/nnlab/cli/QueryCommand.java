package org.nnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnlab.data.ImageFiles;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.metrics.Evaluation;
import org.nnlab.model.BackQuery;
import org.nnlab.model.Model;
import org.nnlab.io.Printable;
import org.nnlab.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab query MODEL IMAGE…}: the book's "your own handwriting" — each PNG or JPEG converted
 * as the book does (grey, 28×28, inverted when dark-on-light, scaled to the model's input range) and
 * put to the model; prints the predicted label and the output vector, or JSON with {@code --json}.
 */
@Command(name = "query", description = "Label your own images (PNG/JPEG, any size) with a saved model.")
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "a model.nnlab file")
  Path model;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "PNG or JPEG files")
  List<Path> images;

  @Option(names = "--json", description = "print one JSON array, for scripts")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Model m = ModelFile.load(model);
    int side = BackQuery.side(m.layerSizes()[0]);
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Path image : images) {
      ImageFiles.Sample sample = ImageFiles.read(image, side, side);
      double[] x = new double[side * side];
      sample.scaledInputs(m.scaling(), x);
      double[] o = m.query(x);
      int label = Evaluation.argmax(o);
      if (json) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("file", image.toString());
        a.put("label", label);
        a.put("outputs", o);
        a.put("inverted", sample.inverted());
        answers.add(a);
      } else {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < o.length; i++) {
          line.append(String.format(Locale.ROOT, "%s%d: %.4f", i == 0 ? "" : "  ", i, o[i]));
        }
        out.printf(Locale.ROOT, "%s: %d%n  %s%n", Printable.message(image.toString()), label, line);
      }
    }
    if (json) {
      out.println(ResultsJson.toJsonLine(answers));
    }
    return Main.OK;
  }
}
