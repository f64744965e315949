#!/usr/bin/env bash
# What --serve costs a sweep: the same sweep without --serve, with --serve and no page open
# ("idle"), and with --serve and a page's event stream open ("page"), one after another, REPEATS
# times. samples/s come from runs that nothing else watches; a second, sampled run of each served
# mode reads /proc for the CPU time of the serving threads (nnlab-serve-*, the JDK's
# HTTP-Dispatcher) against the trial threads (nnlab-trial-*). (Sampling /proc forks processes
# every 0.1 s, which on 2 cores slows the trials it watches: its samples/s would blame the server.)
#   experiments/bench/serve.sh [SWEEP_CONFIG]        # default: configs/sweeps/learning-rate.yaml
#   REPEATS=5 experiments/bench/serve.sh             # rounds (default 3)
# Linux only (/proc); needs curl. Prints one line per sweep.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${1:-$root/configs/sweeps/learning-rate.yaml}"
repeats="${REPEATS:-3}"
"$root/nnlab" --version >/dev/null # builds the jar when stale, outside the runs
jar="$root/experiments/target/nnlab.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mean_sps() { python3 -c "
import json, sys
v = [json.loads(l)['samplesPerSecond'] for l in open(sys.argv[1])]
print('%.0f' % (sum(v) / len(v)))" "$1"; }
ticks() { # user + system clock ticks of the threads of process $1 whose name starts with $2
  local t=0 d n s
  for d in /proc/"$1"/task/*; do
    n=$(cat "$d/comm" 2>/dev/null) || continue
    case "$n" in "$2"*) s=($(sed 's/.*) //' "$d/stat" 2>/dev/null)); t=$((t + ${s[11]:-0} + ${s[12]:-0})) ;; esac
  done
  echo "$t"
}
# one --serve sweep into folder $1 in mode $2 (idle: no page; page: an event stream open); with $3
# = yes, samples the CPU ticks of its serving, dispatcher and trial threads into serve/http/trial
served() {
  local d="$1" mode="$2" sample="$3" pid url client
  java --add-modules jdk.incubator.vector -jar "$jar" sweep "$config" --out "$d" --parallel 2 --serve 0 \
    > "$d.log" 2>/dev/null &
  pid=$!
  url=""
  for _ in $(seq 400); do url=$(grep -so "http://[0-9.:]*/" "$d.log" | head -1); [[ -n "$url" ]] && break; sleep 0.05; done
  : > "$d.events"
  client=""
  if [[ $mode == page ]]; then curl -s -N "${url}events" > "$d.events" 2>/dev/null & client=$!; fi
  serve=0 http=0 trial=0
  if [[ $sample == yes ]]; then
    while kill -0 "$pid" 2>/dev/null; do
      a=$(ticks "$pid" nnlab-serve); b=$(ticks "$pid" HTTP-Dispatch); c=$(ticks "$pid" nnlab-trial)
      ((a > serve)) && serve=$a; ((b > http)) && http=$b; ((c > trial)) && trial=$c
      sleep 0.1
    done
  fi
  wait "$pid"
  [[ -n "$client" ]] && kill "$client" 2>/dev/null
  return 0
}
echo "# $(date -u +%FT%TZ) $(basename "$config"), --parallel 2, $(nproc) cores; CPU in clock ticks of 1/$(getconf CLK_TCK) s"
for ((i = 1; i <= repeats; i++)); do
  for mode in plain idle page; do
    d="$out/$mode-$i"
    if [[ $mode == plain ]]; then
      line=$(java --add-modules jdk.incubator.vector -jar "$jar" sweep "$config" --out "$d" --parallel 2 2>/dev/null \
        | grep "trials on")
    else
      # samples/s from a run nothing else watches; CPU ticks from a second, sampled run (the
      # sampler forks a few processes per thread every 0.1 s: on 2 cores that slows the trials)
      served "$d" "$mode" no
      line="$(grep "trials on" "$d.log"); pages sent: $(grep -c '^event: model' "$d.events")"
      served "$d-cpu" "$mode" yes
      line="$line; CPU (sampled run): serving $serve + dispatcher $http, trials $trial"
    fi
    echo "$mode $i: $line; mean samples/s $(mean_sps "$d/results.jsonl"); load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
