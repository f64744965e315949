package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.config.DataSource;
import org.nnlab.data.Dataset;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.experiment.Provenance;
import org.nnlab.model.ModelFile;
import org.nnlab.model.Npy;
import org.nnlab.model.WeightsFolder;
import org.nnlab.network.Activation;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;

/**
 * nnlab's {@code .npy} files against the real NumPy, and nnlab's training against a textbook numpy
 * implementation ({@code src/test/python/book_network.py}). Skipped, with the reason, when python3
 * or numpy is missing.
 */
class NumpyInteropTest {
  static final Path BOOK_NETWORK = Path.of("src", "test", "python", "book_network.py");
  static final int SAMPLES = 300;

  @TempDir Path dir;

  @BeforeAll
  static void needsNumpy() {
    boolean ok;
    try {
      ok = python("import numpy").exit == 0;
    } catch (IOException e) {
      ok = false;
    }
    assumeTrue(ok, "python3 with numpy is not available: NumPy interchange tests skipped");
  }

  record Result(int exit, String out) {}

  static Result python(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("python3", "-c"));
    command.addAll(List.of(args));
    return exec(command);
  }

  static Result exec(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("python timed out: " + command);
      }
      return new Result(p.exitValue(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void numpyLoadsExportedWeights_withDocumentedShapesDtypeAndValues() throws IOException {
    Network net = exportedNetwork(3);
    Result r = python("""
        import numpy as np, sys
        d = sys.argv[1]
        for k in (1, 2):
            w = np.load(d + '/W%d.npy' % k)
            bits = w.view(np.int64)
            print(w.shape, w.dtype.str, w.flags['C_CONTIGUOUS'], int(bits[1, 2]), int(bits[-1, -1]))
        """, dir.toString());
    assertThat(r.exit).as(r.out).isZero();
    String[] lines = r.out.strip().split("\n");
    assertThat(lines[0]).isEqualTo("(4, 5) <f8 True " + bits(net.weight(0, 1, 2)) + " " + bits(net.weight(0, 3, 4)));
    assertThat(lines[1]).isEqualTo("(3, 4) <f8 True " + bits(net.weight(1, 1, 2)) + " " + bits(net.weight(1, 2, 3)));
  }

  @Test
  void weightsSha256_isTheOneNumpyComputesByTheDocumentedRecipe_whateverTheFileLayout() throws IOException {
    Network net = exportedNetwork(4);
    Result r = python("""
        import hashlib, numpy as np, sys
        d = sys.argv[1]
        Ws = [np.load(d + '/W%d.npy' % k) for k in (1, 2)]
        s = [Ws[0].shape[1]] + [W.shape[0] for W in Ws]
        print('sha256:' + hashlib.sha256(np.array([len(s), *s], '>i4').tobytes()
            + b''.join(np.ascontiguousarray(W, '<f8').tobytes() for W in Ws)).hexdigest())
        np.save(d + '/W2.npy', np.asfortranarray(Ws[1].astype('>f8')))  # same weights, other layout
        """, dir.toString());
    assertThat(r.exit).as(r.out).isZero();
    assertThat(Provenance.sha256(net)).isEqualTo(r.out.strip())
        .isEqualTo(Provenance.sha256(WeightsFolder.read(dir).network()));
  }

  /** A 5-4-3 network drawn from {@code seed}, its weights written as W1.npy and W2.npy into {@link #dir}. */
  private Network exportedNetwork(long seed) throws IOException {
    Network net = Network.create(new int[] {5, 4, 3}, Activation.sigmoid(), Initializer.normalFanIn(),
        new SplittableRandom(seed));
    Npy.write(dir.resolve("W1.npy"), Npy.Matrix.of(4, 5, net.weights(0)));
    Npy.write(dir.resolve("W2.npy"), Npy.Matrix.of(3, 4, net.weights(1)));
    return net;
  }

  /** The IEEE-754 bits of a double, as numpy prints {@code w.view(np.int64)}. */
  static String bits(double v) {
    return Long.toString(Double.doubleToRawLongBits(v));
  }

  @Test
  void filesNumpyWrites_loadInJava_cOrderFortranOrderVersion2Float32BigEndian() throws IOException {
    Result r = python("""
        import numpy as np, sys
        d = sys.argv[1]
        a = np.arange(6.0).reshape(2, 3) / 7
        np.save(d + '/c.npy', a)
        np.save(d + '/f.npy', np.asfortranarray(a))
        with open(d + '/v2.npy', 'wb') as f:
            np.lib.format.write_array(f, a, version=(2, 0))
        np.save(d + '/f4.npy', a.astype('<f4'))
        np.save(d + '/be.npy', a.astype('>f8'))
        np.save(d + '/v.npy', np.array([0.5, -1.5]))
        """, dir.toString());
    assertThat(r.exit).as(r.out).isZero();
    double[] expected = {0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0};
    for (String name : List.of("c", "f", "v2", "be")) {
      Npy.Matrix m = Npy.read(dir.resolve(name + ".npy"));
      assertThat(m.shape()).as(name).containsExactly(2, 3);
      assertThat(m.values()).as(name).containsExactly(expected);
    }
    assertThat(Files.readAllBytes(dir.resolve("v2.npy"))[6]).isEqualTo((byte) 2);
    Npy.Matrix f4 = Npy.read(dir.resolve("f4.npy"));
    for (int i = 0; i < 6; i++) {
      assertThat(f4.values()[i]).isEqualTo((double) (float) expected[i]);
    }
    assertThat(Npy.read(dir.resolve("v.npy")).values()).containsExactly(0.5, -1.5);
  }

  /**
   * With {@code training.shuffle: false}, a run from imported weights ends where the book's numpy
   * class ends, sample by sample, for both back-propagation rules and a deeper network.
   */
  @ParameterizedTest
  @CsvSource({"book, '784, 100, 10'", "exact, '784, 100, 10'", "book, '784, 30, 20, 10'",
      "exact, '784, 30, 20, 10'"})
  void trainingFromImportedWeights_matchesTheTextbookNumpyNetwork(String rule, String layers) throws IOException {
    Path csv = dir.resolve("train.csv");
    writeCsv(csv, SAMPLES);
    int[] sizes = java.util.Arrays.stream(layers.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    Network start = Network.create(sizes, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(11));
    for (int k = 0; k < start.weightLayers(); k++) {
      Npy.write(dir.resolve("w0/W" + (k + 1) + ".npy"), Npy.Matrix.of(sizes[k + 1], sizes[k], start.weights(k)));
    }
    Files.writeString(dir.resolve("exp.yaml"), """
        name: numpy-check
        data: {train: {format: csv, file: train.csv}, test: {format: csv, file: train.csv}}
        network: {layers: [%s], weights: w0}
        training: {learningRate: 0.3, epochs: 2, shuffle: false, backprop: %s}
        """.formatted(layers, rule));
    CliRun run = CliRun.of("run", dir.resolve("exp.yaml").toString(), "--out", dir.resolve("r").toString());
    assertThat(run.exit()).as(run.err() + run.out()).isZero();

    Result py = exec(List.of("python3", BOOK_NETWORK.toString(), dir.resolve("w0").toString(), csv.toString(),
        "0.3", "2", rule, dir.resolve("w1").toString()));
    assertThat(py.exit).as(py.out).isZero();

    Network java = ModelFile.load(dir.resolve("r/model.nnlab")).network();
    for (int k = 0; k < java.weightLayers(); k++) {
      double[] numpy = Npy.read(dir.resolve("w1/W" + (k + 1) + ".npy")).values();
      double[] ours = java.weights(k);
      double[] before = start.weights(k);
      double deviation = 0;
      double moved = 0;
      for (int i = 0; i < ours.length; i++) {
        deviation = Math.max(deviation, Math.abs(ours[i] - numpy[i]));
        moved = Math.max(moved, Math.abs(ours[i] - before[i]));
      }
      assertThat(deviation).as("largest |nnlab − numpy| in W%d", k + 1).isLessThanOrEqualTo(1e-9);
      assertThat(moved).as("largest change of W%d during training", k + 1).isGreaterThan(1e-3);
    }
  }

  /** The first {@code n} bundled training digits as the book's CSV. */
  static void writeCsv(Path csv, int n) throws IOException {
    Dataset d = new DefaultDatasetLoader().load(new DataSource.Named("mnist-sample", "train"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(d.label(i));
      for (int j = 0; j < d.features(); j++) {
        text.append(',').append(d.pixel(i, j));
      }
      text.append('\n');
    }
    Files.writeString(csv, text);
  }
}
