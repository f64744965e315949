package org.nnlab.model;

import java.util.Objects;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.InputRange;
import org.nnlab.config.Targets;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.Provenance;
import org.nnlab.metrics.Evaluation;
import org.nnlab.network.Network;

/**
 * A trained network with everything needed to use it on new inputs: the weights, how pixels were
 * scaled into inputs, the target values it was trained towards, the config that trained it and
 * where it came from. What {@link ModelFile} saves and loads.
 *
 * <pre>{@code
 * Model model = ModelFile.load(Path.of("reports/quickstart/model.nnlab"));
 * int label = model.label(x);          // x scaled with model.scaling()
 * }</pre>
 *
 * <p>Not thread-safe, like the {@link Network} it holds: give each thread its own ({@link #copy}).
 *
 * @param config the canonical YAML of the experiment that trained it ({@link ConfigWriter#toYaml});
 *     empty for a network imported from NumPy files
 * @param provenance config hash, dataset hashes, seed and versions of the run; for an import, the
 *     SHA-256 of the imported weights under {@code datasets.weights} ({@link Provenance#sha256(Network)})
 */
public record Model(
    Network network, InputRange inputs, Targets targets, String config, Provenance provenance) {

  public Model {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(provenance, "provenance");
    config = config == null ? "" : config;
  }

  /** The trained network of {@code run}, with its config's scaling, targets and provenance. */
  public static Model of(ExperimentRun run) {
    ExperimentConfig c = run.config();
    return new Model(run.network().copy(), c.data().inputs(), c.data().targets(),
        ConfigWriter.toYaml(c), run.result().provenance());
  }

  /** Nodes per layer, input first. */
  public int[] layerSizes() {
    return network.layerSizes();
  }

  public InputScaling scaling() {
    return InputScaling.of(inputs);
  }

  public TargetEncoding encoding() {
    return TargetEncoding.of(targets);
  }

  /** The output layer's values for scaled inputs {@code x}. */
  public double[] query(double[] x) {
    return network.query(x);
  }

  /** The predicted label for scaled inputs {@code x}: the index of the largest output. */
  public int label(double[] x) {
    return Evaluation.argmax(query(x));
  }

  /** An independent model with a copy of the weights. */
  public Model copy() {
    return new Model(network.copy(), inputs, targets, config, provenance);
  }
}
