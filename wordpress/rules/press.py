"""Rule: press mentions, a grammar of the media contacts an analyst writes in the intro.

    contact  = lead-in trigger segment (joiner segment)*
    segment  = outlets marker topic            "the BBC and Sky News about the vote"
    outlets  = outlet ((", " | "and" | "&") outlet)*
    marker   = "about" | "on" | "to discuss" | "to talk about" | "regarding" | "for a piece on" ...
    joiner   = ", " | "and" | "and separately (to)" | "and unrelated to" | "as well as" | ";"

The trigger (triggers.py) is a verb whose subject is the analyst ("Elsewhere, spoke to", "I was
quoted by") or a noun phrase ("including conversations with"); it gives the kind. A topic ends
where the next segment's outlets begin, at a clause commenting on it (", which", ", something
that") or at the sentence's end. One mention per outlet and topic.

Matches: "Beyond this, spoke to AFP about Mali, Reuters about Niger, and the FT about Chad."
Must not: "My colleague spoke to Reuters about the deal." (not the analyst),
"Spoke to a class of students at King's College about terrorism." (no outlet after "to").

An outlet the caller knows is found whatever its case (its first letter capitalised); an
unknown one is a run of capitalised words, accepted only where the grammar puts an outlet. A
topic that is only a pronoun ("about it") or missing is returned empty with `from_title`: the
runner gives it the column's title and the importer marks it for review.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .names import OUTLET_NAME, KnownOutlets, is_person_name, known_index, without_the
from .triggers import analyst_says, find_triggers, noun_lead_ok

MENTION_KINDS = ("interview", "quoted", "broadcast", "podcast", "panel", "other")


@dataclass(frozen=True)
class PressMention:
    """A mention found in the text; the importer makes it a `mentions.models.Mention`."""

    outlet_name: str
    topic: str
    kind: str  # one of MENTION_KINDS
    from_title: bool = False  # the text gave no topic of its own ("about it")


STRONG_MARKER = r"about|to\s+(?:discuss|talk\s+about|talk\s+through|explain|comment\s+on)" \
    r"|regarding|concerning|discussing|talking\s+(?:about|through)"  # fmt: skip
_PIECE = r"(?:piece|story|report|feature|segment|programme|program|documentary|article|item)"
_MARKER = re.compile(
    rf"""\s*,?\s*(?:(?:programme|program|show|bulletin|podcast|newspaper|magazine|website
            |channel|radio|TV|television)\b\s*,?\s*)?        # "on CNN's Amanpour show"
        (?:\([^()]{{1,30}}\)\s*)?                                # "The National (UAE)"
        (?:(?:yesterday|today|tonight|tomorrow|twice|once|again|too|live|briefly|recently|at\s+length
            |(?:this|last)\s+\w+|on\s+\w+day)\s*,?\s+)*           # "twice this week,"
        (?P<marker>{STRONG_MARKER}|on|over|re:?
            |for\s+(?:an?|their|its|his|her)\s+(?:[\w-]+\s+)?{_PIECE}\s+(?:on|about))\s+""",
    re.I | re.X,
)
# Between two segments. A bare comma or "and" needs a known outlet or a strong marker after it.
_JOINER = re.compile(
    r"""(?:\s*[,;]\s*(?P<word>(?:and|as\s+well\s+as|plus|but)\s*,?\s+)?
        |\s+(?P<bare>(?:and|as\s+well\s+as|plus|but)\s*,?\s+))
        (?P<adverb>(?:(?:separately|unrelated(?:ly)?|also|later|then|again|more\s+recently
            |finally|additionally|elsewhere|in\s+addition)\s*,?\s+)*)
        (?P<prep>(?:to|with|by|in|on|at|for)\s+)?""",
    re.I | re.X,
)
LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s*|\s*&\s*|\s+as\s+well\s+as\s+")
# A clause commenting on the topic ends it: ", which ...", ", something that ...", " - ...".
TOPIC_END = re.compile(
    r"""(?:,\s*(?:which|who|whom|whose|where|when|something|a\s+(?:subject|topic|story
        |question|theme|point|matter|sign|reminder)|an\s+(?:issue|area|angle|issue)|one\s+of
        |though|although|but|while|whereas|because|since|given|not\s+least|and\s+which
        |as\s+(?:ever|usual|always|well)|it\s+seems|I\s+think|so|hence|thus|especially
        |particularly|among\s+other|for\s+(?:a|their|its|his|her)\s+|with\s+(?:the|a)\s+piece
        |in\s+(?:a|an|the)\s+(?:piece|story|report|segment|interview)|and\s+the\s+(?:piece
        |story|report|segment|interview))\b
      |,\s+and\s+(?:I|it|they|we|he|she|there|this|that|ended|was|were|got|went|had|did)\b
      |\s+[-\u2013\u2014]+\s+|\s*[(;:]|\s*\u2014)""",
    re.X,
)
_TRAILING_TIME = re.compile(
    r"""(?:,?\s+(?:(?:on|last|this|earlier|over\s+the|at\s+the)\s+)?(?:yesterday|today|tonight
        |morning|afternoon|evening|night|week|weekend|month|Monday|Tuesday|Wednesday|Thursday
        |Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?
      |,?\s+(?:again|too|as\s+well|at\s+length|live|briefly))+$""",
    re.X,
)
_PRONOUN_TOPIC = re.compile(
    r"""^(?:it|this|that|them|these|those|this\s+too|all\s+(?:of\s+)?(?:this|that)|the\s+same
        (?:\s+(?:topic|subject|issue|thing|story))?|the\s+above|(?:the|this|that|my)\s+(?:piece
        |column|article|subject|topic|issue|op-?ed|essay|story)|the\s+(?:latter|former))$""",
    re.I | re.X,
)
# Capitalised words that are no outlet where the grammar expects one.
_NOT_OUTLETS = {
    "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "him", "her", "them", "us", "me",
}  # fmt: skip
# "Deutsche Welle's Kate Brady": the outlet is before the person.
_POSSESSIVE = re.compile(r"(?P<outlet>.+?)['\u2019]s\s+(?P<person>.+)$")
# "Jane Smith of the BBC": the outlet is after the person.
_AFFILIATION = re.compile(r"\s+(?:of|from|at|for)\s+(?=the\s|[A-Z])")
_PODCAST = re.compile(
    r"""(?:[^,.;:]*?\s)?(?:(?:an\s+)?episode\s+of\s+)?(?:the\s+)?
        (?P<name>(?:[A-Z0-9][\w&'\u2019.-]*\s+){0,5}?[A-Z0-9][\w&'\u2019.-]*?)(?:['\u2019]s)?
        \s+podcast\b""",
    re.X,
)
_IN_A_PIECE = re.compile(r"an?\s+(?=[A-Z])")
# "spoke to lots of outlets, including the BBC, CNN and Sky": the outlets after the words.
_MANY_OUTLETS = re.compile(
    r"""(?:lots\s+of|many|several|various|numerous|a\s+(?:number|range|host|lot)\s+of|a\s+few)\s+
        (?:\w+\s+)?(?:outlets|media|broadcasters|newspapers|journalists|stations|channels|papers)
        \s*,?\s*(?:including|such\s+as|like|among\s+them)\s+""",
    re.I | re.X,
)
_PIECE_NOUN = re.compile(
    r"\s+(?:documentary|programme|program|piece|story|report|series|film|feature|segment|special"
    r"|investigation|article|profile|podcast|show|explainer|package)\b"
)


_COMMENT_AFTER_OUTLET = re.compile(r",\s*(?:who|which|where|whose|for\s+(?:a|their|its))\b")


def _outlet_at(text: str, known: KnownOutlets) -> str:
    """The outlet name at the start of `text`, as written, or "": a known name written with a
    capital, or a run of capitalised words, whichever is longer ("BBC Newsnight")."""
    match = known.match(text)
    name = match if match and not without_the(match)[:1].islower() else ""
    written = OUTLET_NAME.match(text)
    if written and len(written.group(0)) > len(name):
        if without_the(written.group(0)).lower() in _NOT_OUTLETS:
            return name
        name = written.group(0)
    return name


def _outlets_at(text: str, known: KnownOutlets) -> tuple[list[str], int]:
    """The coordinated outlets at the start of `text`, and where they end."""
    outlets, at = [], 0
    while len(outlets) < MOST_OUTLETS:
        outlet = _outlet_at(text[at:], known)
        if not outlet:
            return outlets, at
        end = at + len(outlet)
        affiliation = _AFFILIATION.match(text, end)
        if affiliation:  # "Jane Smith of the BBC", "Ann Lee from Reuters"
            employer = _outlet_at(text[affiliation.end() :], known)
            if employer:
                outlet, end = employer, affiliation.end() + len(employer)
        possessive = _POSSESSIVE.match(outlet)
        if possessive and is_person_name(possessive.group("person")):
            outlet = possessive.group("outlet")  # "Deutsche Welle's Kate Brady"
        outlets.append(outlet)
        separator = LIST_SEPARATOR.match(text, end)
        if not separator or not _outlet_at(text[separator.end() :], known):
            return outlets, end
        at = separator.end()
    return [], 0  # a longer list is a topic's, not a contact's


def _is_known(name: str, known: KnownOutlets) -> bool:
    return known.fullmatch(name)


def _segment_at(text: str, kind: str, known: KnownOutlets, strict: bool, parallel=""):
    """(outlets, start of topic, marker) for a segment at the start of `text`, or None.

    `strict`: after a bare comma or "and" an unknown outlet needs a strong marker ("about"),
    or the marker of the segment before (`parallel`: "the BBC on Syria, Sky on Ukraine").
    """
    if kind == "podcast":
        podcast = _PODCAST.match(text)
        if podcast and podcast.group("name"):
            outlets, end = [podcast.group("name")], podcast.end()
        else:
            return None
    else:
        # "for a BBC documentary about ...": the outlet inside a description of the piece.
        many = _MANY_OUTLETS.match(text)
        piece = None if many else _IN_A_PIECE.match(text)
        skip = many.end() if many else piece.end() if piece else 0
        outlets, end = _outlets_at(text[skip:], known)
        end += skip if many else 0
        if piece:
            kind_of_piece = _PIECE_NOUN.match(text, piece.end() + end)
            if not outlets or not kind_of_piece:
                return None
            end = kind_of_piece.end()
    if not outlets:
        return None
    marker = _MARKER.match(text, end)
    word = marker.group("marker").lower() if marker else ""
    if strict and not all(_is_known(name, known) for name in outlets):
        # "about Iran, Iraq and Syria": a list in a topic is no new contact.
        if len(outlets) > 1 or not marker:
            return None
        if not re.fullmatch(STRONG_MARKER, word, re.I) and word != parallel:
            return None
    if marker:
        return outlets, marker.end(), word
    if strict:
        return None
    if not text[end:].strip(" .!?") or _COMMENT_AFTER_OUTLET.match(text, end):
        return outlets, end, ""  # "Also appeared on Sky News.", "Spoke to the FT, who ..."
    return None


def _next_segment(text: str, start: int, kind: str, known: KnownOutlets, before):
    """The first joiner after `start` followed by a segment, as (joiner start, joiner end,
    segment); None when the topic runs to its end. `before`: the segment before, whose outlets
    go on in "about Iran and then about Israel"."""
    for joiner in _JOINER.finditer(text, start):
        if joiner.start() == joiner.end() or joiner.start() == start:
            continue
        head = text[joiner.end() :]
        word = (joiner.group("word") or joiner.group("bare") or "").lower()
        if word.startswith("and") or joiner.group("adverb"):
            topic = _MARKER.match(head)
            if topic and re.fullmatch(STRONG_MARKER, topic.group("marker"), re.I):
                return joiner.start(), joiner.end(), (before[0], topic.end(), before[2])
        strict = not joiner.group("adverb") and not joiner.group("prep")
        if word.startswith("as"):
            strict = False  # "as well as" says a new contact follows
        segment = _segment_at(head, kind, known, strict, before[2])
        if segment:
            return joiner.start(), joiner.end(), segment
    return None


# What joins a new trigger to the topic before it: ", and I also was quoted in".
_JOINED_TRIGGER = re.compile(
    r"(?:\s*[,;]\s*(?:and\s+|but\s+|plus\s+|then\s+)?|\s+(?:and|but|plus|then)\s+)"
    r"(?:I\s+|I['\u2019]ve\s+)?(?:(?:also|then|later|separately|was|were|been|have|has|had"
    r"|got)\s+)*$",
    re.I,
)


def clean_topic(topic: str) -> tuple[str, bool]:
    topic = topic.strip().rstrip(".!?;:,").strip()
    topic = _TRAILING_TIME.sub("", topic).strip().rstrip(",")
    if not topic or _PRONOUN_TOPIC.match(topic):
        return "", True
    return topic, False


def _contact(text: str, at: int, kind: str, known, trigger_ends: list[int], segment=None):
    """The mentions of the contact starting at `at` (or its first `segment`, found already),
    and where the contact ends."""
    segment = segment or _segment_at(text[at:], kind, known, strict=False)
    if not segment:
        return [], at
    mentions = []
    while segment:
        outlets, topic_at, _ = segment
        topic_start = at + topic_at
        # The topic ends at the next trigger after a joiner ("..., and was quoted in"), a
        # commenting clause, or the next segment.
        limit = len(text)
        for trigger_start in trigger_ends:
            joined = _JOINED_TRIGGER.search(text, topic_start, trigger_start)
            if trigger_start > topic_start and joined:
                limit = joined.start()
                break
        ending = TOPIC_END.search(text, topic_start, limit)
        stop = ending.start() if ending else limit
        following = _next_segment(text[:limit], topic_start, kind, known, segment)
        if following and following[0] <= stop:
            joiner_start, joiner_end, segment = following
            topic, at = text[topic_start:joiner_start], joiner_end
        else:
            topic, segment, at = text[topic_start:stop], None, stop
        if _SAME.match(topic.strip(" .,;")) and mentions and not mentions[-1].from_title:
            topic = mentions[-1].topic  # "to TRT about the same"
        topic, from_title = clean_topic(topic)
        for outlet in outlets:
            mention = PressMention(without_the(outlet).strip(), topic, kind, from_title)
            if mention not in mentions:
                mentions.append(mention)
    return mentions, at


_SAME = re.compile(r"the\s+same(?:\s+(?:topic|subject|issue|thing|story|question))?$", re.I)


# A longer "sentence" is no note about press work (a list, a pasted table): reading it would
# cost time that grows with its square. It can still be listed as a possible mention.
LONGEST_SENTENCE = 1000
MOST_OUTLETS = 12  # in one list: "AFP, Reuters, the AP, Bloomberg and Al Jazeera" is five


def parse_mentions(sentence: str, known_outlets: Iterable[str] = ()) -> list[PressMention]:
    """The press mentions in one sentence, in the order written.

    Matches: "Related, spoke to NPR about the pipeline and unrelated to the WSJ about uranium."
    Must not: "Officials told the Wall Street Journal about the plan."
    """
    return list(_parse_mentions(sentence, known_index(known_outlets)))


@functools.lru_cache(maxsize=256)  # the runner asks about each sentence twice
def _parse_mentions(sentence: str, known: KnownOutlets) -> tuple[PressMention, ...]:
    text = " ".join(sentence.split())
    if len(text) > LONGEST_SENTENCE:
        return ()
    triggers = find_triggers(text)
    mentions: list[PressMention] = []
    done = 0  # what a contact already read
    for start, end, kind, is_verb in triggers:
        if start < done:
            continue
        before = text[:start]
        allowed = analyst_says(before, bool(mentions)) if is_verb else noun_lead_ok(before)
        if not allowed:
            continue
        later = [s for s, _, _, _ in triggers if s > end]
        found, done = _contact(text, end, kind, known, later)
        mentions += [mention for mention in found if mention not in mentions]
    for found in _outlet_asked_me(text, known, [s for s, _, _, _ in triggers]):
        mentions += [mention for mention in found if mention not in mentions]
    return tuple(mentions)


# The other way round: "Reuters interviewed me about ...", "The BBC's Jane Doe spoke to me on".
_ASKED_ME = re.compile(
    r"""(?:^|[,;:]\s*|\b(?:and|then)\s+)(?P<subject>(?:[Tt]he\s+)?[A-Z][^,;:]*?)\s+
        (?:also\s+|then\s+|kindly\s+)?(?P<verb>interviewed|quoted|asked|(?:spoke|talked)\s+(?:to|with)
        |chatted\s+with|had|invited)\s+me\b
        (?:\s+on(?=\s+to\s)|\s+back|\s+on\s+(?:air|the\s+(?:show|programme|program|podcast)))?
        (?=\s|,)""",
    re.X,
)
_ASKED_ME_KINDS = {"quoted": "quoted", "had": "broadcast", "invited": "broadcast"}


def _looks_like_outlet(name: str) -> bool:
    # Without the site's list: an acronym ("NPR"), or several words no person is called.
    return (name.isupper() and len(name) > 1) or (" " in name and not is_person_name(name))


def _outlet_asked_me(text: str, known, trigger_starts: list[int]):
    for match in _ASKED_ME.finditer(text):
        subject = match.group("subject")
        outlets, end = _outlets_at(subject, known)
        if not outlets or subject[end:].strip().lower() not in ("", "both", "all", "each"):
            continue  # "Reuters and the AP both quoted me"; not "A Channel 4 producer asked me"
        if not all(_is_known(o, known) or _looks_like_outlet(without_the(o)) for o in outlets):
            continue  # "Students asked me", "Jane Roe interviewed me"
        marker = _MARKER.match(text, match.end())
        if not marker:
            continue
        kind = _ASKED_ME_KINDS.get(match.group("verb").split()[0], "interview")
        later = [start for start in trigger_starts if start > marker.end()]
        first = (outlets, marker.end(), marker.group("marker").lower())
        yield _contact(text, 0, kind, known, later, first)[0]
