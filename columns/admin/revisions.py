"""
Column revisions: django-reversion's VersionAdmin, plus what it lacks: a diff of two revisions,
and a restore that survives renamed tags and vanished authors.

VersionAdmin stores one revision per admin save (the form, the list's actions) with who saved
it and the admin's "what changed" message, and lists a column's revisions on its History page.
A revision holds the column, its bylines (VersionAdmin follows the admin's inline) and, followed
here, its tags and the names of its authors and tags. Restoring applies the stored title, text,
dates, outlet, bylines and tags through the ORM, by name for tags, so a revision still restores
after its tags were renamed, merged or deleted; the restore is itself a new revision.

VersionAdmin's own revert and recover views are not used: they save every object of the old
revision back by id, authors and tags included (a tag renamed since would take its old name
back, and a tag deleted since would come back with its old id, or fail on a name taken since),
and say nothing of what was lost. Its revert link leads to our restore; deleted columns are not
recovered (its recover pages are left out).
"""

import difflib
import html

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag

from columns.models import Author, Byline, Column, TaggedColumn
from outlets.models import Outlet

from .history import HTML_FIELDS, rendered_diff

# What a revision follows beyond what VersionAdmin finds (the column's bylines, its inline),
# by model: {relation: the model it leads to}.
ALSO_FOLLOWED = {
    Column: {"taggedcolumn_set": TaggedColumn},
    TaggedColumn: {"tag": Tag},
    Byline: {"author": Author},
}

# The fields an editor sets; derived ones (date, day, excerpt_html, stamps) follow from them.
CONTENT_FIELDS = [
    "title", "slug", "dek", "intro", "body", "excerpt", "outlet_id", "original_url",
    "outlet_published_at", "outlet_updated_at", "print_headline", "exclusive",
    "canonical_is_original", "image", "image_alt", "image_caption",
]  # fmt: skip
# Whether and when the column is public: restored only when the editor asks, since bringing
# back a draft revision's status would take a live column offline.
PUBLISHING_FIELDS = ["status", "posted_at"]
RESTORED_FIELDS = CONTENT_FIELDS + PUBLISHING_FIELDS


def _versions_of(revision, model):
    return [v for v in revision.version_set.all() if v.content_type.model_class() is model]


def snapshot(version):
    """The column as it was in `version`: its fields, its byline and its tag names."""
    revision = version.revision
    column_id = int(version.object_id)
    names = {
        model: {int(v.object_id): v.field_dict for v in _versions_of(revision, model)}
        for model in (Author, Tag)
    }
    bylines = sorted(
        (
            v.field_dict
            for v in _versions_of(revision, Byline)
            if v.field_dict["column_id"] == column_id
        ),
        key=lambda b: (b["position"], b["id"]),
    )
    for byline in bylines:
        author = names[Author].get(byline["author_id"])
        byline["author_name"] = author["name"] if author else f"author #{byline['author_id']}"
    tag_ids = [
        v.field_dict["tag_id"]
        for v in _versions_of(revision, TaggedColumn)
        if v.field_dict["content_object_id"] == column_id
    ]
    tags = sorted(names[Tag][t]["name"] for t in tag_ids if t in names[Tag])
    return {"fields": version.field_dict, "bylines": bylines, "tags": tags}


def _display(snap):
    """Each field of a snapshot as the text shown in a comparison."""
    fields = snap["fields"]
    outlet = Outlet.objects.filter(pk=fields.get("outlet_id")).first()
    shown = {}
    for name in RESTORED_FIELDS:
        value = fields.get(name)
        if name == "outlet_id":
            name, value = "outlet", outlet.name if outlet else ""
        elif hasattr(value, "astimezone"):
            value = f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
        shown[name] = "" if value is None else str(value)
    shown["byline"] = "\n".join(
        f"{b['author_name']}: {b['bio']}" if b["bio"] else b["author_name"] for b in snap["bylines"]
    )
    shown["tags"] = ", ".join(snap["tags"])
    return shown


