package org.nnlab.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnlab.report.HtmlReport;

/**
 * A small read-only HTTP server for report pages, on the JDK's own {@code com.sun.net.httpserver}:
 * the live page of one sweep or run ({@link #live}), or every run and sweep folder under some
 * directories ({@link #folders}), plus {@code /metrics} in Prometheus's text format.
 *
 * <pre>{@code
 * try (ReportServer server = ReportServer.live(liveSweep, prometheus, new InetSocketAddress("127.0.0.1", 8765))) {
 *   System.out.println("serving " + server.uri());
 *   … the sweep runs …
 * }
 * }</pre>
 *
 * <p>Routes: {@code /} (the page, or the index of folders), {@code /model.json} and {@code /events}
 * (the model, and server-sent events each carrying a new one as the source changes, at most
 * {@link #MIN_GAP_MILLIS} apart), {@code /_assets/echarts.min.js} and {@code /_assets/report.js},
 * {@code /metrics}; for folders {@code /r/N/PATH/} with the same three under it, and the folder's
 * files ({@code /metrics} then has each run's and trial's accuracy, from its results file). Only GET and HEAD; only regular files inside a served folder (after resolving links) can be
 * read: anything else is 404, a path with {@code ..} is 400. Handler threads are daemons; at most
 * {@link #MAX_STREAMS} event streams are open at once.
 *
 * <p>Ending: once the live source has {@linkplain PageSource#end ended}, every open event stream
 * sends its final model and {@code end} at once; {@link #close} waits for them to be flushed (up to
 * {@link #DRAIN_MILLIS}, for a page that stopped reading) before it stops, so a page open at the end
 * always shows the final state. With no page open it stops at once.
 */
public final class ReportServer implements AutoCloseable {
  /** The least time between two models sent on one event stream: updates in a burst are merged. */
  public static final long MIN_GAP_MILLIS = 1000;
  /** The most event streams open at once; more are answered 503. */
  public static final int MAX_STREAMS = 32;
  /** The most {@link #close} waits for open pages to receive an ended source's final state. */
  public static final long DRAIN_MILLIS = 5_000;
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private final HttpServer http;
  private final ExecutorService threads;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private final Object drained = new Object(); // notified as each event stream ends
  private final PrometheusMeterRegistry metrics;
  private final PageSource live;
  private final FolderIndex folders;
  private volatile boolean stopping;

