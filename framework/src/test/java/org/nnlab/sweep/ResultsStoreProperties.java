package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.experiment.ExperimentResult;

/**
 * Reading {@code results.jsonl} counts each trial once, from its first complete line, whatever
 * repeats two writers or a copy left; a torn last line is ignored with a note and cut off when the
 * store is opened again.
 */
class ResultsStoreProperties {

  @Property(tries = 100)
  void eachTrialCountsOnce_fromItsFirstLine_andATornTailIsNoted(
      @ForAll @Size(max = 12) List<@IntRange(max = 4) Integer> ids, @ForAll @IntRange(max = 2) int tail)
      throws IOException {
    Path dir = Files.createTempDirectory("jsonl");
    Path file = dir.resolve(ResultsStore.FILE);
    StringBuilder text = new StringBuilder();
    Map<String, Double> first = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      TrialResult r = result("p" + ids.get(i), i / 100.0);
      text.append(r.toJsonLine()).append('\n');
      first.putIfAbsent(r.trial(), r.result().accuracy());
    }
    String torn = result("p9", 0.5).toJsonLine();
    if (tail == 1) {
      text.append(torn, 0, torn.length() / 2); // died mid-write: no newline
    } else if (tail == 2) {
      text.append(torn, 0, torn.length() / 2).append('\n'); // damaged last line
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Statistics.collect(ids.size() > first.size() ? "duplicates" : "none", tail == 0 ? "whole" : "torn");

    ResultsStore.Contents read = ResultsStore.read(file);
    Map<String, Double> got = new LinkedHashMap<>();
    read.results().forEach(r -> got.put(r.trial(), r.result().accuracy()));
    assertThat(read.results()).hasSize(first.size());
    assertThat(got).containsExactlyEntriesOf(first);
    List<String> expectedNotes = new ArrayList<>();
    if (ids.size() > first.size()) {
      expectedNotes.add("repeat a trial already read");
    }
    if (tail > 0) {
      expectedNotes.add("ignored a torn last line");
    }
    assertThat(read.notes()).hasSameSizeAs(expectedNotes);
    for (int i = 0; i < expectedNotes.size(); i++) {
      assertThat(read.notes().get(i)).startsWith(file + ":").contains(expectedNotes.get(i)).doesNotContain("\n");
    }

    try (ResultsStore store = ResultsStore.open(file)) {
      assertThat(store.trialIds()).isEqualTo(first.keySet());
      store.append(result("p7", 0.25));
    }
    assertThat(ResultsStore.read(file).results()).hasSize(first.size() + 1);
    assertThat(ResultsStore.read(file).notes()).noneMatch(n -> n.contains("torn"));
    Files.delete(file);
    Files.delete(dir);
  }

  private static TrialResult result(String trial, double accuracy) {
    ExperimentResult r = new ExperimentResult("tiny", ExperimentResult.COMPLETED, accuracy, 1, 1, 1, 10,
        List.of(), List.of(), null, null, "");
    return new TrialResult(trial + "#0", Map.of("training.learningRate", 0.1), 0, 7, r);
  }
}
