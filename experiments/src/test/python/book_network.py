#!/usr/bin/env python3
"""The textbook network of "Make Your Own Neural Network", in numpy, as a reference for nnlab.

Trains from given starting weights on the book's CSV (label, 784 pixels 0-255) in file order, one
sample at a time, and saves the final weights, so a test can compare them with nnlab's.

    book_network.py WEIGHTS_IN CSV LEARNING_RATE EPOCHS {book|exact} WEIGHTS_OUT

WEIGHTS_IN holds W1.npy, W2.npy, ... shaped (nodes_k, nodes_k-1); WEIGHTS_OUT receives the same.
The `book` rule is the book's class: hidden errors = W^T . output errors. The `exact` rule carries
back the output deltas instead (the chain rule): hidden errors = W^T . (e * o * (1 - o)).
"""
import os
import sys

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class neuralNetwork:
    """The book's class, generalised from two weight matrices (wih, who) to a list of them."""

    def __init__(self, weights, learningrate, rule):
        self.w = [np.array(w, dtype=np.float64) for w in weights]
        self.lr = learningrate
        self.rule = rule

    def query(self, inputs_list):
        outputs = [np.array(inputs_list, ndmin=2).T]
        for w in self.w:
            outputs.append(sigmoid(np.dot(w, outputs[-1])))
        return outputs

    def train(self, inputs_list, targets_list):
        outputs = self.query(inputs_list)
        targets = np.array(targets_list, ndmin=2).T
        errors = targets - outputs[-1]
        # every layer's update uses the weights as they were before this sample
        updates = []
        for k in range(len(self.w) - 1, -1, -1):
            o = outputs[k + 1]
            delta = errors * o * (1.0 - o)
            updates.append((k, self.lr * np.dot(delta, outputs[k].T)))
            carried = errors if self.rule == "book" else delta
            errors = np.dot(self.w[k].T, carried)
        for k, dw in updates:
            self.w[k] += dw


def main(argv):
    weights_in, csv, lr, epochs, rule, weights_out = argv[1:7]
    weights = []
    k = 1
    while os.path.exists(os.path.join(weights_in, "W%d.npy" % k)):
        weights.append(np.load(os.path.join(weights_in, "W%d.npy" % k)))
        k += 1
    net = neuralNetwork(weights, float(lr), rule)
    with open(csv) as f:
        records = f.readlines()
    outputs = weights[-1].shape[0]
    for _ in range(int(epochs)):
        for record in records:
            all_values = record.split(",")
            inputs = (np.asarray(all_values[1:], dtype=np.float64) / 255.0 * 0.99) + 0.01
            targets = np.zeros(outputs) + 0.01
            targets[int(all_values[0])] = 0.99
            net.train(inputs, targets)
    os.makedirs(weights_out, exist_ok=True)
    for k, w in enumerate(net.w, start=1):
        np.save(os.path.join(weights_out, "W%d.npy" % k), w)


if __name__ == "__main__":
    main(sys.argv)
