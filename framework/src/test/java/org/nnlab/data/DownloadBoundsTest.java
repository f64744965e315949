package org.nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.TinyIdxSet;

/**
 * Mirrors that misbehave on 127.0.0.1: one trickling a byte every 50 ms (past the deadline, never
 * past the read timeout), one announcing 10^15 bytes, one sending without end, one serving a small
 * gzip that inflates far past the original. Each is given up with one line and leaves no file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DownloadBoundsTest {
  @TempDir Path dataDir;
  private HttpServer server;
  private ExecutorService threads;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/trickle/", ex -> endless(ex, 1, 50));
    server.createContext("/flood/", ex -> endless(ex, 1 << 14, 0));
    server.createContext("/liar/", ex -> {
      ex.sendResponseHeaders(200, 1_000_000_000_000_000L);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[] {0x1f, (byte) 0x8b});
      } catch (IOException e) {
        // the client hung up, as it should
      }
    });
    server.createContext("/bomb/", ex -> {
      byte[] bomb = IdxBytes.gzip(new byte[1_000_000]); // 1 MB of zeros in under 1 kB
      ex.sendResponseHeaders(200, bomb.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bomb);
      } catch (IOException e) {
        // the client hung up
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Sends {@code chunk} bytes every {@code pauseMillis} until the client goes away. */
  private static void endless(HttpExchange ex, int chunk, long pauseMillis) throws IOException {
    ex.sendResponseHeaders(200, 0); // chunked: no length announced
    try (OutputStream out = ex.getResponseBody()) {
      byte[] b = new byte[chunk];
      b[0] = 0x1f;
      while (!Thread.currentThread().isInterrupted()) {
        out.write(b);
        out.flush();
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up, as it should
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String failure(String mirror, Duration deadline) {
    return assertThrows(DataException.class, () -> DatasetFetcher.into(dataDir)
        .withConnectTimeout(Duration.ofSeconds(5)).withReadTimeout(Duration.ofSeconds(5)).withDeadline(deadline)
        .fetch("tiny", TinyIdxSet.originals(), TinyIdxSet.sizes(), List.of(base + mirror))).getMessage();
  }

  @Test
  void tricklingMirror_isGivenUpAtTheDeadline() throws IOException {
    String message = failure("/trickle/", Duration.ofMillis(700));
    assertThat(message).startsWith("cannot fetch tiny/train-images-idx3-ubyte.gz from any of 1 mirror(s): "
        + base + "/trickle/train-images-idx3-ubyte.gz: not done after the deadline of 0.7 s (");
    assertThat(filesLeft()).isEmpty();
  }

  @Test
  void mirrorAnnouncingTooMuch_isRefusedBeforeReading() throws IOException {
    assertThat(failure("/liar/", Duration.ofSeconds(30))).contains(base + "/liar/train-images-idx3-ubyte.gz:"
        + " announces 1,000,000,000,000,000 bytes; the original train-images-idx3-ubyte.gz is at most 1,057, so this is not it");
    assertThat(filesLeft()).isEmpty();
  }

  @Test
  void floodingMirror_isCutAtTheOriginalsSize() throws IOException {
    assertThat(failure("/flood/", Duration.ofSeconds(30))).contains(base + "/flood/train-images-idx3-ubyte.gz:"
        + " sends more than 1,057 bytes, the most the original train-images-idx3-ubyte.gz can have; refusing the rest");
    assertThat(filesLeft()).isEmpty();
  }

  @Test
  void smallGzipInflatingFarPastTheOriginal_isRefusedByItsHash() throws IOException {
    assertThat(failure("/bomb/", Duration.ofSeconds(30))).contains(base + "/bomb/train-images-idx3-ubyte.gz:"
        + " content SHA-256 is ");
    assertThat(filesLeft()).isEmpty();
  }

  private List<String> filesLeft() throws IOException {
    Path dir = dataDir.resolve("tiny");
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
