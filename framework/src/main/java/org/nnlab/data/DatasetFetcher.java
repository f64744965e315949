package org.nnlab.data;

import java.io.FileNotFoundException;
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
import java.util.Map;
import java.util.Objects;

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
 * stalled server (read timeout) or a corrupt file leave nothing in place. Immutable; the
 * {@code with…} methods return new instances.
 */
public final class DatasetFetcher {
  /** Time allowed to open a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  /** Longest wait for the next bytes before a mirror counts as stalled. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final List<String> mirrors;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final FetchProgress progress;

  private DatasetFetcher(Path dataDir, List<String> mirrors, Duration connectTimeout,
      Duration readTimeout, FetchProgress progress) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.mirrors = List.copyOf(mirrors);
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.readTimeout = positive(readTimeout, "readTimeout");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A fetcher writing into {@code dataDir}, with the dataset's default mirrors and timeouts. */
  public static DatasetFetcher into(Path dataDir) {
    return new DatasetFetcher(dataDir, List.of(), CONNECT_TIMEOUT, READ_TIMEOUT, FetchProgress.NONE);
  }

  /** Tries {@code baseUrls} (each ending in {@code /}) instead of the dataset's default mirrors. */
  public DatasetFetcher withMirrors(List<String> baseUrls) {
    for (String url : baseUrls) {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || !uri.isAbsolute()) {
        throw new IllegalArgumentException("mirror must be an absolute URL, found '" + url + "'");
      }
    }
    return new DatasetFetcher(dataDir, baseUrls, connectTimeout, readTimeout, progress);
  }

  public DatasetFetcher withConnectTimeout(Duration timeout) {
    return new DatasetFetcher(dataDir, mirrors, timeout, readTimeout, progress);
  }

  public DatasetFetcher withReadTimeout(Duration timeout) {
    return new DatasetFetcher(dataDir, mirrors, connectTimeout, timeout, progress);
  }

  public DatasetFetcher withProgress(FetchProgress p) {
    return new DatasetFetcher(dataDir, mirrors, connectTimeout, readTimeout, p);
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
    return fetch(dataset.id(), dataset.originals(), mirrorsFor(dataset));
  }

  /** Fetches {@code originals} (base file name → SHA-256 hex of its content) into {@code dataDir/id}. */
  Path fetch(String id, Map<String, String> originals, List<String> urls) {
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
        fetchFile(urls, dir, file + ".gz", expected, id);
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

  private void fetchFile(List<String> urls, Path dir, String fileName, String expected, String id) {
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

  private void download(String url, Path dir, String fileName, String expected) {
    URLConnection c = null;
    try {
      c = URI.create(url).toURL().openConnection();
      c.setConnectTimeout((int) connectTimeout.toMillis());
      c.setReadTimeout((int) readTimeout.toMillis());
      c.setRequestProperty("User-Agent", "nnlab");
      if (c instanceof HttpURLConnection http) {
        int status = http.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
          throw new DataException(url + ": HTTP " + status
              + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
        }
      }
      try (InputStream in = c.getInputStream()) {
        VerifiedInstall.install(in, c.getContentLengthLong(), dir, fileName, expected, url, progress);
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
