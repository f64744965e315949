package org.nnlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

/**
 * Shows a sweep's progress: trials done, the best accuracy so far and the time left — a progress
 * bar (the {@code progressbar} library) on a terminal, one plain line per trial otherwise. The best
 * is the best trial by the sweep's {@link Ranking}: with {@code sweep.choose: rule-clean}, the best
 * trial without rule findings once there is one ("best rule-clean …"), before that the best with
 * findings ("best … with rule findings").
 */
final class SweepProgress implements SweepListener, AutoCloseable {
  private final PrintWriter out;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private final Ranking ranking;
  private TrialResult best;
  private int resumedFrom; // trials found in the store
  private int ranHere; // trials this process ran

  private SweepProgress(PrintWriter out, ProgressBar bar, Ranking ranking) {
    this.out = out;
    this.bar = bar;
    this.ranking = ranking;
  }

  static SweepProgress start(String name, Ranking ranking, PrintWriter out) {
    if (System.console() == null) {
      return new SweepProgress(out, null, ranking);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" trials", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
    return new SweepProgress(out, bar, ranking);
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
    // best by the accuracy sweeps choose by (validation when the trials hold samples out), ranked as the sweep chooses
    double choice = r.result().choiceAccuracy();
    if (best == null || ranking.trials().compare(r, best) < 0) {
      best = r;
    }
    String kind = ranking.ruleClean() && Ranking.clean(best) ? "best rule-clean" : "best";
    String flagged = ranking.ruleClean() && !Ranking.clean(best) ? " with rule findings" : "";
    double bestChoice = best.result().choiceAccuracy();
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(done);
      bar.setExtraMessage(String.format(Locale.ROOT, r.result().validation() == null ? " %s %.4f%s"
          : " %s validation %.4f%s", kind, bestChoice, flagged));
      return;
    }
    String member = r.result().provenance().member();
    String accuracy = r.result().validation() == null
        ? String.format(Locale.ROOT, "accuracy %.4f (%s %.4f%s)", r.result().accuracy(), kind, bestChoice, flagged)
        : String.format(Locale.ROOT, "validation %.4f, test %.4f (%s validation %.4f%s)", choice,
            r.result().accuracy(), kind, bestChoice, flagged);
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
