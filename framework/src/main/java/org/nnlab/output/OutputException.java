package org.nnlab.output;

/**
 * An output folder that cannot be written now: another process holds its lock, or it holds files
 * of another kind (a sweep's results where a run would go, another sweep's trials). The message is
 * one line naming the folder, what holds it and what to do. The command line turns it into exit
 * code 2.
 */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }
}
