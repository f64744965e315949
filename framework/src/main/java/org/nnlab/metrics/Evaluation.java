package org.nnlab.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.network.Network;

/**
 * How a trained network does on labelled data: accuracy, the confusion matrix, and each sample's
 * prediction and confidence (for galleries of confident mistakes). Computed apart from any
 * rendering. The predicted label is the index of the largest output, as in the book.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.of(network, testData, scaling);
 * double acc = e.accuracy();
 * }</pre>
 */
public final class Evaluation {
  private final int[][] confusion;
  private final int[] predicted;
  private final double[] confidence;
  private final int[] actual;

  private Evaluation(int[][] confusion, int[] predicted, double[] confidence, int[] actual) {
    this.confusion = confusion;
    this.predicted = predicted;
    this.confidence = confidence;
    this.actual = actual;
  }

  /** Queries {@code network} on every sample of {@code data}. */
  public static Evaluation of(Network network, Dataset data, InputScaling scaling) {
    int[] sizes = network.layerSizes();
    int classes = sizes[sizes.length - 1];
    int n = data.size();
    int[][] confusion = new int[classes][classes];
    int[] predicted = new int[n];
    double[] confidence = new double[n];
    int[] actual = new int[n];
    double[] x = new double[data.features()];
    for (int i = 0; i < n; i++) {
      data.scaledInputs(i, scaling, x);
      double[] o = network.forward(x)[sizes.length - 1];
      int best = argmax(o);
      predicted[i] = best;
      confidence[i] = o[best];
      actual[i] = data.label(i);
      if (actual[i] < classes) {
        confusion[actual[i]][best]++;
      }
    }
    return new Evaluation(confusion, predicted, confidence, actual);
  }

  /** The index of the largest value; the first one on ties. */
  public static int argmax(double[] o) {
    int best = 0;
    for (int j = 1; j < o.length; j++) {
      if (o[j] > o[best]) {
        best = j;
      }
    }
    return best;
  }

  /** Share of samples whose predicted label is the true one. */
  public double accuracy() {
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == actual[i]) {
        correct++;
      }
    }
    return predicted.length == 0 ? 0.0 : correct / (double) predicted.length;
  }

  public int size() {
    return predicted.length;
  }

  /** confusion[actual][predicted], a copy. */
  public int[][] confusion() {
    int[][] c = new int[confusion.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = confusion[i].clone();
    }
    return c;
  }

  public int predicted(int i) {
    return predicted[i];
  }

  public double confidence(int i) {
    return confidence[i];
  }

  /** The {@code k} wrongly labelled samples the network was surest of, surest first. */
  public List<Integer> confidentMistakes(int k) {
    List<Integer> wrong = new ArrayList<>();
    IntStream.range(0, predicted.length).filter(i -> predicted[i] != actual[i]).forEach(wrong::add);
    wrong.sort(Comparator.comparingDouble((Integer i) -> -confidence[i]).thenComparing(i -> i));
    return wrong.subList(0, Math.min(k, wrong.size()));
  }
}
