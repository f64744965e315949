package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.report.Stat;
import org.nnlab.report.SweepSummary;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;
import org.nnlab.testsupport.Mutation;
import org.nnlab.testsupport.TinyResults;

/**
 * results.json and results.jsonl damaged at random (cut, bits flipped, control bytes, numbers made
 * huge, negative, NaN or of another type, lines dropped or repeated): each reads back to results a
 * run could have written — accuracies in [0, 1], so a sweep's summary stays in [0, 1] — or fails
 * with one printable line naming the file.
 */
class ResultsFileProperties {

  @Provide
  Arbitrary<Mutation> mutations() {
    return Mutation.any();
  }

  @Property(tries = 300)
  void damagedResultsJson_readsValid_orIsOneLine(@ForAll("mutations") Mutation m) throws IOException {
    Path file = Files.createTempDirectory("results").resolve("results.json");
    Files.write(file, m.apply(ResultsJson.toJson(TinyResults.completed(0.85)).getBytes(StandardCharsets.UTF_8)));
    String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        ExperimentResult r = ResultsJson.read(file);
        assertThat(r.accuracy()).isBetween(0.0, 1.0);
        r.epochs().forEach(e -> assertThat(Double.isNaN(e.accuracy()) || e.accuracy() >= 0 && e.accuracy() <= 1).isTrue());
        return "read";
      } catch (ResultsException e) {
        assertOneLine(e.getMessage(), file);
        return "refused";
      }
    });
    Statistics.label("outcome").collect(outcome);
  }

  @Property(tries = 300)
  void damagedTrialLine_readsValid_orIsAnErrorNamingTheLine(@ForAll("mutations") Mutation m) throws IOException {
    Path file = Files.createTempDirectory("sweep").resolve(ResultsStore.FILE);
    String good = line("t1", 0.8);
    String damaged = m.apply(line("t2", 0.6));
    Files.writeString(file, good + "\n" + damaged + "\n" + line("t3", 0.7) + "\n");
    String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        List<TrialResult> trials = ResultsStore.readAll(file);
        Stat s = SweepSummary.of(trials).points().get(0).accuracy();
        for (TrialResult t : trials) {
          assertThat(t.result().accuracy()).isBetween(0.0, 1.0);
        }
        // what a report prints: a mean and spread of shares, never "1.0000 ± 5.6569"
        assertThat(s.mean()).isBetween(0.0, 1.0);
        assertThat(s.std()).isBetween(0.0, 1.0);
        return "read";
      } catch (ResultsException | IOException e) {
        assertOneLine(e.getMessage(), file);
        assertThat(e.getMessage()).containsPattern(":[0-9]+: ");
        return "refused";
      }
    });
    Statistics.label("outcome").collect(outcome);
  }

  private static String line(String id, double accuracy) {
    return new TrialResult(id, Map.of("training.learningRate", 0.1), 0, 7, TinyResults.completed(accuracy))
        .toJsonLine();
  }

  private static void assertOneLine(String message, Path file) {
    assertThat(message).startsWith(file.toString()).doesNotContain("\n", "[Source");
    assertThat(message.chars().filter(ch -> ch < 0x20 || ch == 0x7f)).isEmpty();
  }
}
