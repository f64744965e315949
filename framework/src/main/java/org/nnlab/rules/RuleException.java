package org.nnlab.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.NnlabException;

/**
 * Input that binds but breaks a rule at {@code error} severity where no result could carry the
 * finding: a sweep with points that may not train ({@code nnlab.plan}, {@code nnlab.sweep}). A
 * single run never throws it — its violations are findings in its result. One kind of
 * {@link NnlabException}; the findings themselves come with it.
 *
 * <pre>{@code
 * try {
 *   nnlab.sweep(spec, store, false);
 * } catch (RuleException e) {
 *   e.findings().forEach((point, found) -> log.warn("{}: {}", point, found));
 * }
 * }</pre>
 *
 * <p>To see every point's findings, warnings too, without an exception: {@code nnlab.checkSweep}.
 */
public final class RuleException extends NnlabException {
  private static final long serialVersionUID = 1L;

  private final Map<String, List<Finding>> findings;

  /**
   * @param message one line per offending place, after a line saying how many
   * @param findings each offending place (for a sweep, a point's label) with its error findings, in order
   */
  public RuleException(String message, Map<String, List<Finding>> findings) {
    super(message);
    Map<String, List<Finding>> copy = new LinkedHashMap<>();
    findings.forEach((where, found) -> copy.put(where, List.copyOf(found)));
    this.findings = Collections.unmodifiableMap(copy);
  }

  /** Each offending place (for a sweep: the point's label, {@code {training.learningRate=-1.0}}) with its error findings. */
  public Map<String, List<Finding>> findings() {
    return findings;
  }
}
