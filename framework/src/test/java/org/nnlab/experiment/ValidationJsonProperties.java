package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.nnlab.testsupport.TinyResults;

/** results.json with and without a validation split: written only when present, read back equal, old files still read. */
class ValidationJsonProperties {

  @Property(tries = 200)
  void validation_roundTrips_andIsWrittenOnlyWhenPresent(
      @ForAll boolean split, @ForAll @IntRange(min = 1, max = 60_000) int heldOut,
      @ForAll @Size(min = 1, max = 4) List<@DoubleRange(min = 0, max = 1) Double> perEpoch) {
    ExperimentResult base = TinyResults.completed(0.85);
    List<EpochStats> epochs = new ArrayList<>();
    for (int e = 0; e < perEpoch.size(); e++) {
      epochs.add(new EpochStats(e + 1, 0.8, 0.1, 0.5, 1000.0, split ? perEpoch.get(e) : Double.NaN));
    }
    double last = perEpoch.get(perEpoch.size() - 1);
    ExperimentResult r = new ExperimentResult(base.name(), base.status(), base.accuracy(), base.samplesPerSecond(),
        base.trainSeconds(), base.wallSeconds(), base.samplesTrained(), epochs, base.findings(), base.confusion(),
        base.provenance(), base.config(), base.mistakes(), base.rotatedAccuracy(),
        split ? new Validation(heldOut, last) : null);

    String json = ResultsJson.toJson(r);
    ExperimentResult back = ResultsJson.fromJson(json);

    assertThat(back.validation()).isEqualTo(r.validation());
    assertThat(back.epochs()).isEqualTo(r.epochs());
    assertThat(back.choiceAccuracy()).isEqualTo(split ? last : 0.85);
    assertThat(ResultsJson.toJson(back)).isEqualTo(json);
    assertThat(json.contains("validation")).isEqualTo(split);
    assertThat(json.split("\"validationAccuracy\"", -1)).hasSize(split ? perEpoch.size() + 1 : 1);
  }

  @Test
  void fileWrittenBeforeSplitsExisted_readsBackWithoutOne() {
    // TinyResults' run has no split: its JSON is what every earlier nnlab wrote
    String old = ResultsJson.toJson(TinyResults.completed(0.85));
    ExperimentResult back = ResultsJson.fromJson(old);
    assertThat(back.validation()).isNull();
    assertThat(back.epochs()).allMatch(e -> Double.isNaN(e.validationAccuracy()));
    assertThat(back.choiceAccuracy()).isEqualTo(0.85);
  }

  @Test
  void validationOutOfRange_isOneLineNamingTheField() {
    String json = ResultsJson.toJson(TinyResults.completed(0.85).withValidation(new Validation(10, 0.625)))
        .replace("\"accuracy\" : 0.625", "\"accuracy\" : 1.5");
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(ResultsException.class,
        () -> ResultsJson.fromJson(json, "r/results.json")).getMessage())
        .isEqualTo("r/results.json: validation.accuracy must lie in [0, 1] (or be null), found 1.5");
  }
}
