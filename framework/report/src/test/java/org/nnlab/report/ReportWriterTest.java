package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.output.OutputException;
import org.nnlab.output.OutputFolder;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.TrialResult;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

class ReportWriterTest {

  @Test
  void writeSweep_fromTrialsInMemory_writesTheThreeFiles_tellingTheListenerOfEach(@TempDir Path dir) throws IOException {
    List<TrialResult> trials = new ArrayList<>();
    double[] accuracies = {0.61, 0.72, 0.93, 0.55, 0.88, 0.79};
    for (int i = 0; i < accuracies.length; i++) {
      trials.add(Trials.of(Map.of("lr", new double[] {0.1, 0.2, 0.3}[i % 3], "h", 8L << (i / 3)), 0, i, accuracies[i]));
    }
    List<String> told = new ArrayList<>();
    new ReportWriter(told::add).writeSweep(trials, dir.resolve("sweep"));

    assertThat(told).containsExactly(ReportWriter.TRIALS_CSV, ReportWriter.REPORT_MD, ReportWriter.REPORT_HTML);
    assertThat(Files.readAllLines(dir.resolve("sweep/trials.csv"))).hasSize(1 + 6);
    assertThat(Files.readString(dir.resolve("sweep/report.md"))).contains("**Best test accuracy: 0.9300**", "6 trials over 6 points");
    JsonNode model = pageModel(dir.resolve("sweep/report.html"));
    assertThat(model.at("/sweep/trialsTotal").asInt()).isEqualTo(6);
    assertThat(model.get("trials")).extracting(t -> t.get("accuracy").asDouble())
        .containsExactlyInAnyOrder(0.61, 0.72, 0.93, 0.55, 0.88, 0.79);
    assertThat(model.get("headline").asText()).isEqualTo("93.00%");
  }

  @Test
  void writeRun_publishesTheRunsWholeSet_resultsFirst(@TempDir Path dir) throws IOException {
    ExperimentRun run = new ExperimentRunner(TinyExperiments.LOADER, RuleBook.builtIn(), NetworkFactory.fromConfig(),
        new Trainer(), new SimpleMeterRegistry()).run(TinyExperiments.config(), TrainingListener.NONE);
    List<String> told = new ArrayList<>();
    // Guice builds it just in time, as a host's injector would; the listener comes from a plain constructor
    assertThat(Guice.createInjector().getInstance(ReportWriter.class)).isNotNull();
    new ReportWriter(told::add).writeRun(run, dir);

    assertThat(told).containsExactly("model.nnlab", ResultsJson.FILE, ReportWriter.REPORT_MD, ReportWriter.REPORT_HTML);
    for (String f : ReportWriter.RUN_FILES) {
      assertThat(dir.resolve(f)).exists();
    }
    assertThat(ResultsJson.read(dir.resolve(ResultsJson.FILE)).accuracy()).isEqualTo(run.result().accuracy());
    assertThat(pageModel(dir.resolve(ReportWriter.REPORT_HTML)).get("kind").asText()).isEqualTo("run");
  }

  @Test
  void writeSweep_refusesNoTrials_andAFolderAnotherWriterHolds(@TempDir Path dir) throws IOException {
    ReportWriter reports = new ReportWriter();
    assertThatThrownBy(() -> reports.writeSweep(List.of(), dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trial to report");
    try (OutputFolder held = OutputFolder.open(dir)) {
      assertThatThrownBy(() -> reports.writeSweep(List.of(Trials.of(Map.of("lr", 0.1), 0, 1, 0.5)), dir))
          .isInstanceOf(OutputException.class);
    }
    assertThat(dir.resolve(ReportWriter.REPORT_HTML)).doesNotExist();
  }

  /** The JSON the page draws from, as report.html embeds it. */
  static JsonNode pageModel(Path html) throws IOException {
    String page = Files.readString(html);
    int start = page.indexOf('>', page.indexOf("id=\"nnlab-model\"")) + 1;
    return new ObjectMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
  }
}
