#!/usr/bin/env bash
# A sweep run one trial after another (--parallel 1) and on two threads (--parallel 2), in separate
# JVMs, back to back: the wall-time ratio, and the check that every trial's results (accuracy,
# loss per epoch, confusion matrix, provenance) are identical apart from the timings.
#   experiments/bench/sweep.sh [SWEEP_CONFIG]     # default: the Fashion-MNIST learning-rate sweep
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${1:-$root/configs/sweeps/fashion-mnist-learning-rate.yaml}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/nnlab" --version >/dev/null 2>&1 # build when stale
"$root/nnlab" check "$config" >/dev/null 2>&1 || true # AppCDS archives are made outside the timings
"$root/nnlab" sweep "$config" --parallel 1 --out "$tmp/warm" >/dev/null 2>&1
echo "load before: $(uptime)"
for p in 1 2; do
  start=$(date +%s.%N)
  "$root/nnlab" sweep "$config" --parallel "$p" --out "$tmp/p$p" 2>/dev/null | tail -1
  echo "parallel $p: $(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')") s wall"
  eval "wall$p=$(python3 -c "print($(date +%s.%N) - $start)")"
done
echo "ratio parallel 2 / parallel 1: $(python3 -c "print(f'{$wall2 / $wall1:.2f}')") (target ≤ 0.6)"
python3 - "$tmp/p1/results.jsonl" "$tmp/p2/results.jsonl" <<'PY'
import json, sys
TIMINGS = {"seconds", "trainSeconds", "wallSeconds", "samplesPerSecond"}
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in TIMINGS}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
def load(path):
    return {r["trial"]: strip(r) for r in map(json.loads, open(path))}
a, b = load(sys.argv[1]), load(sys.argv[2])
same = sum(1 for k in a if a[k] == b.get(k))
print(f"trials with identical results (timings aside): {same} of {len(a)}")
PY
echo "load after: $(uptime)"
