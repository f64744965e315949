package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.DataSource;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.experiment.Provenance;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.EpochListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/** A member's side of a trial, without a cluster: what it refuses, and what it trains. */
class TrialTrainerTest {
  @TempDir Path dir;

  private final DefaultDatasetLoader loader = new DefaultDatasetLoader();

  private TrialTrainer trainer(String version) {
    return new TrialTrainer(loader, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), version,
        ClusterListener.NONE);
  }

  private ExperimentConfig config() {
    SweepPlan plan = ClusterFixtures.plan(dir, "[0.3]", 1);
    return plan.configOf(plan.trials().get(0));
  }

  private TrialJob job(ExperimentConfig config, String version, String trainSha256) {
    return new TrialJob("t#0", ConfigWriter.toYaml(config), version, trainSha256,
        loader.load(config.data().test()).sha256(),
        "nnlab-epochs-test");
  }

  private String sha256(DataSource source) {
    return loader.load(source).sha256();
  }

  @Test
  void jobFromAnotherNnlabVersion_isRefusedNamingBothVersions() {
    ExperimentConfig config = config();
    TrialOutcome outcome = trainer("9.9.9").train(job(config, "0.1.0", sha256(config.data().train())), "10.0.0.6:5701",
        EpochListener.NONE);
    assertThat(outcome.resultJson()).isNull();
    assertThat(outcome.problem()).isEqualTo("member 10.0.0.6:5701 runs nnlab 9.9.9, the coordinator nnlab 0.1.0: "
        + "run the same nnlab build on every member and the coordinator");
  }

  @Test
  void jobNamingOtherData_isRefusedNamingTheSourceAndBothHashes() {
    ExperimentConfig config = config();
    String here = sha256(config.data().train());
    String coordinators = "sha256:" + "0".repeat(64);
    TrialOutcome outcome = trainer("0.1.0").train(job(config, "0.1.0", coordinators), "10.0.0.6:5701",
        EpochListener.NONE);
    assertThat(outcome.problem()).isEqualTo("member 10.0.0.6:5701 reads other data for mnist-sample:train (" + here
        + ") than the coordinator (" + coordinators + "): provision the same files on every member (docs/cluster.md)");
  }

  @Test
  void job_trainsToTheNumbersOfARunInThisJvm_andRecordsTheMember() {
    ExperimentConfig config = config();
    List<String> heard = new ArrayList<>();
    TrialOutcome outcome = trainer(Provenance.nnlabVersion())
        .train(job(config, Provenance.nnlabVersion(), sha256(config.data().train())), "10.0.0.6:5701",
            (epoch, member) -> heard.add(member + " " + epoch));
    assertThat(outcome.problem()).isNull();
    ExperimentResult remote = ResultsJson.fromJson(outcome.resultJson());
    ExperimentResult local = new ExperimentRunner(loader, RuleBook.builtIn(), NetworkFactory.fromConfig(),
        new Trainer(), new SimpleMeterRegistry()).run(config, TrainingListener.NONE).result();
    assertThat(remote.provenance().member()).isEqualTo("10.0.0.6:5701");
    assertThat(local.provenance().member()).isEmpty();
    assertThat(ClusterAssertions.figures(remote)).isEqualTo(ClusterAssertions.figures(local));
    assertThat(heard).as("each epoch, as the result has it, told while training")
        .containsExactlyElementsOf(remote.epochs().stream().map(e -> "10.0.0.6:5701 " + e).toList());
  }
}
