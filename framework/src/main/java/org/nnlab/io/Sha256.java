package org.nnlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash nnlab records: of a config's canonical text, a dataset's samples, a
 * network's weights, a model file, a downloaded file. Its text form is {@code sha256:<64 lowercase
 * hex digits>}, as {@code results.json} and {@code model.nnlab} carry it.
 *
 * <pre>{@code
 * Sha256.of("name: x\n");                                   // "sha256:…" of the UTF-8 bytes
 * Sha256.start().update(header).update(pixels).prefixed();  // several parts, one hash
 * Sha256.start().update(in).hex();                          // a stream, read to its end
 * }</pre>
 *
 * <p>An instance hashes once: {@link #digest}, {@link #hex} or {@link #prefixed} ends it. Not
 * thread-safe.
 */
public final class Sha256 {
  /** What the text form starts with. */
  public static final String PREFIX = "sha256:";
  private static final int BUFFER = 1 << 16;

  private final MessageDigest md;
  private boolean done;

  private Sha256() {
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** A hash with nothing in it yet. */
  public static Sha256 start() {
    return new Sha256();
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String of(byte[] bytes) {
    return start().update(bytes).prefixed();
  }

  /** {@code sha256:<hex>} of {@code text}'s UTF-8 bytes. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds {@code bytes}. */
  public Sha256 update(byte[] bytes) {
    return update(bytes, 0, bytes.length);
  }

  /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
  public Sha256 update(byte[] bytes, int offset, int length) {
    checkNotDone();
    md.update(bytes, offset, length);
    return this;
  }

  /** Adds what {@code in} holds, read to its end; the caller closes it. */
  public Sha256 update(InputStream in) throws IOException {
    checkNotDone();
    byte[] buf = new byte[BUFFER];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      md.update(buf, 0, n);
    }
    return this;
  }

  /** The 32 bytes of the hash. */
  public byte[] digest() {
    checkNotDone();
    done = true;
    return md.digest();
  }

  /** The hash as 64 lowercase hex digits. */
  public String hex() {
    return HexFormat.of().formatHex(digest());
  }

  /** The hash as {@code sha256:<hex>}. */
  public String prefixed() {
    return PREFIX + hex();
  }

  private void checkNotDone() {
    if (done) {
      throw new IllegalStateException("this Sha256 has already given its hash; start() another");
    }
  }
}
