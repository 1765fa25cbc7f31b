"""Graphs of a chosen size for the page's layout tests and the README's screenshots.

`sized_graph(n)` is a seeded, made-up political network of about `n` nodes shaped like the
store's projection: people (most in a UK party, some in none), the parties themselves, issues
with long labels, places; each person takes a stance on one to three issues, with a quote.
"""

from __future__ import annotations

import random

import networkx as nx

PARTIES = ("Labour Party", "Conservative Party", "Liberal Democrats", "Reform UK", "Green Party",
           "Scottish National Party", "Plaid Cymru", "Democratic Unionist Party")
FIRST = ("Amira", "Ben", "Carys", "Dev", "Eilidh", "Femi", "Gareth", "Hana", "Idris", "Jo", "Kiran",
         "Lowri", "Marek", "Nadia", "Owen", "Priya", "Rhys", "Saoirse", "Tomasz", "Uzma", "Viv", "Wes")
LAST = ("Adeyemi", "Brennan", "Chaudhry", "Dunmore", "Ellison", "Fairclough", "Gwynne", "Hollis",
        "Iqbal", "Jessop", "Kavanagh", "Lockwood", "Mistry", "Northcott", "Okafor", "Pemberton",
        "Quayle", "Rahman", "Sowerby", "Tranter", "Underhill", "Varley", "Whitlock", "Yardley")
ISSUES = ("A national inquiry into grooming gangs", "Local inquiries", "The rapid national audit",
          "Statutory powers to compel witnesses", "Implementing the 2022 inquiry's recommendations",
          "Mandatory reporting of child abuse", "Raising the threshold for charging",
          "A register of taxi licences", "Funding for victims' services", "Ethnicity data in police records")
PLACES = ("Rotherham", "Oldham", "Telford", "Rochdale", "Bradford", "Huddersfield", "Oxford",
          "Newcastle upon Tyne", "Keighley", "Derby", "Peterborough", "Bristol")


def sized_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of `n` nodes: 8% issues, 8% places, parties up to 8, the rest people."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    issues = [f"issue:{k}" for k in range(max(2, n * 8 // 100))]
    places = [f"place:{k}" for k in range(max(1, n * 8 // 100))]
    parties = [f"actor:party-{k}" for k in range(min(len(PARTIES), max(2, n // 10)))]
    for k, node in enumerate(issues):
        suffix = f" ({k // len(ISSUES) + 1})" if k >= len(ISSUES) else ""
        G.add_node(node, label=ISSUES[k % len(ISSUES)] + suffix, type="issue")
    for k, node in enumerate(places):
        suffix = f" {k // len(PLACES) + 1}" if k >= len(PLACES) else ""
        G.add_node(node, label=PLACES[k % len(PLACES)] + suffix, type="place")
    for k, node in enumerate(parties):
        G.add_node(node, label=PARTIES[k], type="organisation")
    people = n - len(issues) - len(places) - len(parties)
    for k in range(people):
        person = f"actor:person-{k}"
        party = rng.randrange(len(parties) + 1)
        name = f"{FIRST[k % len(FIRST)]} {LAST[(k * 7 + k // len(FIRST)) % len(LAST)]}"
        G.add_node(person, label=name, type="person",
                   **({"party": PARTIES[party]} if party < len(parties) else {}))
        if party < len(parties):
            G.add_edge(person, parties[party], relation="member_of")
        if rng.random() < 0.25:
            G.add_edge(person, rng.choice(places), relation="constituency")
        for issue in rng.sample(issues, rng.randint(1, min(3, len(issues)))):
            stance = rng.choice(("supports", "supports", "opposes", "opposes", "mixed"))
            G.add_edge(person, issue, relation=stance, weight=1, evidence=[{
                "text": f"{name} on {G.nodes[issue]['label'].lower()}: we must get this right.",
                "published": f"2025-01-{6 + k % 20:02d}T1{k % 10}:00:00+00:00",
                "entry_id": f"entry-{k}", "entry_title": "Debate", "kind": "direct",
                "confidence": 0.8}])
    return G
