package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provenance's {@code member}: written only for a trial trained on a cluster member, read back as written. */
class ProvenanceJsonTest {
  private static final Provenance HERE =
      new Provenance("sha256:c", Map.of("train", "sha256:t"), 42, "0.1.0", "17.0.15", "Linux amd64", "");

  private static ExperimentResult result(Provenance p) {
    return new ExperimentResult("x", ExperimentResult.COMPLETED, 0.5, 1.0, 1.0, 1.0, 10, List.of(), List.of(),
        null, p, "name: x\n");
  }

  @Test
  void runInThisJvm_hasNoMemberField() {
    String json = ResultsJson.toJsonLine(result(HERE));
    assertThat(json).doesNotContain("member");
    assertThat(ResultsJson.fromJson(json).provenance()).isEqualTo(HERE);
  }

  @Test
  void trialOnAMember_recordsItsAddress_andReadsBack() {
    ExperimentResult r = result(HERE).withProvenance(HERE.withMember("10.0.0.6:5701"));
    String json = ResultsJson.toJsonLine(r);
    assertThat(json).contains("\"member\":\"10.0.0.6:5701\"");
    assertThat(ResultsJson.fromJson(json).provenance().member()).isEqualTo("10.0.0.6:5701");
    assertThat(ResultsJson.fromJson(json).provenance().withMember("")).isEqualTo(HERE);
  }
}
