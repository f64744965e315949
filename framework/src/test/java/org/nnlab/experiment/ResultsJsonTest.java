package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.testsupport.SpecialFiles;
import org.nnlab.testsupport.TinyResults;

/** results.json as nnlab reads it back: what a run writes round-trips; anything else is one line. */
class ResultsJsonTest {
  @TempDir Path dir;

  private static final String VALID = ResultsJson.toJson(TinyResults.completed(0.85));

  private String errorOf(String json) {
    return assertThrows(ResultsException.class, () -> ResultsJson.fromJson(json, "r/results.json")).getMessage();
  }

  @Test
  void written_readsBackEqual() throws IOException {
    ExperimentResult r = TinyResults.completed(0.85);
    Path file = dir.resolve("results.json");
    ResultsJson.write(r, file);
    ExperimentResult back = ResultsJson.read(file);
    assertThat(back.accuracy()).isEqualTo(0.85);
    assertThat(back.epochs()).isEqualTo(r.epochs());
    assertThat(back.confusion()).isDeepEqualTo(r.confusion());
    assertThat(back.mistakes()).isEqualTo(r.mistakes());
    assertThat(ResultsJson.toJson(back)).isEqualTo(VALID);
  }

  @Test
  void emptyArrayOrNaN_isOneLineNamingTheFile() {
    assertThat(errorOf("")).isEqualTo("r/results.json: empty; expected one JSON object with name, status,"
        + " accuracy, samplesPerSecond, trainSeconds, epochs, findings, provenance");
    assertThat(errorOf("[]")).startsWith("r/results.json: expected a JSON object with name,").endsWith("found an array");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85", "\"accuracy\" : NaN")))
        .isEqualTo("r/results.json: not JSON: line 4, column 19: Non-standard token 'NaN'");
  }

  @Test
  void missingOrWrongField_isNamed() {
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85,", ""))).isEqualTo("r/results.json: field 'accuracy' is missing");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85", "\"accuracy\" : 5.0")))
        .isEqualTo("r/results.json: accuracy must lie in [0, 1] (or be null), found 5.0");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85", "\"accuracy\" : -3")))
        .isEqualTo("r/results.json: accuracy must lie in [0, 1] (or be null), found -3.0");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85", "\"accuracy\" : \"0.85\"")))
        .isEqualTo("r/results.json: field accuracy must be a number, found \"0.85\"");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.85", "\"accuracy\" : null")))
        .isEqualTo("r/results.json: accuracy is null, but a completed run measured one");
    assertThat(errorOf(VALID.replace("\"epoch\" : 2", "\"epoch\" : \"two\"")))
        .isEqualTo("r/results.json: field epochs[1].epoch must be an integer, found \"two\"");
    assertThat(errorOf(VALID.replace("\"epoch\" : 2", "\"epoch\" : 2.5")))
        .isEqualTo("r/results.json: field epochs[1].epoch must be an integer, found 2.5");
    assertThat(errorOf(VALID.replace("\"status\" : \"completed\"", "\"status\" : \"great\"")))
        .isEqualTo("r/results.json: status must be completed, diverged or failed, found 'great'");
    assertThat(errorOf(VALID.replace("\"severity\" : \"warn\"", "\"severity\" : \"loud\"")))
        .isEqualTo("r/results.json: field findings[0].severity: unknown severity 'loud'; allowed: error, warn, off");
    assertThat(errorOf(VALID.replace("\"rows\" : 2", "\"rows\" : 1000000")))
        .isEqualTo("r/results.json: mistakes[0].rows × cols must be at most 1048576 pixels, found 1000000×2");
    assertThat(errorOf(VALID.replace("\"accuracy\" : 0.8,", "\"accuracy\" : 1.5,")))
        .isEqualTo("r/results.json: epochs[1].accuracy must lie in [0, 1] (or be null), found 1.5");
    assertThat(errorOf(VALID.replace("[ 40, 10 ]", "[ 40 ]")))
        .contains("confusion[0] must hold 2 counts (one per class), found 1");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void read_fifoOrDirectory_isRefusedByKind() {
    Path fifo = SpecialFiles.fifo(dir.resolve("results.json"));
    assertThat(assertThrows(ResultsException.class, () -> ResultsJson.read(fifo)).getMessage())
        .isEqualTo(fifo + " is a FIFO, not a regular file");
    assertThat(assertThrows(ResultsException.class, () -> ResultsJson.read(dir)).getMessage())
        .isEqualTo(dir + " is a directory, not a regular file");
  }
}
