package org.nnlab.serve;

import java.util.Map;
import org.nnlab.report.ReportModel;

/**
 * Something a report page shows that may change: a sweep or run training in this process, or a
 * folder on disk. Each change bumps {@link #version()}; a server sends the page's model again when
 * it has. Thread-safe. The lock is only held to record a change or copy the state: the model is
 * built outside it, so the trials that report changes never wait for a page.
 */
public abstract class PageSource {
  private long version;
  private boolean ended;
  private long jsonVersion = -1;
  private String json;

  /**
   * The page's model as it stands (see {@link ReportModel}). Called without the lock held: copy the
   * state under it, then build from the copy.
   */
  protected abstract Map<String, Object> model();

  /** Whether nothing will change any more: {@link #end} was called. */
  public synchronized boolean finished() {
    return ended;
  }

  /** The sweep or run has ended (finished, failed or stopped): nothing more will change. Calling it again does nothing. */
  public synchronized void end() {
    if (!ended) {
      ended = true;
      changed();
    }
  }

  /** Waits until the source has finished or {@code millis} have passed, whatever else changes. */
  public synchronized void awaitEnd(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    for (long left = millis; !finished() && left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
      wait(left);
    }
  }

  /** The run's or sweep's name, for the page title and the index. */
  public abstract String name();

  /** How many changes there have been. */
  public synchronized long version() {
    refresh();
    return version;
  }

  /** Records a change and wakes whoever waits for one. */
  protected final synchronized void changed() {
    version++;
    notifyAll();
  }

  /** Looks for changes it is not told about (a folder polls its files); nothing by default. */
  protected void refresh() {}

  /** The model as JSON, built once per version (outside the lock): every page that asks shares it. */
  public String json() {
    long v;
    synchronized (this) {
      v = version();
      if (jsonVersion == v) {
        return json;
      }
    }
    String built = ReportModel.json(model());
    synchronized (this) {
      if (v > jsonVersion) {
        json = built;
        jsonVersion = v;
      }
    }
    return built;
  }

  /** The model itself, for a page's first render. */
  public Map<String, Object> currentModel() {
    return model();
  }

  /**
   * Waits until the version differs from {@code seen}, the source has finished, or {@code millis}
   * have passed; returns the version then.
   */
  public synchronized long awaitChange(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    for (long left = millis; version() == seen && !finished() && left > 0;
        left = (deadline - System.nanoTime()) / 1_000_000L) {
      wait(Math.min(left, pollMillis()));
    }
    return version();
  }

  /** How often a waiter looks again without being told: often for a folder, seldom otherwise. */
  protected long pollMillis() {
    return 5_000;
  }
}
