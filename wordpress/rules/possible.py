"""Rule: possible press mentions, sentences of the intro that read like press work but gave none.

Nothing is silently dropped: a sentence with a trigger ("spoke to", "interviews with") or naming
a known outlet that the grammar (press.py) could not read is listed on the column's review
panel, with a guess to pre-fill the press form: the known outlets it names, the topic after
"about", the trigger's kind.
"""

import re
from collections.abc import Iterable

from .names import KnownOutlets, known_index, without_the
from .press import LONGEST_SENTENCE, STRONG_MARKER, TOPIC_END, clean_topic
from .triggers import find_triggers


def _named_outlets(text: str, known: KnownOutlets) -> list[str]:
    # Known outlets written as names: capitalised, and not a lone word opening the sentence.
    names: dict[str, str] = {}
    for start, end in known.spans(text):
        name = without_the(text[start:end])
        opening_word = start == 0 and " " not in name and not name.isupper()
        if name[:1].isupper() and not opening_word:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def possible_mention(sentence: str, known_outlets: Iterable[str] = ()) -> dict | None:
    """For a sentence that gave no mention: if it reads like press work (a trigger, or a known
    outlet named), a guess to pre-fill the press form with, else None.

    Matches: "Spoke to local radio about the floods." (a trigger, no outlet).
    Must not: "Our rainy week ended well." (neither).
    """
    text = " ".join(sentence.split())[:LONGEST_SENTENCE]
    triggers = find_triggers(text)
    outlets = _named_outlets(text, known_index(known_outlets))
    if not triggers and not outlets:
        return None
    topic = ""
    marker = re.search(rf"\b(?:{STRONG_MARKER})\s+", text, re.I)
    if marker:
        ending = TOPIC_END.search(text, marker.end())
        topic = clean_topic(text[marker.end() : ending.start() if ending else len(text)])[0]
    kind = triggers[0][2] if triggers else "interview"
    return {"sentence": text, "outlets": outlets, "topic": topic, "kind": kind}
