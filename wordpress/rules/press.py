"""Rule: press mentions, first-person sentences of the intro about the analyst's press work.

"Also spoke to the BBC and Sky News about the vote." gives two mentions of kind "interview",
one per outlet, on the topic "the vote". The sentence counts only if the analyst is its subject;
the verb gives the kind (see the table in the package's docstring).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .names import LIST_SEPARATOR, leading_outlet, without_the

MENTION_KINDS = ("interview", "quoted", "broadcast", "podcast", "panel", "other")


@dataclass(frozen=True)
class PressMention:
    """A mention found in the text; the importer makes it a `mentions.models.Mention`."""

    outlet_name: str
    topic: str
    kind: str  # one of MENTION_KINDS


# A time phrase before the subject: "On Monday,", "Earlier this week", "Yesterday".
# Longest alternatives first: the subject pattern is all optional and will not backtrack.
_TIME_PHRASE = r"""(?:(?:last|this|earlier|later)(?:\s+this|\s+that)?\s+
        (?:week|month|year|morning|evening|weekend)
    |(?:on\s+)?\w+day|recently|earlier|later)"""
# Who speaks: "I", "I also", "Also", "Separately,", "On Monday, I" or nothing before the verb.
_MENTION_SUBJECT = re.compile(
    rf"""^(?:{_TIME_PHRASE},?\s+)?
        (?:(?:also|and|separately|plus|meanwhile)\b,?\s+)*                # "Also", "Separately,"
        (?:I(?:['\u2019]ve)?\s+(?:(?:also|recently|then|have|had)\s+)*)?  # "I", "I also", "I've"
    """,
    re.I | re.X,
)
# (kind, verb phrase up to the outlet); the first that matches wins, so order matters.
_MENTION_VERBS = tuple(
    (kind, re.compile(verb, re.I))
    for kind, verb in (
        (
            "panel",
            r"(?:was|sat|spoke)\s+on\s+a\s+panel\s+(?:at|for|hosted\s+by|organi[sz]ed\s+by)\s+",
        ),
        (
            "podcast",
            r"(?:joined|was\s+(?:a\s+guest\s+)?on|appeared\s+on)\s+(?=the\s+.+?\s+podcast\b)",
        ),
        ("broadcast", r"(?:appeared|was)\s+on\s+"),
        ("interview", r"(?:spoke|spoken|talked)\s+(?:to|with)\s+|(?:was\s+)?interviewed\s+by\s+"),
        ("quoted", r"(?:was\s+)?quoted\s+(?:by|in)\s+"),
        ("other", r"(?:was\s+)?(?:cited|mentioned|featured)\s+(?:by|in)\s+"),
    )
)
_PODCAST_NAME = re.compile(r"(?:on\s+)?the\s+(?P<name>.+?)\s+podcast\b", re.I)
_TOPIC_LINK = re.compile(
    r"""\s*(?:(?:programme|program|show|bulletin)\b)?\s*,?\s*    # "on CNN's Amanpour show"
        (?:to\s+(?:discuss|talk\s+about|talk|explain)|about|on|regarding|over|discussing)\s+""",
    re.I | re.X,
)
# ", and separately to Le Monde about ...": another clause for the same verb. It needs its
# preposition, so "about trade and Taiwan" stays one topic.
_NEXT_CLAUSE = re.compile(
    r",?\s+(?:and|as\s+well\s+as)\s+(?:(?:separately|also|later|then|again)\s+)*"
    r"(?:to|with|by|in|on|at)\s+",
    re.I,
)


def _parse_outlet_list(text: str, known_outlets: Iterable[str]) -> tuple[list[str], str]:
    outlets = []
    while True:
        outlet = leading_outlet(text, known_outlets)
        if not outlet:
            return outlets, text
        outlets.append(outlet)
        text = text.lstrip()[len(outlet) :]
        separator = LIST_SEPARATOR.match(text)
        if not separator or not leading_outlet(text[separator.end() :], known_outlets):
            return outlets, text
        text = text[separator.end() :]


def _clause_head(
    text: str, kind: str, known_outlets: Iterable[str], need_topic: bool
) -> tuple[list[str], str] | None:
    # The outlets opening a clause and the topic after "about"; None if the clause is no mention.
    podcast = _PODCAST_NAME.match(text) if kind == "podcast" else None
    if podcast:
        outlets, rest = [podcast.group("name")], text[podcast.end() :]
    else:
        outlets, rest = _parse_outlet_list(text, known_outlets)
    link = _TOPIC_LINK.match(rest)
    if not outlets or (need_topic and not link):
        return None
    if link:
        return outlets, rest[link.end() :]
    return (outlets, "") if not rest.strip(" .!") else None


def parse_mentions(sentence: str, known_outlets: Iterable[str] = ()) -> list[PressMention]:
    """The press mentions in one first-person sentence, in the order written."""
    text = " ".join(sentence.split())
    rest = text[_MENTION_SUBJECT.match(text).end() :]
    found = next(
        ((kind, match) for kind, verb in _MENTION_VERBS if (match := verb.match(rest))),
        None,
    )
    if not found:
        return []
    kind, verb_match = found
    mentions = []
    head = _clause_head(rest[verb_match.end() :], kind, known_outlets, need_topic=False)
    while head:
        outlets, topic = head
        head = None
        for clause in _NEXT_CLAUSE.finditer(topic):
            head = _clause_head(topic[clause.end() :], kind, known_outlets, need_topic=True)
            if head:
                topic = topic[: clause.start()]
                break
        topic = topic.strip().rstrip(".!?;,").strip()
        mentions.extend(PressMention(without_the(outlet), topic, kind) for outlet in outlets)
    return mentions
