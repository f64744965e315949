package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigException;
import org.nnlab.config.SweepConfig.Choose;
import org.nnlab.output.OutputException;

/** {@code sweep.choose}: read from the sweep block, recorded in sweep.json, hashed only where it decides trials. */
class SweepChooseTest {
  private static final String GRID = SweepIdentityTest.GRID;
  private static final String HALVING = "sweep:\n  strategy: halving\n  maxEpochs: 3\n"
      + "  parameters:\n    training.learningRate: [0.1, 0.3]\n";

  @Test
  void parse_readsRuleClean_andDefaultsToAny() {
    assertThat(SweepFixtures.plan(GRID).sweep().choose()).isEqualTo(Choose.ANY);
    assertThat(SweepFixtures.plan(GRID + "  choose: any\n").sweep().choose()).isEqualTo(Choose.ANY);
    assertThat(SweepFixtures.plan(GRID + "  choose: rule-clean\n").sweep().choose()).isEqualTo(Choose.RULE_CLEAN);
  }

  @Test
  void parse_typo_isOneLineWithWhereWhatIsAllowedAndASuggestion() {
    // BASE is 5 lines, GRID 4 more: choose is on line 10, its value at column 11
    assertThatThrownBy(() -> SweepFixtures.plan(GRID + "  choose: rule_clen\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("sweep.yaml:10:11: sweep.choose is unknown, found 'rule_clen'; did you mean 'rule-clean'?; "
            + "allowed: any, rule-clean")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> SweepFixtures.plan(GRID + "  choose: [rule-clean]\n"))
        .hasMessageContaining("sweep.yaml:10:11: sweep.choose is unknown")
        .hasMessageContaining("allowed: any, rule-clean");
  }

  @Test
  void identity_recordsChooseOnlyWhenSet_andHashesItOnlyForHalving() {
    SweepIdentity grid = SweepIdentity.of(SweepFixtures.plan(GRID));
    assertThat(grid.choose()).isNull();
    assertThat(grid.ranking()).isEqualTo(Ranking.ANY);
    assertThat(SweepIdentity.of(SweepFixtures.plan(GRID + "  choose: any\n"))).isEqualTo(grid);

    SweepIdentity gridClean = SweepIdentity.of(SweepFixtures.plan(GRID + "  choose: rule-clean\n"));
    assertThat(gridClean.choose()).isEqualTo("rule-clean");
    assertThat(gridClean.ranking().ruleClean()).isTrue();
    assertThat(gridClean.configHash()).as("a grid trains the same trials either way").isEqualTo(grid.configHash());

    SweepIdentity halving = SweepIdentity.of(SweepFixtures.plan(HALVING));
    SweepIdentity halvingClean = SweepIdentity.of(SweepFixtures.plan(HALVING + "  choose: rule-clean\n"));
    assertThat(halvingClean.configHash()).as("halving promotes other points").isNotEqualTo(halving.configHash());
  }

  @Test
  void sweepJson_leavesChooseOutByDefault_andTheReportSideReadsIt(@TempDir Path dir) throws IOException {
    Path any = Files.createDirectories(dir.resolve("any"));
    SweepIdentity.of(SweepFixtures.plan(GRID)).claim(any, false);
    assertThat(Files.readString(any.resolve(SweepIdentity.FILE))).doesNotContain("choose");
    assertThat(SweepIdentity.rankingIn(any)).isEqualTo(Ranking.ANY);
    assertThat(SweepIdentity.rankingIn(dir.resolve("none"))).isEqualTo(Ranking.ANY);

    Path clean = Files.createDirectories(dir.resolve("clean"));
    SweepIdentity.of(SweepFixtures.plan(GRID + "  choose: rule-clean\n")).claim(clean, false);
    assertThat(Files.readString(clean.resolve(SweepIdentity.FILE))).contains("\"choose\" : \"rule-clean\"");
    assertThat(SweepIdentity.rankingIn(clean)).isEqualTo(Ranking.of(Choose.RULE_CLEAN));

    // a grid's choice may change on resume: the same trials, the folder records the new choice
    Files.writeString(any.resolve(ResultsStore.FILE), "{}\n");
    SweepIdentity.of(SweepFixtures.plan(GRID + "  choose: rule-clean\n")).claim(any, true);
    assertThat(SweepIdentity.rankingIn(any).ruleClean()).isTrue();

    Files.writeString(clean.resolve(SweepIdentity.FILE),
        "{\"format\": \"nnlab-sweep\", \"configHash\": \"sha256:0\", \"choose\": \"best\"}");
    assertThatThrownBy(() -> SweepIdentity.rankingIn(clean)).isInstanceOf(OutputException.class)
        .hasMessageEndingWith("choose is unknown, found 'best'; allowed: any, rule-clean");
  }

  @Test
  void spec_choose_isTheSameAsTheYamlKey() {
    SweepPlan plan = SweepSpec.grid(SweepFixtures.plan(GRID).base()).values("training.learningRate", 0.1)
        .choose(Choose.RULE_CLEAN).plan(new org.nnlab.config.ConfigLoader(org.nnlab.config.ConfigLoader.BUILT_IN_RULES));
    assertThat(plan.sweep().choose()).isEqualTo(Choose.RULE_CLEAN);
  }
}
