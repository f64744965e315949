package org.nnlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nnlab.config.InputRange;
import org.nnlab.config.Targets;
import org.nnlab.experiment.Provenance;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.Json;
import org.nnlab.io.RegularFiles;
import org.nnlab.network.Activation;
import org.nnlab.network.Network;
import org.nnlab.output.OutputFolder;

/**
 * A network's weights as NumPy files, for moving networks to and from Python: {@code W1.npy},
 * {@code W2.npy}, … with W_k shaped (nodes_k, nodes_{k−1}), float64 little-endian, C order — the
 * orientation of the book's {@code self.wih} and {@code self.who}, so {@code sigmoid(W1 @ x)} is
 * the hidden layer — plus {@code layers.json}:
 *
 * <pre>{@code
 * {"format": "nnlab-weights", "layers": [784, 100, 10], "activation": "sigmoid",
 *  "inputs": {"min": 0.01, "max": 1.0}, "targets": {"off": 0.01, "on": 0.99},
 *  "weights": ["W1.npy", "W2.npy"]}
 * }</pre>
 *
 * <p>Reading needs only the {@code .npy} files: without {@code layers.json} the layer sizes come
 * from the matrices' shapes and the scaling and targets are the book's defaults. Consecutive
 * matrices must chain (W_{k+1} has as many columns as W_k has rows); what {@link Npy} reads is
 * accepted (float32 is widened, Fortran order transposed). A folder whose export was interrupted
 * while its files moved into place ({@link OutputFolder#isInterrupted}) is refused. What is read is
 * checked as a model file is ({@link ModelChecks}): finite weights, and scaling and targets that
 * pass the rules a fresh config gets. Stateless.
 */
public final class WeightsFolder {
  public static final String LAYERS_JSON = "layers.json";
  private static final Pattern WEIGHT_FILE = Pattern.compile("W[1-9][0-9]*\\.npy");
  private static final ObjectMapper JSON = Json.mapper();
  /** The largest {@code layers.json} read: it names a few layers and files. */
  private static final long MAX_LAYERS_JSON = 1 << 20;

  private WeightsFolder() {}

  /** What {@code layers.json} holds. */
  record Layers(String format, int[] layers, String activation, InputRange inputs, Targets targets,
      List<String> weights) {}

  /** The network read from a folder, with the scaling and targets {@code layers.json} gives. */
  public record Imported(Network network, InputRange inputs, Targets targets) {}

  /**
   * Writes {@code model}'s weights and {@code layers.json} into {@code dir} as one set ({@link
   * OutputFolder}): the folder holds the whole export or, if this fails, what it held before; W
   * files of an older export with more layers are removed. Another process writing {@code dir}
   * at the same time is an {@link org.nnlab.output.OutputException}.
   */
  public static void export(Model model, Path dir) throws IOException {
    try (OutputFolder out = OutputFolder.open(dir)) {
      out.publish(fileNames(model, dir), staging -> write(model, staging));
    }
  }

