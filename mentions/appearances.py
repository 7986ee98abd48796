"""
Mentions read together: one interview given to three outlets at once is logged as three
mentions (the press form makes one per outlet) but reads as one line, "Spoke to AFP, RFI and
France 24 about the SCO summit.", with each outlet's name linking to its own report.
"""

from django.utils.html import format_html, format_html_join


def join_names(names):
    """ "AFP", "AFP and RFI", "AFP, RFI and France 24"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class Appearance:
    """One or more mentions of the same day, kind, topic and column, as one sentence."""

    def __init__(self, mentions):
        # Outlets in the order they were logged.
        self.mentions = sorted(mentions, key=lambda mention: mention.pk)
        first = self.mentions[0]
        self.pk, self.date, self.kind = first.pk, first.date, first.kind

    @property
    def public_column(self):
        return self.mentions[0].public_column

    @property
    def other_pks(self):
        """The other mentions' ids: each keeps an anchor (#mention-<id>) that feeds link to."""
        return [mention.pk for mention in self.mentions[1:]]

    @property
    def outlets(self):
        return [mention.outlet for mention in self.mentions]

    @property
    def tags(self):
        """Every mention's tags, once each, for the `tags.html` include (`.all`)."""
        seen = {}
        for mention in self.mentions:
            for tag in mention.tags.all():
                seen.setdefault(tag.pk, tag)
        return _TagList(seen.values())

    @property
    def public_notes(self):
        """The mentions' public notes, each once (internal notes are never shown)."""
        return list(dict.fromkeys(m.public_note for m in self.mentions if m.public_note))

    @property
    def sentence(self):
        return self.mentions[0].sentence_about(join_names(o.name for o in self.outlets))

    @property
    def sentence_html(self):
        """The sentence, linked: whole to the report when there is one outlet, else each
        outlet's name to its own report."""
        if len(self.mentions) == 1:
            mention = self.mentions[0]
            if mention.url:
                return format_html('<a href="{}">{}</a>', mention.url, mention.sentence)
            return mention.sentence
        names = [
            format_html('<a href="{}">{}</a>', m.url, m.outlet.name) if m.url else m.outlet.name
            for m in self.mentions
        ]
        linked = format_html_join(", ", "{}", ((name,) for name in names[:-1]))
        linked = format_html("{} and {}", linked, names[-1])
        # The sentence is built with a marker in the outlet's place, then escaped around it.
        marker = "\x00outlets\x00"
        before, _, after = self.mentions[0].sentence_about(marker).partition(marker)
        return format_html("{}{}{}", before, linked, after)


class _TagList(list):
    def all(self):
        return self


def _key(mention):
    return (mention.date, mention.kind, " ".join(mention.topic.casefold().split()),
            mention.column_id)  # fmt: skip


def appearances(mentions):
    """`mentions` (newest first) as Appearances: those of one day with the same kind, topic
    and column become one, in the place of the first of them."""
    groups = {}
    for mention in mentions:
        groups.setdefault(_key(mention), []).append(mention)
    return [Appearance(group) for group in groups.values()]
