package org.nnlab.io;

/**
 * Text from user files made safe for a one-line message on a terminal: control and format
 * characters (NUL, escape sequences, line breaks, bidi overrides) are shown as escapes such as
 * {@code \x00} or {@code \u202E}, and long values are cut with an ellipsis and their length.
 *
 * <pre>{@code
 * throw new DataException(file + ": expected a number, found " + Printable.quote(field));
 * // → data.csv:3: expected a number, found 'ab\x00\x1b[31m…' (812 characters)
 * }</pre>
 *
 * <p>Use {@link #quote} for a value read from a file or typed by a user; use {@link #message} on a
 * whole message just before it is printed. Stateless.
 */
public final class Printable {
  /** Code points of a value kept before it is cut. */
  public static final int MAX_VALUE = 60;

  private Printable() {}

  /** {@code value} in single quotes, escaped, cut after {@value #MAX_VALUE} code points. */
  public static String quote(String value) {
    return "'" + clean(value, MAX_VALUE) + "'";
  }

  /** {@code value} escaped and cut after {@code max} code points, with the full length noted. */
  public static String clean(String value, int max) {
    if (value == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (count == max) {
        return b.append("… (").append(value.codePointCount(0, value.length())).append(" characters)").toString();
      }
      count++;
      appendEscaped(b, cp);
    }
    return b.toString();
  }

  /**
   * A whole message made printable: each line escaped as in {@link #clean} but not cut, the line
   * breaks between lines kept.
   */
  public static String message(String message) {
    if (message == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    String[] lines = message.split("\r?\n", -1);
    for (int k = 0; k < lines.length; k++) {
      if (k > 0) {
        b.append('\n');
      }
      lines[k].codePoints().forEach(cp -> appendEscaped(b, cp));
    }
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, int cp) {
    int type = Character.getType(cp);
    boolean unsafe = type == Character.CONTROL || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    if (!unsafe) {
      b.appendCodePoint(cp);
    } else if (cp <= 0xFF) {
      b.append(String.format("\\x%02x", cp));
    } else {
      b.append(String.format("\\u%04X", cp));
    }
  }
}
