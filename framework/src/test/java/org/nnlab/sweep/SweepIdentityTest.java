package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigLoader;
import org.nnlab.output.OutputException;

/** sweep.json: what a folder's trials belong to, and who may add to them. */
class SweepIdentityTest {
  static final String GRID = "sweep:\n  parameters:\n    training.learningRate: [0.1, 0.3]\n  repeats: 2\n";

  @Test
  void hash_coversTheConfigAndThePoints_butNotTheParallelism() throws IOException {
    SweepIdentity id = SweepIdentity.of(SweepFixtures.plan(GRID));
    assertThat(id.configHash()).startsWith("sha256:").hasSize(71);
    assertThat(id.trials()).hasSize(4);
    assertThat(SweepIdentity.of(SweepFixtures.plan(GRID + "  parallelism: 3\n"))).isEqualTo(id);
    assertThat(SweepIdentity.of(SweepFixtures.plan(GRID.replace("0.3", "0.4"))).configHash()).isNotEqualTo(id.configHash());
    assertThat(SweepIdentity.of(SweepFixtures.plan(GRID.replace("repeats: 2", "repeats: 3"))).configHash())
        .isNotEqualTo(id.configHash());
    assertThat(SweepIdentity.of(withSet(GRID, "training.epochs=2")).configHash()).isNotEqualTo(id.configHash());
    assertThat(SweepIdentity.of(withSet(GRID, "training.epochs=1"))).isEqualTo(id);
  }

  /** The plan of {@code sweepYaml} with one {@code --set}. */
  private static SweepPlan withSet(String sweepYaml, String set) throws IOException {
    Path file = Files.createTempDirectory("sweep").resolve("sweep.yaml");
    Files.writeString(file, SweepFixtures.BASE + sweepYaml);
    return SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file).withOverrides(List.of(set)));
  }

  @Test
  void claim_recordsTheSweep_andLetsOnlyTheSameOneResume(@TempDir Path dir) throws IOException {
    SweepIdentity id = SweepIdentity.of(SweepFixtures.plan(GRID));
    SweepIdentity other = SweepIdentity.of(SweepFixtures.plan(GRID.replace("0.3", "0.4")));
    id.claim(dir, false);
    assertThat(SweepIdentity.read(dir)).hasValue(id);
    Files.writeString(dir.resolve(ResultsStore.FILE), "{\"trial\":\"x#0\"}\n");

    id.claim(dir, true);
    assertThatThrownBy(() -> id.claim(dir, false)).isInstanceOf(OutputException.class)
        .hasMessage(dir.resolve(ResultsStore.FILE) + " already holds trials: claim it with resume = true to continue that sweep, "
            + "or choose another folder");
    assertThatThrownBy(() -> other.claim(dir, true)).isInstanceOf(OutputException.class)
        .hasMessageStartingWith("cannot resume: " + dir + " holds the trials of another sweep ('tiny', config sha256:")
        .hasMessageEndingWith("; resume with the same config and overrides, or choose another folder");
    assertThatThrownBy(() -> other.claim(dir, false)).isInstanceOf(OutputException.class)
        .hasMessageStartingWith(dir + " holds the trials of another sweep").hasMessageEndingWith(", or choose another folder");
    assertThat(SweepIdentity.read(dir)).hasValue(id);
  }

  @Test
  void claim_refusesTrialsWithoutIdentity_andARunsFolder(@TempDir Path dir) throws IOException {
    SweepIdentity id = SweepIdentity.of(SweepFixtures.plan(GRID));
    Path legacy = Files.createDirectories(dir.resolve("legacy"));
    Files.writeString(legacy.resolve(ResultsStore.FILE), "{\"trial\":\"x#0\"}\n");
    assertThatThrownBy(() -> id.claim(legacy, true)).isInstanceOf(OutputException.class)
        .hasMessage(legacy.resolve(ResultsStore.FILE) + " has no sweep.json beside it to tell which sweep wrote it, "
            + "so this sweep cannot resume it; choose another folder");
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("results.json"), "{}");
    assertThatThrownBy(() -> id.claim(run, false)).isInstanceOf(OutputException.class)
        .hasMessage(run + " holds a run's results (results.json), not a sweep's; choose another folder for the sweep");
    Path empty = Files.createDirectories(dir.resolve("restarted"));
    Files.writeString(empty.resolve(SweepIdentity.FILE), "{\"format\": \"nnlab-sweep\", \"configHash\": \"sha256:0\"}");
    id.claim(empty, false); // another sweep's identity but no trials yet: taken over
    assertThat(SweepIdentity.read(empty)).hasValue(id);
    Files.writeString(empty.resolve(SweepIdentity.FILE), "[1, 2]");
    assertThatThrownBy(() -> SweepIdentity.read(empty)).isInstanceOf(OutputException.class)
        .hasMessageStartingWith(empty.resolve(SweepIdentity.FILE) + ": not a sweep identity");
  }
}
