package org.nnlab.sweep;

import java.util.List;
import org.nnlab.rules.Finding;

/**
 * What the config rules found at one point of a sweep before anything trains: every finding,
 * warnings too. {@link SweepPlan#check} gives one per point; a point with {@link #errors()} may not
 * train, and {@link SweepPlan#validate} refuses the sweep.
 *
 * <pre>{@code
 * for (PointFindings p : nnlab.checkSweep(spec)) {
 *   p.errors().forEach(f -> System.out.println(p.describe(f.toString())));
 * }
 * }</pre>
 *
 * @param point the point's values (a halving sweep's points carry its {@code training.epochs} budget)
 * @param where the sweep's line for the point, {@code file:line:column}
 * @param findings what the rules found, in rule order; empty when every rule passes
 */
public record PointFindings(SweepPoint point, String where, List<Finding> findings) {
  public PointFindings {
    findings = List.copyOf(findings);
  }

  /** The findings at {@code error} severity. */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** {@code where: point {key=value}: what}, one line for a terminal or a log. */
  public String describe(String what) {
    return where + ": point {" + point.label() + "}: " + what;
  }
}
