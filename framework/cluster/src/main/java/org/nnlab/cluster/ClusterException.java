package org.nnlab.cluster;

/**
 * A sweep could not go on on its cluster: no member answered, the coordinator lost every member,
 * or a member refused a trial (another nnlab version, other data) or could not train it. The
 * message says which member and what to do; the CLI prints it as one line (exit 2).
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
