package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A 2-2-1 network worked through by hand. */
class NetworkTest {
  // W1 = [[0.1, 0.2], [0.3, 0.4]], W2 = [[0.5, 0.6]]
  private final Network net = Network.of(new int[] {2, 2, 1}, Activation.sigmoid(),
      new double[][] {{0.1, 0.2, 0.3, 0.4}, {0.5, 0.6}});
  private final double[] x = {1.0, 0.5};
  private final double[] t = {0.99};

  @Test
  void query_matchesHandComputation() {
    double h1 = 1 / (1 + Math.exp(-(0.1 * 1.0 + 0.2 * 0.5))); // σ(0.2)
    double h2 = 1 / (1 + Math.exp(-(0.3 * 1.0 + 0.4 * 0.5))); // σ(0.5)
    double o = 1 / (1 + Math.exp(-(0.5 * h1 + 0.6 * h2)));
    assertThat(net.query(x)[0]).isCloseTo(o, within(1e-15));
  }

  @Test
  void train_exact_appliesTheHandDerivedUpdate() {
    double h1 = 1 / (1 + Math.exp(-0.2));
    double h2 = 1 / (1 + Math.exp(-0.5));
    double o = 1 / (1 + Math.exp(-(0.5 * h1 + 0.6 * h2)));
    double dOut = (0.99 - o) * o * (1 - o);
    double dH1 = 0.5 * dOut * h1 * (1 - h1);
    double lr = 0.1;
    net.train(x, t, lr, Backprop.EXACT);
    assertThat(net.weight(1, 0, 0)).isCloseTo(0.5 + lr * dOut * h1, within(1e-15));
    assertThat(net.weight(0, 0, 1)).isCloseTo(0.2 + lr * dH1 * 0.5, within(1e-15));
  }

  @Test
  void train_book_usesTheRecombinedErrorWithoutTheOutputSlope() {
    double h1 = 1 / (1 + Math.exp(-0.2));
    double h2 = 1 / (1 + Math.exp(-0.5));
    double o = 1 / (1 + Math.exp(-(0.5 * h1 + 0.6 * h2)));
    double e = 0.99 - o;
    double dH1 = 0.5 * e * h1 * (1 - h1); // the book: hidden error = W2ᵀ·e, no σ'(o)
    net.train(x, t, 0.1, Backprop.BOOK);
    assertThat(net.weight(0, 0, 0)).isCloseTo(0.1 + 0.1 * dH1 * 1.0, within(1e-15));
  }

  @Test
  void loss_isHalfTheSquaredError() {
    double o = net.query(x)[0];
    assertThat(net.loss(x, t)).isCloseTo(0.5 * (0.99 - o) * (0.99 - o), within(1e-15));
  }

  @Test
  void query_withWrongInputCount_namesBothCounts() {
    assertThatThrownBy(() -> net.query(new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2 inputs, found 3");
  }

  @Test
  void of_withWrongMatrixSize_isRejected() {
    assertThatThrownBy(() -> Network.of(new int[] {2, 2}, Activation.sigmoid(), new double[][] {{1, 2, 3}}))
        .hasMessageContaining("weight matrix 1 must hold 2×2 values, found 3");
  }
}
