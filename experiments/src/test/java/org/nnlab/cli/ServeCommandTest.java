package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

class ServeCommandTest {
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})? (\\S+)");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sweepServe_metrics_oneSeriesPerTrial_withItsAccuracy(@TempDir Path dir) throws Exception {
    Path config = TinyCsv.config(dir, "tiny", "sweep:\n  parameters:\n    training.learningRate: [0.1, 0.3, 0.6]\n"
        + "  repeats: 2\n");
    Path out = dir.resolve("out");
    String metrics;
    try (Background sweep = Background.start("sweep", config.toString(), "--out", out.toString(), "--serve", "0",
        "--parallel", "1", "--keep-serving")) {
      URI url = sweep.servingAt(Duration.ofSeconds(60));
      // --keep-serving: the finished sweep's page and /metrics stay up until Ctrl-C (here: an interrupt)
      sweep.awaitOut("finished; still serving " + url, Duration.ofSeconds(120));
      assertThat(sweep.out()).contains("trial 6/6", "report: ");
      metrics = http.send(HttpRequest.newBuilder(url.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
          .body();
      assertThat(sweep.stop(Duration.ofSeconds(60))).isZero();
    }
    for (String line : metrics.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
      assertThat(SAMPLE.matcher(line).matches()).as(line).isTrue();
    }
    List<TrialResult> trials = ResultsStore.readAll(out.resolve("results.jsonl"));
    Set<String> ids = trials.stream().map(TrialResult::trial).collect(Collectors.toSet());
    assertThat(series(metrics, "nnlab_eval_accuracy")).hasSize(6)
        .allSatisfy(s -> assertThat(s).contains("experiment=\"tiny\"").containsPattern("trial=\""));
    assertThat(series(metrics, "nnlab_train_samples_total")).hasSize(6);
    for (TrialResult t : trials) {
      String trialTag = "trial=\"" + t.trial().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      assertThat(series(metrics, "nnlab_eval_accuracy")).filteredOn(s -> s.contains(trialTag))
          .singleElement().asString().endsWith(" " + t.result().accuracy());
    }
    assertThat(ids).hasSize(6);
  }

  @Test
  void runServe_pageShowsTheEpochsSoFar_whileItTrains(@TempDir Path dir) throws Exception {
    try (Background run = Background.start("run", CliRun.config("quickstart.yaml"), "--out", dir.resolve("r").toString(),
        "--set", "network.layers=[784,4,10]", "--set", "training.epochs=100", "--serve", "0")) {
      URI url = run.servingAt(Duration.ofSeconds(60));
      String model = "";
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!model.matches(".*\"epoch\":[1-9][0-9]*,.*") && System.nanoTime() < deadline) {
        model = get(url.resolve("/model.json")).body();
        Thread.sleep(50);
      }
      assertThat(model).contains("\"kind\":\"run\"", "\"status\":\"running\"", "\"epochs\":100",
          "\"id\":\"quickstart\"", "\"live\":\"epoch ");
      assertThat(get(url.resolve("/")).body()).contains("data-events=\"/events\"");
      assertThat(run.exit(Duration.ofSeconds(120))).isZero();
    }
    assertThat(dir.resolve("r/report.html")).exists();
  }

  @Test
  void serve_portInUse_orOutOfRange_exitsTwo(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("serve", dir.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("nnlab: cannot serve on 127.0.0.1:" + taken.getLocalPort())
          .contains("choose another port with --port PORT");
    }
    Path out = dir.resolve("out");
    CliRun bad = CliRun.of("sweep", TinySweeps.write(dir, "[0.1]", 1).toString(), "--serve", "70000", "--out",
        out.toString());
    assertThat(bad.exit()).as(bad.err()).isEqualTo(2);
    assertThat(bad.err()).contains("--serve/--port must be a port from 0 to 65535, found 70000");
    assertThat(out).as("refused before any folder is made").doesNotExist();
    assertThat(CliRun.of("serve", dir.resolve("missing").toString()).exit()).isEqualTo(2);
    CliRun keepAlone = CliRun.of("sweep", TinySweeps.write(dir, "[0.1]", 1).toString(), "--keep-serving", "--out",
        out.toString());
    assertThat(keepAlone.exit()).as(keepAlone.err()).isEqualTo(2);
    assertThat(keepAlone.err()).contains("--keep-serving needs --serve [PORT]");
    assertThat(out).as("refused before any folder is made").doesNotExist();
  }

  @Test
  void serve_folders_indexAndPages_andNoPathOutOfThem(@TempDir Path dir) throws Exception {
    Path runs = dir.resolve("runs");
    CliRun sweep = CliRun.of("sweep", TinyCsv.config(dir, "tiny", "sweep:\n  parameters:\n"
        + "    training.learningRate: [0.1, 0.3]\n").toString(), "--out", runs.resolve("tiny").toString());
    assertThat(sweep.exit()).as(sweep.err()).isZero();
    try (Background serve = Background.start("serve", runs.toString(), "--port", "0")) {
      URI url = serve.servingAt(Duration.ofSeconds(30));
      String index = get(url.resolve("/")).body();
      assertThat(index).contains("data-folder=\"tiny\"", "href=\"/r/0/tiny/\"");
      HttpResponse<String> page = get(url.resolve("/r/0/tiny/"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("\"name\":\"tiny\"", "data-events=\"/r/0/tiny/events\"");
      assertThat(get(url.resolve("/r/0/tiny/trials.csv")).body()).startsWith("trial,repeat,seed");
      assertThat(status(url, "GET /r/0/tiny/../../tiny.yaml HTTP/1.1")).startsWith("HTTP/1.1 400");
      assertThat(status(url, "GET /r/0/tiny/%2e%2e/%2e%2e/tiny.yaml HTTP/1.1")).startsWith("HTTP/1.1 400");
      assertThat(status(url, "GET /r/0/tiny.yaml HTTP/1.1")).startsWith("HTTP/1.1 404");
      assertThat(status(url, "PUT /r/0/tiny/trials.csv HTTP/1.1")).startsWith("HTTP/1.1 405");
    }
  }

  private static List<String> series(String metrics, String name) {
    return metrics.lines().filter(l -> {
      Matcher m = SAMPLE.matcher(l);
      return m.matches() && m.group(1).equals(name);
    }).toList();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String status(URI url, String requestLine) throws Exception {
    try (Socket s = new Socket(url.getHost(), url.getPort())) {
      OutputStream o = s.getOutputStream();
      o.write((requestLine + "\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }
}
