package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.SweepConfig;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleException;
import org.nnlab.testsupport.Mutation;

/**
 * Sweep configs damaged at random, counts made huge among them: planning and validating either
 * gives a plan of at most {@link SweepConfig#MAX_TRIALS} trials or a {@link ConfigException} of
 * printable lines, within seconds (a count is never enumerated to be refused).
 */
class SweepMutationProperties {
  private static final String SWEEP = SweepFixtures.BASE + """
      sweep:
        strategy: random
        trials: 6
        parameters:
          training.learningRate: {min: 0.01, max: 1.0, log: true}
          network.layers[1]: {min: 2, max: 9, integer: true}
          training.epochs: [1, 2]
        repeats: 2
        parallelism: 2
      """;
  private static final String GRID = SweepFixtures.BASE + """
      sweep:
        parameters:
          training.learningRate: [0.1, 0.2, 0.3]
          network.layers[1]: [2, 3]
        repeats: 3
      """;

  @Provide
  Arbitrary<Mutation> mutations() {
    return Mutation.any();
  }

  @Property(tries = 200)
  void damagedSweep_plansWithinTheCap_orIsPrintableLines(@ForAll("mutations") Mutation m, @ForAll boolean grid) {
    String text = m.apply(grid ? GRID : SWEEP);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        Path dir = Files.createTempDirectory("sweep-mutation");
        Path file = Files.write(dir.resolve("s.yaml"), text.getBytes(StandardCharsets.UTF_8));
        SweepPlan plan = SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file));
        plan.validate(RuleBook.builtIn());
        assertThat(plan.trials().size()).isBetween(1, SweepConfig.MAX_TRIALS);
      } catch (ConfigException | RuleException e) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.getMessage().chars().filter(ch -> ch < 0x20 && ch != '\n' || ch == 0x7f)).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void hugeCounts_areOneLineAtTheirKey_beforeAnyPointIsMade() {
    String trials = errorOf(SWEEP.replace("trials: 6", "trials: 2000000000"));
    assertThat(trials).endsWith(":8:11: sweep.trials must be an integer from 1 to 10000, found 2000000000");
    String zero = errorOf(SWEEP.replace("trials: 6", "trials: 0"));
    assertThat(zero).endsWith(":8:11: sweep.trials must be an integer from 1 to 10000, found 0").doesNotContain("\n");
    String grid = errorOf(GRID.replace("repeats: 3", "repeats: 2000"));
    assertThat(grid).endsWith(": sweep makes 6 point(s) × 2000 repeat(s) = 12000 trials; allowed: at most 10000");
    String range = errorOf(SWEEP.replace("{min: 2, max: 9, integer: true}", "{min: 0.2, max: 0.8, integer: true}"));
    assertThat(range).contains("an integer range must hold an integer");
  }

  private static String errorOf(String text) {
    try {
      Path dir = Files.createTempDirectory("sweep-counts");
      Path file = Files.writeString(dir.resolve("s.yaml"), text);
      SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file)).validate(RuleBook.builtIn());
      throw new AssertionError("expected a ConfigException for:\n" + text);
    } catch (ConfigException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
