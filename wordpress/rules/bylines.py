"""Rules: byline and bios, who wrote the piece and who they are.

A byline is a whole line, "By A, B and C for The Outlet" or "A and B write for The Outlet". Bios
are sentences "<Name> is/are <role>" closing the piece; the runner decides which lines to try.
"""

import re
from collections.abc import Iterable

from .names import OUTLET_NAME, is_person_name, name_key, split_names
from .text import split_sentences

# "By A, B and C for The Outlet", "BY A AND B"
_BYLINE_BY = re.compile(r"^by\s+(?P<names>.+?)(?:,?\s+for\s+(?P<outlet>.+?))?[.\s]*$", re.I)
# "A and B write for The Outlet"
_BYLINE_WRITE_FOR = re.compile(
    r"^(?P<names>.+?)\s+(?:writes?|wrote|(?:is|are)\s+writing)\s+for\s+(?P<outlet>.+?)[.\s]*$"
)


def parse_byline(text: str) -> tuple[list[str], str] | None:
    """(author names in order, outlet as written or "") if the whole line is a byline."""
    for pattern in (_BYLINE_BY, _BYLINE_WRITE_FOR):
        if pattern is _BYLINE_WRITE_FOR and "wr" not in text:
            continue  # a quick test: each of its verbs has "wr" ("writes", "wrote", "writing")
        match = pattern.match(text.strip())
        if not match:
            continue
        names = split_names(match.group("names"))
        outlet = (match.group("outlet") or "").strip()
        if outlet and not OUTLET_NAME.match(outlet):
            continue
        if names and all(is_person_name(name) for name in names):
            return names, outlet
    return None


# Bios. The nouns of a role: "Jane Roe is a senior fellow at ...", "... director of X".
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
# "Daniyar Bekov teaches international relations at ...": another verb of a working life.
_BIO_VERBS = (
    r"teach(?:es)?|lead(?:s)?|head(?:s)?|direct(?:s)?|run(?:s)?|chair(?:s)?|edit(?:s)?"
    r"|lecture(?:s)?|advise(?:s)?|work(?:s)?\s+(?:as|at|for|on)|research(?:es)?|cover(?:s)?"
    r"|serve(?:s)?\s+as|write(?:s)?\s+(?:on|about)|specialises|specializes|founded|co-founded"
    r"|manage(?:s)?|coordinate(?:s)?|study|studies|holds"
)
_BIO_VERB_CLAUSE = re.compile(
    rf"^(?P<subject>.+?)\s+(?P<verb>{_BIO_VERBS})\s+(?P<predicate>.+?)[.;\s]*$", re.S
)
# "..., and B is professor of Y": a new clause starts with up to five words and "is"/"are".
_BIO_CLAUSE_BREAK = re.compile(
    rf",?\s+(?:and|while)\s+(?=(?:\S+\s+){{1,5}}?(?:is|are|{_BIO_VERBS})\s)|;\s+"
)
# "(@mayaokafor)", ", @maya@example.social,": a social handle after a name says nothing of a role.
_HANDLE = re.compile(
    r"\s*(?:\(\s*@[\w.]+(?:@[\w.-]+)?\s*\)|,\s*@[\w.]+(?:@[\w.-]+)?\s*,|(?<=\w)\s+@[\w.]+"
    r"(?:@[\w.-]+)?)(?=[\s,])"
)
# "The authors are A, a ..., and B, a ...".
_AUTHORS_ARE = re.compile(
    r"^(?:the|both)\s+(?:authors|writers|co-?authors)\s+(?:are|were)\s+(?P<rest>.+?)[.\s]*$",
    re.I | re.S,
)
# "A, a senior fellow at X, and B, a lecturer at Y, are the authors of ..."
_ARE_THE_AUTHORS = re.compile(
    r"^(?P<rest>.+?),?\s+(?:are|were)\s+(?:the\s+)?(?:co-?)?authors\b.*$", re.I | re.S
)
# "About the author:", "About the authors -": a heading before the bios.
_ABOUT = re.compile(r"^\s*about\s+the\s+authors?\s*[:.\u2013\u2014-]\s*", re.I)
# Titles before a name: "Dr Ana Costa" is Ana Costa of the byline.
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|lord|lady)\.?\s+", re.I)
_NEXT_PERSON = re.compile(r"(?:,\s*|\s)and\s+$|;\s*$")
_APPOSITION = re.compile(
    r"(?P<name>[A-Z\u00c0-\u00de][\w'\u2019.-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z\u00c0-\u00de]"
    r"[\w'\u2019.-]+){1,3}),\s+"
)


