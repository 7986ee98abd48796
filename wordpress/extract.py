"""Find the metadata analysts bury in the prose of their blog posts.

A column copied from an outlet's page onto the analyst's blog usually reads: a note from her
("My column in the Daily Example, on ..."), the column's title again, a standfirst, date stamps,
a byline, the text, then who the authors are and where the piece ran in print. `extract()` turns
that into fields. Each rule below is one function reading plain text (a line: a paragraph, or a
part of one between <br>s); `extract()` decides where each rule looks, and removes every line or
sentence a rule used, so nothing shows twice. Everything else is left as it came.

The rules, in the order they run:

title_line    A <p> or <h1>-<h6> line equal to the post title, ignoring case, spacing,
              punctuation and curly quotes. Lines before it are the intro note; the line goes.
              Without a title line there is no intro and no standfirst.
stamps        A line made only of stamps: "PUBLISHED : Tuesday, 3 March, 2020, 7:05pm",
              "UPDATED : 4 Mar 2020 10:30", "Published: 3 March 2020, 19:05", several on a line
              split by "|". Dates are naive, as written; a date without a time is midnight.
byline        A whole body line "By A, B and C for The Outlet" or "A and B write for The Outlet".
              A name is 2-4 capitalised words, with particles ("van", "de") allowed between.
print_note    A sentence "This article appeared in the <Outlet> print edition as <headline>".
exclusive     A sentence containing "written exclusively for <Outlet>".
bios          Closing body lines starting "<Name> is/are <role>", such as "Jane Roe is a senior
              fellow at the Example Institute." or "A is director of X and B is professor of Y."
              The name must be a byline author, or look like a person's name with a role noun
              (fellow, director, professor, editor...) in the predicate; so "China is a major
              investor in the region." is no bio. A bio joins its author; new names are appended.
standfirst    The line right after the title line, if no rule above used it and it is a
              paragraph of at most 300 characters and one or two sentences.
intro_outlet  Intro phrasing naming the outlet: "my column in X", "a piece for X", "my latest
              for X", "new article in X", "wrote for X". The note itself stays.
mentions      First-person sentences of the intro about press work; each is removed. A sentence
              counts only if the analyst is its subject: it starts with "I" ("I also", "I have"),
              or with the verb itself, maybe after "Also", "And", "Separately" or a time phrase
              with a comma ("On Monday,"). "The minister spoke to reporters about the deal." has
              another subject and stays. The verb gives the kind:
                  spoke/talked to, was interviewed by      interview
                  was quoted by/in                         quoted
                  appeared on, was on                      broadcast
                  joined/was on the X podcast              podcast
                  was on a panel at                        panel
                  was cited/mentioned/featured in          other
              then outlets (split on commas and "and"), "about"/"on"/"to discuss" and a topic.
              ", and separately to Le Monde about energy prices" adds a clause with the same verb.

The outlet comes from the byline, else the print note, else the exclusivity note, else the
intro phrasing. Outlets the caller knows (`known_outlets`) are recognised anywhere, whatever
their case and with or without "the"; unknown ones must be a run of capitalised words.
"""

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from itertools import groupby

from wordpress.content import balance_tags

MENTION_KINDS = ("interview", "quoted", "broadcast", "podcast", "panel", "other")


@dataclass(frozen=True)
class Mention:
    outlet_name: str
    topic: str
    kind: str  # one of MENTION_KINDS


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
    mentions: list[Mention] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)  # rules that found something, for review


# --- Words and names -----------------------------------------------------------------------

_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "do", "dos", "das",
    "la", "le", "al", "el", "bin", "ibn", "ter", "ten", "y", "zu",
}  # fmt: skip
# Capitalised words that start sentences or organisations, never a person's name.
_NOT_FIRST_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "our", "my", "his", "her", "its",
    "their", "it", "he", "she", "we", "they", "you", "in", "on", "at", "for", "and", "but", "if",
}  # fmt: skip

