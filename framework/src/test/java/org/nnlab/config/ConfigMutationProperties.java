package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.testsupport.Mutation;

/**
 * Valid configs damaged at random (cut, a bit flipped, control bytes, a number made huge, NaN or
 * of another type, a line dropped or repeated), as a file and as a {@code --set} value: each either
 * loads or is one {@link ConfigException} of one printable line, within seconds.
 */
class ConfigMutationProperties {
  private static final Path DIR = tempDir();
  private static final List<String> VALID = List.of(ConfigTexts.QUICKSTART, ConfigTexts.MINIMAL, """
      name: sized
      data: {train: {format: csv, file: t.csv}, test: {format: idx, images: i, labels: l}}
      network: {layers: [4, 8, 2], init: {normal: {sigma: 0.5}}, precision: float}
      training: {learningRate: 0.5, epochs: 2, batchSize: 4}
      """);

  @Provide
  Arbitrary<Mutation> mutations() {
    return Mutation.any();
  }

  @Property(tries = 300)
  void damagedConfig_loadsOrIsOnePrintableLine(@ForAll("mutations") Mutation m, @ForAll("which") int which) {
    Path file = DIR.resolve("c.yaml");
    write(file, m.apply(VALID.get(which).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcomeOf(file, List.of()));
    Statistics.label("outcome").collect(outcome.equals("ok") ? "ok" : "refused");
  }

  @Property(tries = 200)
  void damagedOverride_loadsOrIsOnePrintableLine(@ForAll("mutations") Mutation m) {
    Path file = DIR.resolve("q.yaml");
    write(file, ConfigTexts.QUICKSTART.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String set = m.apply("network.layers=[784, 100, 10]");
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcomeOf(file, List.of(set)));
  }

  @Provide
  Arbitrary<Integer> which() {
    return net.jqwik.api.Arbitraries.integers().between(0, VALID.size() - 1);
  }

  /** "ok", or the error after checking it is a ConfigException of one printable line. */
  private static String outcomeOf(Path file, List<String> sets) {
    try {
      ExperimentConfig c = ConfigLoader.load(file, sets);
      NetworkSize.requireFits(c);
      return "ok";
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      assertThat(e.getMessage().chars().filter(ch -> ch < 0x20 || ch == 0x7f)).isEmpty();
      assertThat(e.getMessage()).doesNotContain(" at [Source");
      return e.getMessage();
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("config-mutations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
