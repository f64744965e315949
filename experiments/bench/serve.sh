#!/usr/bin/env bash
# What --serve costs a sweep: the same sweep without --serve, with --serve and no page open
# ("idle"), and with --serve and a page's event stream open ("page"), one after another, REPEATS
# times. For served runs it samples /proc for the CPU time of the serving threads (nnlab-serve-*,
# the JDK's HTTP-Dispatcher) against the trial threads (nnlab-trial-*): a figure a busy machine
# does not blur the way it blurs samples/s.
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
echo "# $(date -u +%FT%TZ) $(basename "$config"), --parallel 2, $(nproc) cores; CPU in clock ticks of 1/$(getconf CLK_TCK) s"
for ((i = 1; i <= repeats; i++)); do
  for mode in plain idle page; do
    d="$out/$mode-$i"
    if [[ $mode == plain ]]; then
      line=$(java --add-modules jdk.incubator.vector -jar "$jar" sweep "$config" --out "$d" --parallel 2 2>/dev/null \
        | grep "trials on")
    else
      java --add-modules jdk.incubator.vector -jar "$jar" sweep "$config" --out "$d" --parallel 2 --serve 0 \
        > "$d.log" 2>/dev/null &
      pid=$!
      url=""
      for _ in $(seq 400); do url=$(grep -so "http://[0-9.:]*/" "$d.log" | head -1); [[ -n "$url" ]] && break; sleep 0.05; done
      : > "$d.events"
      client=""
      if [[ $mode == page ]]; then curl -s -N "${url}events" > "$d.events" 2>/dev/null & client=$!; fi
      serve=0 http=0 trial=0
      while kill -0 "$pid" 2>/dev/null; do
        a=$(ticks "$pid" nnlab-serve); b=$(ticks "$pid" HTTP-Dispatch); c=$(ticks "$pid" nnlab-trial)
        ((a > serve)) && serve=$a; ((b > http)) && http=$b; ((c > trial)) && trial=$c
        sleep 0.1
      done
      [[ -n "$client" ]] && kill "$client" 2>/dev/null
      line="$(grep "trials on" "$d.log"); pages sent: $(grep -c '^event: model' "$d.events"); CPU: serving $serve + dispatcher $http, trials $trial"
    fi
    echo "$mode $i: $line; mean samples/s $(mean_sps "$d/results.jsonl"); load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