# One capitalised word of an outlet's name; a full stop only inside initials (U.S).
_OUTLET_WORD = r"[A-Z\u00c0-\u00de](?:[\w&\u2019'-]|\.(?=\w))*"
# "The Example Review", "France 24", "Council of Foreign Relations"; not "BBC and Sky News".
_OUTLET_NAME = re.compile(
    rf"""(?:[Tt]he\s+)?
        {_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|\d+))*
        (?:\s+(?:of|for|de|du|des|la|le|di|del|&)\s+{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|\d+))*)*
    """,
    re.X,
)
_LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s*|\s*&\s*")

# Sentence ends: . ! or ? then maybe quotes or closing tags, then a space.
_SENTENCE_BREAK = re.compile(rf"(?<=[.!?])(?:[{_QUOTES})\]]|</[a-zA-Z]+>)*\s+")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "gen", "col", "lt",
    "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "co", "corp", "ltd", "jr", "sr",
}  # fmt: skip


_BR = re.compile(r"<br\s*/?>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def _plain_text(html: str) -> str:
    if "<" not in html and "&" not in html:
        return " ".join(html.split())  # most lines: plain text already
    # Inline tags join letters ("Wash<em>ing</em>ton"); only a line break separates words.
    text = _ANY_TAG.sub("", _BR.sub(" ", html))
    return " ".join(unescape(text).split())


_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def _split_sentences(html: str) -> list[str]:
    """Split text or inline HTML into sentences that join back into the original."""
    chunks, start = [], 0
    for match in _SENTENCE_BREAK.finditer(html):
        before = html[: match.start()]
        if before.rfind("<") > before.rfind(">"):
            continue  # inside a tag's attributes
        last_word = _plain_text(before[-200:]).rsplit(None, 1)[-1].lower().rstrip(".")
        following = html[match.end() : match.end() + 1]
        if last_word in _ABBREVIATIONS or _INITIALS.fullmatch(last_word):
            continue  # "Dr.", "U.S.", an initial
        if following.islower():
            continue
        chunks.append(html[start : match.end()])
        start = match.end()
    chunks.append(html[start:])
    return [chunk for chunk in chunks if chunk.strip()]


_NAME_PREFIX = re.compile(r"^(?:al|el|bin|ibn|d|o)['\u2019-](?=\w)", re.I)
_NAME_PUNCTUATION = re.compile(r"['\u2019.-]")


def _is_name_word(word: str) -> bool:
    word = _NAME_PREFIX.sub("", word)
    letters = _NAME_PUNCTUATION.sub("", word)
    return bool(letters) and letters.isalpha() and word[0].isupper()


def is_person_name(text: str) -> bool:
    words = text.split()
    if not words or words[0].lower() in _NOT_FIRST_NAMES:
        return False
    capitalised = 0
    for position, word in enumerate(words):
        if word.lower() in _NAME_PARTICLES and 0 < position < len(words) - 1:
            continue
        if not _is_name_word(word):
            return False
        capitalised += 1
    return 2 <= capitalised <= 4


def _split_names(text: str) -> list[str]:
    return [name.strip() for name in _LIST_SEPARATOR.split(text.strip()) if name.strip()]


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=8)
def _known_outlet_pattern(known_outlets: tuple[str, ...]) -> re.Pattern | None:
    # One pattern for all the names, longest first: the first alternative that matches wins.
    names = {_without_the(name.strip()) for name in known_outlets}
    names = sorted(filter(None, names), key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?:the\s+)?(?:{'|'.join(map(re.escape, names))})(?!\w)", re.I)


def _leading_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    """The outlet name at the start of `text`, as written there, or ""."""
    text = text.lstrip()
    known = _known_outlet_pattern(tuple(known_outlets))
    match = (known and known.match(text)) or _OUTLET_NAME.match(text)
    return match.group(0) if match else ""


