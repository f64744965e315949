package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.topic.ITopic;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One trial as it travels to a member: data only — the trial's id, its config as canonical YAML
 * (which carries its seed), the coordinator's nnlab version, the SHA-256 of the coordinator's
 * training and test data, and the topic the member reports each epoch on ({@link TrialEpoch}). The code that trains it is the member's own ({@link TrialTrainer}, found
 * in the member's user context); the job never carries any.
 *
 * <p>Sent by Java serialization (Hazelcast's durable executor), so its fields are strings and its
 * {@code serialVersionUID} is fixed: members of another nnlab version still read it, and refuse it
 * by its {@link #nnlabVersion}.
 */
final class TrialJob implements Callable<TrialOutcome>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final String trialId;
  private final String configYaml;
  private final String nnlabVersion;
  private final String trainSha256;
  private final String testSha256;
  private final String epochTopic;
  private transient HazelcastInstance member;

  TrialJob(String trialId, String configYaml, String nnlabVersion, String trainSha256, String testSha256,
      String epochTopic) {
    this.trialId = Objects.requireNonNull(trialId, "trialId");
    this.configYaml = Objects.requireNonNull(configYaml, "configYaml");
    this.nnlabVersion = Objects.requireNonNull(nnlabVersion, "nnlabVersion");
    this.trainSha256 = Objects.requireNonNull(trainSha256, "trainSha256");
    this.testSha256 = Objects.requireNonNull(testSha256, "testSha256");
    this.epochTopic = Objects.requireNonNull(epochTopic, "epochTopic");
  }

  String trialId() {
    return trialId;
  }

  String configYaml() {
    return configYaml;
  }

  String nnlabVersion() {
    return nnlabVersion;
  }

  String trainSha256() {
    return trainSha256;
  }

  String testSha256() {
    return testSha256;
  }

  String epochTopic() {
    return epochTopic;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance instance) {
    this.member = instance;
  }

  /**
   * Trains the trial with the member's {@link TrialTrainer}, publishing each epoch on {@link
   * #epochTopic} as it ends; never throws: a problem is an outcome.
   */
  @Override
  public TrialOutcome call() {
    String address = ClusterWorker.addressOf(member.getCluster().getLocalMember());
    Object trainer = member.getUserContext().get(TrialTrainer.CONTEXT_KEY);
    if (!(trainer instanceof TrialTrainer t)) {
      return TrialOutcome.problem(trialId, address, "member " + address + " is not an nnlab worker: start "
          + "members with 'nnlab worker'");
    }
    ITopic<TrialEpoch> epochs = member.getTopic(epochTopic);
    return t.train(this, address, (epoch, from) -> epochs.publish(TrialEpoch.of(trialId, from, epoch)));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (trialId == null || configYaml == null || nnlabVersion == null || trainSha256 == null || testSha256 == null
        || epochTopic == null) {
      throw new InvalidObjectException("a trial job lacks a field");
    }
  }
}
