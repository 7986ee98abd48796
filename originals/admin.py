"""The originals report: every column's original by state, filterable, with its last checks."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html

from core.admin import ModelAdmin

from .models import Check, Link, Original


class CheckInline(admin.TabularInline):
    model = Check
    fields = ["checked_at", "outcome", "status", "detail"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class DiedThisWeekFilter(admin.SimpleListFilter):
    title = "since"
    parameter_name = "since"

    def lookups(self, request, model_admin):
        return [("week", "Changed this week")]

    def queryset(self, request, queryset):
        if self.value() == "week":
            week_ago = timezone.now() - timezone.timedelta(days=7)
            return queryset.filter(Q(state_changed_at__gte=week_ago))
        return queryset


@admin.register(Original)
class OriginalAdmin(ModelAdmin):
    list_display = ["column", "outlet", "state", "failures", "checked_at", "archived"]
    list_filter = ["state", DiedThisWeekFilter, "column__outlet"]
    search_fields = ["column__title", "url"]
    list_select_related = ["column", "column__outlet"]
    fields = ["column", "url", "state", "failures", "failing_since", "checked_at",
              "state_changed_at", "archive_checked_at"]  # fmt: skip
    readonly_fields = fields
    inlines = [CheckInline]

    def has_add_permission(self, request):
        return False  # check_originals keeps this list

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(ordering="column__outlet__name")
    def outlet(self, original):
        return original.column.outlet

    @admin.display(boolean=True, description="archived copy")
    def archived(self, original):
        return bool(original.column.archived_url)


@admin.register(Link)
class LinkAdmin(ModelAdmin):
    """Links in columns' bodies to other sites, dead ones with their archived copy."""

    list_display = ["url", "column", "state", "last_outcome", "checked_at", "archive"]
    list_filter = ["state"]
    search_fields = ["url", "column__title"]
    list_select_related = ["column"]
    fields = ["column", "url", "state", "last_outcome", "failures", "failing_since",
              "checked_at", "archived_url"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="archived copy")
    def archive(self, link):
        if not link.archived_url:
            return ""
        return format_html('<a href="{}">archived copy</a>', link.archived_url)
