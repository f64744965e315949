package org.nnlab.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.durableexecutor.DurableExecutorServiceFuture;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.topic.ITopic;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Provenance;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.sweep.EpochListener;
import org.nnlab.sweep.TrialExecutor;
import org.nnlab.sweep.TrialRun;
import org.nnlab.sweep.TrialTask;

/**
 * A sweep's {@link TrialExecutor} on a Hazelcast cluster: this JVM joins as a client (the
 * coordinator) and submits each trial as a {@link TrialJob} to the durable executor of the
 * {@link ClusterWorker}s, keyed by its trial id. Members report each epoch as it ends on a topic
 * of this coordinator's own ({@link EpochFeed}), so live views follow remote trials as they train.
 *
 * <pre>{@code
 * try (ClusterTrialExecutor trials = ClusterTrialExecutor.connect(List.of("10.0.0.5:5701"), "nnlab", loader, listener)) {
 *   sweepRunner.run(plan, store, trials, progress);
 * }
 * }</pre>
 *
 * <p>Failures: a job lives on its partition's owner and one backup; when the owner dies, the
 * backup re-runs every job without a stored result and the trial's future completes as if nothing
 * happened. A job that Hazelcast itself lost (owner and backup gone) is sent again, up to {@value
 * #ATTEMPTS} times. So a trial may train more than once but completes its future once; the sweep
 * stores it once. Halving's {@link TrialTask#continueFrom} is ignored: members train from scratch,
 * to the same numbers.
 *
 * <p>Caveat: {@link #cancelAll} stops waiting for trials and discards their results; jobs already on
 * members finish there (Hazelcast cannot interrupt a durable executor's task).
 */
public final class ClusterTrialExecutor implements TrialExecutor {
  /** How often a job Hazelcast lost is sent again before the sweep fails. */
  static final int ATTEMPTS = 3;
  /** Trials in flight per thread the members offer: enough to keep a thread busy while a result travels. */
  static final int IN_FLIGHT_PER_THREAD = 2;

