#!/usr/bin/env bash
# Sweeps run one trial after another (--parallel 1) and on two threads (--parallel 2), in separate
# JVMs, back to back: the wall-time ratios, and the check that every trial's results (accuracy,
# loss per epoch, confusion matrix, provenance) are identical apart from the timings.
#   experiments/bench/sweep.sh [SWEEP_CONFIG ...]   # default: the three Fashion-MNIST sweeps and,
#                                                   # when the full MNIST is installed, the book's
#                                                   # hidden-nodes sweep (12 trials, ~40 s serial)
#   REPEATS=3 experiments/bench/sweep.sh            # pairs per sweep (default 2), median ratio
# Each sweep's fixed cost (JVM start, reading the data, JIT warm-up, the report) is printed too:
# the serial wall time minus the trials' own wall times.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeats="${REPEATS:-2}"
if (($# == 0)); then
  set -- "$root"/configs/sweeps/fashion-mnist-{learning-rate,epochs,hidden-nodes}.yaml
  book="$root/configs/sweeps/book-mnist-hidden-nodes.yaml"
  if "$root/nnlab" check "$book" >/dev/null 2>&1; then
    set -- "$@" "$book"
  else
    echo "skipping $(basename "$book"): the full MNIST is not installed (./nnlab data fetch mnist)"
  fi
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/nnlab" --version >/dev/null 2>&1 # build when stale
now() { date +%s.%N; }
for config in "$@"; do
  name="$(basename "$config" .yaml)"
  "$root/nnlab" check "$config" >/dev/null 2>&1 || true # AppCDS archives are made outside the timings
  rm -rf "$tmp/warm"
  "$root/nnlab" sweep "$config" --parallel 1 --out "$tmp/warm" >/dev/null 2>&1
  ratios=()
  for ((r = 1; r <= repeats; r++)); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    for p in 1 2; do
      rm -rf "$tmp/p$p"
      start=$(now)
      "$root/nnlab" sweep "$config" --parallel "$p" --out "$tmp/p$p" >/dev/null 2>&1
      eval "wall$p=$(python3 -c "print($(now) - $start)")"
    done
    ratios+=("$(python3 -c "print(f'{$wall2 / $wall1:.3f}')")")
    python3 - "$name" "$r" "$wall1" "$wall2" "$load" "$tmp/p1/results.jsonl" "$tmp/p2/results.jsonl" <<'PY'
import json, sys
name, run, w1, w2, load, f1, f2 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
TIMINGS = {"seconds", "trainSeconds", "wallSeconds", "samplesPerSecond"}
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in TIMINGS}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
rows1 = [json.loads(l) for l in open(f1)]
rows2 = [json.loads(l) for l in open(f2)]
a = {r["trial"]: strip(r) for r in rows1}
b = {r["trial"]: strip(r) for r in rows2}
same = sum(1 for k in a if a[k] == b.get(k))
trials = sum(r["wallSeconds"] for r in rows1)
print(f"{name} run {run}: {len(a)} trials, parallel 1 {w1:.2f} s (trials {trials:.2f} s, fixed {w1 - trials:.2f} s), "
      f"parallel 2 {w2:.2f} s, ratio {w2 / w1:.2f}; identical results {same} of {len(a)} (load before {load})")
PY
  done
  echo "$name: median ratio $(python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "${ratios[@]}") (target ≤ 0.6)"
done
echo "load after: $(uptime)"
