"""The triggers of the press grammar: words that open a media contact, and whose contact it is.

A trigger is a verb phrase ("spoke to", "was quoted in", "offered some thoughts to") or a noun
phrase ("conversations with", "a quick chat with") ending where the first outlet begins. Its
kind is the `Mention` kind. A verb counts only when the analyst is its subject (`analyst_says`):
"Elsewhere, spoke to", "I also talked to", "Related, and as usual, was quoted by" do;
"My colleague spoke to", "The minister, however, spoke to" do not.
"""

import functools
import re

_ADJ = r"(?:(?:quick|short|long|brief|lengthy|live|radio|TV|television|phone|joint|separate" \
    r"|extended|good|useful|further|follow-up|fun|great|interesting|lively|detailed|in-depth" \
    r"|wide-ranging|fascinating|helpful|background|off-the-record|on-the-record|filmed" \
    r"|recorded|televised|video|podcast|more|other|informal|nice|excellent)\s+)*"  # fmt: skip
# "quoted extensively by", "spoke briefly to", "spoke this morning to"
_LY = r"(?:(?:\w+ly|at\s+length|again|yesterday|today|(?:this|last)\s+\w+|on\s+\w+day)\s+)?"
_FEW = r"(?:(?:an?|some|several|two|three|four|a\s+few|a\s+couple\s+of|more|my|further)\s+)?"
_CONTACT_NOUNS = r"(?:interviews?|chats?|conversations?|discussions?)"

VERB_TRIGGERS = tuple(
    (kind, re.compile(rf"\b(?:{verb})", re.I))
    for kind, verb in (
        (
            "panel",
            r"(?:was|were|sat|spoke|speaking|appeared)\s+on\s+an?\s+(?:[\w-]+\s+)?panel\s+"
            r"(?:at|for|hosted\s+by|organi[sz]ed\s+by|convened\s+by|run\s+by)\s+",
        ),
        (
            "podcast",
            r"(?:joined|was\s+(?:a\s+guest\s+)?on|appeared\s+on|guested\s+on|went\s+on"
            r"|recorded)\s+(?=[^,.;:]{0,80}?\bpodcast\b)",
        ),
        (
            "broadcast",
            r"(?:appeared|was|went|been)\s+(?:live\s+)?on\s+|was\s+a\s+(?:studio\s+)?guest\s+on\s+"
            r"|did\s+an?\s+(?:live\s+)?(?:hit|segment|spot|appearance)\s+(?:on|for|with)\s+",
        ),
        (
            "interview",
            r"(?:spoke|spoken|speak|speaking|talked|talking|talk|chatted|chatting)\s+"
            rf"(?:(?:live|separately|also)\s+)?{_LY}(?:to|with)\s+"
            rf"|interviewed\s+{_LY}(?:by|for|on|in)\s+|sat\s+down\s+with\s+"
            rf"|commented\s+{_LY}(?:to|for)\s+|(?:was\s+)?asked\s+{_LY}by\s+"
            r"|(?:got|had|took|received)\s+(?:an?\s+|some\s+)?(?:[\w-]+\s+)?(?:calls?|questions"
            r"|requests?|enquiries|inquiries)\s+from\s+"
            r"|(?:did|gave|had|done)\s+(?:[\w-]+\s+){0,4}?(?:interviews|appearances|media)\b"
            r"[^:;.]{0,40}:\s+"
            rf"|(?:gave|did|had|held|recorded)\s+{_FEW}{_ADJ}"
            rf"(?:{_CONTACT_NOUNS}|comments?|briefings?)\s+(?:to|with|for)\s+"
            r"|(?:offered|gave|provided|shared)\s+(?:some\s+|a\s+few\s+|my\s+)?"
            r"(?:thoughts|comments?|views|analysis|insights?|perspective|background)\s+(?:to|for)\s+",
        ),
        ("quoted", rf"quoted\s+{_LY}(?:by|in)\s+"),
        (
            "other",
            rf"(?:cited|mentioned|featured|profiled)\s+{_LY}(?:by|in)\s+"
            r"|contributed\s+(?:\w+\s+)?to\s+",
        ),
    )
)
# Noun phrases: nobody else is their subject, but "the minister's interviews with" is not ours.
NOUN_TRIGGERS = tuple(
    (kind, re.compile(rf"\b(?:{noun})", re.I))
    for kind, noun in (
        (
            "interview",
            rf"{_CONTACT_NOUNS}\s+with\s+|comments\s+to\s+"
            # "Media this week: the BBC on Syria, Sky on Ukraine."
            r"|(?:media(?:\s+work|\s+appearances)?|interviews|appearances)\b[^:;.]{0,30}:\s+",
        ),
        ("quoted", r"quotes?\s+(?:in|to)\s+"),
        ("broadcast", r"(?:an\s+)?appearances?\s+on\s+|guest\s+spots?\s+on\s+"),
    )
)

