package org.nnlab.config;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nnlab.output.FolderName;

/**
 * One declared experiment, as read from YAML: what to train on, which network, how to train it,
 * and which rule severities differ from their defaults. Immutable; validated once, here and in the
 * records it holds. Whether the values make a network that can learn is for the rules to say.
 *
 * <pre>{@code
 * ExperimentConfig c = ConfigLoader.load(Path.of("configs/quickstart.yaml"));
 * ExperimentConfig faster = c.withTraining(c.training().withEpochs(1));
 * }</pre>
 *
 * @param name the experiment's name; names its report folder, so it follows {@link FolderName}
 * @param seed the one seed every random choice derives from (weights, shuffling)
 * @param rules rule id → severity overrides (ids are checked by the loader against the known rules)
 */
public record ExperimentConfig(
    String name,
    long seed,
    DataConfig data,
    NetworkConfig network,
    TrainingConfig training,
    Map<String, Severity> rules) {

  public ExperimentConfig {
    Objects.requireNonNull(name, "name");
    FolderName.problem(name).ifPresent(problem -> {
      throw new IllegalArgumentException("name " + problem);
    });
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(network, "network");
    int inputs = network.layers().get(0);
    int side = (int) Math.round(Math.sqrt(inputs));
    if (!data.distort().isNone() && side * side != inputs) {
      throw new IllegalArgumentException("data.distort needs square images (w × w inputs), but network.layers[0] = "
          + inputs + " is not a square; remove data.distort or use w × w inputs");
    }
    training = training == null ? TrainingConfig.DEFAULT : training;
    rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
  }

  /** A builder with the documented defaults: see {@link ExperimentConfigBuilder}. */
  public static ExperimentConfigBuilder builder() {
    return new ExperimentConfigBuilder();
  }

  public ExperimentConfig withName(String newName) {
    return new ExperimentConfig(newName, seed, data, network, training, rules);
  }

  public ExperimentConfig withSeed(long newSeed) {
    return new ExperimentConfig(name, newSeed, data, network, training, rules);
  }

  public ExperimentConfig withData(DataConfig newData) {
    return new ExperimentConfig(name, seed, newData, network, training, rules);
  }

  public ExperimentConfig withNetwork(NetworkConfig newNetwork) {
    return new ExperimentConfig(name, seed, data, newNetwork, training, rules);
  }

  public ExperimentConfig withTraining(TrainingConfig newTraining) {
    return new ExperimentConfig(name, seed, data, network, newTraining, rules);
  }

  /** The severity override for {@code ruleId}, if the config gives one. */
  public java.util.Optional<Severity> severityOverride(String ruleId) {
    return java.util.Optional.ofNullable(rules.get(ruleId));
  }
}
