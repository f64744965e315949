package org.nnlab.output;

import org.nnlab.NnlabException;

/**
 * An output folder that cannot be written now: another process holds its lock, or it holds files
 * of another kind (a sweep's results where a run would go, another sweep's trials). The message is
 * one line naming the folder, what holds it and what to do. One kind of {@link NnlabException}.
 */
public final class OutputException extends NnlabException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }
}
