package org.nnlab.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.network.BlockNetwork;
import org.nnlab.network.KernelChoice;
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

  /**
   * Queries {@code network} on every sample of {@code data}, {@value BlockNetwork#BLOCK} samples
   * at a time through the training engine's forward pass ({@link BlockNetwork#query}: the outputs
   * of {@link Network#forward} to ~1e-15).
   */
  public static Evaluation of(Network network, Dataset data, InputScaling scaling) {
    int[] sizes = network.layerSizes();
    int classes = sizes[sizes.length - 1];
    int n = data.size();
    int[][] confusion = new int[classes][classes];
    int[] predicted = new int[n];
    double[] confidence = new double[n];
    int[] actual = new int[n];
    BlockNetwork forward = BlockNetwork.of(network, KernelChoice.AUTO, 1);
    double[][] x = new double[BlockNetwork.BLOCK][data.features()];
    for (int start = 0; start < n; start += BlockNetwork.BLOCK) {
      int count = Math.min(BlockNetwork.BLOCK, n - start);
      for (int b = 0; b < count; b++) {
        data.scaledInputs(start + b, scaling, x[b]);
      }
      double[][] out = forward.query(x, count);
      for (int b = 0; b < count; b++) {
        int i = start + b;
        double[] o = out[b];
        int best = argmax(o);
        predicted[i] = best;
        confidence[i] = o[best];
        actual[i] = data.label(i);
        if (actual[i] < classes) {
          confusion[actual[i]][best]++;
        }
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
