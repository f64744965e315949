package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.Provenance;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.model.ModelFile;
import org.nnlab.model.Npy;

/** query, backquery, export, import, and the model a run leaves, on a 1-epoch quickstart model. */
class ModelCommandsTest {
  static final Path IMAGES = CliRun.CONFIGS.resolve("images");

  @TempDir static Path trained;
  @TempDir Path dir;

  static Path model() {
    return trained.resolve("model.nnlab");
  }

  @BeforeAll
  static void trainQuickstartForOneEpoch() {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--set", "training.epochs=1",
        "--out", trained.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  static List<Path> exampleImages() throws IOException {
    try (Stream<Path> files = Files.list(IMAGES)) {
      return files.filter(f -> f.getFileName().toString().startsWith("digit-")).sorted().toList();
    }
  }

  static int expectedLabel(Path image) {
    String name = image.getFileName().toString();
    return name.charAt(name.indexOf('-') + 1) - '0';
  }

  static String[] args(Object... parts) {
    return Arrays.stream(parts).map(Object::toString).toArray(String[]::new);
  }

  static JsonNode queryJson(Path model, List<Path> images) throws IOException {
    List<Object> a = new ArrayList<>(List.of("query", model));
    a.addAll(images);
    a.add("--json");
    CliRun q = CliRun.of(args(a.toArray()));
    assertThat(q.exit()).as(q.err()).isZero();
    return ResultsJson.mapper().readTree(q.out());
  }

  @Test
  void run_writesModelAndTenBackQueryImages() {
    assertThat(model()).isRegularFile();
    for (int n = 0; n < 10; n++) {
      assertThat(trained.resolve("backquery/label-" + n + ".png")).isRegularFile();
    }
  }

  @Test
  void query_labelsMostShippedExampleImages_andPrintsTenOutputs() throws IOException {
    List<Path> images = exampleImages();
    assertThat(images).hasSize(10);
    JsonNode answers = queryJson(model(), images);
    int right = 0;
    for (int i = 0; i < images.size(); i++) {
      JsonNode a = answers.get(i);
      assertThat(a.get("outputs")).hasSize(10);
      assertThat(a.get("inverted").asBoolean()).as("dark ink on light paper is inverted").isTrue();
      if (a.get("label").asInt() == expectedLabel(images.get(i))) {
        right++;
      }
    }
    // measured: 6 of 10 with this 1-epoch model (font digits are not MNIST handwriting)
    assertThat(right).as("example images labelled correctly").isGreaterThanOrEqualTo(6);

    CliRun text = CliRun.of("query", model().toString(), images.get(0).toString());
    assertThat(text.out()).containsPattern("digit-0\\.png: \\d\n  0: 0\\.\\d{4}  1: .*  9: 0\\.\\d{4}\n");
  }

  @Test
  void backquery_imagesQueryBackToTheirOwnLabel() throws IOException {
    CliRun bq = CliRun.of("backquery", model().toString(), "--out", dir.toString());
    assertThat(bq.exit()).as(bq.err()).isZero();
    List<Path> pngs = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      pngs.add(dir.resolve("label-" + n + ".png"));
    }
    JsonNode answers = queryJson(model(), pngs);
    int own = 0;
    for (int n = 0; n < 10; n++) {
      own += answers.get(n).get("label").asInt() == n ? 1 : 0;
    }
    assertThat(own).as("back-query PNGs read back as their label").isGreaterThanOrEqualTo(8);
  }