  private ReportServer(InetSocketAddress bind, PrometheusMeterRegistry metrics, PageSource live, FolderIndex folders)
      throws IOException {
    this.metrics = metrics;
    this.live = live;
    this.folders = folders;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nnlab-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.http = HttpServer.create(bind, 0);
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Serves {@code source}'s live page at {@code /}. */
  public static ReportServer live(PageSource source, PrometheusMeterRegistry metrics, InetSocketAddress bind)
      throws IOException {
    return new ReportServer(bind, metrics, source, null);
  }

  /** Serves an index of the run and sweep folders under {@code roots}, and each one's page. */
  public static ReportServer folders(List<Path> roots, PrometheusMeterRegistry metrics, InetSocketAddress bind)
      throws IOException {
    return new ReportServer(bind, metrics, null, new FolderIndex(roots));
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:8765/}. */
  public URI uri() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        text(ex, 405, "read-only: only GET and HEAD");
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path == null || path.contains("\0") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
        text(ex, 400, "bad path");
        return;
      }
      if (path.equals("/metrics")) {
        if (folders != null) {
          folders.updateMetrics(metrics);
        }
        send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
      } else if (path.startsWith("/_assets/")) {
        asset(ex, path.substring("/_assets/".length()));
      } else if (live != null) {
        page(ex, live, path, "/");
      } else {
        folder(ex, path);
      }
    } catch (RuntimeException e) {
      text(ex, 500, "nnlab serve: " + e);
    }
  }

  private void asset(HttpExchange ex, String name) throws IOException {
    String js;
    try {
      js = HtmlReport.asset(name);
    } catch (IllegalArgumentException e) {
      text(ex, 404, "not found");
      return;
    }
    ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
    send(ex, 200, "text/javascript; charset=utf-8", js.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code base} (the page), {@code base/model.json}, {@code base/events}; 404 for anything else. */
  private void page(HttpExchange ex, PageSource source, String path, String base) throws IOException {
    String rest = path.substring(base.length());
    switch (rest) {
      case "" -> send(ex, 200, "text/html; charset=utf-8",
          HtmlReport.live(source.currentModel(), "/_assets/", base + "events").getBytes(StandardCharsets.UTF_8));
      case "model.json" -> send(ex, 200, "application/json", source.json().getBytes(StandardCharsets.UTF_8));
      case "events" -> events(ex, source);
      default -> text(ex, 404, "not found");
    }
  }

  private void folder(HttpExchange ex, String path) throws IOException {
    if (path.equals("/")) {
      send(ex, 200, "text/html; charset=utf-8", folders.indexHtml().getBytes(StandardCharsets.UTF_8));
      return;
    }
    FolderIndex.Found found = folders.find(path);
    if (found == null) {
      text(ex, 404, "not found");
    } else if (found.file() != null) {
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      send(ex, 200, contentType(found.file()), Files.readAllBytes(found.file()));
    } else if (!path.startsWith(found.base())) {
      ex.getResponseHeaders().set("Location", found.base());
      text(ex, 301, "moved to " + found.base());
    } else {
      page(ex, found.source(), path, found.base());
    }
  }

  /** Server-sent events: a model each time the source changes, then {@code end} once it has finished. */
  private void events(HttpExchange ex, PageSource source) throws IOException {
    if (!streams.tryAcquire()) {
      text(ex, 503, "too many open event streams (" + MAX_STREAMS + ")");
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      long seen = -1;
      while (!stopping) {
        long v = source.awaitChange(seen, KEEP_ALIVE_MILLIS);
        if (v != seen) {
          out.write(("event: model\ndata: " + source.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
          seen = v;
        } else if (source.finished()) {
          out.write("event: end\ndata: \n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          return;
        } else {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        source.awaitEnd(MIN_GAP_MILLIS); // an ended source's last model and "end" go out at once
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the page went away
    } finally {
      ex.close(); // ends the chunked body properly (its last, empty chunk) before close() may stop the server
      synchronized (drained) {
        streams.release();
        drained.notifyAll();
      }
    }
  }

  /** Waits until no event stream is open, or {@link #DRAIN_MILLIS} have passed; an interrupt cuts it short. */
  private void awaitStreamsEnded() {
    long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
    synchronized (drained) {
      for (long left = DRAIN_MILLIS; streams.availablePermits() < MAX_STREAMS && left > 0;
          left = (deadline - System.nanoTime()) / 1_000_000L) {
        try {
          drained.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static String contentType(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return switch (dot < 0 ? "" : n.substring(dot + 1)) {
      case "html" -> "text/html; charset=utf-8";
      case "md", "txt", "yaml", "yml" -> "text/plain; charset=utf-8";
      case "csv" -> "text/csv; charset=utf-8";
      case "json" -> "application/json";
      case "jsonl" -> "application/x-ndjson";
      case "png" -> "image/png";
      default -> "application/octet-stream";
    };
  }

  private static void text(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", (body + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-store"));
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head) {
      ex.getResponseBody().write(body);
    }
  }

  /**
   * Stops listening, ends the event streams — after they have sent an ended live source's final
   * state ({@link #DRAIN_MILLIS} at most) — and lets go of the threads. Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (stopping) {
      return;
    }
    if (live != null && live.finished()) {
      awaitStreamsEnded();
    }
    stopping = true;
    http.stop(0);
    threads.shutdownNow();
  }
}
