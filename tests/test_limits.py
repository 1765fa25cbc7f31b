"""Limits: the documented maximum sizes, a clear line beyond them, and memory that stays bounded.

JSONL is streamed: one line at a time is in memory while reading, so a file's size is bounded only
by MAX_STREAM_BYTES. The peak memory (ru_maxrss) of whole `standpoint build` processes on 50 MB of
JSONL is measured and printed; only a generous bound is asserted, and no time is.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from conftest import error_line, invoke, slow_mode
from test_bad_inputs import FIFTY_MB_LINES, fifty_mb_truncated
from test_crash import ROOT

from standpoint.loaders.jsonl import parse_jsonl, read_jsonl
from standpoint.loaders.registry import MAX_REGISTRY_BYTES
from standpoint.loaders.text import (
    MAX_ENTRY_CHARS,
    MAX_LINE_BYTES,
    MAX_STREAM_BYTES,
    MAX_TEXT_BYTES,
    read_lines,
    size,
)

README = ROOT / "README.md"
CLI = [sys.executable, "-c", "from standpoint.cli import main; main()"]


def test_the_readme_states_the_limits_the_code_enforces() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Limits", 1)[1].split("\n## ", 1)[0]
    for limit in (MAX_STREAM_BYTES, MAX_LINE_BYTES, MAX_TEXT_BYTES, MAX_REGISTRY_BYTES):
        assert size(limit) in section, size(limit)
    assert f"{MAX_ENTRY_CHARS:,}" in section
    assert (size(MAX_STREAM_BYTES), size(MAX_LINE_BYTES), size(MAX_TEXT_BYTES)) == ("2 GB", "64 MB", "64 MB")


def test_a_jsonl_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:  # a sparse file: 2 GB + 1 byte that take no disk space
        out.write(b'{"id": "a", "published": "2025-01-16", "body": "x"}\n')
        out.truncate(MAX_STREAM_BYTES + 1)
    line = error_line(invoke("build", path, "--store", tmp_path / "store"))
    assert line == (f"standpoint: error: {path}: the file is larger than 2 GB, the most standpoint "
                    "reads; split it into smaller files")
    assert not (tmp_path / "store").exists()


def test_a_registry_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write("people:\n")
        while out.tell() <= MAX_REGISTRY_BYTES:
            out.write("  - {id: someone, name: Some One}  # " + "padding " * 100 + "\n")
    line = error_line(invoke("build", "--registry", path, "--store", tmp_path / "store"))
    assert line.startswith(f"standpoint: error: {path}: the file is larger than 16 MB")


def test_an_entry_at_the_limit_is_read_and_one_over_it_is_not(tmp_path: Path) -> None:
    path = tmp_path / "limit.jsonl"
    record = {"id": "at-limit", "published": "2025-01-16", "body": "z" * MAX_ENTRY_CHARS}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert [len(entry.body) for entry in read_jsonl(path)] == [MAX_ENTRY_CHARS]
    record["body"] += "z"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    line = error_line(invoke("build", path, "--store", tmp_path / "store"))
    assert line == (f'standpoint: error: {path} line 1: "body" is 10,000,001 characters long, more '
                    "than the 10,000,000 an entry's field may hold; split the entry")


def test_parse_jsonl_reads_an_open_file_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "open.jsonl"
    path.write_text("".join(json.dumps({"id": f"e{n}", "published": "2025-01-16", "body": "b" * 1000})
                            + "\n" for n in range(1000)) + "not json\n", encoding="utf-8")
    with path.open(encoding="utf-8") as lines:
        entries = parse_jsonl(lines, origin=str(path))
        assert next(entries).id == "e0"
        read_so_far = os.lseek(lines.fileno(), 0, os.SEEK_CUR)
        assert read_so_far < path.stat().st_size / 10  # the rest is not read yet
        assert [entry.id for entry in (next(entries), next(entries))] == ["e1", "e2"]


def test_reading_50_mb_of_jsonl_holds_one_line_at_a_time(tmp_path: Path) -> None:
    path = fifty_mb_truncated(tmp_path)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_lines(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == FIFTY_MB_LINES + 1
    assert peak < 2 * 1024**2, f"reading 50 MB line by line peaked at {peak / 1024**2:.1f} MB"


# Started from a small launcher process: a child forked straight from pytest would count pytest's
# own memory in its peak (Linux keeps the high-water mark across exec).
LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def peak_rss(args: list[str | Path]) -> tuple[int, str, float]:
    """Run the CLI in a process; its exit code, stderr and peak resident memory in MB."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "rss"
        environment = {**os.environ, "STANDPOINT_WORKERS": "1"}
        environment.pop("STANDPOINT_STORE", None)
        done = subprocess.run([sys.executable, "-c", LAUNCHER, str(report), *CLI, *map(str, args)],
                              check=False, capture_output=True, text=True, cwd=ROOT, env=environment)
        code, kilobytes = report.read_text().split()
    return int(code), done.stderr, int(kilobytes) / 1024


def test_memory_of_a_build_that_reads_50_mb_of_jsonl(tmp_path: Path, seed_store: Path) -> None:
    """Every one of its 51,000 entries is read (the last line is cut off, so nothing is extracted)."""
    path = fifty_mb_truncated(tmp_path)
    code, stderr, peak = peak_rss(["build", path, "--store", tmp_path / "store"])
    assert code == 1 and f"line {FIFTY_MB_LINES + 1}: not valid JSON" in stderr
    _, _, idle = peak_rss(["entries", "--store", seed_store, "--format", "json"])
    print(f"peak RSS reading {path.stat().st_size / 1024**2:.0f} MB of JSONL: {peak:.0f} MB "
          f"(a read command: {idle:.0f} MB)")
    assert peak < idle + 400


@pytest.mark.slow
@pytest.mark.skipif(not slow_mode(), reason="builds 50 MB of synthetic JSONL (minutes): --slow")
def test_memory_of_a_whole_50_mb_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    made = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(corpus),
                           "--entries", "60000", "--liveblog-share", "0", "--seed", "5"],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    assert made.returncode == 0, made.stderr
    source = tmp_path / "fifty-mb.jsonl"
    with source.open("wb") as out:
        for part in sorted(corpus.glob("*.jsonl")):
            out.write(part.read_bytes())
    assert source.stat().st_size > 50 * 1000**2
    code, stderr, peak = peak_rss(["build", source, "--registry", corpus / "registry.yaml",
                                   "--store", tmp_path / "store"])
    assert code == 0, stderr
    print(f"peak RSS building {source.stat().st_size / 1024**2:.0f} MB of JSONL: {peak:.0f} MB")
    assert peak < 1500  # 420 MB measured; one bulk load of it all took 4.4 GB


def test_sizes_read_as_people_say_them() -> None:
    assert [size(n) for n in (512, 2048, 64 * 1024**2, 2 * 1024**3)] == [
        "512 bytes", "2 KB", "64 MB", "2 GB"]
    assert re.fullmatch(r"\d+(\.\d+)? [KMG]B", size(MAX_TEXT_BYTES))
