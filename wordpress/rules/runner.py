"""Running the rules over a post: `extract()` decides where each rule looks and what it uses up.

Each `_apply_*` step runs one rule over the lines where it may look (the whole post, the intro
note before the title line, or the body after it), marks or edits the lines it used (lines.py),
and records what it found in the `Extraction`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from .bylines import parse_bios, parse_byline
from .intro import is_leftover, is_standfirst, parse_intro_outlet, title_line_test
from .lines import Line, remove_sentences, render, split_blocks
from .names import KnownOutlets, known_index, name_key
from .notes import EXCLUSIVITY, PRINT_NOTE, parse_exclusivity, parse_print_note
from .possible import possible_mention
from .press import PressMention, parse_mentions
from .stamps import parse_stamps
from .text import split_sentences


@dataclass
class Extraction:
    intro_html: str = ""
    dek: str = ""
    body_html: str = ""
    published: datetime | None = None  # naive, as written: the caller applies the outlet's zone
    updated: datetime | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, bio or "")
    outlet_name: str = ""
    print_headline: str = ""
    exclusive: bool = False
    mentions: list[PressMention] = field(default_factory=list)
    # Sentences of the intro that have a trigger or name a known outlet but gave no mention,
    # as `press.possible_mention()` guesses them.
    possible_mentions: list[dict] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)  # rules that found something, for review


def extract(title: str, html: str, known_outlets: Iterable[str] = ()) -> Extraction:
    """Apply every rule to a post's rendered HTML; the rules are listed in `wordpress.rules`."""
    known = known_index(known_outlets)  # once: every rule looks names up in it
    result = Extraction()
    lines = [line for block in split_blocks(html) for line in block.lines]

    is_title_line = title_line_test(title)
    title_at = next(
        (i for i, line in enumerate(lines) if line.readable and is_title_line(line.text)), None
    )
    if title_at is None:
        intro, body = [], lines
    else:
        intro, body = lines[:title_at], lines[title_at + 1 :]
        lines[title_at].used = True
        result.fired.append("title_line")

    _apply_stamps(lines, result)
    byline_outlet = _apply_byline(body, result)
    print_outlet = _apply_print_note(lines, result)
    exclusive_outlet = _apply_exclusivity(lines, result, known)
    _apply_bios(body, result)
    if title_at is not None:
        _apply_standfirst(body, result)
    intro_outlet = _apply_intro_outlet(intro, result, known)
    _apply_mentions(intro, result, known, title)

    result.outlet_name = byline_outlet or print_outlet or exclusive_outlet or intro_outlet
    result.intro_html = render(intro)
    result.body_html = render(body)
    return result


def _apply_stamps(lines: list[Line], result: Extraction) -> None:
    for line in lines:
        stamps = parse_stamps(line.text) if line.readable else None
        if stamps:
            line.used = True
            result.published = result.published or stamps[0]
            result.updated = result.updated or stamps[1]
    if result.published or result.updated:
        result.fired.append("stamps")


def _apply_byline(body: list[Line], result: Extraction) -> str:
    for line in body:
        byline = parse_byline(line.text) if line.readable else None
        if byline:
            line.used = True
            result.authors = [(name, "") for name in byline[0]]
            result.fired.append("byline")
            return byline[1]
    return ""


def _apply_print_note(lines: list[Line], result: Extraction) -> str:
    for line in lines:
        # "appeared" first: a quick test, as most lines are no print note.
        if not line.readable or "appeared" not in line.text.lower():
            continue
        if not PRINT_NOTE.search(line.text):
            continue
        for sentence in remove_sentences(line, lambda text: parse_print_note(text) is not None):
            outlet, result.print_headline = parse_print_note(sentence)
            result.fired.append("print_note")
            return outlet
    return ""


def _apply_exclusivity(lines: list[Line], result: Extraction, known: KnownOutlets) -> str:
    for line in lines:
        if not line.readable or "exclusively" not in line.text.lower():
            continue
        if not EXCLUSIVITY.search(line.text):
            continue
        for sentence in remove_sentences(line, lambda text: parse_exclusivity(text, known)):
            result.exclusive = True
            result.fired.append("exclusive")
            return parse_exclusivity(sentence, known)
    return ""


_LONGEST_BIO = 500  # a longer closing paragraph is text about someone, not a bio


def _apply_bios(body: list[Line], result: Extraction) -> None:
    # Walk up from the end: bios close the piece, after the text and before nothing but notes.
    found: list[tuple[str, str]] = []
    for line in reversed(body):
        if line.used:
            continue
        bios = []
        if line.readable and len(line.text) <= _LONGEST_BIO:
            bios = parse_bios(line.text, [name for name, _ in result.authors])
        if not bios:
            break
        line.used = True
        found[:0] = bios
    authors = {name_key(name): index for index, (name, _) in enumerate(result.authors)}
    for name, bio in found:
        index = authors.get(name_key(name))
        if index is None:
            authors[name_key(name)] = len(result.authors)
            result.authors.append((name, bio))
        else:
            result.authors[index] = (result.authors[index][0], bio)
    if found:
        result.fired.append("bios")


_MOST_LEFTOVERS = 2  # an image's file name and its caption


def _apply_standfirst(body: list[Line], result: Extraction) -> None:
    # After the title line, maybe after an image file name or a caption the old theme left.
    leftovers = 0
    while (
        leftovers < min(_MOST_LEFTOVERS, len(body) - 1)
        and body[leftovers].readable
        and is_leftover(body[leftovers].text)
    ):
        leftovers += 1
    line = body[leftovers] if body else None
    if line is not None and line.readable and is_standfirst(line.text):
        for used in body[: leftovers + 1]:
            used.used = True
        result.dek = line.text
        result.fired.append("standfirst")


def _apply_intro_outlet(intro: list[Line], result: Extraction, known: KnownOutlets) -> str:
    for line in intro:
        outlet = parse_intro_outlet(line.text, known) if line.readable else ""
        if outlet:
            result.fired.append("intro_outlet")
            return outlet
    return ""


def _apply_mentions(intro: list[Line], result: Extraction, known: KnownOutlets, title: str) -> None:
    for line in intro:
        if not line.readable:
            continue
        for sentence in remove_sentences(line, lambda text: parse_mentions(text, known)):
            mentions = parse_mentions(sentence, known)
            for mention in mentions:
                if mention.from_title:  # "about it": the column's subject, for review
                    mention = replace(mention, topic=title)
                if mention not in result.mentions:
                    result.mentions.append(mention)
            # A known outlet the sentence names but no mention took: "Spoke to Reuters about
            # X; the Economist ran it too." The sentence has left the intro, so list it.
            possible = possible_mention(sentence, known)
            taken = [f" {name_key(mention.outlet_name)} " for mention in mentions]
            # "The Daily" inside "the Daily Example" is part of an outlet that was taken.
            left = [
                name
                for name in possible["outlets"]
                if not any(f" {name_key(name).removeprefix('the ')} " in t for t in taken)
            ]
            if left:
                result.possible_mentions.append({**possible, "outlets": left})
        # Nothing silently dropped: what reads like press work but gave no mention.
        for sentence in split_sentences(line.text) if line.readable else ():
            possible = possible_mention(sentence, known)
            if possible and not parse_intro_outlet(sentence, known):
                result.possible_mentions.append(possible)
    if result.mentions:
        result.fired.append("mentions")
    if result.possible_mentions:
        result.fired.append("possible_mentions")
