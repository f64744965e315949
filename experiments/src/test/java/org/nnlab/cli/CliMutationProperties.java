package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole command line on configs and results files damaged at random: cut, bits flipped,
 * control bytes, numbers made huge, negative, NaN or of another type. Every run exits 0, 1 or 2;
 * exit 2 comes with at most two printable lines on stderr and never an internal error; none hangs.
 */
class CliMutationProperties {
  private static final Path DIR = tempDir();
  private static final String CONFIG = """
      name: tiny-cli
      seed: 3
      data: {train: {format: csv, file: train.csv}, test: {format: csv, file: train.csv}}
      network: {layers: [4, 3, 2], init: normal-fan-in}
      training: {learningRate: 0.3, epochs: 1, batchSize: 1}
      rules: {saturation: warn}
      """;
  private static final List<String> NUMBERS = List.of("0", "-1", "1e309", "2147483648", "99999999999",
      ".nan", "NaN", "-.inf", "null", "\"x\"", "[]", "{}", "\"\\e[2J\\0\"");

  /** One damage: at a share of the text, a kind, which replacement. */
  record Damage(int kind, double at, int pick) {
    String apply(String text) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      int pos = (int) (at * b.length);
      return switch (kind) {
        case 0 -> new String(Arrays.copyOf(b, pos), StandardCharsets.UTF_8);
        case 1 -> {
          b[pos] ^= (byte) (1 << (pick & 7));
          yield new String(b, StandardCharsets.UTF_8);
        }
        case 2 -> text.substring(0, Math.min(pos, text.length())) + "\u0000\u001b[31m" + text.substring(Math.min(pos, text.length()));
        default -> {
          var m = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(text);
          List<int[]> spans = new java.util.ArrayList<>();
          while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
          }
          int[] s = spans.get((int) (at * spans.size()));
          yield text.substring(0, s[0]) + NUMBERS.get(pick % NUMBERS.size()) + text.substring(s[1]);
        }
      };
    }
  }

  @Provide
  Arbitrary<Damage> damages() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 0.9999).ofScale(4),
        Arbitraries.integers().between(0, 1000)).as(Damage::new);
  }

  @Property(tries = 60)
  void check_ofADamagedConfig_exitsCleanly(@ForAll("damages") Damage d) throws IOException {
    Files.writeString(DIR.resolve("train.csv"), "0,10,200,30,240\n1,220,20,200,10\n0,5,210,25,250\n1,230,15,190,5\n");
    Path config = DIR.resolve("c.yaml");
    Files.writeString(config, d.apply(CONFIG));
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("check", config.toString()));
    assertClean(run);
    Statistics.label("exit").collect(run.exit());
  }

  @Property(tries = 40)
  void report_ofADamagedResultsFile_exitsCleanly(@ForAll("damages") Damage d) throws IOException {
    Path dir = Files.createDirectories(DIR.resolve("report"));
    Files.writeString(dir.resolve("results.json"), d.apply(RESULTS));
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("report", dir.toString()));
    assertClean(run);
    Statistics.label("exit").collect(run.exit());
  }

  private static void assertClean(CliRun run) {
    assertThat(run.exit()).as(run.err()).isIn(0, 1, 2);
    assertThat(run.err()).doesNotContain("internal error", "\tat ");
    if (run.exit() == 2) {
      assertThat(run.err().strip().lines().count()).as(run.err()).isBetween(1L, 2L);
    }
    assertThat(run.err().chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f)).isEmpty();
  }

  private static final String RESULTS = """
      {"name": "tiny", "status": "completed", "accuracy": 0.75, "samplesPerSecond": 1000.0,
       "trainSeconds": 0.5, "wallSeconds": 0.6, "samplesTrained": 40,
       "epochs": [{"epoch": 1, "accuracy": 0.75, "loss": 0.1, "seconds": 0.5, "samplesPerSecond": 1000.0}],
       "findings": [{"rule": "saturation", "severity": "warn", "phase": "epoch", "message": "12% saturated"}],
       "confusion": [[3, 1], [0, 4]],
       "provenance": {"configHash": "sha256:ab", "datasets": {"train": "sha256:cd"}, "seed": 3,
                      "nnlab": "0.1.0", "java": "17", "os": "Linux", "gitCommit": ""},
       "config": "name: tiny\\n", "mistakes": [], "rotatedAccuracy": {}}
      """;

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("cli-mutations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
