package org.nnlab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted key path with list indexes, as in {@code --set network.layers[1]=200}: a list of
 * segments, each a map key ({@code String}) or a list index ({@code Integer}).
 */
record KeyPath(List<Object> segments, String text) {
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[[0-9]{1,9}\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

  KeyPath {
    segments = List.copyOf(segments);
  }

  /** Parses {@code text}; null when it is not a key path. */
  static KeyPath parse(String text) {
    List<Object> segments = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        return null;
      }
      segments.add(m.group(1));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        segments.add(Integer.parseInt(index.group(1)));
      }
    }
    return new KeyPath(segments, text);
  }

  /** The path of the first {@code count} segments, as it would be written. */
  String prefix(int count) {
    StringBuilder b = new StringBuilder();
    for (Object s : segments.subList(0, count)) {
      if (s instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append(b.length() == 0 ? "" : ".").append(s);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
