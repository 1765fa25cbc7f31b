"""Scores on external labelled data, standpoint's and textacy's, into results.json.

Runs the external scorer, ../shared/tools/score_external.py (standard library only), twice:

* on this venv's `standpoint` over HanDeSeT and PolNeAR: its SUMMARY line and every figure line
  go under `external`;
* with `--only polnear` on benchmarks/textacy_standpoint.py, a stand-in executable that answers
  the scorer with textacy 0.13's `direct_quotations`, run with the same spaCy model on the same
  articles and judged by the same rule: under `external.textacy`, with the articles textacy
  failed on (unpaired quote marks: no quotation from them).

Without ../shared (the project works without it) the part is skipped with a message.

    python benchmarks/external.py [--shared DIR] [--out benchmarks/results.json] [--details DIR]

Standalone it replaces the `external` key of --out and keeps the file's other figures. STANDPOINT_SHARED
names another shared folder; STANDPOINT_SPACY_MODEL another spaCy model (for both).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHIM = HERE / "textacy_standpoint.py"
STANDPOINT = Path(sys.executable).parent / "standpoint"
NAMES = {"P": "precision", "R": "recall", "F1": "f1", "coverage": "coverage", "cov": "coverage"}


def shared_dir(given: Path | None = None) -> Path:
    return Path(given or os.environ.get("STANDPOINT_SHARED") or ROOT.parent / "shared").resolve()


def figures(text: str) -> dict[str, Any]:
    """`P=0.478 R=0.254 ... (tp=22 fp=19 gold=816 ...)` as a dict, P/R/F1/coverage named in full."""
    out: dict[str, Any] = {}
    for key, value in re.findall(r"([A-Za-z]\w*)=(\d+(?:\.\d+)?)", text):
        out[NAMES.get(key, key)] = float(value) if "." in value else int(value)
    for key, value in re.findall(r"(not judged|unlocated): (\d+)", text):
        out[key.replace(" ", "_")] = int(value)
    return out


def parse(stdout: str) -> dict[str, Any]:
    """The scorer's report: its SUMMARY line, the figures in it, and every figure line by name."""
    lines: dict[str, Any] = {}
    summary = ""
    for line in stdout.splitlines():
        if line.startswith("SUMMARY"):
            summary = line
            continue
        m = re.match(r"^\s*(.*?)\s+((?:P=|unsupported).*)$", line)
        if m:
            name, rest = m.group(1), m.group(2)
            lines[name] = figures(rest.split("  (")[0]) | {"counts": figures(rest.partition("  (")[2])} \
                if rest.startswith("P=") else rest
    parsed: dict[str, Any] = {"summary": summary}
    for part in summary.removeprefix("SUMMARY").split(" | "):
        part = part.strip()
        if part.startswith("stance"):
            setting = re.match(r"stance\[([^\]]*)\]", part)
            head, _, baseline = part.partition("(all-support baseline")
            parsed["stance"] = {"setting": setting.group(1) if setting else None, **figures(head),
                                "baseline_f1": figures(baseline).get("f1")}
        elif part.startswith("attribution"):
            parsed["attribution"] = figures(part)
    parsed["lines"] = lines
    return parsed


def score(exe: Path, data: Path, scorer: Path, extra: list[str], env: dict[str, str] | None = None,
          details: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, str(scorer), str(exe), str(data), *extra]
    if details:
        command += ["--details", str(details)]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - start
    shown = ["python3", *(os.path.relpath(c, ROOT) if c.startswith(str(ROOT.parent)) else c
                          for c in command[1:])]
    if proc.returncode != 0 or "SUMMARY" not in proc.stdout:
        err = proc.stderr.strip().splitlines()
        return {"command": " ".join(shown), "error": err[-1] if err else f"exit {proc.returncode}"}
    return {"command": " ".join(shown), "seconds": round(seconds, 1), **parse(proc.stdout)}


def textacy_peer(data: Path, scorer: Path, details: Path | None = None) -> dict[str, Any]:
    """textacy's direct_quotations on PolNeAR, scored like standpoint's `said` rows."""
    try:
        import textacy  # it is there and imports with this spaCy
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as err:  # noqa: BLE001
        return {"skipped": f"textacy does not import ({type(err).__name__}: {err}); "
                           "install the bench extra: pip install -e '.[bench]'"}
    with tempfile.TemporaryDirectory(prefix="textacy-peer-") as tmp:
        report = Path(tmp) / "report.jsonl"
        env = {"STANDPOINT_PYTHON": sys.executable, "TEXTACY_SHIM_REPORT": str(report)}
        scored = score(SHIM, data, scorer, ["--only", "polnear"], env, details)
        builds = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()] \
            if report.exists() else []
    if "error" in scored:
        return scored
    result: dict[str, Any] = {
        "textacy": textacy.__version__, "model": builds[0]["model"] if builds else None,
        **(scored["lines"].get("attribution, all") or scored.get("attribution", {})),
        "failures": sum(b["failures"] for b in builds), "articles": sum(b["entries"] for b in builds),
        "rows": sum(b["rows"] for b in builds),
        "extract_seconds": round(sum(b["seconds"] for b in builds), 1),
        "direct_quotes_only": scored["lines"].get("attribution, direct quotes only"),
        "summary": scored["summary"], "command": scored["command"], "seconds": scored["seconds"],
    }
    return result


def external(shared: Path | None = None, details: Path | None = None) -> dict[str, Any]:
    base = shared_dir(shared)
    data, scorer = base / "corpus" / "external", base / "tools" / "score_external.py"
    if not data.is_dir() or not scorer.is_file():
        message = f"no external data here ({data} or {scorer} is missing): external scores skipped"
        print(message, file=sys.stderr)
        return {"skipped": message}
    if details:
        details.mkdir(parents=True, exist_ok=True)
    print("external: scoring standpoint", file=sys.stderr)
    ours = score(STANDPOINT, data, scorer, [], details=details / "standpoint.json" if details else None)
    print("external: scoring the textacy peer", file=sys.stderr)
    ours["textacy"] = textacy_peer(data, scorer, details / "textacy.json" if details else None)
    return ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="the shared folder (default ../shared)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--details", type=Path, help="write the scorer's judgements into this folder")
    args = parser.parse_args()
    found = external(args.shared, args.details)
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results["external"] = found
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in found.items() if k != "lines"}, indent=2))


if __name__ == "__main__":
    main()
