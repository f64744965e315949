package org.nnlab.report;

import java.util.Locale;
import org.nnlab.sweep.TrialResult;

/** Writes a sweep's {@code trials.csv}: one row per trial with its parameters, seed and figures (RFC 4180 quoting). */
public final class TrialsCsv {
  private TrialsCsv() {}

  public static String render(SweepSummary s) {
    StringBuilder csv = new StringBuilder("trial,repeat,seed");
    s.axes().forEach(a -> csv.append(',').append(quote(a)));
    csv.append(",status,accuracy,epochs,trainSeconds,wallSeconds,samplesPerSecond\n");
    for (TrialResult t : s.trials()) {
      csv.append(quote(t.trial())).append(',').append(t.repeat()).append(',').append(t.seed());
      for (String a : s.axes()) {
        Object v = t.parameters().get(a);
        csv.append(',').append(v == null ? "" : quote(SweepSummary.text(v)));
      }
      var r = t.result();
      csv.append(String.format(Locale.ROOT, ",%s,%s,%d,%.3f,%.3f,%.1f%n", r.status(),
          Double.isNaN(r.accuracy()) ? "" : Double.toString(r.accuracy()), r.epochs().size(),
          r.trainSeconds(), r.wallSeconds(), r.samplesPerSecond()));
    }
    return csv.toString();
  }

  private static String quote(String v) {
    return v.matches("[^,\"\\r\\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