  @Test
  void backquery_oneLabel_writesOneImage_224Pixels() throws IOException {
    CliRun bq = CliRun.of("backquery", model().toString(), "--label", "3", "--out", dir.toString());
    assertThat(bq.exit()).as(bq.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("label-3.png"));
    }
    assertThat(javax.imageio.ImageIO.read(dir.resolve("label-3.png").toFile()).getWidth()).isEqualTo(224);
    assertThat(CliRun.of("backquery", model().toString(), "--label", "10", "--out", dir.toString()).exit()).isEqualTo(2);
  }

  @Test
  void export_thenImport_givesIdenticalOutputs() throws IOException {
    CliRun export = CliRun.of("export", model().toString(), "--npy", dir.resolve("npy").toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(dir.resolve("npy/W1.npy")).isRegularFile();
    assertThat(dir.resolve("npy/layers.json")).isRegularFile();
    CliRun imp = CliRun.of("import", dir.resolve("npy").toString(), "--out", dir.resolve("again.nnlab").toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    List<Path> images = exampleImages();
    assertThat(queryJson(dir.resolve("again.nnlab"), images)).isEqualTo(queryJson(model(), images));
  }

  @Test
  void truncatedModel_exitsTwo_withOneClearLine() throws IOException {
    byte[] bytes = Files.readAllBytes(model());
    Path cut = Files.write(dir.resolve("cut.nnlab"), Arrays.copyOf(bytes, bytes.length / 2));
    CliRun q = CliRun.of("query", cut.toString(), exampleImages().get(0).toString());
    assertThat(q.exit()).isEqualTo(2);
    assertThat(q.err()).isEqualTo("nnlab: " + cut + ": truncated or corrupt model file (SHA-256 mismatch)"
        + System.lineSeparator());
  }

  @Test
  void foreignModel_exitsTwo_withOneClearLine() {
    Path json = trained.resolve("results.json");
    CliRun q = CliRun.of("export", json.toString(), "--npy", dir.toString());
    assertThat(q.exit()).isEqualTo(2);
    assertThat(q.err()).isEqualTo("nnlab: " + json + ": not an nnlab model file (wrong magic bytes)"
        + System.lineSeparator());
  }

  @Test
  void run_fromWeightsOfOtherShape_exitsTwo_namingBothShapes() throws IOException {
    CliRun.of("export", model().toString(), "--npy", dir.resolve("npy").toString());
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", dir.resolve("r").toString(),
        "--set", "network.layers=[784,50,10]", "--set", "network.weights=" + dir.resolve("npy"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("make layers [784, 100, 10], but network.layers is [784, 50, 10]");
  }

  @Test
  void run_fromExportedWeights_withNoTraining_keepsTheAccuracy() throws IOException {
    CliRun.of("export", model().toString(), "--npy", dir.resolve("npy").toString());
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", dir.resolve("r").toString(),
        "--set", "training.learningRate=1.0e-300", "--set", "training.epochs=1",
        "--set", "network.weights=" + dir.resolve("npy"));
    assertThat(run.exit()).as(run.err()).isZero();
    double before = ResultsJson.read(trained.resolve("results.json")).accuracy();
    assertThat(ResultsJson.read(dir.resolve("r/results.json")).accuracy()).isEqualTo(before);
  }

  @Test
  void run_fromWeights_recordsTheirSha256_soRunsFromOtherWeightsTellApart() throws IOException {
    Path npy = dir.resolve("npy");
    Path other = dir.resolve("other");
    CliRun.of("export", model().toString(), "--npy", npy.toString());
    CliRun.of("export", model().toString(), "--npy", other.toString());
    Npy.Matrix w2 = Npy.read(other.resolve("W2.npy"));
    double[] nudged = w2.values().clone();
    nudged[0] = Math.nextUp(nudged[0]);
    Npy.write(other.resolve("W2.npy"), Npy.Matrix.of(w2.shape()[0], w2.shape()[1], nudged));
    for (Path weights : List.of(npy, other)) {
      CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", dir.resolve("r-" + weights.getFileName()).toString(),
          "--set", "training.epochs=1", "--set", "network.weights=" + weights);
      assertThat(run.exit()).as(run.err()).isZero();
    }
    String fromModel = ResultsJson.read(dir.resolve("r-npy/results.json")).provenance().datasets().get("weights");
    String fromOther = ResultsJson.read(dir.resolve("r-other/results.json")).provenance().datasets().get("weights");
    assertThat(fromModel).isEqualTo(Provenance.sha256(ModelFile.load(model()).network()));
    assertThat(fromOther).startsWith("sha256:").isNotEqualTo(fromModel);
    assertThat(Files.readString(dir.resolve("r-npy/report.md"))).contains("| starting weights | `" + fromModel + "` |");
    assertThat(Files.readString(dir.resolve("r-npy/report.html"))).contains("starting weights", fromModel);
    assertThat(ResultsJson.read(trained.resolve("results.json")).provenance().datasets())
        .as("a run from drawn weights: its seed says which").doesNotContainKey("weights");
  }
}
