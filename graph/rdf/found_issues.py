"""Issues found in the text: one per proposal id that statements take sides on, named by them.

Extraction gives each statement on a found proposal the proposal's id and the words it uses
(loaders/proposals.py); the issue is made here from every such statement in the store, so its
label is the form they use most (ties: the shorter, then the first alphabetically) and its
other forms are its aliases. An id the registry has is the registry's issue, never a found one.

>>> from standpoint.graph.rdf.positions import StanceRecord
>>> records = [StanceRecord(f"s{n}", "a", "found-ban-smartphone", "supports", "2025-01-01", form)
...            for n, form in enumerate(["smartphone ban", "ban on smartphones", "smartphone ban"])]
>>> found_issues(records, set())
[Issue(id='found-ban-smartphone', label='smartphone ban', aliases=('ban on smartphones',), description='', source='found')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from standpoint.graph.rdf.positions import StanceRecord
from standpoint.records import Issue

__all__ = ["found_issues"]

MAX_ALIASES = 12


def found_issues(records: Iterable[StanceRecord], registered: set[str]) -> list[Issue]:
    forms: dict[str, Counter[str]] = {}
    for record in records:
        if record.form and record.issue_id not in registered:
            forms.setdefault(record.issue_id, Counter())[record.form] += 1
    issues = []
    for issue_id, counts in sorted(forms.items()):
        ranked = sorted(counts, key=lambda form: (-counts[form], len(form), form))
        issues.append(Issue(issue_id, ranked[0], tuple(ranked[1:MAX_ALIASES + 1]), source="found"))
    return issues