def _bio_clause_names(clause: str, byline_keys: set[str]) -> list[str]:
    match = _BIO_CLAUSE.match(clause.strip())
    if not match:
        return _bio_verb_clause_names(clause, byline_keys)
    names = split_names(match.group("subject"))
    predicate = match.group("predicate")
    if not names or not _ROLE_START.match(predicate):
        return _bio_verb_clause_names(clause, byline_keys)
    for name in names:
        known = name_key(_HONORIFIC.sub("", name)) in byline_keys
        if not known and not (is_person_name(name) and _ROLE_NOUN.search(predicate)):
            return []
    return names


def _bio_verb_clause_names(clause: str, byline_keys: set[str]) -> list[str]:
    # "A teaches X at Y": a byline author, or a person's name with a place of work after.
    match = _BIO_VERB_CLAUSE.match(clause.strip())
    if not match:
        return []
    names = split_names(match.group("subject"))
    for name in names:
        if name_key(_HONORIFIC.sub("", name)) not in byline_keys and not is_person_name(name):
            return []
    return names


def _apposition_bios(sentence: str, byline_keys: set[str]) -> list[tuple[list[str], str]]:
    # "The authors are A, a senior fellow at X, and B, a researcher at Y."
    match = _AUTHORS_ARE.match(sentence.strip()) or _ARE_THE_AUTHORS.match(sentence.strip())
    if not match:
        return []
    rest = match.group("rest")
    starts = [
        m
        for m in _APPOSITION.finditer(rest)
        if (is_person_name(m.group("name")) or name_key(m.group("name")) in byline_keys)
        and (m.start() == 0 or _NEXT_PERSON.search(rest, 0, m.start()))
    ]
    bios = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(rest)
        role = re.sub(r"(?:[,;]?\s*(?:and)?\s*)$", "", rest[start.end() : end]).strip(" ,;.")
        if not role or not _ROLE_START.match(role):
            return []
        bios.append(([start.group("name")], f"{start.group('name')} is {role}."))
    return bios if len(bios) > 0 and starts[0].start() == 0 else []


def _parse_bio_sentence(sentence: str, byline_keys: set[str]) -> list[tuple[list[str], str]]:
    apposition = _apposition_bios(sentence, byline_keys)
    if apposition:
        return apposition
    clauses = _BIO_CLAUSE_BREAK.split(sentence.strip())
    parsed = [(_bio_clause_names(clause, byline_keys), clause) for clause in clauses]
    if len(parsed) > 1 and all(names for names, _ in parsed):
        return [(names, clause.strip().rstrip(".,;") + ".") for names, clause in parsed]
    names = _bio_clause_names(sentence, byline_keys)
    return [(names, sentence.strip())] if names else []


def parse_bios(text: str, byline_names: Iterable[str] = ()) -> list[tuple[str, str]]:
    """[(name, bio)] if the line opens with a bio sentence, else [].

    Matches: "Ana Costa (@anacosta) is a Senior Fellow at Chatham House; Li Wei teaches law.",
    "The authors are Ana Costa, a fellow at X, and Li Wei, an editor at Y."
    Must not: "China is a major investor in the region." (no person, no role).
    """
    byline_keys = {name_key(name) for name in byline_names}
    bios: list[tuple[list[str], str]] = []
    for sentence in split_sentences(_HANDLE.sub("", _ABOUT.sub("", text))):
        found = _parse_bio_sentence(sentence, byline_keys)
        if found:
            bios.extend(found)
        elif bios:
            # "She is the author of ..." and the like belong to the bio before them.
            names, bio = bios[-1]
            bios[-1] = (names, f"{bio} {sentence.strip()}")
        else:
            return []
    return [(_HONORIFIC.sub("", name), bio) for names, bio in bios for name in names]
