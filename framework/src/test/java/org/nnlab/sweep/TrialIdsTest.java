package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ConfigLoader;

/**
 * Trial ids and seeds pinned as nnlab 0.1.0 wrote them: a stored {@code results.jsonl} resumes only
 * while {@link SweepPoint#canonical()} gives the same text, and a trial retrains to the same
 * numbers only while its seed stays.
 */
class TrialIdsTest {
  private static final Path SWEEPS = Path.of("..", "configs", "sweeps");

  private static List<String> idsAndSeeds(SweepPlan plan) {
    return plan.trials().stream().map(t -> t.id() + " " + t.seed()).toList();
  }

  private static List<String> shipped(String file) {
    return idsAndSeeds(SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(SWEEPS.resolve(file))));
  }

  @Test
  void shippedSweeps_keepTheirTrialIdsAndSeeds() {
    assertThat(shipped("learning-rate.yaml")).hasSize(12)
        .startsWith("{\"training.learningRate\":0.01}#0 -5519176562804507563")
        .endsWith("{\"training.learningRate\":0.6}#1 1127536035029348564")
        .isEqualTo(shipped("fashion-mnist-learning-rate.yaml"));
    assertThat(shipped("hidden-nodes.yaml")).hasSize(10)
        .startsWith("{\"network.layers[1]\":10}#0 3632484288484870848")
        .endsWith("{\"network.layers[1]\":200}#1 2842139714288739403")
        .isEqualTo(shipped("fashion-mnist-hidden-nodes.yaml"));
    assertThat(shipped("epochs.yaml")).hasSize(10)
        .startsWith("{\"training.epochs\":1}#0 5404414903204993567")
        .endsWith("{\"training.epochs\":5}#1 431925495312838929")
        .isEqualTo(shipped("fashion-mnist-epochs.yaml"));
    assertThat(shipped("book-mnist-hidden-nodes.yaml")).hasSize(12)
        .startsWith("{\"network.layers[1]\":25}#0 -1652754882454916207")
        .endsWith("{\"network.layers[1]\":500}#1 3802199976439394134");
  }

  @Test
  void spellingsOfOneNumber_keepTheIdsTheyHad() {
    assertThat(idsAndSeeds(SweepFixtures.plan(
        "sweep:\n  parameters:\n    training.learningRate: [1e-3, .5, +0.25, 3e2]\n")))
        .containsExactly(
            "{\"training.learningRate\":0.001}#0 4609923600110293631",
            "{\"training.learningRate\":0.5}#0 -8036538189016648859",
            "{\"training.learningRate\":0.25}#0 -6188628758378308919",
            "{\"training.learningRate\":300.0}#0 -3994636125491909644");
    assertThat(idsAndSeeds(SweepFixtures.plan(
        "sweep:\n  parameters:\n    network.layers: [[4, +5, 3]]\n    training.epochs: [-0, 1]\n")))
        .containsExactly(
            "{\"network.layers\":[4,5,3],\"training.epochs\":0}#0 -782834221258207078",
            "{\"network.layers\":[4,5,3],\"training.epochs\":1}#0 -4778548682907378116");
  }

  @Test
  void drawnPoints_keepTheirIdsAndSeeds() {
    assertThat(idsAndSeeds(SweepFixtures.plan("sweep:\n  strategy: random\n  trials: 2\n  parameters:\n"
        + "    training.learningRate: {min: 0.01, max: 1.0, log: true}\n"
        + "    network.layers[1]: {min: 2, max: 40, integer: true}\n")))
        .containsExactly(
            "{\"network.layers[1]\":26,\"training.learningRate\":0.06021}#0 2029464760550128211",
            "{\"network.layers[1]\":24,\"training.learningRate\":0.1465}#0 -1584554703144165865");
    assertThat(idsAndSeeds(SweepFixtures.plan("sweep:\n  strategy: halving\n  trials: 2\n  parameters:\n"
        + "    training.learningRate: {min: 0.05, max: 0.5}\n")))
        .containsExactly(
            "{\"training.epochs\":1,\"training.learningRate\":0.2254}#0 6437919553269635827",
            "{\"training.epochs\":1,\"training.learningRate\":0.05755}#0 -7553344924245009234");
  }
}
