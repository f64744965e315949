package org.nnlab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Provenance;
import org.nnlab.sweep.SweepPoint;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

class ReportServerTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void live_servesThePage_theModel_andAnEventForEachChange() throws Exception {
    LiveSweep live = new LiveSweep("s", dir);
    live.onPlanned(2, 0);
    try (ReportServer server = ReportServer.live(live, prometheus(), ANY_PORT)) {
      assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
      HttpResponse<String> page = get(server.uri().resolve("/"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("data-events=\"/events\"", "<script src=\"/_assets/echarts.min.js\">",
          "\"live\":\"0 of 2 trials finished, 0 running, 2 queued\"");
      assertThat(get(server.uri().resolve("/_assets/echarts.min.js")).body()).startsWith("\n/*\n* Licensed to the Apache");

      HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(server.uri().resolve("/events")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
      try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        assertThat(nextData(events)).contains("\"trials\":[]");
        live.onTrial(trial(0.1, 0.5), 1, 2);
        assertThat(nextData(events)).contains("\"id\":\"{\\\"lr\\\":0.1}#0\"", "1 of 2 trials finished");
        live.end();
        assertThat(nextData(events)).contains("the sweep has ended");
        assertThat(events.readLine()).as("the blank line that ends an event").isEmpty();
        assertThat(events.readLine()).isEqualTo("event: end");
      }
      assertThat(get(server.uri().resolve("/model.json")).body()).startsWith("{\"kind\":\"sweep\"");
    }
  }

  @Test
  void close_rightAfterTheEnd_firstSendsTheFinalStateToOpenPages() throws Exception {
    LiveSweep live = new LiveSweep("s", dir);
    live.onPlanned(1, 0);
    List<String> lines = new ArrayList<>();
    try (ReportServer server = ReportServer.live(live, prometheus(), ANY_PORT)) {
      HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(server.uri().resolve("/events")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        assertThat(nextData(events)).contains("\"trials\":[]");
        // the stream now waits out its gap between two models: the end must cut it short
        live.onTrial(trial(0.1, 0.5), 1, 1);
        live.end();
        server.close();
        events.lines().forEach(lines::add);
      }
    }
    List<String> data = lines.stream().filter(l -> l.startsWith("data: ")).toList();
    assertThat(data).last().asString().isEqualTo("data: ");
    assertThat(data.get(data.size() - 2)).contains("\"id\":\"{\\\"lr\\\":0.1}#0\"", "the sweep has ended");
    assertThat(lines).contains("event: end");
  }

  @Test
  void metrics_isPrometheusText_withOneSeriesPerTrial() throws Exception {
    PrometheusMeterRegistry prometheus = prometheus();
    for (String trial : List.of("a#0", "b#0")) {
      Counter.builder("nnlab.train.samples").tags("experiment", "s", "trial", trial).register(prometheus).increment(60);
    }
    try (ReportServer server = ReportServer.live(new LiveSweep("s", dir), prometheus, ANY_PORT)) {
      HttpResponse<String> r = get(server.uri().resolve("/metrics"));
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      List<String> series = r.body().lines().filter(l -> !l.startsWith("#")).toList();
      assertThat(series).allMatch(l -> l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})? \\S+"), "a sample line");
      assertThat(series).containsExactlyInAnyOrder(
          "nnlab_train_samples_total{experiment=\"s\",trial=\"a#0\"} 60.0",
          "nnlab_train_samples_total{experiment=\"s\",trial=\"b#0\"} 60.0");
      assertThat(r.body()).contains("# TYPE nnlab_train_samples_total counter");
    }
  }

