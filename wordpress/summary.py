"""What an import did, counted as it goes and printed at the end."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    needs_review: int = 0
    mentions: int = 0
    mention_items: int = 0  # mentions as items, in our own exports
    redirects: int = 0
    authors: int = 0
    outlets: int = 0
    tags: int = 0
    ambiguous_outlets: dict = field(default_factory=dict)  # name -> the outlets it could be

    @property
    def items(self):
        counts = (self.created, self.updated, self.unchanged, self.mention_items)
        return sum(counts) + sum(self.skipped.values())

    @property
    def changed_anything(self):
        return any(
            (self.created, self.updated, self.mentions, self.redirects, self.authors, self.outlets)
        )

    def lines(self):
        lines = [
            f"Columns: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged ({self.needs_review} to review).",
            f"Also created: {self.authors} authors, {self.outlets} outlets, {self.tags} tags, "
            f"{self.mentions} mentions, {self.redirects} redirects.",
        ]
        if self.skipped:
            parts = ", ".join(f"{count} {what}" for what, count in sorted(self.skipped.items()))
            lines.append(f"Skipped: {parts}.")
        for name, outlets in sorted(self.ambiguous_outlets.items()):
            could_be = " or ".join(outlets)
            lines.append(f"Not attached: “{name}” could be {could_be}; settle it in the admin.")
        if not self.changed_anything:
            lines.append("Nothing changed: everything in this file was imported already.")
        return lines
