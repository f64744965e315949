package org.nnlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's
 * WebSocket client: open a page, evaluate JavaScript in it as often as a test likes, and collect
 * console errors and uncaught exceptions from the first byte on (the page is navigated to only once
 * the console is watched). A fresh profile per browser; no network besides the page's own.
 *
 * <pre>{@code
 * try (Chromium c = Chromium.open(dir, url)) {
 *   long rows = c.eval("document.querySelectorAll('tr[data-trial]').length").asLong();
 *   assertThat(c.errors()).isEmpty();
 * }
 * }</pre>
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private Chromium(Process process, WebSocket.Builder builder, URI page) throws Exception {
    this.process = process;
    this.socket = builder.buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** The chromium on PATH, or null. */
  static Path find() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "chromium");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Starts a browser with a fresh profile under {@code dir} and loads {@code url} in it. */
  static Chromium open(Path dir, String url) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Process p = new ProcessBuilder(find().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1200,1600",
        "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not open its DevTools port within 60 s");
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
    String ws = null;
    for (JsonNode t : targets) {
      if (t.path("type").asText().equals("page")) {
        ws = t.path("webSocketDebuggerUrl").asText();
      }
    }
    Chromium c = new Chromium(p, http.newWebSocketBuilder(), URI.create(ws));
    c.call("Runtime.enable", JSON.createObjectNode());
    c.call("Page.enable", JSON.createObjectNode());
    c.call("Page.navigate", JSON.createObjectNode().put("url", url));
    c.waitFor("document.readyState === 'complete' && window.nnlabRenders > 0", Duration.ofSeconds(60));
    return c;
  }

  /** The value of {@code expression} in the page (JSON values: numbers, strings, arrays, objects). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Waits until {@code condition} is true in the page. */
  void waitFor(String condition, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!eval("!!(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + within.toSeconds() + " s: " + condition);
      }
      Thread.sleep(100);
    }
  }

  /** Console errors and uncaught exceptions so far. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new AssertionError(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
      text.append(part);
      if (last) {
        try {
          JsonNode m = JSON.readTree(text.toString());
          if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
              f.complete(m);
            }
          } else if (m.path("method").asText().equals("Runtime.consoleAPICalled")
              && m.path("params").path("type").asText().equals("error")) {
            errors.add("console.error: " + m.path("params").path("args"));
          } else if (m.path("method").asText().equals("Runtime.exceptionThrown")) {
            errors.add("exception: " + m.path("params").path("exceptionDetails"));
          }
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e);
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  /**
   * Closes the browser and waits until it and every process it started have exited, so that no
   * renderer writes into the profile while the test's folder is deleted.
   */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> started = process.descendants().toList();
    try {
      call("Browser.close", JSON.createObjectNode());
    } catch (Exception | AssertionError e) {
      // it may already be closing: stopped below either way
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : started) {
      child.destroy();
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        child.destroyForcibly();
      }
    }
  }
}
