package org.nnlab.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.experiment.EpochStats;
import org.nnlab.report.ReportModel;
import org.nnlab.report.TrialRow;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

/**
 * A sweep as it runs, for its live page: every trial started, its epochs so far, and every trial
 * finished, fed by the sweep's events. The events only record (a map put, a list add, under one
 * lock); the page's model is built when a page asks, on the server's thread, so watching costs the
 * trials nothing measurable.
 *
 * <pre>{@code
 * LiveSweep live = new LiveSweep(plan.base().name(), dir);
 * runner.run(plan, store, threads, live);         // or a listener that forwards to it
 * live.end();
 * }</pre>
 *
 * Thread-safe.
 */
public final class LiveSweep extends PageSource implements SweepListener {
  private final String name;
  private final Path dir;
  private final List<TrialResult> finished = new ArrayList<>();
  private final Map<String, TrialRow> running = new LinkedHashMap<>();
  private int planned;

  /** The live state of sweep {@code name}, whose folder {@code dir} may hold back-query images. */
  public LiveSweep(String name, Path dir) {
    this.name = name;
    this.dir = dir;
  }

  @Override
  public String name() {
    return name;
  }

  /** Trials stored before this process started (a resumed sweep): shown as finished. */
  public synchronized void resumed(List<TrialResult> stored) {
    finished.addAll(stored);
    changed();
  }

  @Override
  public synchronized void onPlanned(int total, int done) {
    planned = total;
    changed();
  }

  @Override
  public synchronized void onTrialStarted(Trial trial, int epochs) {
    // order 0: a trial gets its number when it finishes
    running.put(trial.id(), new TrialRow(trial.id(), 0, trial.point().parameters(), trial.repeat(),
        trial.seed(), TrialRow.RUNNING, epochs, Double.NaN, 0, "", List.of()));
    changed();
  }

  @Override
  public synchronized void onEpoch(Trial trial, EpochStats e, String member) {
    String trialId = trial.id();
    TrialRow r = running.get(trialId);
    if (r != null) {
      // a trial a cluster trains again starts over from epoch 1: its earlier epochs give way
      List<EpochStats> epochs = new ArrayList<>(r.epochs().stream().filter(x -> x.epoch() < e.epoch()).toList());
      epochs.add(e);
      running.put(trialId, new TrialRow(r.id(), r.order(), r.parameters(), r.repeat(), r.seed(), r.status(),
          r.epochsPlanned(), e.accuracy(), e.samplesPerSecond(), member, epochs));
      changed();
    }
  }

  @Override
  public synchronized void onTrial(TrialResult result, int done, int total) {
    running.remove(result.trial());
    finished.add(result);
    planned = Math.max(planned, total);
    changed();
  }

  @Override
  protected Map<String, Object> model() {
    List<TrialResult> done;
    List<TrialRow> rows;
    int total;
    boolean ended;
    synchronized (this) {
      done = List.copyOf(finished);
      ended = finished();
      // once the sweep has ended, a trial that never finished (the sweep failed or was stopped) is no row
      rows = ended ? List.of() : List.copyOf(running.values());
      total = planned;
    }
    int queued = Math.max(0, total - done.size() - rows.size());
    Map<String, Object> m = ReportModel.sweep(name, done, rows, dir);
    m.put("live", ended ? "the sweep has ended" : done.size() + " of " + total + " trials finished, "
        + rows.size() + " running, " + queued + " queued");
    return m;
  }
}