# What may stand right before a noun trigger: "including conversations with", "plus a chat with".
_NOUN_LEAD = re.compile(
    r"(?:^|[,;:(\u2013\u2014]|\b(?:including|plus|also|and|with|besides|as\s+well\s+as|alongside"
    r"|then|later|finally|followed\s+by|along\s+with|together\s+with|there\s+were|and\s+also))$",
    re.I,
)
# Words that open a lead-in chunk before the verb: "Beyond this,", "Related,", "On Monday,".
_LEAD_WORDS = {
    "beyond", "besides", "related", "relatedly", "elsewhere", "also", "separately", "meanwhile",
    "however", "additionally", "plus", "then", "later", "earlier", "last", "this", "yesterday",
    "today", "tonight", "finally", "again", "and", "but", "otherwise", "outside", "apart", "aside",
    "following", "after", "before", "since", "during", "over", "with", "on", "in", "at", "as",
    "together", "along", "in addition", "moreover", "further", "furthermore", "similarly",
    "likewise", "lastly", "first", "firstly", "second", "secondly", "next", "recently", "busy",
    "oh", "so", "anyway", "unrelated", "still", "once", "all", "for", "ahead",
    "amid", "amidst", "among", "despite", "given", "per", "from", "around", "throughout",
    "while", "whilst", "when", "that", "same", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "both", "briefly", "quickly", "happily", "sadly",
}  # fmt: skip
_CONJUNCTIONS = {"and", "but", "so", "then", "after", "before", "when", "where", "while", "as"}
# Words of a time phrase, the only lead-in a verb may follow without a comma ("Last week spoke
# to"), and the rest of a chunk opening "this" or "last" ("This week," but not "This minister").
_TIME_WORDS = {
    "last", "this", "that", "the", "same", "earlier", "later", "on", "in", "at", "over", "during",
    "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "day", "days",
    "today", "yesterday", "tonight", "few", "past", "couple", "of", "recently", "also", "then",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "and", "again",
    "separately", "meanwhile", "finally", "next", "plus", "both", "all", "once", "more",
}  # fmt: skip
_STRICT_LEADS = {"this", "that", "last", "same", "both", "all", "the"}
# Between the subject and the verb: "I have also been", "was", "got".
_SUBJECT_ADVERBS = {
    "also", "then", "later", "recently", "again", "have", "has", "had", "just", "even",
    "separately", "finally", "briefly", "once", "more", "additionally", "too", "both", "further",
    "was", "were", "been", "got", "kindly", "being", "am", "will", "be", "would", "should",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[;:\u2013\u2014]|\s-\s")
_FIRST_PERSON = re.compile(r"^(?:i|i['\u2019]ve|i['\u2019]d|we|we['\u2019]ve)$", re.I)


# A sentence opening on a past-tense verb has the analyst as subject throughout: "Wrote the
# piece on Monday and spoke to the FT about it." ("United Nations officials" opens on a name.)
_OPENING_VERB = re.compile(
    r"^(?:[A-Z][a-z]+ed|Wrote|Did|Had|Gave|Was|Spent|Made|Took|Went|Got|Spoke|Sat|Ran|Held|Met"
    r"|Taught|Began|Read|Saw|Put|Left|Flew|Came)\s+(?![A-Z])"
)


def _words(chunk: str) -> list[str]:
    return [word.lower().strip("(\"'\u201c.") for word in chunk.split()]


def _is_lead_chunk(chunk: str) -> bool:
    # "Beyond this", "On Monday", "As usual"; "This week" but not "This minister".
    words = _words(chunk)
    if not words:
        return True
    if words[0] in _STRICT_LEADS:
        return all(word in _TIME_WORDS for word in words)
    return words[0] in _LEAD_WORDS


def _is_time_phrase(chunk: str) -> bool:
    return all(word in _TIME_WORDS for word in _words(chunk))


def analyst_says(before: str, after_contact: bool = False) -> bool:
    """Whether a verb trigger preceded by `before` (the sentence so far) has the analyst as
    subject. `after_contact`: the sentence already named a contact, so "and was quoted in"
    continues it."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    chunks = clause.split(",")
    words = chunks[-1].split()
    explicit = False
    while words and (words[-1].lower() in _SUBJECT_ADVERBS or _FIRST_PERSON.match(words[-1])):
        explicit = explicit or bool(_FIRST_PERSON.match(words.pop()))
    if words:
        # Something else before the verb: a conjunction after "I" or a contact ("..., and I
        # spoke to"), a lead-in before "I" ("Last week I"), or a time phrase ("Then spoke to").
        rest = " ".join(words)
        if words[-1].lower() in _CONJUNCTIONS and (
            explicit or after_contact or _OPENING_VERB.match(before)
        ):
            return True
        if not (_is_time_phrase(rest) or (explicit and _is_lead_chunk(rest))):
            return False
    return all(_is_lead_chunk(chunk) for chunk in chunks[:-1])


# Words of the noun phrase before its noun: "a few quick", "some long"; popped from the text
# before it rather than matched with it, since optional words before a pattern make the search
# try them at every word of every sentence (ten times slower).
_NOUN_PHRASE_WORDS = {
    "a", "an", "some", "several", "two", "three", "four", "few", "couple", "of", "more", "my",
    "further", "quick", "short", "long", "brief", "lengthy", "live", "radio", "tv",
    "television", "phone", "joint", "separate", "extended", "good", "useful", "follow-up",
    "fun", "great", "interesting", "lively", "detailed", "in-depth", "wide-ranging",
    "fascinating", "helpful", "background", "off-the-record", "on-the-record", "filmed",
    "recorded", "televised", "video", "podcast", "other", "informal", "nice", "excellent",
}  # fmt: skip


def noun_lead_ok(before: str) -> bool:
    """Whether a noun trigger may stand after `before`: "including (some long) conversations
    with", not "the minister's interviews with"."""
    words = before.split()
    while words and words[-1].lower() in _NOUN_PHRASE_WORDS:
        words.pop()
    return bool(_NOUN_LEAD.search(" ".join(words)[-40:] if words else ""))


# All the triggers in one pattern, in order of precedence (a panel before a broadcast, a
# podcast before a broadcast): one pass over the sentence instead of nine.
_KINDS = [(kind, True) for kind, _ in VERB_TRIGGERS] + [(kind, False) for kind, _ in NOUN_TRIGGERS]
ANY_TRIGGER = re.compile(
    "|".join(
        f"(?P<t{index}>{pattern.pattern})"
        for index, (_, pattern) in enumerate(VERB_TRIGGERS + NOUN_TRIGGERS)
    ),
    re.I,
)


# The first word of every trigger above. Trying the pattern only where one stands is five times
# faster than searching the sentence with it (a test checks that both find the same).
TRIGGER_HEADS = frozenset({
    "was", "were", "sat", "spoke", "speaking", "appeared", "joined", "guested", "went", "recorded",
    "been", "did", "spoken", "speak", "talked", "talking", "talk", "chatted", "chatting",
    "interviewed", "commented", "asked", "got", "had", "took", "received", "gave", "done", "held",
    "offered", "provided", "shared", "quoted", "cited", "mentioned", "featured", "profiled",
    "contributed", "interview", "interviews", "chat", "chats", "conversation", "conversations",
    "discussion", "discussions", "comments", "media", "quote", "quotes", "an", "appearance",
    "appearances", "guest",
})  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=256)  # the runner asks about each sentence up to three times
def find_triggers(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Every trigger in the sentence as (start, end, kind, is_verb), in order, not overlapping."""
    found, at = [], 0
    for word in _WORD.finditer(text):
        if word.start() < at or word.group(0).lower() not in TRIGGER_HEADS:
            continue
        match = ANY_TRIGGER.match(text, word.start())
        if match:
            found.append((match.start(), match.end(), *_KINDS[int(match.lastgroup[1:])]))
            at = match.end()
    return tuple(found)
