"""Scoring the text rules on cases: the development corpus and our own (press_cases.py).

Each case becomes expected and found items (a mention, a bio, an outlet, a standfirst); a
found item that matches an expected one is right, another is a false find, an expected one
not found is a miss. `bench/press_precision.py` prints precision and recall over all cases.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from wordpress.rules import extract, parse_bios, parse_intro_outlet, parse_mentions
from wordpress.rules.names import without_the
from wordpress.rules.text import plain_text, split_sentences

from . import press_cases

REPO = Path(__file__).resolve().parents[3]
# Outlets a site typically knows: the cases must come out right with and without them.
COMMON_OUTLETS = (
    "BBC", "BBC World Service", "Reuters", "AFP", "Agence France-Presse", "RFI", "CNN", "FT",
    "Financial Times", "The Times", "The Economist", "The Guardian", "Sky News", "NPR", "AP",
    "Associated Press", "Bloomberg", "Al Jazeera", "Le Monde", "The Wall Street Journal", "WSJ",
    "Deutsche Welle", "DW", "Voice of America", "France 24", "The Globe and Mail", "Time",
    "War on the Rocks", "Foreign Affairs", "The Hill", "Politico",
)  # fmt: skip


def corpus_path() -> Path:
    """The shared development set: $COLUMNIST_SHARED, else ../shared beside the checkout."""
    shared = os.environ.get("COLUMNIST_SHARED") or REPO.parent / "shared"
    return Path(shared) / "corpus" / "analyst-intros.json"


def _key(text: str) -> str:
    return " ".join(without_the(text.strip()).casefold().split())


@dataclass
class Score:
    right: int = 0
    false: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.right += other.right
        self.false += other.false
        self.missed += other.missed

    @property
    def precision(self) -> float:
        found = self.right + len(self.false)
        return self.right / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.right + len(self.missed)
        return self.right / expected if expected else 1.0


def found_mentions(text: str, known=()) -> list:
    return [m for s in split_sentences(plain_text(text)) for m in parse_mentions(s, known)]


def score_mentions(text: str, expected: list, known=()) -> Score:
    """`expected`: [(spellings, topic, kind or None)]."""
    score, left = Score(), list(expected)
    for mention in found_mentions(text, known):
        match = next(
            (
                want
                for want in left
                if _key(mention.outlet_name) in {_key(name) for name in want[0]}
                and _key(mention.topic) == _key(want[1])
                and want[2] in (None, mention.kind)
            ),
            None,
        )
        if match:
            score.right += 1
            left.remove(match)
        else:
            score.false.append((text, mention))
    score.missed += [(text, want) for want in left]
    return score


def score_bios(text: str, byline: list, expected: dict) -> Score:
    score, found = Score(), dict(parse_bios(plain_text(text), byline))
    for name, part in expected.items():
        bio = found.pop(name, None)
        others = [other for other in expected if other != name]
        if bio and part in bio and not any(other in bio for other in others):
            score.right += 1
        else:
            score.missed.append((text, name, bio))
    score.false += [(text, name, bio) for name, bio in found.items()]
    return score


def score_single(expected: list, found: str, text: str) -> Score:
    """An outlet or a standfirst: one expected value (any of its spellings) or none."""
    score = Score()
    if found and expected and _key(found) in {_key(e) for e in expected}:
        score.right = 1
    else:
        if found:
            score.false.append((text, found))
        if expected:
            score.missed.append((text, expected))
    return score


def score_corpus_case(case: dict, known=()) -> Score:
    expect, text = case["expect"], case["text"]
    if "mentions" in expect:
        wanted = [(m["outlet"], m["topic"], m.get("kind")) for m in expect["mentions"]]
        return score_mentions(text, wanted, known)
    if "bios" in expect:
        return score_bios(text, case.get("byline", []), expect["bios"])
    if "outlet" in expect:
        return score_single(expect["outlet"], parse_intro_outlet(plain_text(text), known), text)
    return score_single([expect["dek"]], extract(case["title"], text, known).dek, text)


def corpus_cases() -> list[dict]:
    return json.loads(corpus_path().read_text(encoding="utf-8"))["cases"]


def own_scores(known=()):
    """(case description, Score) for each of our own cases."""
    for text, wanted in press_cases.MENTIONS:
        yield text, score_mentions(text, [([o], t, k) for o, t, k in wanted], known)
    for text in press_cases.NOT_MENTIONS:
        yield text, score_mentions(text, [], known)
    for byline, text, expected in press_cases.BIOS:
        yield text, score_bios(text, byline, expected)
    for text, outlet in press_cases.INTRO_OUTLETS:
        found = parse_intro_outlet(text, known)
        yield text, score_single([outlet] if outlet else [], found, text)
    for title, html, dek in press_cases.STANDFIRSTS:
        yield html, score_single([dek] if dek else [], extract(title, html, known).dek, html)
