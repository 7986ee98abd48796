"""What an import did, counted as it goes and printed at the end.

Besides counts, an import keeps lists of what an editor must look at: conflicts with editors'
changes, addresses dropped as unsafe, old addresses another site holds, files not brought home.
Each list is printed under its heading, the first `SHOWN` entries in full.
"""

from collections import Counter
from dataclasses import dataclass, field

SHOWN = 50
CONFLICTS = "Kept the editor's changes (the export's version is in the column's history)"
DROPPED = "Addresses dropped (not absolute http(s) URLs)"
CLASHES = "Old addresses kept by another site's columns"
PROTECTED = "Password-protected posts, imported as drafts (a column has no password)"
MEDIA_FAILED = "Files not brought home (the old address stays)"


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
    kept_editors: int = 0  # updated columns where an editor's change was kept over the export's
    comments: int = 0  # readers' comments on the posts read, which are not imported
    media: int = 0  # files brought home
    media_reused: int = 0  # found already home (same address or same content)
    ambiguous_outlets: dict = field(default_factory=dict)  # name -> the outlets it could be
    notes: dict = field(default_factory=dict)  # heading -> [entry]

    def note(self, heading, entry):
        self.notes.setdefault(heading, []).append(entry)

    @property
    def items(self):
        counts = (self.created, self.updated, self.unchanged, self.mention_items)
        return sum(counts) + sum(self.skipped.values())

    @property
    def changed_anything(self):
        return any(
            (
                self.created,
                self.updated,
                self.mentions,
                self.redirects,
                self.authors,
                self.outlets,
                self.media,
            )
        )

    def lines(self, shown=SHOWN):
        lines = [
            f"Columns: {self.created} created, {self.updated} updated"
            + (f" ({self.kept_editors} kept the editor's changes)" if self.kept_editors else "")
            + f", {self.unchanged} unchanged ({self.needs_review} to review).",
            f"Also created: {self.authors} authors, {self.outlets} outlets, {self.tags} tags, "
            f"{self.mentions} mentions, {self.redirects} redirects.",
        ]
        if self.skipped:
            parts = ", ".join(f"{count} {what}" for what, count in sorted(self.skipped.items()))
            lines.append(f"Skipped: {parts}.")
        if self.comments:
            lines.append(f"Not imported: {self.comments} readers' comments (columns have none).")
        for name, outlets in sorted(self.ambiguous_outlets.items()):
            could_be = " or ".join(outlets)
            lines.append(f"Not attached: “{name}” could be {could_be}; settle it in the admin.")
        lines += self.lists(shown)
        if not self.changed_anything:
            lines.append("Nothing changed: everything in this file was imported already.")
        return lines

    def lists(self, shown=SHOWN):
        """The media line and the lists an editor must look at."""
        lines = []
        if self.media or self.media_reused:
            lines.append(
                f"Media: {self.media} files brought home, {self.media_reused} already here."
            )
        for heading, entries in self.notes.items():
            lines.append(f"{heading} ({len(entries)}):")
            lines += [f"  - {entry}" for entry in entries[:shown]]
            if shown is not None and len(entries) > shown:
                lines.append(f"  ... and {len(entries) - shown} more (-v 2 lists them all).")
        return lines