  private final HazelcastInstance client;
  private final String clusterName;
  private final DurableExecutorService jobs;
  private final ClusterDatasets datasets;
  private final String nnlabVersion;
  private final ExecutorService callbacks;
  private final ITopic<TrialEpoch> epochTopic;
  private final EpochFeed epochs = new EpochFeed();
  private final Map<CompletableFuture<TrialRun>, Boolean> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Integer> perMember = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  private ClusterTrialExecutor(
      HazelcastInstance client, String clusterName, DatasetLoader loader, ClusterListener listener) {
    this.client = client;
    this.clusterName = clusterName;
    this.jobs = client.getDurableExecutorService(HazelcastSettings.EXECUTOR);
    this.datasets = new ClusterDatasets(loader);
    this.nnlabVersion = Provenance.nnlabVersion();
    // results are read and jobs re-sent off Hazelcast's own threads, which must never block; on
    // threads of their own, since disposing of a result or re-sending a job waits for its
    // partition's owner, which may be the member that just died
    this.callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "nnlab-cluster-results");
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.DiscardPolicy()); // after close, late completions (of a shut-down client) go unheard
    this.epochTopic = client.getTopic(HazelcastSettings.EPOCH_TOPICS + client.getLocalEndpoint().getUuid());
    epochTopic.addMessageListener(epochs);
    client.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        listener.onMemberJoined(ClusterWorker.addressOf(e.getMember()), e.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        listener.onMemberLeft(ClusterWorker.addressOf(e.getMember()), e.getMembers().size());
      }
    });
  }

  /**
   * Connects to the cluster named {@code clusterName} through any of {@code addresses}; the
   * coordinator reads data through {@code loader} only to hash it (members must hold the same).
   *
   * @throws ClusterException when no member answers within {@value HazelcastSettings#CONNECT_TIMEOUT_MILLIS} ms
   */
  public static ClusterTrialExecutor connect(
      List<String> addresses, String clusterName, DatasetLoader loader, ClusterListener listener) {
    HazelcastInstance client;
    try {
      client = HazelcastClient.newHazelcastClient(HazelcastSettings.client(addresses, clusterName));
    } catch (IllegalStateException | HazelcastException e) {
      throw new ClusterException("no member of cluster '" + clusterName + "' answered at " + String.join(",", addresses)
          + " within " + HazelcastSettings.CONNECT_TIMEOUT_MILLIS / 1000 + " s: start members with 'nnlab worker', "
          + "or check the addresses and --cluster-name", e);
    }
    return new ClusterTrialExecutor(client, clusterName, loader, listener);
  }

  /** The members now, as {@code host:port}. */
  public List<String> members() {
    return client.getCluster().getMembers().stream().map(ClusterWorker::addressOf).toList();
  }

  /** The trial threads the members offer in all (each member's {@code --threads}). */
  public int threads() {
    int threads = 0;
    for (Member m : client.getCluster().getMembers()) {
      String t = m.getAttribute(HazelcastSettings.THREADS_ATTRIBUTE);
      threads += t == null ? 1 : Integer.parseInt(t);
    }
    return threads;
  }

  /** Trials trained so far by each member ({@code host:port}), in address order. */
  public Map<String, Integer> trialsPerMember() {
    return new TreeMap<>(perMember);
  }

  /** Twice the members' threads: jobs queue on their owners, with no work stealing between members. */
  @Override
  public int capacity() {
    return Math.max(1, IN_FLIGHT_PER_THREAD * threads());
  }

  @Override
  public CompletableFuture<TrialRun> submit(TrialTask task) {
    return submit(task, EpochListener.NONE);
  }

  /** As {@link #submit(TrialTask)}; {@code listener} hears the epochs the member reports, then any the topic lost. */
  @Override
  public CompletableFuture<TrialRun> submit(TrialTask task, EpochListener listener) {
    if (stopped) {
      throw new IllegalStateException("this executor was stopped; it takes no more trials");
    }
    ExperimentConfig config = task.config();
    TrialJob job = new TrialJob(task.trialId(), ConfigWriter.toYaml(config), nnlabVersion,
        datasets.sha256(config.data().train()), datasets.sha256(config.data().test()), epochTopic.getName());
    CompletableFuture<TrialRun> result = new CompletableFuture<>();
    inFlight.put(result, Boolean.TRUE);
    epochs.watch(task.trialId(), listener);
    result.whenComplete((run, failure) -> {
      inFlight.remove(result);
      epochs.forget(task.trialId());
    });
    // not on the caller's thread: submitting waits for the partition's owner, and a hung owner
    // would hold up the sweep's loop — and the storing of every other result — until it is declared dead
    callbacks.execute(() -> send(job, result, 1));
    return result;
  }

  /**
   * Submits {@code job}; its outcome completes {@code result}, or a lost job is sent again. Whatever
   * goes wrong here completes {@code result}: an exception left on a pool thread would leave the
   * sweep waiting for ever.
   */
  private void send(TrialJob job, CompletableFuture<TrialRun> result, int attempt) {
    if (result.isDone()) {
      return; // cancelled before it was sent
    }
    try {
      DurableExecutorServiceFuture<TrialOutcome> future = jobs.submitToKeyOwner(job, job.trialId());
      future.whenCompleteAsync((outcome, failure) -> received(job, result, attempt, future, outcome, failure),
          callbacks);
    } catch (RuntimeException e) {
      result.completeExceptionally(failed(job, attempt, e));
    }
  }

  private void received(TrialJob job, CompletableFuture<TrialRun> result, int attempt,
      DurableExecutorServiceFuture<TrialOutcome> future, TrialOutcome outcome, Throwable failure) {
    if (result.isDone()) {
      return; // cancelled meanwhile
    }
    try {
      if (failure == null) {
        jobs.disposeResult(future.getTaskId()); // frees the slot in the partition's ring buffer
        complete(outcome, result);
      } else if (lost(failure) && attempt < ATTEMPTS && !stopped) {
        send(job, result, attempt + 1);
      } else {
        result.completeExceptionally(failed(job, attempt, unwrap(failure)));
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(failed(job, attempt, e));
    }
  }

  private void complete(TrialOutcome outcome, CompletableFuture<TrialRun> result) {
    if (outcome.problem() != null) {
      result.completeExceptionally(new ClusterException(outcome.problem()));
      return;
    }
    perMember.merge(outcome.member(), 1, Integer::sum);
    ExperimentResult trained = ResultsJson.fromJson(outcome.resultJson());
    epochs.finish(outcome.trialId(), outcome.member(), trained.epochs());
    result.complete(TrialRun.remote(outcome.trialId(), trained));
  }

  private ClusterException failed(TrialJob job, int attempt, Throwable cause) {
    if (cause instanceof HazelcastClientNotActiveException && !stopped) {
      return new ClusterException("lost every member of cluster '" + clusterName + "' (none answered for "
          + HazelcastSettings.CONNECT_TIMEOUT_MILLIS / 1000 + " s): restart the workers, then run the same sweep "
          + "with --resume", cause);
    }
    return new ClusterException("trial " + job.trialId() + " failed on the cluster after " + attempt + " attempt(s): "
        + cause, cause);
  }

  /** Whether {@code failure} lost the job on the way (members gone, a full ring buffer), not in the trial. */
  private static boolean lost(Throwable failure) {
    Throwable cause = unwrap(failure);
    return (cause instanceof HazelcastException || cause instanceof RejectedExecutionException)
        && !(cause instanceof HazelcastClientNotActiveException)
        && !(cause instanceof HazelcastSerializationException);
  }

  private void destroyEpochTopic() {
    try {
      epochTopic.destroy();
    } catch (RuntimeException e) {
      // the cluster went away meanwhile: nothing of the topic is left to free
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void cancelAll() {
    stopped = true;
    inFlight.keySet().forEach(f -> f.cancel(false));
  }

  @Override
  public void close() {
    if (!inFlight.isEmpty()) {
      cancelAll();
    } else if (!stopped) {
      destroyEpochTopic(); // a sweep that ended well: the cluster answers; members forget the topic
    }
    stopped = true;
    client.shutdown();
    callbacks.shutdownNow();
  }
}
