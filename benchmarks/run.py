"""`make bench`: standpoint's speed and memory figures, measured side by side, into results.json.

Each ratio compares two things timed in the same run on the same machine, so machine noise
cancels. Sizes: BENCH_SMALL entries (default 10,000) and BENCH_LARGE (default 10 x small), both
synthetic corpora recombined from real prose (benchmarks/generate.py).

    python benchmarks/run.py [--out benchmarks/results.json] [--skip-sync]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate

from standpoint.graph import read
from standpoint.graph.build import expand
from standpoint.graph.store import open_store
from standpoint.loaders import read_source

STANDPOINT = [str(Path(sys.executable).parent / "standpoint")]


def run(args: list[str]) -> dict[str, Any]:
    """Run a standpoint command in a child process: wall time, peak memory (MB), output."""
    start = time.perf_counter()
    proc = subprocess.Popen([*STANDPOINT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"standpoint {' '.join(args)} failed: {err.strip()}")
    return {"seconds": seconds, "stdout": out, "stderr": err}


def run_measured(args: list[str]) -> dict[str, Any]:
    """Like run, but also the child's peak resident memory, from the kernel's own accounting."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: become the command
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(STANDPOINT[0], [*STANDPOINT, *args])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"standpoint {' '.join(args)} failed")
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024}


def corpus(folder: Path, entries: int) -> dict[str, Any]:
    summary = generate(folder, entries, seed=11)
    summary["folder"] = str(folder)
    return summary


def build(folder: Path, store: Path) -> dict[str, Any]:
    args = ["build", str(folder), "--registry", str(folder / "registry.yaml"), "--store", str(store)]
    return run_measured(args)


def tokenizer_seconds(folder: Path) -> tuple[float, int]:
    """Time of spaCy's blank English tokenizer over every entry text of the corpus."""
    import spacy

    texts = [e.body for path in expand([folder]) if path.name != "registry.yaml" for e in read_source(path)]
    nlp = spacy.blank("en")
    start = time.perf_counter()
    tokens = sum(len(nlp.tokenizer(text)) for text in texts)
    return time.perf_counter() - start, tokens


def store_load(store: Path, work: Path) -> dict[str, float]:
    """Our write of the triples (a cold build's commit) against Oxigraph's bulk_load of them."""
    with open_store(store) as opened:
        quads = list(opened.quads())
    nq, nt = work / "all.nq", work / "all.nt"
    with nq.open("w", encoding="utf-8") as a, nt.open("w", encoding="utf-8") as b:
        for q in quads:
            a.write(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n")
            b.write(f"{q.subject} {q.predicate} {q.object} .\n")
    target = work / "ours"
    with open_store(target, write=True) as fresh:
        start = time.perf_counter()
        fresh.commit([], nq)
        ours = time.perf_counter() - start
    reference = work / "bulk"
    db = ox.Store(str(reference))
    start = time.perf_counter()
    db.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    db.flush()
    bulk = time.perf_counter() - start
    del db
    return {"ours_seconds": ours, "oxigraph_bulk_seconds": bulk, "quads": len(quads)}


def query_seconds(store: Path, actor: str, repeat: int = 5) -> float:
    """Best of a few runs of `positions --actor A` plus `said A`, through the library."""
    best = float("inf")
    with open_store(store) as opened:
        for _ in range(repeat):
            start = time.perf_counter()
            read.positions(opened, actor=actor)
            read.said(opened, actor=actor)
            best = min(best, time.perf_counter() - start)
    return best


def sync_figures() -> dict[str, Any]:
    bench = HERE / "sync_bench.py"
    if not bench.exists():
        return {"skipped": "benchmarks/sync_bench.py not present"}
    out = subprocess.run([sys.executable, str(bench)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--skip-sync", action="store_true")
    args = parser.parse_args()
    small_n = int(os.environ.get("BENCH_SMALL", "10000"))
    large_n = int(os.environ.get("BENCH_LARGE", str(small_n * 10)))
    work = Path(tempfile.mkdtemp(prefix="standpoint-bench-"))
    results: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()}}
    try:
        small, large = corpus(work / "small", small_n), corpus(work / "large", large_n)
        results["corpora"] = {"small": small, "large": large}
        cold = build(work / "small", work / "store-small")
        again = build(work / "small", work / "store-small")
        tokenize, tokens = tokenizer_seconds(work / "small")
        results["build_small"] = {**cold, "entries_per_second": small["entries"] / cold["seconds"],
                                  "tokens": tokens, "tokenizer_seconds": tokenize}
        results["build_vs_tokenizer"] = cold["seconds"] / tokenize
        results["rebuild_unchanged_vs_cold"] = again["seconds"] / cold["seconds"]
        loads = store_load(work / "store-small", work)
        results["store_load"] = loads
        results["store_load_vs_oxigraph_bulk"] = loads["ours_seconds"] / loads["oxigraph_bulk_seconds"]
        big = build(work / "large", work / "store-large")
        results["build_large"] = {**big, "entries_per_second": large["entries"] / big["seconds"]}
        results[f"peak_rss_mb_{large_n // 1000}k"] = big["peak_rss_mb"]
        actor = small["anchor"]
        q_small, q_large = query_seconds(work / "store-small", actor), query_seconds(work / "store-large", actor)
        results["query"] = {"actor": actor, "small_seconds": q_small, "large_seconds": q_large}
        results["query_time_growth_10x"] = q_large / q_small
        page = work / "page.html"
        shown = run(["show", "--store", str(work / "store-large"), "--out", str(page)])
        results["show_large"] = {"seconds": shown["seconds"], "bytes": page.stat().st_size}
        results[f"html_bytes_at_{large_n // 1000}k"] = page.stat().st_size
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if not args.skip_sync:
            sync = sync_figures()
            results["sync"] = sync
            if "speedup" in sync:
                results["sync_batched_speedup"] = sync["speedup"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if not isinstance(v, dict)}, indent=2))


if __name__ == "__main__":
    main()
