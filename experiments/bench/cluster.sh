#!/usr/bin/env bash
# A sweep on a two-worker loopback cluster (two `nnlab worker --threads 1` on this machine) against
# the same sweep in one JVM with --parallel 2, then the time to recover from a worker killed with
# kill -9 mid-sweep. Everything runs on one machine: this measures what the cluster costs, not a
# speed-up (docs/cluster.md quotes it).
#   experiments/bench/cluster.sh [SWEEP_CONFIG]   # default: configs/sweeps/learning-rate.yaml
#   REPEATS=3 experiments/bench/cluster.sh        # runs of each (default 2)
# "cold": the first sweep on freshly started workers (each JIT-compiles and reads the data);
# "warm": the next sweep on the same workers. --parallel 2 starts a fresh JVM every time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${1:-$root/configs/sweeps/learning-rate.yaml}"
repeats="${REPEATS:-2}"
name="nnlab-bench-$$"
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# stamps each line with the time it was printed, for the recovery figures
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done; }

"$root/nnlab" --version >/dev/null 2>&1 # build when stale
# the class-data archive is made, and the data read once, outside the timings
"$root/nnlab" sweep "$config" --parallel 2 --out "$tmp/archive" >/dev/null 2>&1

# starts a worker on port $1 (joining port $2 if given); its JVM's pid goes to pids (the launcher
# runs java as a child when it writes the class-data archive, and execs it otherwise)
start_worker() {
  local log="$tmp/worker-$1.log" launcher
  "$root/nnlab" worker --port "$1" ${2:+--join "127.0.0.1:$2"} --cluster-name "$name" --threads 1 >"$log" 2>&1 &
  launcher=$!
  disown "$launcher" # no "Killed" notice from this shell when the recovery run kills it
  until grep -q "Ctrl-C leaves" "$log" 2>/dev/null; do sleep 0.05; done
  pids+=("$(pgrep -P "$launcher" -x java || echo "$launcher")")
}

sweep_on_cluster() { # $1: out folder; prints the wall time
  local start; start=$(now)
  "$root/nnlab" sweep "$config" --cluster "127.0.0.1:$port1" --cluster-name "$name" --out "$1" >"$1.log" 2>&1
  python3 -c "print(f'{$(now) - $start:.2f}')"
}

same() { # identical figures (all but timings and the member) in two results.jsonl
  python3 - "$1" "$2" <<'PY'
import json, sys
SKIP = {"seconds", "trainSeconds", "wallSeconds", "samplesPerSecond", "member", "gitCommit"}
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in SKIP}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
a = {r["trial"]: strip(r) for r in map(json.loads, open(sys.argv[1]))}
b = {r["trial"]: strip(r) for r in map(json.loads, open(sys.argv[2]))}
print(f"identical results {sum(1 for k in a if a[k] == b.get(k))} of {len(a)}")
PY
}

echo "# experiments/bench/cluster.sh $(basename "$config"), REPEATS=$repeats, $(date '+%F %H:%M'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= repeats; r++)); do
  start=$(now)
  "$root/nnlab" sweep "$config" --parallel 2 --out "$tmp/local-$r" >/dev/null 2>&1
  local_wall=$(python3 -c "print(f'{$(now) - $start:.2f}')")
  port1=$(free_port); port2=$(free_port)
  start=$(now)
  start_worker "$port1"
  start_worker "$port2" "$port1"
  workers=$(python3 -c "print(f'{$(now) - $start:.2f}')")
  cold=$(sweep_on_cluster "$tmp/cold-$r")
  warm=$(sweep_on_cluster "$tmp/warm-$r")
  echo "run $r: --parallel 2 ${local_wall} s; two workers started in ${workers} s; cluster cold ${cold} s" \
    "($(python3 -c "print(f'{$cold / $local_wall:.2f}')")x), warm ${warm} s ($(python3 -c "print(f'{$warm / $local_wall:.2f}')")x);" \
    "$(same "$tmp/local-$r/results.jsonl" "$tmp/warm-$r/results.jsonl")"

  # recovery: the same sweep again; worker 2 is killed once 3 trials are stored
  out="$tmp/kill-$r"
  start=$(now)
  "$root/nnlab" sweep "$config" --cluster "127.0.0.1:$port1" --cluster-name "$name" --out "$out" 2>&1 | stamp >"$out.log" &
  sweep=$!
  until [[ -f "$out/results.jsonl" && $(wc -l <"$out/results.jsonl") -ge 3 ]]; do sleep 0.01; done
  killed=$(now)
  kill -9 "${pids[-1]}"
  wait "$sweep"
  python3 - "$out.log" "$start" "$killed" "$warm" "$port2" <<'PY'
import sys
log, start, killed, warm, port = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
lines = [(float(l.split(" ", 1)[0]), l.split(" ", 1)[1]) for l in open(log) if l[0].isdigit()]
left = next(t for t, l in lines if f":{port} left" in l)
after = [t for t, l in lines if l.startswith("trial ") and t > killed]
end = lines[-1][0]
print(f"         kill -9 of a worker after 3 of the trials: the coordinator printed 'left' {left - killed:.2f} s later, "
      f"stored the next trial {after[0] - killed:.2f} s later; the sweep took {end - start:.2f} s (warm, no kill: {warm:.2f} s), "
      f"{sum(1 for _, l in lines if l.startswith('trial '))} trials stored")
PY
  kill -TERM "${pids[0]}"
  while kill -0 "${pids[0]}" 2>/dev/null; do sleep 0.1; done
  pids=()
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
