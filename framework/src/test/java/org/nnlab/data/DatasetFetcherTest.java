package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.DataSource;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.TinyIdxSet;

/** Fetching tiny stand-in originals from a loopback HTTP server: good, corrupt, 404, stalled. */
class DatasetFetcherTest {
  private static final Map<String, String> ORIGINALS = TinyIdxSet.originals();

  @TempDir Path dataDir;
  private HttpServer server;
  private ExecutorService threads;
  private final Map<String, byte[]> served = new HashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private String base;

  @BeforeEach
  void start() throws IOException {
    TinyIdxSet.plain().forEach((f, b) -> served.put(f + ".gz", IdxBytes.gzip(b)));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/good/", ex -> {
      byte[] body = served.get(ex.getRequestURI().getPath().substring("/good/".length()));
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
      ex.close();
    });
    server.createContext("/stall/", ex -> {
      ex.sendResponseHeaders(200, 1000);
      ex.getResponseBody().write(new byte[] {0x1f, (byte) 0x8b});
      ex.getResponseBody().flush();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private Path fetch(String... mirrors) {
    return DatasetFetcher.into(dataDir).withConnectTimeout(Duration.ofSeconds(2))
        .withReadTimeout(Duration.ofMillis(300)).fetch("tiny", ORIGINALS, TinyIdxSet.sizes(), List.of(mirrors));
  }

  private List<String> filesLeft() throws IOException {
    Path dir = dataDir.resolve("tiny");
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void fetch_goodMirror_installsTheVerifiedFiles_andReportsProgress() throws IOException {
    AtomicLong bytes = new AtomicLong();
    Path dir = DatasetFetcher.into(dataDir).withProgress((f, done, total) -> bytes.addAndGet(done == total ? total : 0))
        .fetch("tiny", ORIGINALS, TinyIdxSet.sizes(), List.of(base + "/good/"));

    assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), filesLeft());
    assertArrayEquals(served.get("t10k-labels-idx1-ubyte.gz"), Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte.gz")));
    assertEquals(served.values().stream().mapToLong(b -> b.length).sum(), bytes.get());
    Dataset test = new DefaultDatasetLoader(dataDir).load(new DataSource.Idx(
        dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz")));
    assertEquals(2, test.size());
  }

  @Test
  void fetch_again_downloadsNothing() throws IOException {
    fetch(base + "/good/");
    served.clear();

    fetch(base + "/good/");

    assertEquals(4, filesLeft().size());
  }

  @Test
  void fetch_corruptFile_namesBothHashes_andLeavesNoFileForIt() throws IOException {
    served.put("t10k-labels-idx1-ubyte.gz", IdxBytes.gzip(IdxBytes.labels(new byte[] {7, 3})));

    DataException e = assertThrows(DataException.class, () -> fetch(base + "/good/"));

    String url = base + "/good/t10k-labels-idx1-ubyte.gz";
    assertTrue(e.getMessage().startsWith("cannot fetch tiny/t10k-labels-idx1-ubyte.gz from any of 1 mirror(s): "
        + url + ": content SHA-256 is "), e.getMessage());
    assertTrue(e.getMessage().contains(", the original t10k-labels-idx1-ubyte.gz has "
        + ORIGINALS.get("t10k-labels-idx1-ubyte") + "; refusing a file that is not the original"), e.getMessage());
    assertEquals(List.of("t10k-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
        filesLeft());
  }

  @Test
  void fetch_404_namesTheUrl_andLeavesNoFile() throws IOException {
    served.clear();

    DataException e = assertThrows(DataException.class, () -> fetch(base + "/good/"));

    assertEquals("cannot fetch tiny/train-images-idx3-ubyte.gz from any of 1 mirror(s): " + base
        + "/good/train-images-idx3-ubyte.gz: HTTP 404 Not Found; no file was written."
        + " Without internet, import files you have with DatasetImporter.importFrom", e.getMessage());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void fetch_stalledServer_timesOut_andLeavesNoFile() throws IOException {
    long start = System.nanoTime();

    DataException e = assertThrows(DataException.class, () -> fetch(base + "/stall/"));

    assertTrue(e.getMessage().contains(base + "/stall/train-images-idx3-ubyte.gz: timed out ("), e.getMessage());
    assertTrue(e.getMessage().contains("read timeout 0.3 s"), e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up within seconds");
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void fetch_firstMirrorFails_fallsBackToTheNext() throws IOException {
    fetch(base + "/stall/", base + "/good/");

    assertEquals(4, filesLeft().size());
  }

  @Test
  void fetch_leftoverPartialFile_isRemoved_andNeverLoadable() throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("tiny"));
    Files.write(dir.resolve(".train-images-idx3-ubyte.gz.123.part"), new byte[] {1, 2});

    fetch(base + "/good/");

    assertEquals(4, filesLeft().size());
  }
}
