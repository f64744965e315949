package org.nnlab.rules;

import org.nnlab.config.Severity;

/**
 * What a rule found, before the config's severity is applied.
 *
 * @param message what is wrong, where, the value found, and why it matters
 * @param ceiling the most this can weigh: {@code ERROR} normally; {@code WARN} for advisories (a
 *     learning rate above 1, the book rule's declared deviation) that never stop a run
 */
public record Violation(String message, Severity ceiling) {
  public static Violation of(String message) {
    return new Violation(message, Severity.ERROR);
  }

  public static Violation advisory(String message) {
    return new Violation(message, Severity.WARN);
  }
}
