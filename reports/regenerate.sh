#!/usr/bin/env bash
# Regenerates the curated example reports under reports/ from the shipped configs, then rewrites
# reports/README.md, the index whose figures (accuracy, training time, samples/s, engine) are read
# from the regenerated results files. The README and the manual quote no figure that this script
# does not re-measure.
#
#   reports/regenerate.sh                 # every report whose dataset is installed
#   reports/regenerate.sh quickstart sweeps/learning-rate   # only these
#   reports/regenerate.sh beyond-the-book  # every report under reports/beyond-the-book/ (long: its
#                                         #   trials' training times add up to 6.6 h, two at a time on
#                                         #   2 cores: about 3 h; see docs/beyond-the-book.md)
#   reports/regenerate.sh --list          # what it would make, and which datasets each needs
#   reports/regenerate.sh --bench         # also experiments/bench/compare.sh and sweep.sh into
#                                         #   reports/performance/ (minutes; run on a quiet machine)
#
# Each report is made in a fresh folder beside its target and put in place only when its command
# succeeded, so a failed or interrupted run leaves the previous report as it was. A report whose
# dataset is not installed is skipped with a note (mnist: `./nnlab data fetch mnist` or
# `./nnlab data import mnist DIR`; fashion-mnist: Debian's dataset-fashion-mnist).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nnlab="$root/nnlab"
reports="$root/reports"

# name (folder under reports/) | command | config | dataset it needs
entries=(
  "quickstart|run|configs/quickstart.yaml|mnist-sample"
  "book-mnist|run|configs/book-mnist.yaml|mnist"
  "book-mnist-rotations|run|configs/book-mnist-rotations.yaml|mnist"
  "sweeps/learning-rate|sweep|configs/sweeps/learning-rate.yaml|mnist-sample"
  "sweeps/epochs|sweep|configs/sweeps/epochs.yaml|mnist-sample"
  "sweeps/hidden-nodes|sweep|configs/sweeps/hidden-nodes.yaml|mnist-sample"
  "sweeps/fashion-mnist-learning-rate|sweep|configs/sweeps/fashion-mnist-learning-rate.yaml|fashion-mnist"
  "sweeps/fashion-mnist-epochs|sweep|configs/sweeps/fashion-mnist-epochs.yaml|fashion-mnist"
  "sweeps/fashion-mnist-hidden-nodes|sweep|configs/sweeps/fashion-mnist-hidden-nodes.yaml|fashion-mnist"
  "sweeps/book-mnist-hidden-nodes|sweep|configs/sweeps/book-mnist-hidden-nodes.yaml|mnist"
  "sweeps/random-search|sweep|configs/sweeps/random-search.yaml|mnist-sample"
  "beyond-the-book/search/mnist|sweep|configs/beyond-the-book/search/mnist.yaml|mnist"
  "beyond-the-book/search/fashion-mnist|sweep|configs/beyond-the-book/search/fashion-mnist.yaml|fashion-mnist"
  "beyond-the-book/search/fashion-mnist-epochs|sweep|configs/beyond-the-book/search/fashion-mnist-epochs.yaml|fashion-mnist"
  "beyond-the-book/search/mnist-decay|sweep|configs/beyond-the-book/search/mnist-decay.yaml|mnist"
  "beyond-the-book/search/fashion-mnist-decay|sweep|configs/beyond-the-book/search/fashion-mnist-decay.yaml|fashion-mnist"
  "beyond-the-book/search/fashion-mnist-decay-rate|sweep|configs/beyond-the-book/search/fashion-mnist-decay-rate.yaml|fashion-mnist"
  "beyond-the-book/search/fashion-mnist-decay-fine|sweep|configs/beyond-the-book/search/fashion-mnist-decay-fine.yaml|fashion-mnist"
  "beyond-the-book/search/fashion-mnist-decay-epochs|sweep|configs/beyond-the-book/search/fashion-mnist-decay-epochs.yaml|fashion-mnist"
  "beyond-the-book/mnist|run|configs/beyond-the-book/mnist.yaml|mnist"
  "beyond-the-book/fashion-mnist|run|configs/beyond-the-book/fashion-mnist.yaml|fashion-mnist"
)
# the ablation's steps, one sweep each (a point over seeds), in order
for config in "$root"/configs/beyond-the-book/ablation/*.yaml; do
  step="$(basename "$config" .yaml)"
  entries+=("beyond-the-book/ablation/$step|sweep|configs/beyond-the-book/ablation/$step.yaml|${step%%-[0-9]*}")
done

usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

bench=0
only=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --list)
      for e in "${entries[@]}"; do IFS='|' read -r name cmd config data <<<"$e"
        printf '%-36s nnlab %-5s %-48s needs %s\n' "reports/$name" "$cmd" "$config" "$data"; done
      exit 0 ;;
    --bench) bench=1 ;;
    -*) echo "regenerate.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) only+=("${arg#reports/}") ;;
  esac
done
# a name picks its report, or every report under it (beyond-the-book)
wanted() { local o; for o in "${only[@]}"; do [[ "$1" == "$o" || "$1" == "$o"/* ]] && return 0; done; return 1; }
for name in "${only[@]}"; do
  printf '%s\n' "${entries[@]}" | grep -q "^${name}[|/]" \
    || { echo "regenerate.sh: no report named '$name'; --list shows them" >&2; exit 2; }
done

cd "$root"
"$nnlab" --version >/dev/null # builds the jar when stale, outside the runs
declare -A installed=()
have() { # whether a named dataset can be read here, asked once per name
  [[ -n "${installed[$1]:-}" ]] || { "$nnlab" data info "$1" >/dev/null 2>&1 && installed[$1]=yes || installed[$1]=no; }
  [[ "${installed[$1]}" == yes ]]
}

made=0 skipped=0
for e in "${entries[@]}"; do
  IFS='|' read -r name cmd config data <<<"$e"
  if ((${#only[@]})) && ! wanted "$name"; then continue; fi
  if ! have "$data"; then
    echo "skipped reports/$name: dataset $data is not installed"; skipped=$((skipped + 1)); continue
  fi
  target="$reports/$name"
  fresh="$(dirname "$target")/.regenerating-$(basename "$name")"
  rm -rf "$fresh"
  echo "making reports/$name (nnlab $cmd $config)"
  if ! "$nnlab" "$cmd" "$config" --out "$fresh"; then
    rm -rf "$fresh"; echo "regenerate.sh: nnlab $cmd $config failed; reports/$name left as it was" >&2; exit 1
  fi
  rm -rf "$target.old"
  [[ -e "$target" ]] && mv "$target" "$target.old"
  mv "$fresh" "$target"
  rm -rf "$target.old"
  made=$((made + 1))
done

if ((bench)); then
  echo "measuring: experiments/bench/compare.sh, experiments/bench/sweep.sh"
  "$root/experiments/bench/compare.sh" > "$reports/performance/compare.txt.new" && mv "$reports/performance/compare.txt.new" "$reports/performance/compare.txt"
  "$root/experiments/bench/sweep.sh" > "$reports/performance/sweep.txt.new" && mv "$reports/performance/sweep.txt.new" "$reports/performance/sweep.txt"
fi

python3 "$reports/index.py" "$reports" > "$reports/README.md.new"
mv "$reports/README.md.new" "$reports/README.md"
python3 "$reports/index.py" --ablation-into "$root/docs/beyond-the-book.md" "$reports"
echo "made $made report(s), skipped $skipped; index: reports/README.md"