  /**
   * The names an export of {@code model} into {@code dir} replaces: {@code layers.json}, its W
   * files, and any other {@code W<k>.npy} already there (the set to {@link OutputFolder#publish}).
   */
  public static List<String> fileNames(Model model, Path dir) throws IOException {
    List<String> names = new ArrayList<>(List.of(LAYERS_JSON));
    for (int k = 0; k < model.network().weightLayers(); k++) {
      names.add(fileName(k));
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString())
            .filter(n -> WEIGHT_FILE.matcher(n).matches() && !names.contains(n))
            .sorted().forEach(names::add);
      }
    }
    return names;
  }

  /** Writes the weights and {@code layers.json} into {@code dir}, file by file: for a staging folder. */
  public static void write(Model model, Path dir) throws IOException {
    Files.createDirectories(dir);
    Network net = model.network();
    int[] sizes = net.layerSizes();
    List<String> names = new ArrayList<>();
    for (int k = 0; k < net.weightLayers(); k++) {
      String file = fileName(k);
      Npy.write(dir.resolve(file), Npy.Matrix.of(sizes[k + 1], sizes[k], net.weights(k)));
      names.add(file);
    }
    Layers layers = new Layers("nnlab-weights", sizes, net.activation().id(), model.inputs(),
        model.targets(), names);
    AtomicFiles.write(dir.resolve(LAYERS_JSON), JSON.writeValueAsBytes(layers));
  }

  /** W1.npy for k = 0. */
  static String fileName(int k) {
    return "W" + (k + 1) + ".npy";
  }

  /** Reads the network in {@code dir}; a {@link ModelException} says what does not fit. */
  public static Imported read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ModelException(dir + ": no such weights folder");
    }
    if (OutputFolder.isInterrupted(dir)) {
      throw new ModelException(dir + ": an export into this folder was interrupted, so its files may "
          + "belong to two models; export again");
    }
    Layers declared = layersJson(dir);
    List<Npy.Matrix> matrices = new ArrayList<>();
    // a W2.npy that is there but is no regular file is refused by Npy.read, not taken as the end
    for (int k = 0; Files.exists(dir.resolve(fileName(k))); k++) {
      Npy.Matrix m = Npy.read(dir.resolve(fileName(k)));
      ModelChecks.finite(dir.resolve(fileName(k)).toString(), m.values(), m.cols());
      matrices.add(m);
    }
    if (matrices.isEmpty()) {
      throw new ModelException(dir + ": no W1.npy; expected W1.npy, W2.npy, … shaped (nodes_k, nodes_k-1)");
    }
    int[] sizes = new int[matrices.size() + 1];
    sizes[0] = matrices.get(0).cols();
    double[][] w = new double[matrices.size()][];
    for (int k = 0; k < matrices.size(); k++) {
      Npy.Matrix m = matrices.get(k);
      if (m.shape().length != 2 || m.cols() != sizes[k]) {
        throw new ModelException(dir.resolve(fileName(k)) + ": shape " + Npy.describe(m.shape())
            + " does not follow " + (k == 0 ? "" : fileName(k - 1) + "; ")
            + "expected (nodes, " + sizes[k] + ")");
      }
      sizes[k + 1] = m.rows();
      w[k] = m.values();
    }
    InputRange inputs = InputRange.DEFAULT;
    Targets targets = Targets.DEFAULT;
    Activation activation = Activation.sigmoid();
    if (declared != null) {
      if (declared.layers() != null && !Arrays.equals(declared.layers(), sizes)) {
        throw new ModelException(dir.resolve(LAYERS_JSON) + ": layers " + Arrays.toString(declared.layers())
            + " do not match the .npy shapes, which give " + Arrays.toString(sizes));
      }
      inputs = declared.inputs() == null ? inputs : declared.inputs();
      targets = declared.targets() == null ? targets : declared.targets();
      activation = declared.activation() == null ? activation : activation(declared.activation(), dir);
    }
    // the scaling and targets come from layers.json when there is one: name it in messages
    ModelChecks.settings((declared == null ? dir : dir.resolve(LAYERS_JSON)).toString(), sizes, activation,
        inputs, targets, "");
    return new Imported(Network.of(sizes, activation, w), inputs, targets);
  }

  /**
   * The weights in {@code dir} as a model, its provenance naming their SHA-256 ({@link
   * Provenance#sha256(Network)}: the hash a run started from these weights records).
   */
  public static Model importModel(Path dir) {
    Imported in = read(dir);
    Provenance provenance = Provenance.here("", Map.of(Provenance.WEIGHTS, Provenance.sha256(in.network())), 0);
    return new Model(in.network(), in.inputs(), in.targets(), "", provenance);
  }

  /**
   * The network in {@code dir}, checked against the layer sizes a config declares; {@code where}
   * names the config key in messages.
   */
  public static Network startingNetwork(Path dir, int[] expected, Activation activation, String where) {
    Network net = read(dir).network();
    if (!Arrays.equals(net.layerSizes(), expected)) {
      throw new ModelException(where + ": the weights in " + dir + " make layers "
          + Arrays.toString(net.layerSizes()) + ", but network.layers is " + Arrays.toString(expected));
    }
    return Network.of(expected, activation, weightsOf(net));
  }

  private static double[][] weightsOf(Network net) {
    double[][] w = new double[net.weightLayers()][];
    for (int k = 0; k < w.length; k++) {
      w[k] = net.weights(k);
    }
    return w;
  }

  private static Activation activation(String id, Path dir) {
    try {
      return Activation.byId(id);
    } catch (IllegalArgumentException e) {
      throw new ModelException(dir.resolve(LAYERS_JSON) + ": " + e.getMessage());
    }
  }

  private static Layers layersJson(Path dir) {
    Path file = dir.resolve(LAYERS_JSON);
    if (!Files.exists(file)) {
      return null;
    }
    byte[] bytes = RegularFiles.read(file, file.toString(), MAX_LAYERS_JSON, "a layers.json", ModelException::new);
    try {
      Layers layers = JSON.readValue(bytes, Layers.class);
      if (layers == null) {
        throw new ModelException(file + ": not a valid layers.json: empty");
      }
      return layers;
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelException(file + ": not a valid layers.json: " + Json.message(e), e);
    }
  }
}
