#!/usr/bin/env python3
"""The comparison baseline: the book's network in textbook numpy.

Same maths as nnlab's `backprop: exact` (sigmoid, no bias, E = 1/2 sum (t - o)^2, per-sample SGD),
same scaling (x = pixel/255 * 0.99 + 0.01, targets 0.01/0.99), samples in file order, no shuffling.
Written the way the book writes it: column vectors and numpy.dot, one sample at a time.

  numpy_baseline.py train IMAGES.gz LABELS.gz --layers 784,100,10 --samples 10000 [--init DIR]
  numpy_baseline.py eval  IMAGES.gz LABELS.gz --layers 784,200,10 [--init DIR]
  numpy_baseline.py agree IMAGES.gz LABELS.gz --layers 784,100,10 --dump DIR --samples 1000

Prints `key: value` lines, like `nnlab bench`.
"""
import argparse
import gzip
import time

import numpy


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return numpy.frombuffer(data, dtype=numpy.uint8, offset=4 + 4 * dims).reshape(shape)


def sigmoid(x):
    return 1.0 / (1.0 + numpy.exp(-x))


class Network:
    def __init__(self, weights, lr):
        self.w = weights  # w[k]: (nodes_{k+1}, nodes_k)
        self.lr = lr

    def train(self, inputs, targets):
        outputs = [numpy.array(inputs, ndmin=2).T]
        for w in self.w:
            outputs.append(sigmoid(numpy.dot(w, outputs[-1])))
        t = numpy.array(targets, ndmin=2).T
        errors = t - outputs[-1]
        delta = errors * outputs[-1] * (1.0 - outputs[-1])
        for k in range(len(self.w) - 1, -1, -1):
            back = numpy.dot(self.w[k].T, delta) if k > 0 else None
            self.w[k] += self.lr * numpy.dot(delta, outputs[k].T)
            if k > 0:
                delta = back * outputs[k] * (1.0 - outputs[k])
        return 0.5 * float(numpy.sum(errors * errors))

    def query_batch(self, inputs):
        o = inputs.T
        for w in self.w:
            o = sigmoid(numpy.dot(w, o))
        return o


def initial_weights(layers, init_dir, seed):
    if init_dir:
        return [numpy.fromfile(f"{init_dir}/init-{k}.f64", dtype="<f8").reshape(layers[k + 1], layers[k])
                for k in range(len(layers) - 1)]
    rng = numpy.random.default_rng(seed)
    return [rng.normal(0.0, layers[k] ** -0.5, (layers[k + 1], layers[k])) for k in range(len(layers) - 1)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "eval", "agree"])
    p.add_argument("images")
    p.add_argument("labels")
    p.add_argument("--layers", default="784,100,10")
    p.add_argument("--samples", type=int, default=0)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--init", help="folder with init-K.f64 from `nnlab bench --dump-weights`")
    p.add_argument("--dump", help="folder with init-K.f64 and after-K.f64 to agree with")
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    layers = [int(n) for n in a.layers.split(",")]
    images = read_idx(a.images).reshape(-1, layers[0])
    labels = read_idx(a.labels)
    n = len(images) if a.samples <= 0 else min(a.samples, len(images))
    net = Network(initial_weights(layers, a.init or a.dump, a.seed), a.lr)

    if a.mode == "eval":
        start = time.perf_counter()
        x = images[:n] / 255.0 * 0.99 + 0.01
        predicted = numpy.argmax(net.query_batch(x), axis=0)
        seconds = time.perf_counter() - start
        print(f"eval_samples: {n}")
        print(f"eval_seconds: {seconds:.4f}")
        print(f"accuracy: {numpy.mean(predicted == labels[:n]):.4f}")
        return

    start = time.perf_counter()
    cpu_start = time.process_time()
    loss = 0.0
    for i in range(n):
        x = images[i] / 255.0 * 0.99 + 0.01
        t = numpy.zeros(layers[-1]) + 0.01
        t[labels[i]] = 0.99
        loss += net.train(x, t)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    if a.mode == "agree":
        diff = max(float(numpy.max(numpy.abs(net.w[k] - numpy.fromfile(f"{a.dump}/after-{k}.f64", dtype="<f8")
                                            .reshape(layers[k + 1], layers[k])))) for k in range(len(net.w)))
        print(f"max_abs_weight_difference: {diff:.3e}")
        print(f"agree_within_1e-9: {'yes' if diff <= 1e-9 else 'NO'}")
        return
    print(f"train_samples: {n}")
    print(f"train_seconds: {seconds:.4f}")
    print(f"train_samples_per_s: {n / seconds:.1f}")
    print(f"train_samples_per_cpu_s: {n / cpu_seconds:.1f}")
    print(f"train_mean_loss: {loss / n:.6f}")


if __name__ == "__main__":
    main()
