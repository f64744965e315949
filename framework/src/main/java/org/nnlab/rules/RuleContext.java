package org.nnlab.rules;

import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.Dataset;
import org.nnlab.network.Network;
import org.nnlab.training.EpochResult;

/**
 * What a rule may look at. Which parts are present depends on the phase: {@code config} always;
 * {@code train} and {@code test} from {@link Phase#DATA} on (either may be null when a caller
 * checks a config without data); {@code network} from {@link Phase#INIT} on; {@code epoch} in
 * {@link Phase#EPOCH} and {@link Phase#FINAL}.
 */
public record RuleContext(
    Phase phase,
    ExperimentConfig config,
    Dataset train,
    Dataset test,
    Network network,
    EpochResult epoch) {

  public static RuleContext ofConfig(ExperimentConfig config) {
    return new RuleContext(Phase.CONFIG, config, null, null, null, null);
  }

  public RuleContext at(Phase newPhase) {
    return new RuleContext(newPhase, config, train, test, network, epoch);
  }

  public RuleContext withData(Dataset newTrain, Dataset newTest) {
    return new RuleContext(phase, config, newTrain, newTest, network, epoch);
  }

  public RuleContext withNetwork(Network newNetwork) {
    return new RuleContext(phase, config, train, test, newNetwork, epoch);
  }

  public RuleContext withEpoch(EpochResult newEpoch) {
    return new RuleContext(phase, config, train, test, network, newEpoch);
  }

  /** The data to probe with: the test part if present, else the training part, else null. */
  public Dataset probeData() {
    return test != null ? test : train;
  }
}
