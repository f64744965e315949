package org.nnlab.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.nnlab.cluster.ClusterListener;

/**
 * Prints a cluster's events as timestamped lines: members joining and leaving (worker and
 * coordinator), and the trials a worker trains or refuses (worker only).
 */
final class ClusterLog implements ClusterListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final PrintWriter out;
  private final boolean trials;

  ClusterLog(PrintWriter out, boolean trials) {
    this.out = out;
    this.trials = trials;
  }

  @Override
  public void onMemberJoined(String member, int members) {
    line("member %s joined: %d member%s", member, members, members == 1 ? "" : "s");
  }

  @Override
  public void onMemberLeft(String member, int members) {
    line("member %s left: %d member%s", member, members, members == 1 ? "" : "s");
  }

  @Override
  public void onTrial(String trialId, String status, double seconds, String problem) {
    if (!trials) {
      return;
    }
    if (problem != null) {
      line("refused trial %s: %s", trialId, problem);
    } else {
      line("trained trial %s: %s in %.1f s", trialId, status, seconds);
    }
  }

  /** One line, stamped with the time of day. */
  synchronized void line(String format, Object... args) {
    out.println(LocalTime.now().format(TIME) + " " + String.format(Locale.ROOT, format, args));
    out.flush();
  }
}
