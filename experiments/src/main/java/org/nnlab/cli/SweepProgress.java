package org.nnlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

/**
 * Shows a sweep's progress: trials done, the best accuracy so far and the time left — a progress
 * bar (the {@code progressbar} library) on a terminal, one plain line per trial otherwise.
 */
final class SweepProgress implements SweepListener, AutoCloseable {
  private final PrintWriter out;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private double best = Double.NaN;
  private int resumedFrom; // trials found in the store
  private int ranHere; // trials this process ran

  private SweepProgress(PrintWriter out, ProgressBar bar) {
    this.out = out;
    this.bar = bar;
  }

  static SweepProgress start(String name, PrintWriter out) {
    if (System.console() == null) {
      return new SweepProgress(out, null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" trials", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
    return new SweepProgress(out, bar);
  }

  @Override
  public synchronized void onPlanned(int total, int done) {
    // halving plans again at each rung: what it counts as done then includes the trials run here
    int stored = done - ranHere;
    boolean more = stored > resumedFrom;
    resumedFrom = Math.max(resumedFrom, stored);
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(done);
    } else if (more) {
      out.printf(Locale.ROOT, "resuming: %d of %d trials already stored%n", stored, total);
    }
  }

  @Override
  public synchronized void onTrial(TrialResult r, int done, int total) {
    ranHere++;
    // best by the accuracy sweeps choose by: validation when the trials hold samples out
    double choice = r.result().choiceAccuracy();
    if (!Double.isNaN(choice) && (Double.isNaN(best) || choice > best)) {
      best = choice;
    }
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(done);
      bar.setExtraMessage(String.format(Locale.ROOT, r.result().validation() == null ? " best %.4f"
          : " best validation %.4f", best));
      return;
    }
    String member = r.result().provenance().member();
    String accuracy = r.result().validation() == null
        ? String.format(Locale.ROOT, "accuracy %.4f (best %.4f)", r.result().accuracy(), best)
        : String.format(Locale.ROOT, "validation %.4f, test %.4f (best validation %.4f)", choice,
            r.result().accuracy(), best);
    out.printf(Locale.ROOT, "trial %d/%d {%s} seed %d: %s, %s, %s left%s%n",
        done, total, label(r), r.seed(), r.result().status(), accuracy, eta(done, total),
        member.isEmpty() ? "" : ", on " + member);
  }

  /** A listener that tells {@code first}, then {@code second}. */
  static SweepListener both(SweepListener first, SweepListener second) {
    return new SweepListener() {
      @Override
      public void onPlanned(int total, int done) {
        first.onPlanned(total, done);
        second.onPlanned(total, done);
      }

      @Override
      public void onTrial(TrialResult result, int done, int total) {
        first.onTrial(result, done, total);
        second.onTrial(result, done, total);
      }

      @Override
      public void onTrialStarted(Trial trial, int epochs) {
        first.onTrialStarted(trial, epochs);
        second.onTrialStarted(trial, epochs);
      }

      @Override
      public void onEpoch(Trial trial, EpochStats epoch, String member) {
        first.onEpoch(trial, epoch, member);
        second.onEpoch(trial, epoch, member);
      }
    };
  }

  private static String label(TrialResult r) {
    StringBuilder b = new StringBuilder();
    r.parameters().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }

  /** Time left, from the rate of the trials run in this process. */
  private String eta(int done, int total) {
    if (ranHere <= 0) {
      return "?";
    }
    double perTrial = (System.nanoTime() - start) / 1e9 / ranHere;
    Duration left = Duration.ofSeconds(Math.round(perTrial * (total - done)));
    return String.format(Locale.ROOT, "%d:%02d", left.toMinutes(), left.toSecondsPart());
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