_THE = re.compile(r"^the\s+", re.I)


def _without_the(name: str) -> str:
    return _THE.sub("", name)


# --- Rule: title line ----------------------------------------------------------------------


_WORD = re.compile(r"[^\W_]+")


def _title_key(text: str) -> str:
    # Words only: case, spacing, punctuation and quote styles do not count.
    return " ".join(_WORD.findall(unescape(text).casefold()))


def is_title_line(text: str, title: str) -> bool:
    key = _title_key(title)
    return bool(key) and _title_key(text) == key


# --- Rule: stamps --------------------------------------------------------------------------

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_TIME = r"""
    (?:(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<meridiem>[ap]\.?m\.?)?   # 7:05pm, 19:05
      | (?P<bare_hour>\d{1,2})\s*(?P<bare_meridiem>[ap]\.?m\.?))             # 7pm
"""
_STAMP = re.compile(
    rf"""
    (?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated)\s*:?\s*(?:on\s+)?  # "PUBLISHED : "
    (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?  # weekday
    (?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[a-z]{{3,9}})\.?,?\s+(?P<year>\d{{4}})
      | (?P<month_first>[a-z]{{3,9}})\.?\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?,?\s+
        (?P<year_second>\d{{4}})
      | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))
    (?:[\s,]*(?:at\s+|[-\u2013]\s*)?{_TIME})?
    (?:\s*\(?(?-i:[A-Z]{{2,5}})(?:[+-]\d{{1,2}})?\)?(?!\w))?   # a time zone: the caller knows it
    """,
    re.I | re.X,
)
_STAMP_SEPARATORS = re.compile(r"[\s|,;/\u00b7\u2022\u2013\u2014-]*")


def _month_number(name: str) -> int | None:
    name = name.lower()
    for number, month in enumerate(_MONTHS, start=1):
        if len(name) >= 3 and month.startswith(name):
            return number
    return None


def _stamp_datetime(match: re.Match) -> datetime | None:
    if match.group("iso"):
        year, month, day = (int(part) for part in match.group("iso").split("-"))
    else:
        year = int(match.group("year") or match.group("year_second"))
        month = _month_number(match.group("month") or match.group("month_first"))
        day = int(match.group("day") or match.group("day_second"))
    hour = int(match.group("hour") or match.group("bare_hour") or 0)
    minute = int(match.group("minute") or 0)
    meridiem = (match.group("meridiem") or match.group("bare_meridiem") or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, minute)
    except (TypeError, ValueError):  # no such month or day
        return None


def parse_stamps(text: str) -> tuple[datetime | None, datetime | None] | None:
    """(published, updated) if the line is made of date stamps only, else None."""
    published = updated = None
    lowered = text.lower()
    if not any(label in lowered for label in ("published", "posted", "updated")):
        return None  # the quick test: most lines of a post are not stamps
    matches = list(_STAMP.finditer(text))
    if not matches or not _STAMP_SEPARATORS.fullmatch(_STAMP.sub("", text)):
        return None
    for match in matches:
        moment = _stamp_datetime(match)
        if moment is None:
            return None
        if "updated" in match.group("label").lower():
            updated = updated or moment
        else:
            published = published or moment
    return published, updated


# --- Rule: byline --------------------------------------------------------------------------

# "By A, B and C for The Outlet", "BY A AND B"
_BYLINE_BY = re.compile(r"^by\s+(?P<names>.+?)(?:,?\s+for\s+(?P<outlet>.+?))?[.\s]*$", re.I)
# "A and B write for The Outlet"
_BYLINE_WRITE_FOR = re.compile(
    r"^(?P<names>.+?)\s+(?:writes?|wrote|(?:is|are)\s+writing)\s+for\s+(?P<outlet>.+?)[.\s]*$"
)


