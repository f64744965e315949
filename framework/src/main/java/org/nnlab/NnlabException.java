package org.nnlab;

import java.util.Optional;

/**
 * The one root of the errors a host can catch from nnlab: input that cannot be used. Each kind has
 * its own subtype — {@link org.nnlab.config.ConfigException} (a config or an override),
 * {@link org.nnlab.data.DataException} (a dataset), {@link org.nnlab.model.ModelException} (a model
 * file or weight folder), {@link org.nnlab.output.OutputException} (an output folder that cannot be
 * written now), {@link org.nnlab.rules.RuleException} (a sweep with a point that breaks a rule at
 * {@code error} severity, refused before anything trains). A violated rule of a run is not an
 * exception but a finding in the result.
 *
 * <pre>{@code
 * try {
 *   nnlab.run(config);
 * } catch (NnlabException e) {
 *   log.warn("bad input at {}: {}", e.where().orElse("?"), e.getMessage());
 * }
 * }</pre>
 *
 * <p>The message is one line: where, what is wrong, what is allowed. It names config keys and
 * library calls, never a command of the {@code nnlab} command line (which maps every
 * {@code NnlabException} to exit code 2). Anything else nnlab throws is a bug.
 */
public abstract class NnlabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String allowed;

  /** A one-line message saying where, what and what is allowed. */
  protected NnlabException(String message) {
    this(message, (Throwable) null);
  }

  protected NnlabException(String message, Throwable cause) {
    super(message, cause);
    this.where = null;
    this.allowed = null;
  }

  /**
   * The parts apart: the message is {@code where: what; allowed: allowed} (without the parts that
   * are null).
   */
  protected NnlabException(String where, String what, String allowed, Throwable cause) {
    super((where == null ? "" : where + ": ") + what + (allowed == null ? "" : "; allowed: " + allowed), cause);
    this.where = where;
    this.allowed = allowed;
  }

  /** Where the problem is (a file, {@code file:line:column}, a key path, a folder), when known apart. */
  public Optional<String> where() {
    return Optional.ofNullable(where);
  }

  /** What would have been accepted, when known apart. */
  public Optional<String> allowed() {
    return Optional.ofNullable(allowed);
  }
}
