"""Writes reports/README.md, the index of the curated reports, from their results files.

Called by reports/regenerate.sh after it has remade the reports; every figure in the index is read
from a results.json (a run) or results.jsonl (a sweep) that the script has just written.
Usage: python3 reports/index.py REPORTS_DIR > REPORTS_DIR/README.md
"""
import json
import os
import statistics
import sys

HEADER = """# Example reports

Curated reports of the shipped configs, made by [`reports/regenerate.sh`](regenerate.sh) (run it
with `--help` to see what it does). Every figure below is read from the results files that script
wrote; open a report for its charts, confusion matrix, rule findings and provenance. Training times
are wall-clock seconds of the training alone, on the machine and at the commit shown.

"""


def load_jsonl(path):
    """One object per complete line; a torn last line is ignored, as nnlab does."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return rows


def engine(provenance):
    e = provenance.get("engine")
    if isinstance(e, dict):
        return f"{e.get('name', '?')}, {e.get('precision', '?')}, {e.get('kernels', '?')}"
    return e or "—"


def run_row(name, r):
    p = r.get("provenance", {})
    return (f"| [{name}]({name}/report.md) | {r.get('status')} | {r.get('accuracy', float('nan')):.4f} "
            f"| {r.get('trainSeconds', 0):.2f} | {r.get('samplesPerSecond', 0):,.0f} | {engine(p)} "
            f"| {str(p.get('gitCommit', ''))[:7]} |")


def sweep_row(name, rows):
    by_point = {}
    for r in rows:
        by_point.setdefault(json.dumps(r.get("parameters", {}), sort_keys=True), []).append(r)
    means = {k: statistics.mean(x.get("accuracy", 0.0) for x in v) for k, v in by_point.items()}
    best = max(means, key=means.get)
    seconds = sum(r.get("trainSeconds", 0.0) for r in rows)
    p = rows[0].get("provenance", {})
    params = ", ".join(f"{k}={v}" for k, v in json.loads(best).items())
    return (f"| [{name}]({name}/report.md) | {len(rows)} | {means[best]:.4f} at {params} "
            f"| {seconds:.1f} | {engine(p)} | {str(p.get('gitCommit', ''))[:7]} |")


def main(root):
    runs, sweeps = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        name = os.path.relpath(dirpath, root)
        if "results.json" in filenames:
            with open(os.path.join(dirpath, "results.json"), encoding="utf-8") as f:
                runs.append(run_row(name, json.load(f)))
        elif "results.jsonl" in filenames:
            rows = load_jsonl(os.path.join(dirpath, "results.jsonl"))
            if rows:
                sweeps.append(sweep_row(name, rows))
    out = [HEADER, "## Runs\n",
           "| report | status | test accuracy | training s | samples/s | engine | commit |",
           "|---|---|---|---|---|---|---|", *runs, "",
           "## Sweeps\n",
           "| report | trials | best mean test accuracy | training s, all trials | engine | commit |",
           "|---|---|---|---|---|---|", *sweeps, "",
           "## Performance\n",
           "[performance/](performance/README.md): how the engine got its speed, with the raw output of "
           "every measurement; `reports/regenerate.sh --bench` re-measures `compare.txt` and `sweep.txt`.",
           ""]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
