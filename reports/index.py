"""Writes reports/README.md, the index of the curated reports, from their results files.

Called by reports/regenerate.sh after it has remade the reports; every figure in the index is read
from a results.json (a run) or results.jsonl (a sweep) that the script has just written.
Usage: python3 reports/index.py REPORTS_DIR > REPORTS_DIR/README.md
       python3 reports/index.py --ablation-into docs/beyond-the-book.md REPORTS_DIR
The second form rewrites the ablation table between the markers <!-- ablation:begin --> and
<!-- ablation:end --> of that file, so the doc quotes the figures the reports hold, not a copy.
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


def choosing(r):
    """The accuracy a sweep chooses by, as nnlab does: validation when the run held samples out."""
    v = r.get("validation")
    return v["accuracy"] if v else r.get("accuracy", 0.0)


def clean(trials):
    """Whether no trial of a point has a warn or error finding (org.nnlab.sweep.Ranking's test)."""
    return all(f.get("severity") not in ("warn", "error") for r in trials for f in r.get("findings", []))


def sweep_row(name, rows, choose="any"):
    """A sweep's line; with sweep.choose rule-clean (read from its sweep.json), clean points first."""
    by_point = {}
    for r in rows:
        by_point.setdefault(json.dumps(r.get("parameters", {}), sort_keys=True), []).append(r)
    means = {k: statistics.mean(choosing(x) for x in v) for k, v in by_point.items()}
    rank = (lambda k: (clean(by_point[k]), means[k])) if choose == "rule-clean" else means.get
    best = max(means, key=rank)
    seconds = sum(r.get("trainSeconds", 0.0) for r in rows)
    p = rows[0].get("provenance", {})
    params = ", ".join(f"{k}={v}" for k, v in json.loads(best).items())
    figure = f"{means[best]:.4f}"
    if rows[0].get("validation"):
        test = statistics.mean(x.get("accuracy", 0.0) for x in by_point[best])
        figure = f"validation {means[best]:.4f} (test {test:.4f})"
    if choose == "rule-clean":
        figure += ", rule-clean" if clean(by_point[best]) else ", no point rule-clean"
    return (f"| [{name}]({name}/report.md) | {len(rows)} | {figure} at {params} "
            f"| {seconds:.1f} | {engine(p)} | {str(p.get('gitCommit', ''))[:7]} |")


def ablation_row(name, rows, configs):
    """One step of an ablation: a sweep of one point over seeds, as mean ± std of test accuracy."""
    acc = [r.get("accuracy", 0.0) for r in rows]
    secs = [r.get("trainSeconds", 0.0) for r in rows]
    std = statistics.stdev(acc) if len(acc) > 1 else float("nan")
    label = "—"
    config = os.path.join(configs, os.path.basename(name) + ".yaml")
    if os.path.exists(config):
        with open(config, encoding="utf-8") as f:
            first = f.readline()
        label = first.lstrip("# ").strip() if first.startswith("#") else label
    warned = {}  # rule id → how many of the runs it warned in
    for r in rows:
        for rule in {f.get("rule") for f in r.get("findings", [])}:
            warned[rule] = warned.get(rule, 0) + 1
    findings = ", ".join(f"{rule} ({n} of {len(rows)})" for rule, n in sorted(warned.items())) or "none"
    return (f"| [{os.path.basename(name)}]({name}/report.md) | {label} | {statistics.mean(acc):.4f} ± {std:.4f} "
            f"| {len(acc)} | {statistics.mean(secs):.0f} | {findings} |")


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
            if rows and name.startswith("beyond-the-book/ablation/"):
                continue  # the ablation's own table, below
            elif rows:
                identity = os.path.join(dirpath, "sweep.json")
                choose = "any"
                if os.path.exists(identity):
                    with open(identity, encoding="utf-8") as f:
                        choose = json.load(f).get("choose", "any")
                sweeps.append(sweep_row(name, rows, choose))
    out = [HEADER, "## Runs\n",
           "| report | status | test accuracy | training s | samples/s | engine | commit |",
           "|---|---|---|---|---|---|---|", *runs, "",
           "## Sweeps\n",
           "| report | trials | the chosen point's mean accuracy (the one it chooses by) | training s, all trials | engine | commit |",
           "|---|---|---|---|---|---|", *sweeps, "",
           "## Beyond the book: the ablation\n",
           "Each step adds one change to the one before (configs/beyond-the-book/ablation/, the first line of "
           "each config says what); test accuracy as mean ± std over seeds, training seconds per run. "
           "The story is in [docs/beyond-the-book.md](../docs/beyond-the-book.md).\n",
           *ABLATION_HEAD, *ablation_rows(root), "",
           "## Performance\n",
           "[performance/](performance/README.md): how the engine got its speed, with the raw output of "
           "every measurement; `reports/regenerate.sh --bench` re-measures `compare.txt` and `sweep.txt`.",
           ""]
    print("\n".join(out))


ABLATION_HEAD = ["| step | what | test accuracy | seeds | training s per run | rules with findings (runs) |",
                 "|---|---|---|---|---|---|"]


def ablation_rows(root):
    """The ablation's rows, read from REPORTS_DIR/beyond-the-book/ablation/*/results.jsonl."""
    configs = os.path.join(os.path.dirname(os.path.abspath(root)), "configs", "beyond-the-book", "ablation")
    base = os.path.join(root, "beyond-the-book", "ablation")
    rows = []
    for step in sorted(os.listdir(base), key=lambda s: (not s.startswith("mnist"), s)) if os.path.isdir(base) else []:
        path = os.path.join(base, step, "results.jsonl")
        if os.path.exists(path) and load_jsonl(path):
            rows.append(ablation_row(f"beyond-the-book/ablation/{step}", load_jsonl(path), configs))
    return rows


def ablation_into(doc, root):
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    begin, end = "<!-- ablation:begin -->", "<!-- ablation:end -->"
    if begin not in text or end not in text:
        sys.exit(f"index.py: {doc} has no {begin} … {end} markers")
    rel = os.path.relpath(root, os.path.dirname(os.path.abspath(doc)))
    table = [r.replace("](beyond-the-book/", f"]({rel}/beyond-the-book/") for r in ablation_rows(root)]
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(doc + ".new", "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + "\n".join(ABLATION_HEAD + table) + "\n" + end + tail)
    os.replace(doc + ".new", doc)


if __name__ == "__main__":
    if sys.argv[1] == "--ablation-into":
        ablation_into(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
