package org.nnlab.cluster;

import com.google.inject.Inject;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import java.util.concurrent.CountDownLatch;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.experiment.Provenance;
import org.nnlab.rules.RuleBook;
import org.nnlab.training.Trainer;

/**
 * A cluster member that trains sweep trials: a Hazelcast member whose durable executor runs the
 * {@link TrialJob}s that coordinators ({@link ClusterTrialExecutor}) submit, {@link
 * WorkerOptions#threads} at a time, with this JVM's nnlab code and data.
 *
 * <pre>{@code
 * try (ClusterWorker worker = workers.start(WorkerOptions.defaults().withThreads(2), listener)) {
 *   worker.awaitStop();             // until close() from another thread, or the member stops
 * }
 * }</pre>
 *
 * <p>{@link #close} leaves the cluster gracefully: the member hands its partitions — and the trials
 * queued or running on them — to the other members, which run again every trial that has no stored
 * result (at-least-once: the coordinator keeps the first result of each trial). A member killed
 * outright loses nothing either, as long as one backup is left (see docs/cluster.md).
 */
public final class ClusterWorker implements AutoCloseable {
  private final HazelcastInstance member;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ClusterWorker(HazelcastInstance member, ClusterListener listener) {
    this.member = member;
    member.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleState.SHUTDOWN) {
        stopped.countDown();
      }
    });
    member.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        listener.onMemberJoined(addressOf(e.getMember()), e.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        listener.onMemberLeft(addressOf(e.getMember()), e.getMembers().size());
      }
    });
  }

  /** Starts workers with the injected data loader, rules, network factory and trainer. */
  public static final class Factory {
    private final DatasetLoader loader;
    private final RuleBook rules;
    private final NetworkFactory networks;
    private final Trainer trainer;

    @Inject
    public Factory(DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer) {
      this.loader = loader;
      this.rules = rules;
      this.networks = networks;
      this.trainer = trainer;
    }

    /**
     * Starts a member and joins (or founds) its cluster; returns once it is a member.
     *
     * @throws IllegalStateException when Hazelcast cannot start (the port is taken, the address is not this host's)
     */
    public ClusterWorker start(WorkerOptions options, ClusterListener listener) {
      return start(options, listener, Provenance.nnlabVersion());
    }

    /** As {@link #start(WorkerOptions, ClusterListener)}, claiming nnlab version {@code version}: for tests. */
    ClusterWorker start(WorkerOptions options, ClusterListener listener, String version) {
      TrialTrainer trials = new TrialTrainer(loader, rules, networks, trainer, version, listener);
      HazelcastInstance member;
      try {
        member = Hazelcast.newHazelcastInstance(HazelcastSettings.member(options, version, trials));
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot start a cluster member on " + options.bind() + ":" + options.port()
            + ": " + e.getMessage(), e);
      }
      return new ClusterWorker(member, listener);
    }
  }

  /** {@code host:port} of {@code m}, as members are named in results and messages. */
  static String addressOf(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  /** This member's {@code host:port}. */
  public String address() {
    return addressOf(member.getCluster().getLocalMember());
  }

  /** How many members the cluster has, this one included. */
  public int members() {
    return member.getCluster().getMembers().size();
  }

  /** Blocks until this member has stopped (by {@link #close} or because Hazelcast stopped it). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops at once, without handing anything over: as a crash looks to the others. For tests. */
  void terminate() {
    member.getLifecycleService().terminate();
  }

  /** Leaves the cluster gracefully (see the class comment); returns once this member has stopped. */
  @Override
  public void close() {
    member.shutdown();
  }
}
