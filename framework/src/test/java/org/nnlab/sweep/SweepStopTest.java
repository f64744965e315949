package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.data.DataException;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.InputScaling;

/**
 * A sweep stops cleanly when a trial throws: the others are interrupted mid-epoch, the pool is
 * gone when {@code run} throws, and the store holds only the lines of trials that finished before.
 */
class SweepStopTest {
  /** Long enough that one epoch cannot end while the failing trial is being set up. */
  private static final int LONG_SIZE = 4_000_000;
  /** Reads past what the rules probe before training (1,000 and 200 samples): the trial is training. */
  private static final long TRAINING = 50_000;

  @TempDir Path dir;

  /**
   * Three trials on two threads, started in plan order: {@code tiny:long} trains one epoch of 4
   * million samples; {@code tiny:train} finishes and is stored; {@code tiny:boom} starts on the freed
   * thread and, once the long trial is mid-epoch and the short one stored, fails to load its data.
   */
  @Test
  void aTrialThatThrows_stopsTheOthersMidEpoch_awaitsThePool_andStoresOnlyWhatFinishedBefore()
      throws IOException {
    SweepPlan plan = SweepFixtures.plan(
        "sweep:\n  parameters:\n    data.train: ['tiny:long', 'tiny:train', 'tiny:boom']\n");
    LongData longData = new LongData();
    CountDownLatch oneStored = new CountDownLatch(1);
    DatasetLoader loader = source -> {
      String name = source.toString();
      if (name.contains("long")) {
        return longData;
      }
      if (name.contains("boom")) {
        await(longData.training, "the long trial to be training");
        await(oneStored, "the short trial to be stored");
        throw new DataException("tiny:boom: no such dataset");
      }
      return name.contains("train") ? SweepFixtures.TRAIN : SweepFixtures.TEST;
    };
    SweepListener listener = new SweepListener() {
      @Override
      public void onTrial(TrialResult result, int done, int total) {
        oneStored.countDown();
      }
    };
    SweepRunner runner = new SweepRunner(loader, SweepFixtures.runners(new SimpleMeterRegistry()));
    Path file = dir.resolve(ResultsStore.FILE);

    try (ResultsStore store = ResultsStore.open(file)) {
      assertThatThrownBy(() -> runner.run(plan, store, 2, listener))
          .isInstanceOf(DataException.class).hasMessage("tiny:boom: no such dataset")
          .satisfies(e -> assertThat(e.getSuppressed()).as("the pool stopped in time").isEmpty());
      assertThat(trialThreads()).as("threads of the pool alive after run threw").isEmpty();
      assertThat(longData.reads.get()).as("the long trial stopped mid-epoch")
          .isGreaterThan(TRAINING).isLessThan(LONG_SIZE);
    }

    String text = Files.readString(file);
    assertThat(text).endsWith("\n");
    List<TrialResult> stored = ResultsStore.readAll(file);
    assertThat(stored).singleElement().satisfies(r -> {
      assertThat(r.parameters()).containsEntry("data.train", "tiny:train");
      assertThat(r.result().completed()).isTrue();
    });
    assertThat(text.lines()).hasSize(1);
  }

  @Test
  void resultsStore_appendAfterClose_failsLoudly_andWritesNothing() throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1]\n");
    Path file = dir.resolve(ResultsStore.FILE);
    List<TrialResult> results;
    try (ResultsStore store = ResultsStore.open(file)) {
      results = SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 1, SweepListener.NONE);
    }
    String before = Files.readString(file);
    ResultsStore closed = ResultsStore.open(file);
    closed.close();
    assertThatThrownBy(() -> closed.append(results.get(0))).isInstanceOf(IllegalStateException.class)
        .hasMessage(file + " is closed: trial " + results.get(0).trial() + " comes after the sweep ended");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void finishedSweep_leavesNoThreadOfItsPool() throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  repeats: 2\n  parameters:\n    training.learningRate: [0.1, 0.3]\n");
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      assertThat(SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 2, SweepListener.NONE))
          .hasSize(4);
    }
    assertThat(trialThreads()).isEmpty();
  }

  private static List<String> trialThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith(LocalTrialExecutor.THREAD_NAME))
        .toList();
  }

  /** Waits for {@code latch}; a bound so that a broken sweep fails this test instead of hanging it. */
  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("waited 60 s for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }

  /**
   * 4 million 2×2 samples computed on the fly (like {@link SweepFixtures#TRAIN}, 3 classes), counting
   * the samples read; {@link #training} opens once the trainer is well into the epoch.
   */
  private static final class LongData implements Dataset {
    final AtomicLong reads = new AtomicLong();
    final CountDownLatch training = new CountDownLatch(1);

    @Override
    public void scaledInputs(int i, InputScaling scaling, double[] out) {
      if (reads.incrementAndGet() == TRAINING) {
        training.countDown();
      }
      Dataset.super.scaledInputs(i, scaling, out);
    }

    @Override
    public String name() {
      return "tiny:long";
    }

    @Override
    public int size() {
      return LONG_SIZE;
    }

    @Override
    public int rows() {
      return 2;
    }

    @Override
    public int cols() {
      return 2;
    }

    @Override
    public int classes() {
      return 3;
    }

    @Override
    public int label(int i) {
      return i % 3;
    }

    @Override
    public int pixel(int i, int j) {
      return ((i % 3 == j % 3 ? 220 : 30) + i) & 0xFF;
    }

    @Override
    public String sha256() {
      return "sha256:long";
    }
  }
}
