"""Importing a newer export over editors' work: a three-way decision, field by field.

A column remembers what the import last wrote (`Column.wordpress_fields`: a fingerprint per
field, and for its byline and tags). When a newer export changes a post, each field compares
three versions: what the import wrote last time (the base), what the column holds now (the
editor's), and what the export says now:

- the export has not changed it (export == base), or both agree: what the column holds stays;
- only the export changed it (now == base): the export's version is written;
- both changed it: the editor's stays, the export's version of the whole column is kept as a
  revision in its history (django-reversion), the column is flagged for review, and the summary
  lists the conflict.

A column imported before it had this memory has no base: a field that differs is the editor's.
"""

import copy

import reversion
from django.utils import timezone

from columns.models import Column, TaggedColumn

from .hashes import fingerprint

# The fields an import writes that an editor may change (derived ones follow from them).
TRACKED = [
    "title", "slug", "dek", "intro", "body", "excerpt", "outlet", "original_url",
    "outlet_published_at", "outlet_updated_at", "print_headline", "exclusive",
    "canonical_is_original", "image", "image_alt", "image_caption", "image_url", "status",
    "posted_at",
]  # fmt: skip
BYLINE, TAGS = "byline", "tags"
# "body@export": the export's version of a field the import rewrote after writing it (the media
# brought home: body and featured image), so that a newer export's same text is not taken for a
# change. Without it, the field's own fingerprint is what the export said.
EXPORTED = "@export"


def _value(column, name):
    if name == "outlet":
        return column.outlet_id
    if name == "image":
        return column.image.name or ""
    return getattr(column, name)


def field_prints(column, names=TRACKED, made=None):
    """`made`: {name: (value, its fingerprint)} made already (the importer's workers print the
    long texts they return), used where the column holds that very value."""
    if not made:
        return {name: fingerprint(_value(column, name)) for name in names}
    prints = {}
    for name in names:
        value = _value(column, name)
        value_and_print = made.get(name)
        if value_and_print and value_and_print[0] is value:
            prints[name] = value_and_print[1]
        else:
            prints[name] = fingerprint(value)
    return prints


def covered(plan):
    """The tracked fields a post's plan sets (a featured image only when its attachment is
    known): the others are not the export's to decide."""
    return [name for name in TRACKED if name in plan.fields]


def relation_prints(byline_rows, tag_pks):
    """Fingerprints of a byline [(author pk, bio)] and a set of tag pks."""
    return {BYLINE: fingerprint(list(byline_rows)), TAGS: fingerprint(sorted(set(tag_pks)))}


def planned_relations(plan, tags):
    byline, seen = [], set()
    for author, bio in plan.byline:
        if author.pk not in seen:
            seen.add(author.pk)
            byline.append((author.pk, bio))
    tag_pks = [tag.pk for tag in map(tags.get, plan.tags) if tag]
    return relation_prints(byline, tag_pks)


def remember(column, plan, tags, kept):
    """What the import writes for a column now; `kept`: the fingerprints a Merge keeps."""
    prints = field_prints(column, covered(plan), plan.prints)
    return prints | planned_relations(plan, tags) | kept


class Merge:
    """The editor's column before a newer export is applied to it, and the decisions after."""

    def __init__(self, column):
        self.base = dict(column.wordpress_fields or {})
        self.mine = {name: getattr(column, name) for name in TRACKED}
        self.mine_prints = field_prints(column)
        bylines = column.bylines.order_by("position", "pk").values_list("author_id", "bio")
        tags = TaggedColumn.objects.filter(content_object=column).values_list("tag_id", flat=True)
        self.mine_prints |= relation_prints(bylines, tags)
        self.remembered = {}  # what to remember instead of the value finally written
        self.conflicts = []

    def decide(self, column, plan, tags):
        """Put back the column's own values where they win over the export's just applied."""
        theirs = field_prints(column, covered(plan)) | planned_relations(plan, tags)
        taken = dict.fromkeys([*TRACKED, BYLINE, TAGS], True)
        for name in set(TRACKED) - set(theirs):  # not the export's: what was known stays
            for key in (name, name + EXPORTED):
                if key in self.base:
                    self.remembered[key] = self.base[key]
        for name, new in theirs.items():
            mine, base = self.mine_prints[name], self.base.get(name)
            base_export = self.base.get(name + EXPORTED, base)
            if new == mine:
                continue  # taken: nothing changes
            taken[name] = False
            if new == base_export:  # the export did not change it: what is here stays
                self.remembered[name] = base
                if base_export != base:
                    self.remembered[name + EXPORTED] = base_export
            elif mine == base:  # only the export changed it
                taken[name] = True
            else:
                self.conflicts.append(name)
                self.remembered[name] = new
        if self.conflicts:
            self._keep_export_version(column)
        for name in TRACKED:
            if not taken[name]:
                setattr(column, name, self.mine[name])
        plan.keep_byline, plan.keep_tags = not taken[BYLINE], not taken[TAGS]
        column.derive_fields()

    def labels(self):
        return [
            str(Column._meta.get_field(name).verbose_name) if name in TRACKED else name
            for name in self.conflicts
        ]

    def _keep_export_version(self, column):
        if not reversion.is_registered(Column):
            return
        theirs = copy.copy(column)  # the export's values, serialised now, never saved
        with reversion.create_revision():
            reversion.add_to_revision(theirs)
            reversion.set_comment(
                f"A newer WordPress export's version, not applied ({timezone.now():%Y-%m-%d}): "
                f"the editor's {', '.join(self.labels())} kept."
            )


def rewritten(column, names):
    """The import itself rewrote `names` of `column` (media brought home): remember the new
    values as its own, unless an editor had changed them; the export's stay as `@export`."""
    memory = column.wordpress_fields
    if not memory:
        return
    for name, old_print in names.items():
        if memory.get(name) == old_print:
            memory.setdefault(name + EXPORTED, old_print)
            memory[name] = fingerprint(_value(column, name))
