package org.nnlab.sweep;

import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.metrics.TrainingMetrics;

/**
 * Trains trials on a fixed pool of threads in this JVM ({@code nnlab-trial-1}, {@code -2}, …), one
 * {@link ExperimentRunner} per trial from the injected factory, its meters tagged
 * {@code run=<this executor's id>, trial=<id>} (so two sweeps at once, or a sweep after a run of the
 * same name, stay apart in the host's registry), every trial
 * reading its data through one {@link CachingDatasetLoader}, so a sweep reads each dataset once.
 *
 * <pre>{@code
 * try (LocalTrialExecutor trials = new LocalTrialExecutor(2, runners, loader)) {
 *   sweepRunner.run(plan, store, trials, SweepListener.NONE);
 * }
 * }</pre>
 *
 * <p>Stopping: {@link #cancelAll} and {@link #close} interrupt the running trials, which stop
 * before their next block of samples ({@link org.nnlab.training.Trainer}), and wait up to {@link
 * #STOP_TIMEOUT} for every thread of the pool to end. The threads are daemons, so a host that
 * forgets {@code close} can still exit.
 */
public final class LocalTrialExecutor implements TrialExecutor {
  /** How long stopping waits for the pool's threads: far more than a block of samples or an epoch's evaluation. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  /** The pool's threads are this followed by 1, 2, … */
  public static final String THREAD_NAME = "nnlab-trial-";

  private final int threads;
  private final ExperimentRunner.Factory runners;
  private final DatasetLoader loader;
  private final String runId = TrainingMetrics.newRunId();
  private final ExecutorService pool;
  private final Queue<Thread> workers = new ConcurrentLinkedQueue<>();
  private final Set<CompletableFuture<TrialRun>> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * A pool of {@code threads} threads training with runners from {@code runners}, reading data
   * through {@code loader} (cached here for all the executor's trials).
   *
   * @throws IllegalArgumentException when {@code threads} &lt; 1
   */
  public LocalTrialExecutor(int threads, ExperimentRunner.Factory runners, DatasetLoader loader) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be ≥ 1, found " + threads);
    }
    this.threads = threads;
    this.runners = runners;
    this.loader = new CachingDatasetLoader(loader);
    AtomicInteger made = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, THREAD_NAME + made.incrementAndGet());
      workers.add(t);
      t.setDaemon(true);
      return t;
    });
  }

  /** The {@code run} tag of every trial this executor trains: one id per sweep. */
  public String runId() {
    return runId;
  }

  @Override
  public int capacity() {
    return threads;
  }

  @Override
  public CompletableFuture<TrialRun> submit(TrialTask task) {
    return submit(task, EpochListener.NONE);
  }

  @Override
  public CompletableFuture<TrialRun> submit(TrialTask task, EpochListener epochs) {
    CompletableFuture<TrialRun> future = new CompletableFuture<>();
    inFlight.add(future);
    future.whenComplete((run, failure) -> inFlight.remove(future));
    try {
      pool.execute(() -> {
        if (future.isDone()) {
          return; // cancelled before it started
        }
        try {
          ExperimentRunner runner = runners.create(loader,
              Tags.of(TrainingMetrics.RUN, runId, TrainingMetrics.TRIAL, task.trialId()));
          future.complete(TrialRun.local(task.trialId(), task.train(runner, epochs, "")));
        } catch (Throwable e) {
          future.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      inFlight.remove(future);
      throw new IllegalStateException("this executor was stopped; it takes no more trials", e);
    }
    return future;
  }

  @Override
  public void cancelAll() {
    inFlight.forEach(f -> f.cancel(false)); // CancellationException for whoever waits
    pool.shutdownNow(); // interrupts the running trials
    awaitThreads();
  }

  @Override
  public void close() {
    if (inFlight.isEmpty()) {
      pool.shutdown();
      awaitThreads();
    } else {
      cancelAll();
    }
  }

  /** Waits, within {@link #STOP_TIMEOUT}, until no thread of the pool is left; an interrupt does not cut it short. */
  private void awaitThreads() {
    boolean interrupted = Thread.interrupted();
    try {
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      while (!pool.isTerminated()) {
        try {
          if (!pool.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("trials still running " + STOP_TIMEOUT.toSeconds()
                + " s after they were told to stop, on threads " + THREAD_NAME + "*");
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      // a terminated pool's last worker may still be ending its run(): wait until no thread is alive
      for (Thread t : workers) {
        while (t.isAlive() && t != Thread.currentThread()) {
          try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
          } catch (InterruptedException e) {
            interrupted = true;
          }
          if (t.isAlive() && System.nanoTime() > deadline) {
            throw new IllegalStateException("thread " + t.getName() + " still alive "
                + STOP_TIMEOUT.toSeconds() + " s after its pool stopped");
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
