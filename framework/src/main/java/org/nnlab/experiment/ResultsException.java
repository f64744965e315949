package org.nnlab.experiment;

import org.nnlab.NnlabException;

/**
 * A results file nnlab reads back ({@code results.json}, a line of {@code results.jsonl}) that cannot
 * be used: not JSON, not an object, a field missing, of the wrong type or out of range (an accuracy
 * outside [0, 1]). The message is one line naming the file, the line when there is one, and the
 * field. The command line turns it into exit code 2.
 */
public final class ResultsException extends NnlabException {
  private static final long serialVersionUID = 1L;

  public ResultsException(String message) {
    super(message);
  }

  public ResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}
