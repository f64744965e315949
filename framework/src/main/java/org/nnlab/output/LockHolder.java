package org.nnlab.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a {@link FolderLock}: the process id, the host and when it took the lock, as the lock
 * file records them ({@code pid=4242}, {@code host=lab1}, {@code since=2025-01-31T12:00:00Z}, one
 * per line).
 */
public record LockHolder(long pid, String host, Instant since) {

  /** This process, now. */
  public static LockHolder current() {
    return new LockHolder(ProcessHandle.current().pid(), hostName(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** "PID 4242 on lab1 since 2025-01-31T12:00:00Z", for messages. */
  public String describe() {
    return "PID " + pid + " on " + host + " since " + since;
  }

  /** True when this holder runs on this host and its process is still alive. */
  public boolean isAliveHere() {
    return host.equals(hostName()) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  String toText() {
    return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\n";
  }

  /** The holder a lock file's text names, or empty when it names none (empty, retired, damaged). */
  static Optional<LockHolder> parse(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    try {
      return Optional.of(new LockHolder(Long.parseLong(fields.getOrDefault("pid", "")),
          fields.getOrDefault("host", "?"), Instant.parse(fields.getOrDefault("since", ""))));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The kernel's host name where it can be read without a DNS lookup, else the JDK's. */
  private static String hostName() {
    try {
      Path proc = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(proc)) {
        return Files.readString(proc, StandardCharsets.UTF_8).trim();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
