"""
The column's review panel for possible press mentions: intro sentences the importer read as
press work but could not turn into mentions ("Spoke to local radio about the floods.").

Each is listed with "Create mentions", which opens the press form pre-filled with the
importer's guess (outlets, topic, kind, the column and its date), and "Dismiss". Logging the
mentions removes the sentence (the press form says so through
`core.signals.press_sentence_logged`); dismissing removes it at once. The original text stays
in "Imported from WordPress" either way.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from columns.models import Column
from mentions.models import Mention

FIELDSET = (
    "Possible press mentions",
    {
        "fields": ["possible_press_mentions"],
        "description": "Sentences of the intro that read like press work but gave no mention. "
        "Create mentions from each (the press form opens filled in), or dismiss it.",
    },
)


class PossibleMentionsFilter(admin.SimpleListFilter):
    title = "possible press mentions"
    parameter_name = "possible_mentions"

    def lookups(self, request, model_admin):
        return [("yes", "Some to look at"), ("no", "None")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(possible_mentions=[])
        if self.value() == "no":
            return queryset.filter(possible_mentions=[])
        return queryset


def press_form_url(column, possible):
    """The press form, filled in with the importer's guess at a possible mention."""
    kind = possible.get("kind")
    query = {
        "new_outlets": ", ".join(possible.get("outlets") or []),
        "topic": possible.get("topic") or column.title,
        "kind": kind if kind in Mention.Kind.values else Mention.Kind.INTERVIEW,
        "date": column.day.isoformat(),
        "column": column.pk,
        "internal_note": possible.get("sentence", ""),
        "from_sentence": possible.get("sentence", ""),
    }
    return reverse("admin:mentions_mention_log") + "?" + urlencode(query)


class PossibleMentionsMixin:
    """For the column admin: the panel (a read-only field) and its "Dismiss" view."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.possible_mentions:
            fieldsets.insert(1, FIELDSET)
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "possible_press_mentions"]

    def get_urls(self):
        dismiss = self.admin_site.admin_view(require_POST(self.dismiss_possible_mention))
        return [
            path(
                "<int:pk>/dismiss-possible-mention/",
                dismiss,
                name="columns_column_dismiss_possible_mention",
            ),
            *super().get_urls(),
        ]

    def possible_press_mentions(self, column):
        if not column.pk or not column.possible_mentions:
            return "—"
        dismiss = reverse("admin:columns_column_dismiss_possible_mention", args=[column.pk])
        # The "Dismiss" buttons submit the change form to another address (formaction), so
        # they work without JavaScript inside the one form the page may have.
        items = format_html_join(
            "",
            '<li><q>{}</q> <a class="button" href="{}">Create mentions</a> '
            '<button type="submit" class="button" formaction="{}" formnovalidate '
            'name="dismiss_sentence" value="{}">Dismiss</button></li>',
            (
                (p.get("sentence", ""), press_form_url(column, p), dismiss, p.get("sentence", ""))
                for p in column.possible_mentions
            ),
        )
        return format_html('<ul class="possible-mentions">{}</ul>', items)

    possible_press_mentions.short_description = "possible press mentions"

    def dismiss_possible_mention(self, request, pk):
        column = get_object_or_404(Column, pk=pk)
        if not self.has_change_permission(request, column):
            raise PermissionDenied
        sentence = request.POST.get("dismiss_sentence", "")
        if column.forget_possible_mention(sentence):
            self.log_change(request, column, f"Dismissed a possible press mention: {sentence}")
            self.message_user(request, "Dismissed the possible press mention.", messages.SUCCESS)
        else:
            self.message_user(request, "That sentence was no longer listed.", messages.WARNING)
        return redirect("admin:columns_column_change", column.pk)