def parse_byline(text: str) -> tuple[list[str], str] | None:
    """(author names in order, outlet as written or "") if the whole line is a byline."""
    for pattern in (_BYLINE_BY, _BYLINE_WRITE_FOR):
        match = pattern.match(text.strip())
        if not match:
            continue
        names = _split_names(match.group("names"))
        outlet = (match.group("outlet") or "").strip()
        if outlet and not _OUTLET_NAME.match(outlet):
            continue
        if names and all(is_person_name(name) for name in names):
            return names, outlet
    return None


# --- Rule: print note and exclusivity ------------------------------------------------------

_PRINT_NOTE = re.compile(
    r"""\bthis\s+(?:article|story|piece|column)\s+(?:first\s+)?appeared\s+in\s+
        (?P<outlet>.+?)\s+print\s+edition
        (?:\s+(?:of|on)\s+.+?)?          # "... print edition of 4 March 2020"
        \s+as:?\s+(?P<headline>.+)""",
    re.I | re.X | re.S,
)
_QUOTED = re.compile(r'^(?:"(.+)"|\u201c(.+)\u201d|\u2018(.+)\u2019|\'(.+)\')', re.S)
_EXCLUSIVITY = re.compile(r"\bwritten\s+exclusively\s+for\s+(?P<rest>.+)", re.I | re.S)


def parse_print_note(sentence: str) -> tuple[str, str] | None:
    """(outlet as written, print headline) from a print-edition note."""
    match = _PRINT_NOTE.search(sentence)
    if not match:
        return None
    headline = match.group("headline").strip()
    quoted = _QUOTED.match(headline)
    if quoted:
        headline = next(group for group in quoted.groups() if group)
    else:
        headline = headline.removesuffix(".")  # the sentence's full stop; keep ? and !
    return match.group("outlet").strip(), headline.strip()


def parse_exclusivity(sentence: str, known_outlets: Iterable[str] = ()) -> str | None:
    match = _EXCLUSIVITY.search(sentence)
    if not match:
        return None
    return _leading_outlet(match.group("rest"), known_outlets) or None


# --- Rule: bios ----------------------------------------------------------------------------

_ROLE_NOUNS = (
    r"fellow|director|professor|author|editor|analyst|researcher|lecturer|correspondent|head"
    r"|chair(?:man|woman)?|president|founder|co-founder|partner|advis[eo]r|associate|scholar"
    r"|journalist|writer|columnist|economist|member|dean|chief|manager|officer|minister"
    r"|ambassador|student|candidate|contributor|expert|specialist|consultant|secretary"
    r"|historian|commentator|reporter|reader|lawyer|diplomat|strategist|principal|coordinator"
)
# The predicate starts like a role: "a ...", "the ...", "senior fellow ...", "director of ...".
_ROLE_START = re.compile(
    rf"""^(?:a|an|the|both|currently|also|now|formerly|former|senior|junior|visiting|adjunct
        |assistant|associate|deputy|executive|managing|non-resident|nonresident|distinguished
        |emeritus|(?:{_ROLE_NOUNS})s?)\b""",
    re.I | re.X,
)
_ROLE_NOUN = re.compile(rf"\b(?:{_ROLE_NOUNS})s?\b", re.I)
_BIO_CLAUSE = re.compile(r"^(?P<subject>.+?)\s+(?:is|are)\s+(?P<predicate>.+?)[.;\s]*$", re.S)
# "..., and B is professor of Y": a new clause starts with up to five words and "is"/"are".
_BIO_CLAUSE_BREAK = re.compile(r",?\s+(?:and|while)\s+(?=(?:\S+\s+){1,5}?(?:is|are)\s)|;\s+")


def _bio_clause_names(clause: str, byline_keys: set[str]) -> list[str]:
    match = _BIO_CLAUSE.match(clause.strip())
    if not match:
        return []
    names = _split_names(match.group("subject"))
    predicate = match.group("predicate")
    if not names or not _ROLE_START.match(predicate):
        return []
    for name in names:
        known = _name_key(name) in byline_keys
        if not known and not (is_person_name(name) and _ROLE_NOUN.search(predicate)):
            return []
    return names


