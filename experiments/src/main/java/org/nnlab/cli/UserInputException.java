package org.nnlab.cli;

/** A command-line argument that cannot be used (a missing file, a sweep config given to run); exit 2. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message);
  }
}