def word_diff(old, new):
    """HTML marking words removed (<del>) and added (<ins>), everything else escaped."""
    old_words, new_words = old.split(" "), new.split(" ")
    out = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            out.append(f"<del>{html.escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            out.append(f"<ins>{html.escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(out))  # every piece is escaped above


def compare(old_version, new_version):
    """Rows of (field, diff HTML) for the fields that differ between two versions."""
    old, new = _display(snapshot(old_version)), _display(snapshot(new_version))
    return [
        (
            name.replace("_", " "),
            rendered_diff(old[name], new[name])
            if name in HTML_FIELDS
            else word_diff(old[name], new[name]),
        )
        for name in old
        if old[name] != new[name]
    ]


def publishing_state(status, posted_at):
    """Where a column with this status and posting time stands, in words."""
    when = f"{timezone.localtime(posted_at):%d %B %Y at %H:%M}" if posted_at else ""
    if status != Column.Status.PUBLISHED:
        return "a draft (only staff can see it)"
    if posted_at and posted_at > timezone.now():
        return f"scheduled for {when}"
    return f"public (posted {when})"


def publishing_choice(column, version):
    """(what restoring says about publishing, the offer to restore it too or None)."""
    fields = version.field_dict
    now = publishing_state(column.status, column.posted_at)
    then = publishing_state(fields.get("status"), fields.get("posted_at"))
    note = f"The column stays {now}: restoring changes its content, not its status or posting time"
    if (fields.get("status"), fields.get("posted_at")) == (column.status, column.posted_at):
        return note + ".", None
    offer = f"Also bring back that revision's status and posting time: {then}"
    was_public = now.startswith("public")
    if was_public != then.startswith("public"):
        offer += "; this takes the column offline" if was_public else "; this makes it public"
    return note + ", unless you tick the box below.", offer + "."


def restore(column, version, user, publishing=False):
    """Make `column` what it was in `version`, as a new revision; its status and posting time
    too only if `publishing`. Returns warnings."""
    snap = snapshot(version)
    warnings = []
    with transaction.atomic(), reversion.create_revision():
        for name in RESTORED_FIELDS if publishing else CONTENT_FIELDS:
            if name in snap["fields"]:
                setattr(column, name, snap["fields"][name])
        if column.outlet_id and not Outlet.objects.filter(pk=column.outlet_id).exists():
            warnings.append("The outlet of that revision no longer exists; the outlet is kept.")
            column.outlet_id = Column.objects.values_list("outlet_id", flat=True).get(pk=column.pk)
        column.save()
        column.bylines.all().delete()
        authors = Author.objects.in_bulk([b["author_id"] for b in snap["bylines"]])
        for byline in snap["bylines"]:
            if byline["author_id"] not in authors:
                warnings.append(f"{byline['author_name']} no longer exists; left off the byline.")
                continue
            Byline.objects.create(
                column=column,
                author=authors[byline["author_id"]],
                position=byline["position"],
                bio=byline["bio"],
            )
        column.tags.set(snap["tags"])
        reversion.add_to_revision(column)
        reversion.set_user(user)
        reversion.set_comment(restore_comment(version, publishing))
    return warnings


def restore_comment(version, publishing):
    when = timezone.localtime(version.revision.date_created)
    also = ", its status and posting time too" if publishing else ""
    return f"Restored the revision of {when:%d %b %Y %H:%M}{also}."


class _RevisionList(admin.ModelAdmin):
    """
    Below VersionAdmin in the class order, to take its list of revisions on the way to
    Django's history view: VersionAdmin passes it as `action_list`, which on that page is the
    admin log, so it goes on as `revisions`, each with the id of the column's version in it
    (the compare form sends those): the last part of the link VersionAdmin made for it,
    ".../<object id>/history/<version id>/".
    """

    def history_view(self, request, object_id, extra_context=None):
        context = dict(extra_context or {})
        context["revisions"] = context.pop("action_list", [])
        for item in context["revisions"]:
            item["version_id"] = item["url"].rstrip("/").rsplit("/", 1)[-1]
        return super().history_view(request, object_id, context)


class ColumnVersionAdmin(VersionAdmin, _RevisionList):
    """Admin views: the history lists revisions; compare two; restore one."""

    object_history_template = "admin/columns/column/revisions.html"
    # Django's lookup (admin/columns/column/change_list.html), not VersionAdmin's template,
    # which links to the recovery of deleted columns.
    change_list_template = None
    history_latest_first = True

    def reversion_register(self, model, **kwargs):
        # VersionAdmin registers the column and the inline's model; each also follows what
        # ALSO_FOLLOWED says, those models being registered first.
        followed = ALSO_FOLLOWED.get(model, {})
        for related in followed.values():
            if not reversion.is_registered(related):
                self.reversion_register(related)
        kwargs["follow"] = (*kwargs.get("follow", ()), *followed)
        super().reversion_register(model, **kwargs)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        recovery = {"columns_column_recoverlist", "columns_column_recover"}
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name="columns_column_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                wrap(self.restore_view),
                name="columns_column_restore",
            ),
            *(url for url in super().get_urls() if url.name not in recovery),
        ]

    def _column_or_404(self, request, object_id):
        column = self.get_object(request, unquote(object_id))
        if column is None:
            raise Http404("No such column.")
        return column

    def _versions(self, column):
        return Version.objects.get_for_object(column).select_related("revision__user")

    def history_view(self, request, object_id, extra_context=None):
        column = self._column_or_404(request, object_id)
        extra_context = {
            "can_restore": self.has_change_permission(request, column),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        return redirect("admin:columns_column_restore", object_id, version_id)

    def compare_view(self, request, object_id):
        column = self._column_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, column):
            raise PermissionDenied
        versions = self._versions(column)
        try:
            picked = sorted({int(request.GET.get("old", "")), int(request.GET.get("new", ""))})
        except ValueError:
            picked = []
        found = {v.pk: v for v in versions.filter(pk__in=picked)}
        if len(picked) != 2 or len(found) != 2:
            messages.error(request, "Pick two different revisions of this column to compare.")
            return redirect("admin:columns_column_history", column.pk)
        old, new = found[picked[0]], found[picked[1]]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare revisions of “{column}”",
            "opts": self.opts,
            "original": column,
            "old": old,
            "new": new,
            "rows": compare(old, new),
            "can_restore": self.has_change_permission(request, column),
        }
        return TemplateResponse(request, "admin/columns/column/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        column = self._column_or_404(request, object_id)
        if not self.has_change_permission(request, column):
            raise PermissionDenied
        version = get_object_or_404(self._versions(column), pk=version_id)
        note, offer = publishing_choice(column, version)
        if request.method == "POST":
            publishing = offer is not None and request.POST.get("restore_publishing") == "1"
            for warning in restore(column, version, request.user, publishing):
                messages.warning(request, warning)
            when = timezone.localtime(version.revision.date_created)
            self.log_change(request, column, restore_comment(version, publishing))
            messages.success(request, f"Restored “{column}” as it was on {when:%d %b %Y %H:%M}.")
            return redirect("admin:columns_column_change", column.pk)
        latest = self._versions(column).first()
        rows = compare(latest, version) if latest and latest != version else []
        context = {
            **self.admin_site.each_context(request),
            "title": f"Restore “{column}”?",
            "opts": self.opts,
            "original": column,
            "version": version,
            # Status and posting time are offered apart, below the content's differences.
            "rows": [row for row in rows if row[0] not in {"status", "posted at"}],
            "publishing_note": note,
            "publishing_offer": offer,
            "compare_url": reverse("admin:columns_column_compare", args=[column.pk]),
        }
        return TemplateResponse(request, "admin/columns/column/restore.html", context)
