package org.nnlab.rules;

import java.util.Objects;
import org.nnlab.config.Severity;

/**
 * One rule's verdict on one thing, as it appears in reports and {@code results.json}.
 *
 * @param rule the rule's stable id, e.g. {@code input-range}
 * @param severity {@code error} or {@code warn} (rules that are {@code off} produce no findings)
 * @param phase when it was found
 * @param message what is wrong, where, and why
 */
public record Finding(String rule, Severity severity, Phase phase, String message) {
  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(phase);
    Objects.requireNonNull(message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code rule [severity] message}, for a terminal. */
  @Override
  public String toString() {
    return rule + " [" + severity.id() + "] " + message;
  }
}
