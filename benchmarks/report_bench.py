"""Time `standpoint report` on a large corpus made by copying the seed and the development debates.

Each copy gets new entry ids and is moved on by one day: copy k of the live page is a new page
dated 16 January 2025 + k days (its own `.meta.yaml`, source `bbc-live-copy-k`), and copy k of
each Hansard debate has ids `<id>-copy-k` and its sitting date + k days. The people stay the same,
so the networks keep their actors while the statements, times and evidence grow with the copies.

    python benchmarks/report_bench.py [--copies 50] [--work DIR]

Prints one JSON object: the corpus size, the build time, and the time of each step of the report
(reading and measuring, drawing and writing) and of the whole command.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml
from click.testing import CliRunner

from standpoint.graph.analysis.report import report_data
from standpoint.graph.rdf.build import build, bundled_sources
from standpoint.graph.rdf.store import open_store
from standpoint.visualisations.report import write_report

ROOT = Path(__file__).resolve().parents[1]
DEBATES = sorted((ROOT / "tests" / "data").glob("hansard-*.jsonl"))


def _later(published: str, days: int) -> str:
    """An ISO date or date-time moved on by whole days."""
    if "T" in published:
        return (datetime.fromisoformat(published) + timedelta(days=days)).isoformat()
    return (date.fromisoformat(published) + timedelta(days=days)).isoformat()


def write_corpus(out: Path, copies: int) -> list[Path]:
    """Write `copies` copies of the seed page and of the debates into `out`; return the sources."""
    seed = bundled_sources()[0]
    meta = yaml.safe_load(seed.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
    lines = [json.loads(line) for path in DEBATES for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    sources = []
    for k in range(copies):
        page = out / f"bbc-live-copy-{k}.txt"
        page.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        day = date.fromisoformat(str(meta["date"])) + timedelta(days=k)
        page.with_suffix(".meta.yaml").write_text(yaml.safe_dump(
            {**meta, "date": day.isoformat(), "source": f"bbc-live-copy-{k}"}), encoding="utf-8")
        debate = out / f"hansard-copy-{k}.jsonl"
        debate.write_text("".join(
            json.dumps({**entry, "id": f"{entry['id']}-copy-{k}", "published": _later(entry["published"], k)})
            + "\n" for entry in lines), encoding="utf-8")
        sources += [page, debate]
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--work", type=Path, help="Folder for the corpus, store and report (default: a temp dir).")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="standpoint-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "corpus").mkdir(exist_ok=True)
    sources = write_corpus(work / "corpus", args.copies)

    started = time.perf_counter()
    built = build(sources, work / "store")
    build_seconds = time.perf_counter() - started

    timings: dict[str, float] = {}
    started = time.perf_counter()
    with open_store(work / "store") as store:
        data = report_data(store)
    timings["read_and_measure"] = time.perf_counter() - started
    started = time.perf_counter()
    page = write_report(data, work / "report")
    timings["draw_and_write"] = time.perf_counter() - started

    from standpoint.cli import main as cli
    from standpoint.network_cli import report

    if "report" not in cli.commands:
        cli.add_command(report)
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["report", "--store", str(work / "store"), "--out", str(work / "cli")])
    timings["command"] = time.perf_counter() - started
    assert result.exit_code == 0, result.output

    print(json.dumps({
        "copies": args.copies, "sources": len(sources), "entries": built.entries,
        "statements": built.statements, "positions": built.positions,
        "statements_with_a_stance": data["counts"]["statements"], "actors": data["counts"]["actors"],
        "build_seconds": round(build_seconds, 2),
        "report_seconds": {k: round(v, 2) for k, v in timings.items()},
        "report_bytes": page.stat().st_size, "work": str(work),
    }, indent=2))


if __name__ == "__main__":
    main()
