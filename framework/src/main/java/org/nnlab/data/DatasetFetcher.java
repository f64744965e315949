package org.nnlab.data;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nnlab.io.Printable;

/**
 * Downloads a named dataset's original gz files into the data directory, trying mirrors in order
 * and keeping a file only when its content has the original's SHA-256. Files already in place and
 * intact are not downloaded again.
 *
 * <pre>{@code
 * Path dir = DatasetFetcher.into(DataLocations.standard().dataDir())
 *     .withReadTimeout(Duration.ofSeconds(10))
 *     .fetch(KnownDataset.MNIST);
 * }</pre>
 *
 * <p>Each file is written atomically (see {@link VerifiedInstall}): a killed download, a 404, a
 * stalled server (read timeout), one that trickles past the deadline, one that sends more than the
 * original can hold, or a corrupt file leave nothing in place. The length a server announces is
 * only believed when it is small enough. Immutable; the {@code with…} methods return new instances.
 */
public final class DatasetFetcher {
  /** Time allowed to open a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  /** Longest wait for the next bytes before a mirror counts as stalled. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Longest time one file's download may take from one mirror, however steadily bytes trickle in
   * (it ends within this plus one read timeout).
   */
  public static final Duration DEADLINE = Duration.ofMinutes(10);

  private final Path dataDir;
  private final List<String> mirrors;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration deadline;
  private final FetchProgress progress;

  private DatasetFetcher(Path dataDir, List<String> mirrors, Duration connectTimeout,
      Duration readTimeout, Duration deadline, FetchProgress progress) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.mirrors = List.copyOf(mirrors);
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.readTimeout = positive(readTimeout, "readTimeout");
    this.deadline = positive(deadline, "deadline");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A fetcher writing into {@code dataDir}, with the dataset's default mirrors and timeouts. */
  public static DatasetFetcher into(Path dataDir) {
    return new DatasetFetcher(dataDir, List.of(), CONNECT_TIMEOUT, READ_TIMEOUT, DEADLINE, FetchProgress.NONE);
  }