def _parse_bio_sentence(sentence: str, byline_keys: set[str]) -> list[tuple[list[str], str]]:
    clauses = _BIO_CLAUSE_BREAK.split(sentence.strip())
    parsed = [(_bio_clause_names(clause, byline_keys), clause) for clause in clauses]
    if len(parsed) > 1 and all(names for names, _ in parsed):
        return [(names, clause.strip().rstrip(".,;") + ".") for names, clause in parsed]
    names = _bio_clause_names(sentence, byline_keys)
    return [(names, sentence.strip())] if names else []


def parse_bios(text: str, byline_names: Iterable[str] = ()) -> list[tuple[str, str]]:
    """[(name, bio)] if the line opens with a bio sentence, else []."""
    byline_keys = {_name_key(name) for name in byline_names}
    bios: list[tuple[list[str], str]] = []
    for sentence in _split_sentences(text):
        found = _parse_bio_sentence(sentence, byline_keys)
        if found:
            bios.extend(found)
        elif bios:
            # "She is the author of ..." and the like belong to the bio before them.
            names, bio = bios[-1]
            bios[-1] = (names, f"{bio} {sentence.strip()}")
        else:
            return []
    return [(name, bio) for names, bio in bios for name in names]


# --- Rule: standfirst ----------------------------------------------------------------------


def is_standfirst(text: str) -> bool:
    if not text or len(text) > 300 or text.endswith(":"):
        return False
    if parse_stamps(text) is not None or parse_byline(text) is not None:
        return False
    return 1 <= len(_split_sentences(text)) <= 2


# --- Rule: outlet named in the intro -------------------------------------------------------

_INTRO_OUTLET = re.compile(
    r"""\b(?:
        (?:my|a|an|new|latest|recent|this)\s+(?:[\w-]+\s+){0,2}?     # "my weekly", "a new"
            (?:column|piece|article|op-?ed|essay|commentary|analysis|latest|contribution)
            \s+(?:in|for|at|on)\s+                                  # "my column in"
      | (?:wrote|written)\s+(?:[\w-]+\s+){0,2}?for\s+               # "wrote this for"
    )(?P<rest>.+)""",
    re.I | re.X | re.S,
)


def parse_intro_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    for match in _INTRO_OUTLET.finditer(text):
        outlet = _leading_outlet(match.group("rest"), known_outlets)
        if outlet:
            return outlet
    return ""


# --- Rule: press mentions ------------------------------------------------------------------

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
        outlet = _leading_outlet(text, known_outlets)
        if not outlet:
            return outlets, text
        outlets.append(outlet)
        text = text.lstrip()[len(outlet) :]
        separator = _LIST_SEPARATOR.match(text)
        if not separator or not _leading_outlet(text[separator.end() :], known_outlets):
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


def parse_mentions(sentence: str, known_outlets: Iterable[str] = ()) -> list[Mention]:
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
        mentions.extend(Mention(_without_the(outlet), topic, kind) for outlet in outlets)
    return mentions


# --- Reading the HTML ----------------------------------------------------------------------

