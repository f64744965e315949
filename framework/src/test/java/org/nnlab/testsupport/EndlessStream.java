package org.nnlab.testsupport;

import java.io.InputStream;

/** A stream that never ends, repeating {@code pattern}: what /dev/zero or a one-line file without end gives. */
public final class EndlessStream extends InputStream {
  private final byte[] pattern;
  private long at;

  public EndlessStream(String pattern) {
    this.pattern = pattern.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Override
  public int read() {
    return pattern[(int) (at++ % pattern.length)];
  }

  @Override
  public int read(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      b[off + i] = (byte) read();
    }
    return len;
  }
}
