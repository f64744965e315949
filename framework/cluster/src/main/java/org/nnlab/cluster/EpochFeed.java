package org.nnlab.cluster;

import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.EpochListener;

/**
 * A coordinator's end of the epochs its members report while trials train: members publish each
 * epoch on the coordinator's topic ({@link TrialEpoch}, named in every {@link TrialJob}); this
 * passes them on to each trial's {@link EpochListener}, in order, one run at a time.
 *
 * <p>Hazelcast's topics deliver at most once and in no order promised against the trial's result.
 * So what reaches a listener is made whole by the result itself ({@link #finish}): the result's
 * epochs the topic did not bring are told then, before the trial's future completes — each
 * trial's listener hears epochs 1..E in order, before its result, whatever the topic lost. An
 * epoch that does not follow the last one heard (a lost or late message) waits for the result; an
 * epoch 1 starts the trial over (a member running it again, at-least-once). Thread-safe.
 */
final class EpochFeed implements MessageListener<TrialEpoch> {
  private final Map<String, Heard> trials = new ConcurrentHashMap<>();

  /** Tells {@code listener} the epochs of trial {@code trialId} from now until {@link #finish} or {@link #forget}. */
  void watch(String trialId, EpochListener listener) {
    trials.put(trialId, new Heard(listener));
  }

  /** Hears no more of trial {@code trialId} (it was cancelled or failed). */
  void forget(String trialId) {
    trials.remove(trialId);
  }

  @Override
  public void onMessage(Message<TrialEpoch> message) {
    TrialEpoch e = message.getMessageObject();
    Heard heard = trials.get(e.trialId());
    if (heard != null) {
      heard.live(e.member(), e.stats());
    }
  }

  /**
   * Trial {@code trialId} trained on {@code member} to {@code epochs}: tells its listener those it
   * has not heard, then forgets the trial. Call before its future completes.
   */
  void finish(String trialId, String member, List<EpochStats> epochs) {
    Heard heard = trials.remove(trialId);
    if (heard != null) {
      heard.finish(member, epochs);
    }
  }

  /** One trial's epochs heard so far: the member of the current run, and its last epoch. */
  private static final class Heard {
    private final EpochListener listener;
    private String member = "";
    private int last;
    private boolean finished;

    Heard(EpochListener listener) {
      this.listener = listener;
    }

    synchronized void live(String from, EpochStats e) {
      if (finished || !(e.epoch() == 1 || (from.equals(member) && e.epoch() == last + 1))) {
        return;
      }
      member = from;
      last = e.epoch();
      listener.onEpoch(e, from);
    }

    synchronized void finish(String from, List<EpochStats> epochs) {
      finished = true;
      for (EpochStats e : epochs) {
        if (e.epoch() > last) {
          listener.onEpoch(e, from);
        }
      }
    }
  }
}
