"""The editor's list of suggested pieces (one click makes a draft or dismisses), and the
byline sources per outlet."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin import ModelAdmin

from .drafts import dismiss, make_draft
from .models import BylineSource, Suggestion


@admin.register(BylineSource)
class BylineSourceAdmin(ModelAdmin):
    list_display = ["url", "outlet", "kind", "active", "polled_at", "last_result"]
    list_filter = ["kind", "active", "outlet"]
    search_fields = ["url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    fields = ["outlet", "kind", "url", "active", "polled_at", "last_result"]
    readonly_fields = ["polled_at", "last_result"]


@admin.register(Suggestion)
class SuggestionAdmin(ModelAdmin):
    list_display = ["title", "outlet", "published_at", "byline_names", "state", "decide"]
    list_filter = ["state", "byline_known", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "column"]
    readonly_fields = ["source", "outlet", "url", "canonical_url", "title", "dek",
                       "published_at", "byline", "byline_known", "state", "column", "found_at",
                       "decided_at"]  # fmt: skip
    actions = ["make_drafts", "dismiss_for_good"]

    def has_add_permission(self, request):
        return False  # watch_bylines files them

    def get_urls(self):
        return [
            path(
                "<int:pk>/draft/",
                self.admin_site.admin_view(self.draft_view),
                name="suggestions_suggestion_draft",
            ),
            path(
                "<int:pk>/dismiss/",
                self.admin_site.admin_view(self.dismiss_view),
                name="suggestions_suggestion_dismiss",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="byline")
    def byline_names(self, suggestion):
        names = ", ".join(suggestion.byline) or "no byline"
        if suggestion.byline_known:
            return names
        return format_html('{} <strong class="warning">(nobody you know)</strong>', names)

    @admin.display(description="")
    def decide(self, suggestion):
        if suggestion.state == Suggestion.State.ACCEPTED and suggestion.column_id:
            url = reverse("admin:columns_column_change", args=[suggestion.column_id])
            return format_html('<a href="{}">Open the draft</a>', url)
        if suggestion.state != Suggestion.State.NEW:
            return ""
        # Buttons of the change list's own form (it carries the CSRF token): one click each.
        return format_html(
            '<button type="submit" class="button" formaction="{}">Make a draft</button> '
            '<button type="submit" class="button" formaction="{}">Dismiss</button>',
            reverse("admin:suggestions_suggestion_draft", args=[suggestion.pk]),
            reverse("admin:suggestions_suggestion_dismiss", args=[suggestion.pk]),
        )

    def _decided(self, request, pk):
        if request.method != "POST" or not self.has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(Suggestion, pk=pk)

    def draft_view(self, request, pk):
        column = make_draft(self._decided(request, pk))
        messages.success(request, f"Draft made: “{column.title}”. Check it, then publish.")
        return redirect("admin:columns_column_change", column.pk)

    def dismiss_view(self, request, pk):
        suggestion = self._decided(request, pk)
        dismiss(Suggestion.objects.filter(pk=suggestion.pk))
        messages.success(request, f"Dismissed for good: “{suggestion.title}”.")
        return redirect("admin:suggestions_suggestion_changelist")

    @admin.action(description="Make drafts of the chosen suggestions", permissions=["change"])
    def make_drafts(self, request, queryset):
        drafts = [make_draft(s) for s in queryset.filter(state=Suggestion.State.NEW)]
        messages.success(request, f"{len(drafts)} draft(s) made; they are in Columns, unpublished.")

    @admin.action(description="Dismiss the chosen suggestions for good", permissions=["change"])
    def dismiss_for_good(self, request, queryset):
        messages.success(request, f"{dismiss(queryset)} suggestion(s) dismissed for good.")
