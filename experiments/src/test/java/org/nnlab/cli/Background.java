package org.nnlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command line running in-process on another thread, for tests that talk to it while it runs. */
final class Background implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");
  private final StringWriter out = new StringWriter(); // a StringBuffer inside: safe to read while written
  private final StringWriter err = new StringWriter();
  private final Thread thread;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private Background(String... args) {
    thread = new Thread(() -> exit.complete(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))),
        "cli-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  static Background start(String... args) {
    return new Background(args);
  }

  /** What it printed so far. */
  String out() {
    return out.toString();
  }

  /** The address it printed on its "serving …" line, once it has. */
  URI servingAt(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("ended with " + exit.join() + " before serving: " + out + err);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no 'serving' line within " + within.toSeconds() + " s: " + out + err);
  }

  /** Waits until it has printed {@code text}; fails if it ends first or {@code within} passes. */
  void awaitOut(String text, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!out.toString().contains(text)) {
      if (exit.isDone()) {
        throw new AssertionError("ended with " + exit.join() + " before printing '" + text + "': " + out + err);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' within " + within.toSeconds() + " s: " + out + err);
      }
      Thread.sleep(20);
    }
  }

  /** Interrupts it (as Ctrl-C ends {@code --keep-serving}) and waits for the exit code. */
  int stop(Duration within) throws Exception {
    thread.interrupt();
    return exit(within);
  }

  /** Waits for the exit code. */
  int exit(Duration within) throws Exception {
    return exit.get(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws Exception {
    if (!exit.isDone()) {
      thread.interrupt();
      exit.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