  /** Tries {@code baseUrls} (each ending in {@code /}) instead of the dataset's default mirrors. */
  public DatasetFetcher withMirrors(List<String> baseUrls) {
    for (String url : baseUrls) {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || !uri.isAbsolute()) {
        throw new IllegalArgumentException("mirror must be an absolute URL, found '" + url + "'");
      }
    }
    return new DatasetFetcher(dataDir, baseUrls, connectTimeout, readTimeout, deadline, progress);
  }

  public DatasetFetcher withConnectTimeout(Duration timeout) {
    return new DatasetFetcher(dataDir, mirrors, timeout, readTimeout, deadline, progress);
  }

  public DatasetFetcher withReadTimeout(Duration timeout) {
    return new DatasetFetcher(dataDir, mirrors, connectTimeout, timeout, deadline, progress);
  }

  /** The longest one file's download from one mirror may take ({@link #DEADLINE} by default). */
  public DatasetFetcher withDeadline(Duration total) {
    return new DatasetFetcher(dataDir, mirrors, connectTimeout, readTimeout, total, progress);
  }

  public DatasetFetcher withProgress(FetchProgress p) {
    return new DatasetFetcher(dataDir, mirrors, connectTimeout, readTimeout, deadline, p);
  }

  /** The mirrors tried for {@code dataset}: the configured ones, else its defaults. */
  public List<String> mirrorsFor(KnownDataset dataset) {
    return mirrors.isEmpty() ? dataset.mirrors() : mirrors;
  }

  /**
   * Downloads every file of {@code dataset} that is not already in place and intact.
   *
   * @return the dataset's folder in the data directory
   * @throws DataException when a file cannot be had from any mirror; the message lists each
   *     mirror's failure
   */
  public Path fetch(KnownDataset dataset) {
    if (!dataset.onDisk()) {
      throw new DataException(dataset.id() + " is bundled in the jar; there is nothing to fetch");
    }
    return fetch(dataset.id(), dataset.originals(), dataset.originalSizes(), mirrorsFor(dataset));
  }

  /**
   * Fetches {@code originals} (base file name → SHA-256 hex of its content, whose size in bytes
   * {@code sizes} gives) into {@code dataDir/id}.
   */
  Path fetch(String id, Map<String, String> originals, Map<String, Long> sizes, List<String> urls) {
    if (urls.isEmpty()) {
      throw new DataException(id + ": no mirror to fetch from; give one with --mirror URL");
    }
    Path dir = dataDir.resolve(id);
    try {
      VerifiedInstall.removeLeftovers(dir);
    } catch (IOException e) {
      throw new DataException(dir + ": cannot clean up old partial downloads: " + e.getMessage(), e);
    }
    originals.forEach((file, expected) -> {
      if (!intact(dir, file, expected)) {
        fetchFile(urls, dir, file + ".gz", new Original(expected, sizes.get(file)), id);
      }
    });
    return dir;
  }

  private static boolean intact(Path dir, String file, String expected) {
    return DataLocations.file(dir, file)
        .map(p -> {
          try {
            return DataFiles.contentSha256(p).equals(expected);
          } catch (DataException e) {
            return false;
          }
        })
        .orElse(false);
  }

  /** What a file must be: the SHA-256 (hex) and size in bytes of its uncompressed content. */
  record Original(String sha256, long size) {
    /**
     * The most bytes its download may have: the content, stored uncompressed in deflate blocks of at
     * most 65,535 bytes (5 bytes of framing each), plus gzip's header and trailer; a mirror that
     * sends more is not sending this file.
     */
    long maxDownload() {
      return size + 5 * (size / 65_535 + 1) + 1_024;
    }
  }

  private void fetchFile(List<String> urls, Path dir, String fileName, Original expected, String id) {
    List<String> failures = new ArrayList<>();
    for (String base : urls) {
      String url = base.endsWith("/") ? base + fileName : base + "/" + fileName;
      try {
        download(url, dir, fileName, expected);
        return;
      } catch (DataException e) {
        failures.add(e.getMessage());
      }
    }
    throw new DataException("cannot fetch " + id + "/" + fileName + " from any of "
        + urls.size() + " mirror(s): " + String.join("; ", failures)
        + "; no file was written. Without internet, import files you have with DatasetImporter.importFrom");
  }

  private void download(String url, Path dir, String fileName, Original expected) {
    URLConnection c = null;
    long stopAt = System.nanoTime() + deadline.toNanos();
    try {
      c = URI.create(url).toURL().openConnection();
      c.setConnectTimeout(millis(connectTimeout));
      c.setReadTimeout(millis(readTimeout));
      c.setRequestProperty("User-Agent", "nnlab");
      if (c instanceof HttpURLConnection http) {
        int status = http.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
          throw new DataException(url + ": HTTP " + status
              + (http.getResponseMessage() == null ? "" : " " + Printable.clean(http.getResponseMessage(), 80)));
        }
      }
      long announced = c.getContentLengthLong();
      if (announced > expected.maxDownload()) {
        throw new DataException(String.format(Locale.ROOT, "%s: announces %,d bytes; the original %s is at most"
            + " %,d, so this is not it", url, announced, fileName, expected.maxDownload()));
      }
      try (InputStream in = new Bounded(c.getInputStream(), url, fileName, expected.maxDownload(), stopAt, deadline)) {
        VerifiedInstall.install(in, announced, dir, fileName, expected.sha256(), expected.size(), url, progress);
      }
    } catch (SocketTimeoutException e) {
      throw new DataException(url + ": timed out (" + e.getMessage() + "; connect timeout "
          + seconds(connectTimeout) + ", read timeout " + seconds(readTimeout) + ")", e);
    } catch (FileNotFoundException e) {
      throw new DataException(url + ": not found", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new DataException(url + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    } finally {
      if (c instanceof HttpURLConnection http) {
        http.disconnect();
      }
    }
  }

  /**
   * A download's bytes, refused past the most the file can have, and past the deadline: the
   * length a server announces is never what stops the copy.
   */
  private static final class Bounded extends FilterInputStream {
    private final String url;
    private final String fileName;
    private final long max;
    private final long stopAt;
    private final Duration deadline;
    private long received;

    Bounded(InputStream in, String url, String fileName, long max, long stopAt, Duration deadline) {
      super(in);
      this.url = url;
      this.fileName = fileName;
      this.max = max;
      this.stopAt = stopAt;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (System.nanoTime() - stopAt > 0) {
        throw new DataException(String.format(Locale.ROOT, "%s: not done after the deadline of %s (%,d bytes"
            + " received); a mirror this slow is given up", url, seconds(deadline), received));
      }
      int n = super.read(b, off, (int) Math.min(len, max + 1 - received));
      if (n > 0) {
        received += n;
        if (received > max) {
          throw new DataException(String.format(Locale.ROOT, "%s: sends more than %,d bytes, the most the"
              + " original %s can have; refusing the rest", url, max, fileName));
        }
      }
      return n;
    }
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private static String seconds(Duration d) {
    return d.toMillis() / 1000.0 + " s";
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be > 0, found " + d);
    }
    return d;
  }
}
