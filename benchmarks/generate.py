"""Write a synthetic corpus of any size: live pages and debate transcripts, seeded and reproducible.

Sentences are real prose, recombined from the bundled seed and the development debates, with
their people, parties, places and proposals replaced by synthetic ones, so that a corpus has many
actors and issues. Each actor has a stance per issue that may flip part-way through the year, and
the sentences chosen for it carry that stance. A registry for the synthetic world is written too.

    python benchmarks/generate.py OUT_DIR --entries 100000 [--seed 7] [--liveblog-share 0.5]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from standpoint.graph.rdf.build import bundled_sources
from standpoint.loaders import nlp, read_source
from standpoint.loaders.extract import Extractor
from standpoint.loaders.reading import sentences
from standpoint.loaders.registry import read_registry
from standpoint.loaders.text_spans import quotes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "tests" / "data" / name for name in (
    "hansard-2025-01-06-commons-cse-statement.jsonl", "hansard-2025-04-08-commons-tackling-csa.jsonl")]
FIRST = ("Amira", "Ben", "Carys", "Dev", "Eilidh", "Femi", "Gareth", "Hana", "Idris", "Jo", "Kiran",
         "Lowri", "Marek", "Nadia", "Owen", "Priya", "Rhys", "Saoirse", "Tomasz", "Uzma", "Viv", "Wes")
LAST = ("Adeyemi", "Brennan", "Chaudhry", "Dunmore", "Ellison", "Fairclough", "Gwynne", "Hollis",
        "Iqbal", "Jessop", "Kavanagh", "Lockwood", "Mistry", "Northcott", "Okafor", "Pemberton",
        "Quayle", "Rahman", "Sowerby", "Tranter", "Underhill", "Varley", "Whitlock", "Yardley")
PARTIES = (("Progress Party", "Prog"), ("Unity Party", "Uni"), ("Green Future", "GF"),
           ("Civic Alliance", "CA"), ("Northern Voice", "NV"))
TOPICS = ("grooming gangs", "water pollution", "rail closures", "care homes", "prison capacity",
          "school funding", "flood defences", "housing fraud", "police misconduct", "hospital waits")
FORMS = {
    "national-inquiry": "national inquiry into {t}",
    "local-inquiries": "local inquiries into {t}",
    "rapid-audit": "rapid audit of {t}",
    "iicsa-recommendations": "{t} review recommendations",
    "statutory-powers": "statutory powers over {t}",
}


@dataclass(frozen=True)
class Template:
    text: str  # with {speaker}, {issue:<id>} holes
    stance: str | None
    issue: str | None


def _pool() -> list[Template]:
    """Sentences of the seed and debates, with their speaker and issue turned into holes."""
    registry = read_registry()
    extractor = Extractor(registry)
    entries = [e for p in [*bundled_sources(), *CORPUS] if p.exists() for e in read_source(p)]
    names = sorted({n for a in registry.actors.values() if a.type == "person"
                    for n in (a.name, a.name.split()[-1], *a.aliases)}, key=len, reverse=True)
    aliases = sorted(((alias, i.id) for i in registry.issues.values() for alias in (i.label, *i.aliases)),
                     key=lambda p: -len(p[0]))
    pool: list[Template] = []
    for entry in entries:
        stance_of = {(s.start, s.end): s for s in extractor.extract(entry).statements if s.stance}
        for piece in nlp.split([entry.body])[0]:
            quoted = quotes(entry.body, piece.start, piece.end)
            for span in (s.span for s in sentences(entry.body, piece, quoted)):
                text = entry.body[span.start:span.end].replace("{", "(").replace("}", ")")
                hit = next((s for (a, b), s in stance_of.items() if span.start <= a and b <= span.end), None)
                for name in names:
                    text = re.sub(rf"\b{re.escape(name)}\b", "{speaker}", text)
                issue = None
                for alias, issue_id in aliases:
                    pattern = re.compile(rf"\b{re.escape(alias)}\b", re.IGNORECASE)
                    if pattern.search(text):
                        text = pattern.sub("{issue:" + issue_id + "}", text)
                        issue = issue or issue_id
                pool.append(Template(text, hit.stance if hit else None, hit.issue_id if hit else issue))
    return pool


@dataclass
class World:
    people: list[dict]
    issues: list[dict]
    flips: dict[tuple[str, str], tuple[str, date | None]]


SYLLABLES = ("ash", "bel", "cor", "dun", "ev", "fen", "gar", "hol", "ing", "kel", "lor", "mar",
             "nor", "ol", "pen", "quil", "ros", "sten", "tor", "ul", "ven", "wick", "yar", "zan")


def _surnames(rng: random.Random, count: int) -> list[str]:
    """Made-up surnames, enough for any corpus size (two or three syllables)."""
    names: set[str] = set(LAST)
    while len(names) < count:
        parts = rng.sample(SYLLABLES, rng.choice((2, 3)))
        names.add("".join(parts).capitalize())
    return sorted(names)


ANCHOR = "Morgan Benchmark"  # speaks in a fixed number of entries at every corpus size


def _world(rng: random.Random, people: int, start: date) -> World:
    surnames = _surnames(rng, people)
    chosen = [f"{FIRST[i % len(FIRST)]} {surname}" for i, surname in enumerate(rng.sample(surnames, people))]
    persons = [{"id": re.sub(r"[^a-z]+", "-", n.lower()), "name": n, "party": rng.choice(PARTIES),
                "gender": rng.choice(("female", "male"))} for n in [ANCHOR, *chosen]]
    issues = [{"id": f"{kind}-{k}", "kind": kind, "label": form.format(t=topic)}
              for k, topic in enumerate(TOPICS) for kind, form in FORMS.items()]
    flips = {}
    for person in persons:
        for issue in rng.sample(issues, 6):
            stance = rng.choice(("supports", "opposes"))
            flip = start + timedelta(days=rng.randrange(365)) if rng.random() < 0.2 else None
            flips[(person["id"], issue["id"])] = (stance, flip)
    return World(persons, issues, flips)


def _sentence(rng: random.Random, pool: list[Template], world: World, person: dict, day: date) -> str:
    wanted = [(i, s) for (p, i), s in world.flips.items() if p == person["id"]]
    issue_id, (stance, flip) = rng.choice(wanted)
    if flip and day >= flip:
        stance = "opposes" if stance == "supports" else "supports"
    issue = next(i for i in world.issues if i["id"] == issue_id)
    fitting = [t for t in pool if t.stance == stance and t.issue == issue["kind"]] or \
              [t for t in pool if t.stance == stance] or pool
    template = rng.choice(fitting)
    text = template.text.replace("{speaker}", person["name"].split()[-1])
    return re.sub(r"\{issue:([a-z-]+)\}", lambda m: issue["label"] if m.group(1) == issue["kind"]
                  else next(i["label"] for i in world.issues if i["kind"] == m.group(1)), text)


def _filler(rng: random.Random, pool: list[Template], world: World) -> str:
    person = rng.choice(world.people[1:])
    text = rng.choice([t for t in pool if t.stance is None]).text
    return re.sub(r"\{issue:[a-z-]+\}", rng.choice(world.issues)["label"],
                  text.replace("{speaker}", person["name"].split()[-1]))


def _speaker(rng: random.Random, world: World, anchor_turn: bool) -> dict:
    """Anyone but the anchor, who speaks only on the turns given to them."""
    return world.people[0] if anchor_turn else rng.choice(world.people[1:])


def _liveblog(rng, pool, world, day: date, posts: int, anchor: set[int], first: int) -> str:
    lines = ["Summary", ""]
    for _ in range(3):
        lines += [f"  • {_filler(rng, pool, world)}", ""]
    minute = 17 * 60
    for n in range(1, posts + 1):
        minute -= rng.randrange(2, 12)
        person = _speaker(rng, world, first + n in anchor)
        title = f"{person['name'].split()[-1]} speaks on {rng.choice(world.issues)['label']}"
        lines += [f"  {n}. {title}published at {minute // 60:02d}:{minute % 60:02d} Greenwich Mean Time", ""]
        lines += [f"    {person['name']}, {person['party'][0]} MP, spoke this morning.", ""]
        for _ in range(rng.randrange(2, 6)):
            lines += [f"    {_sentence(rng, pool, world, person, day)}", ""]
    return "\n".join(lines)


def _debate(rng, pool, world, day: date, speeches: int, name: str, anchor: set[int], first: int) -> list[str]:
    rows = []
    for n in range(speeches):
        person = _speaker(rng, world, first + n in anchor)
        body = " ".join(_sentence(rng, pool, world, person, day) for _ in range(rng.randrange(2, 7)))
        rows.append(json.dumps({
            "id": f"{name}-{n:04d}", "published": day.isoformat(), "body": body,
            "title": f"Debate of {day.isoformat()}", "source": name,
            "speaker": f"{person['name']} (Somewhere) ({person['party'][1]})",
        }))
    return rows


def _registry(world: World) -> dict:
    return {
        "people": [{"id": p["id"], "name": p["name"], "gender": p["gender"],
                    "party": re.sub(r"[^a-z]+", "-", p["party"][0].lower())} for p in world.people],
        "organisations": [{"id": re.sub(r"[^a-z]+", "-", name.lower()), "name": name, "kind": "party"}
                          for name, _ in PARTIES],
        "issues": [{"id": i["id"], "label": i["label"]} for i in world.issues],
    }


def generate(out: Path, entries: int, seed: int = 7, liveblog_share: float = 0.5,
             people: int | None = None, anchor_entries: int = 20) -> dict:
    """Write the corpus and its registry into `out`; return a summary (counts, bytes).

    The number of people grows with the corpus (one per 30 entries, at least 50), so one
    person's share stays alike at any size; the anchor person speaks in `anchor_entries` entries.
    """
    rng = random.Random(seed)
    pool = _pool()
    start = date(2025, 1, 1)
    world = _world(rng, people or max(50, entries // 30), start)
    anchor = set(range(0, entries, max(1, entries // anchor_entries)))
    out.mkdir(parents=True, exist_ok=True)
    (out / "registry.yaml").write_text(yaml.safe_dump(_registry(world), sort_keys=False), encoding="utf-8")
    written, files, day = 0, 0, start
    while written < entries:
        day = start + timedelta(days=(files * 365) // max(1, entries // 40))
        name = f"synthetic-{files:05d}"
        if rng.random() < liveblog_share:
            posts = min(40, entries - written)
            (out / f"{name}.txt").write_text(_liveblog(rng, pool, world, day, posts, anchor, written),
                                             encoding="utf-8")
            (out / f"{name}.meta.yaml").write_text(f"date: {day.isoformat()}\nsource: {name}\n", encoding="utf-8")
            written += posts + 1
        else:
            speeches = min(60, entries - written)
            rows = _debate(rng, pool, world, day, speeches, name, anchor, written)
            (out / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
            written += speeches
        files += 1
    size = sum(p.stat().st_size for p in out.iterdir())
    return {"entries": written, "files": files, "bytes": size, "people": len(world.people),
            "issues": len(world.issues), "seed": seed, "anchor": ANCHOR}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--liveblog-share", type=float, default=0.5)
    parser.add_argument("--people", type=int, default=None)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.entries, args.seed, args.liveblog_share, args.people)))


if __name__ == "__main__":
    main()