_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
_TOKEN = re.compile(rf"<!--.*?-->|</?(?P<name>[a-zA-Z][\w:-]*)(?:{_ATTRIBUTE})*\s*/?>", re.S)
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
}  # fmt: skip
_BLOCK_LEVEL = {
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "script", "style",
}  # fmt: skip
# Blocks whose lines rules may read: paragraphs, headings and loose inline text ("").
_READABLE = {"", "p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(eq=False)
class _Block:
    html: str
    tag: str
    opening: str = ""
    closing: str = ""
    lines: list["_Line"] = field(default_factory=list)


@dataclass(eq=False)
class _Line:
    html: str
    block: _Block
    used: bool = False
    edited: bool = False
    _text: str = ""
    _text_of: str | None = None

    @property
    def readable(self) -> bool:
        return self.block.tag in _READABLE and not self.used

    @property
    def text(self) -> str:
        # The rules read every line several times; work it out again only after an edit.
        if self._text_of is not self.html:
            self._text, self._text_of = _plain_text(self.html), self.html
        return self._text


def _top_level_pieces(html: str) -> list[tuple[str, str]]:
    # (tag, html) of each top-level element, comment ("!") or text ("#text").
    pieces: list[tuple[str, str]] = []
    depth, position, start, tag = 0, 0, 0, ""
    for match in _TOKEN.finditer(html):
        token, name = match.group(0), (match.group("name") or "").lower()
        if depth == 0 and match.start() > position:
            pieces.append(("#text", html[position : match.start()]))
        position = match.end()
        if token.startswith("<!--"):
            if depth == 0:
                pieces.append(("!", token))
        elif token.startswith("</"):
            depth = max(depth - 1, 0)
            if depth == 0:
                pieces.append((tag, html[start : match.end()]))
        elif name in _VOID or token.endswith("/>"):
            if depth == 0:
                pieces.append((name, token))
        else:
            if depth == 0:
                start, tag = match.start(), name
            depth += 1
    if depth:
        pieces.append((tag, html[start:]))
    elif html[position:]:
        pieces.append(("#text", html[position:]))
    return pieces


def _split_blocks(html: str) -> list[_Block]:
    blocks: list[_Block] = []
    loose: list[str] = []  # inline pieces between blocks make one loose block

    def flush_loose() -> None:
        text = "".join(loose).strip()
        loose.clear()
        if text:
            blocks.append(_Block(text, ""))

    for tag, piece in _top_level_pieces(html):
        if tag in _BLOCK_LEVEL or tag == "!":
            flush_loose()
            blocks.append(_Block(piece, tag))
        else:
            loose.append(piece)
    flush_loose()
    for block in blocks:
        _split_lines(block)
    return blocks


_WRAPPED = re.compile(r"(<[^>]*>)(.*)(</[^>]*>)", re.S)


def _split_lines(block: _Block) -> None:
    if block.tag not in _READABLE:
        block.lines = [_Line(block.html, block)]
        return
    inner = block.html
    match = _WRAPPED.fullmatch(block.html) if block.tag else None
    if match:
        block.opening, inner, block.closing = match.groups()
    parts = [part.strip() for part in _BR.split(inner)]
    # A <br> inside an inline element (<em>a<br>b</em>) does not split the line.
    if len(parts) > 1 and any("<" in part and balance_tags(part) != part for part in parts):
        parts = [inner.strip()]
    block.lines = [_Line(part, block) for part in parts if part]


def _render(lines: list[_Line]) -> str:
    out = []
    for block, group in groupby(lines, key=lambda line: line.block):
        group = list(group)
        kept = [line for line in group if not line.used]
        untouched = len(kept) == len(block.lines) and not any(line.edited for line in kept)
        if untouched:
            out.append(block.html)  # exactly as it came
        elif kept:
            out.append(block.opening + "<br>\n".join(line.html for line in kept) + block.closing)
    return "\n".join(out)


_EMPTY_INLINE = re.compile(
    r"<(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>\s*</\1>"
)


def _remove_sentences(line: _Line, used: Callable[[str], object]) -> list[str]:
    """Remove the sentences of `line` for which `used(text)` is true; return their texts."""
    removed, kept = [], []
    for chunk in _split_sentences(line.html):
        text = _plain_text(chunk)
        if used(text):
            removed.append(text)
            # Its tags stay, so an element opened in one sentence and closed in another still is.
            kept.append("".join(_ANY_TAG.findall(chunk)))
        else:
            kept.append(chunk)
    if removed:
        html = "".join(kept)
        while True:  # <em></em> left by a removed sentence
            html, emptied = _EMPTY_INLINE.subn("", html)
            if not emptied:
                break
        line.html = balance_tags(html.strip())
        line.edited = True
        line.used = not _plain_text(line.html)
    return removed


# --- Putting the rules together ------------------------------------------------------------


def extract(title: str, html: str, known_outlets: Iterable[str] = ()) -> Extraction:
    """Apply every rule to a post's rendered HTML; see the module docstring for the rules."""
    known = tuple(known_outlets)
    result = Extraction()
    lines = [line for block in _split_blocks(html) for line in block.lines]

    title_at = next(
        (i for i, line in enumerate(lines) if line.readable and is_title_line(line.text, title)),
        None,
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
    _apply_mentions(intro, result, known)

    result.outlet_name = byline_outlet or print_outlet or exclusive_outlet or intro_outlet
    result.intro_html = _render(intro)
    result.body_html = _render(body)
    return result


def _apply_stamps(lines: list[_Line], result: Extraction) -> None:
    for line in lines:
        stamps = parse_stamps(line.text) if line.readable else None
        if stamps:
            line.used = True
            result.published = result.published or stamps[0]
            result.updated = result.updated or stamps[1]
    if result.published or result.updated:
        result.fired.append("stamps")


def _apply_byline(body: list[_Line], result: Extraction) -> str:
    for line in body:
        byline = parse_byline(line.text) if line.readable else None
        if byline:
            line.used = True
            result.authors = [(name, "") for name in byline[0]]
            result.fired.append("byline")
            return byline[1]
    return ""


def _apply_print_note(lines: list[_Line], result: Extraction) -> str:
    for line in lines:
        # "appeared" first: a quick test, as most lines are no print note.
        if not line.readable or "appeared" not in line.text.lower():
            continue
        if not _PRINT_NOTE.search(line.text):
            continue
        for sentence in _remove_sentences(line, lambda text: parse_print_note(text) is not None):
            outlet, result.print_headline = parse_print_note(sentence)
            result.fired.append("print_note")
            return outlet
    return ""


def _apply_exclusivity(lines: list[_Line], result: Extraction, known: tuple[str, ...]) -> str:
    for line in lines:
        if not line.readable or "exclusively" not in line.text.lower():
            continue
        if not _EXCLUSIVITY.search(line.text):
            continue
        for sentence in _remove_sentences(line, lambda text: parse_exclusivity(text, known)):
            result.exclusive = True
            result.fired.append("exclusive")
            return parse_exclusivity(sentence, known)
    return ""


_LONGEST_BIO = 500  # a longer closing paragraph is text about someone, not a bio


def _apply_bios(body: list[_Line], result: Extraction) -> None:
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
    authors = {_name_key(name): index for index, (name, _) in enumerate(result.authors)}
    for name, bio in found:
        index = authors.get(_name_key(name))
        if index is None:
            authors[_name_key(name)] = len(result.authors)
            result.authors.append((name, bio))
        else:
            result.authors[index] = (result.authors[index][0], bio)
    if found:
        result.fired.append("bios")


def _apply_standfirst(body: list[_Line], result: Extraction) -> None:
    if body and body[0].readable and is_standfirst(body[0].text):
        body[0].used = True
        result.dek = body[0].text
        result.fired.append("standfirst")


def _apply_intro_outlet(intro: list[_Line], result: Extraction, known: tuple[str, ...]) -> str:
    for line in intro:
        outlet = parse_intro_outlet(line.text, known) if line.readable else ""
        if outlet:
            result.fired.append("intro_outlet")
            return outlet
    return ""


def _apply_mentions(intro: list[_Line], result: Extraction, known: tuple[str, ...]) -> None:
    for line in intro:
        if not line.readable:
            continue
        for sentence in _remove_sentences(line, lambda text: parse_mentions(text, known)):
            result.mentions.extend(parse_mentions(sentence, known))
    if result.mentions:
        result.fired.append("mentions")