  @Test
  void folders_indexAndPages_readOnly_andNothingOutsideAServedFolder(@TempDir Path outside) throws Exception {
    Path run = dir.resolve("runs/a");
    Files.createDirectories(run);
    Files.writeString(run.resolve("results.json"), org.nnlab.experiment.ResultsJson.toJson(trial(0.1, 0.5).result()));
    Files.writeString(run.resolve("report.md"), "# a\n");
    Files.writeString(dir.resolve("secret.txt"), "not in a report folder");
    Files.writeString(outside.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(run.resolve("link.txt"), outside.resolve("secret.txt"));
    try (ReportServer server = ReportServer.folders(List.of(dir), prometheus(), ANY_PORT)) {
      assertThat(get(server.uri().resolve("/")).body()).contains("data-folder=\"runs/a\"", "href=\"/r/0/runs/a/\"");
      assertThat(get(server.uri().resolve("/r/0/runs/a/")).body()).contains("data-events=\"/r/0/runs/a/events\"");
      assertThat(get(server.uri().resolve("/r/0/runs/a/report.md")).body()).isEqualTo("# a\n");
      assertThat(get(server.uri().resolve("/metrics")).body().lines().filter(l -> !l.startsWith("#")))
          .containsExactly("nnlab_eval_accuracy{experiment=\"s\",folder=\"0:runs/a\",trial=\"\"} 0.5");
      assertThat(get(server.uri().resolve("/r/0/runs/a/link.txt")).statusCode()).as("a link out").isEqualTo(404);
      assertThat(get(server.uri().resolve("/r/0/secret.txt")).statusCode()).isEqualTo(404);
      assertThat(raw(server, "GET /r/0/runs/a/../../secret.txt HTTP/1.1")).startsWith("HTTP/1.1 400");
      assertThat(raw(server, "GET /r/0/runs/a/%2e%2e/%2e%2e/secret.txt HTTP/1.1")).startsWith("HTTP/1.1 400");
      assertThat(raw(server, "GET /r/0/runs/a/..%2f..%2fsecret.txt HTTP/1.1")).startsWith("HTTP/1.1 4");
      assertThat(raw(server, "GET /r/1/x/ HTTP/1.1")).startsWith("HTTP/1.1 404");
      assertThat(raw(server, "DELETE /r/0/runs/a/report.md HTTP/1.1")).startsWith("HTTP/1.1 405");
      assertThat(raw(server, "POST /r/0/runs/a/report.md HTTP/1.1")).startsWith("HTTP/1.1 405");
    }
    assertThat(Files.readString(run.resolve("report.md"))).isEqualTo("# a\n");
  }

  @Test
  void liveSweep_runningTrial_isARowWithItsLatestEpoch_untilItFinishes() {
    LiveSweep live = new LiveSweep("s", dir);
    live.onPlanned(3, 0);
    Trial t = new Trial("{\"lr\":0.1}#0", SweepPoint.EMPTY, 0, 11);
    live.onTrialStarted(t, 3);
    live.onEpoch(t, new EpochStats(1, 0.6, 0.2, 0.1, 4000), "");
    assertThat(live.json()).contains("\"status\":\"running\"", "\"seed\":\"11\",\"status\":\"running\",\"epoch\":1,"
        + "\"epochs\":3,\"accuracy\":0.6,\"samplesPerSecond\":4000.0", "0 of 3 trials finished, 1 running, 2 queued");
    live.onTrial(trial(0.1, 0.7), 1, 3);
    assertThat(live.json()).doesNotContain("\"status\":\"running\",\"epoch\"")
        .contains("1 of 3 trials finished, 0 running, 2 queued");
  }

  @Test
  void liveSweep_remoteTrial_showsItsMember_andARunAgainReplacesItsEpochs() {
    LiveSweep live = new LiveSweep("s", dir);
    live.onPlanned(1, 0);
    Trial t = new Trial("{\"lr\":0.1}#0", SweepPoint.EMPTY, 0, 11);
    live.onTrialStarted(t, 3);
    live.onEpoch(t, new EpochStats(1, 0.6, 0.2, 0.1, 4000), "10.0.0.5:5701");
    live.onEpoch(t, new EpochStats(2, 0.7, 0.1, 0.1, 4100), "10.0.0.5:5701");
    assertThat(live.json()).contains("\"epoch\":2,\"epochs\":3,\"accuracy\":0.7,\"samplesPerSecond\":4100.0,"
        + "\"member\":\"10.0.0.5:5701\",\"curve\":[0.6,0.7]");
    // 10.0.0.5 died: another member trains the trial again, from epoch 1
    live.onEpoch(t, new EpochStats(1, 0.6, 0.2, 0.1, 3900), "10.0.0.6:5701");
    assertThat(live.json()).contains("\"epoch\":1,\"epochs\":3,\"accuracy\":0.6,\"samplesPerSecond\":3900.0,"
        + "\"member\":\"10.0.0.6:5701\",\"curve\":[0.6]");
  }

  @Test
  void liveRun_showsItsEpochsAsTheyEnd_thenItsResult() {
    LiveRun live = new LiveRun("r", 42, 2, "name: r\n", dir);
    live.epoch(new EpochStats(1, 0.7, 0.2, 0.1, 5000));
    assertThat(live.json()).contains("\"status\":\"running\"", "\"headline\":\"70.00%\"", "\"live\":\"epoch 1 of 2\"",
        "\"seed\":\"42\"");
    long before = live.version();
    live.finished(trial(0.1, 0.8).result());
    assertThat(live.version()).isGreaterThan(before);
    assertThat(live.finished()).isTrue();
    assertThat(live.json()).contains("\"status\":\"completed\"", "\"headline\":\"80.00%\"", "the run has ended");
  }

  private static String nextData(BufferedReader events) throws IOException {
    for (String line = events.readLine(); line != null; line = events.readLine()) {
      if (line.startsWith("data: ")) {
        return line.substring("data: ".length());
      }
    }
    throw new AssertionError("the event stream ended");
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request line sent as is, no client in between to tidy its path; the status line of the answer. */
  private static String raw(ReportServer server, String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write((requestLine + "\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  private static PrometheusMeterRegistry prometheus() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  private static TrialResult trial(double lr, double accuracy) {
    ExperimentResult r = new ExperimentResult("s", ExperimentResult.COMPLETED, accuracy, 1000, 0.5, 1, 500,
        List.of(new EpochStats(1, accuracy, 0.1, 0.5, 1000)), List.of(), new int[][] {{1, 0}, {0, 1}},
        new Provenance("sha256:c", Map.of("train", "sha256:a"), 3, "0.1.0", "17", "Linux", ""), "name: s\n");
    return new TrialResult("{\"lr\":" + lr + "}#0", Map.of("lr", lr), 0, 3, r);
  }
}
