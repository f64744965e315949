#!/usr/bin/env bash
# nnlab against the textbook numpy baseline, in one go, on the same data and this machine:
# training samples/s at 784-100-10 and 784-200-10, evaluation of the 10,000 test images at
# 784-200-10 (numpy: one batched matrix product per layer), the ratios, and the check that both
# compute the same thing (weights after 1,000 samples from the same initial weights, within 1e-9).
#
#   experiments/bench/compare.sh            # REPEATS=3 SAMPLES=20000 by default
#   REPEATS=5 SAMPLES=60000 experiments/bench/compare.sh
#
# Single thread on both sides (OpenBLAS limited to one thread). Uses fashion-mnist when it is on
# disk (/usr/share/datasets/fashion-mnist or $NNLAB_DATA), else the bundled mnist-sample.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
repeats="${REPEATS:-3}"
samples="${SAMPLES:-20000}"
py="$root/experiments/bench/numpy_baseline.py"
nnlab="$root/nnlab"

name=mnist-sample
dir="$root/framework/src/main/resources/org/nnlab/data/mnist-sample"
for d in "${NNLAB_DATA:-$HOME/.nnlab/data}/fashion-mnist" /usr/share/datasets/fashion-mnist; do
  if [[ -f "$d/train-images-idx3-ubyte.gz" ]]; then name=fashion-mnist; dir="$d"; fi
done
train=("$dir/train-images-idx3-ubyte.gz" "$dir/train-labels-idx1-ubyte.gz")
test=("$dir/t10k-images-idx3-ubyte.gz" "$dir/t10k-labels-idx1-ubyte.gz")
value() { awk -v k="$1:" '$1 == k { print $2 }'; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

"$nnlab" --version >/dev/null 2>&1 # builds the jar when stale, outside the timings
echo "data: $name, $samples training samples per run, $repeats runs; numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$nnlab" bench --data "$name" --layers 784,100,10 --samples 1000 --warmup 0 --dump-weights "$tmp" >/dev/null 2>&1
agree="$(python3 "$py" agree "${train[@]}" --layers 784,100,10 --samples 1000 --dump "$tmp")"
echo "agreement after 1,000 samples (784-100-10, same initial weights): $(echo "$agree" | value max_abs_weight_difference) max |Δw|, within 1e-9: $(echo "$agree" | value agree_within_1e-9)"

for layers in 784,100,10 784,200,10; do
  ratios=()
  cpu_ratios=()
  for ((r = 1; r <= repeats; r++)); do
    j="$("$nnlab" bench --data "$name" --layers "$layers" --samples "$samples" 2>/dev/null)"
    n="$(python3 "$py" train "${train[@]}" --layers "$layers" --samples "$samples")"
    js="$(echo "$j" | value train_samples_per_s)"
    ns="$(echo "$n" | value train_samples_per_s)"
    ratios+=("$(ratio "$js" "$ns")")
    cpu_ratios+=("$(ratio "$(echo "$j" | value train_samples_per_cpu_s)" "$(echo "$n" | value train_samples_per_cpu_s)")")
    echo "train ${layers//,/-} run $r: nnlab $js samples/s, numpy $ns samples/s, ratio ${ratios[-1]}x; per CPU-second ${cpu_ratios[-1]}x (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  echo "train ${layers//,/-}: median ratio $(median "${ratios[@]}")x wall, $(median "${cpu_ratios[@]}")x per CPU-second (target ≥ 10x)"
done

ratios=()
for ((r = 1; r <= repeats; r++)); do
  j="$("$nnlab" bench --data "$name" --layers 784,200,10 --samples 2000 --warmup 2000 2>/dev/null)"
  n="$(python3 "$py" eval "${test[@]}" --layers 784,200,10)"
  je="$(echo "$j" | value eval_seconds)"
  ne="$(echo "$n" | value eval_seconds)"
  ratios+=("$(ratio "$ne" "$je")")
  echo "evaluate 10,000 at 784-200-10 run $r: nnlab $je s, numpy batched $ne s, speed ratio ${ratios[-1]}x (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "evaluate 784-200-10: median speed ratio $(median "${ratios[@]}")x (target ≥ 1x)"
echo "load after: $(uptime)"
