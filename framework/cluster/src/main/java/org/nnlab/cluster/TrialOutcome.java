package org.nnlab.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a member sends back for a {@link TrialJob}: the trial's result as the JSON of its
 * {@link org.nnlab.experiment.ExperimentResult} (numbers survive the trip exactly: Java writes a
 * double as text that reads back to the same bits), or why it did not train it. Data only, like the job.
 *
 * @param member {@code host:port} of the member that ran the job
 * @param resultJson the result, when it trained; null otherwise
 * @param problem why it did not train (another nnlab version, other data, an error); null when it did
 */
record TrialOutcome(String trialId, String member, String resultJson, String problem) implements Serializable {
  private static final long serialVersionUID = 1L;

  TrialOutcome {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(member, "member");
    if ((resultJson == null) == (problem == null)) {
      throw new IllegalArgumentException("an outcome has either a result or a problem");
    }
  }

  static TrialOutcome trained(String trialId, String member, String resultJson) {
    return new TrialOutcome(trialId, member, resultJson, null);
  }

  static TrialOutcome problem(String trialId, String member, String problem) {
    return new TrialOutcome(trialId, member, null, problem);
  }
}
