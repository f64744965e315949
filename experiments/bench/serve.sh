#!/usr/bin/env bash
# What --serve costs a sweep: the same sweep without --serve ("plain"), with --serve and no page
# open ("idle"), and with --serve and a page's event stream open ("page"), REPEATS rounds of the
# three, interleaved: each round runs all three back to back, in an order that turns round by
# round (plain idle page, idle page plain, page plain idle, …), so no mode always runs first or
# last. The summary compares each served mode with the plain run of the same round (a pair: the
# same minutes of the machine) and gives the medians over the rounds, which one noisy round does
# not move. samples/s and wall seconds come from runs that nothing else watches; with CPU=yes a
# second, sampled run of each served mode reads /proc for the CPU time of the serving threads
# (nnlab-serve-*, the JDK's HTTP-Dispatcher) against the trial threads (nnlab-trial-*). (Sampling
# /proc forks processes every 0.1 s, which on 2 cores slows the trials it watches: its samples/s
# would blame the server.)
#   experiments/bench/serve.sh [SWEEP_CONFIG [SWEEP_OPTION…]]   # default: configs/sweeps/learning-rate.yaml
#   REPEATS=9 CPU=no experiments/bench/serve.sh configs/sweeps/fashion-mnist-learning-rate.yaml
#   REPEATS=1 CPU=no experiments/bench/serve.sh configs/sweeps/learning-rate.yaml \
#     --set training.epochs=1 --set 'network.layers=[784,4,10]'      # a smoke test of the script
# REPEATS: rounds (default 5); CPU: yes (default) or no; PARALLEL: --parallel (default 2).
# Linux only (/proc); needs curl and python3. Prints one line per sweep, then the summary.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${1:-$root/configs/sweeps/learning-rate.yaml}"
shift $(($# > 0 ? 1 : 0))
extra=("$@")
repeats="${REPEATS:-5}"
cpu="${CPU:-yes}"
parallel="${PARALLEL:-2}"
"$root/nnlab" --version >/dev/null # builds the jar when stale, outside the runs
jar="$root/experiments/target/nnlab.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
sweep() { java --add-modules jdk.incubator.vector -jar "$jar" sweep "$config" ${extra[@]+"${extra[@]}"} \
  --parallel "$parallel" "$@"; }
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
  sweep --out "$d" --serve 0 > "$d.log" 2>/dev/null &
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
echo "# $(date -u +%FT%TZ) $(basename "$config") ${extra[*]:-}, --parallel $parallel, $(nproc) cores, $repeats rounds" \
  "interleaved; CPU in clock ticks of 1/$(getconf CLK_TCK) s"
modes=(plain idle page)
for ((i = 1; i <= repeats; i++)); do
  for k in 0 1 2; do
    mode=${modes[$(((i - 1 + k) % 3))]}
    d="$out/$mode-$i"
    if [[ $mode == plain ]]; then
      line=$(sweep --out "$d" 2>/dev/null | grep "trials on")
    else
      served "$d" "$mode" no
      line="$(grep "trials on" "$d.log"); pages sent: $(grep -c '^event: model' "$d.events")"
      if [[ $cpu == yes ]]; then
        served "$d-cpu" "$mode" yes
        line="$line; CPU (sampled run): serving $serve + dispatcher $http, trials $trial"
      fi
    fi
    sps=$(mean_sps "$d/results.jsonl")
    wall=$(grep -o ' in [0-9.]* s' <<< "$line" | grep -o '[0-9.]*')
    printf '%s\t%s\t%s\t%s\n' "$mode" "$i" "$sps" "${wall:-nan}" >> "$out/runs.tsv"
    echo "$mode $i: $line; mean samples/s $sps; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
python3 - "$out/runs.tsv" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    mode, i, sps, wall = line.split('\t')
    runs[(mode, int(i))] = (float(sps), float(wall))
rounds = sorted({i for _, i in runs})
def median(xs):
    xs = [x for x in xs if x == x]
    return statistics.median(xs) if xs else float('nan')
print('# medians over %d round(s):' % len(rounds))
for mode in ('plain', 'idle', 'page'):
    print('#   %-5s %8.0f samples/s, %6.2f s wall' % (mode, median([runs[(mode, i)][0] for i in rounds]),
                                                   median([runs[(mode, i)][1] for i in rounds])))
for mode in ('idle', 'page'):
    sps = [runs[(mode, i)][0] / runs[('plain', i)][0] for i in rounds]
    wall = [runs[(mode, i)][1] / runs[('plain', i)][1] for i in rounds]
    print('# %s against plain, median of the rounds\' ratios: samples/s x%.3f (%+.1f %%), wall x%.3f (%+.1f %%);'
          ' samples/s ratios %.3f..%.3f' % (mode, median(sps), 100 * (median(sps) - 1), median(wall),
                                           100 * (median(wall) - 1), min(sps), max(sps)))
EOF
