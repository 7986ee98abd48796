import zoneinfo

from django import forms
from django.contrib import admin
from django.db.models import Count

from core.admin import ModelAdmin
from core.merge_action import MergeActionMixin

from .merge import merge_outlets
from .models import Outlet, OutletAlias


class OutletForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        required=False,
        help_text=Outlet._meta.get_field("timezone").help_text,
        choices=lambda: (
            [("", "Site time zone")]
            + [(name, name) for name in sorted(zoneinfo.available_timezones())]
        ),
    )

    class Meta:
        model = Outlet
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)


def is_outlet_editor(request):
    """Aliases and the homepage decide which outlet a name or an article finds, and a logo is
    shown on public pages: editors set them (those who may change outlets); press assistants
    may add an outlet, not these (issue 14, items 2 and 3)."""
    return request.user.has_perm("outlets.change_outlet")


class OutletAliasInline(admin.TabularInline):
    model = OutletAlias
    extra = 1

    def has_add_permission(self, request, obj=None):
        return is_outlet_editor(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return is_outlet_editor(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_outlet_editor(request) and super().has_delete_permission(request, obj)


@admin.register(Outlet)
class OutletAdmin(MergeActionMixin, ModelAdmin):
    form = OutletForm
    list_display = ["name", "short_name", "kind", "country", "column_count", "mention_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "short_name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OutletAliasInline]
    actions = ["merge_selected"]

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not is_outlet_editor(request):
            exclude += ["logo", "homepage"]
        return exclude

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                column_count=Count("columns", distinct=True),
                mention_count=Count("mentions", distinct=True),
            )
            # Aggregation drops Meta.ordering; autocomplete pages need a stable order.
            .order_by("name")
        )

    @admin.display(description="columns", ordering="column_count")
    def column_count(self, outlet):
        return outlet.column_count

    @admin.display(description="mentions", ordering="mention_count")
    def mention_count(self, outlet):
        return outlet.mention_count

    def merge(self, request, merged, target, names):
        moved = ", ".join(merge_outlets(merged, target)) or "nothing"
        return moved, (
            f"Merged {names} into {target.name} ({moved} moved); their names are now aliases "
            "and their pages redirect."
        )

    def merge_detail(self, outlet):
        return f"{outlet.column_count} column(s), {outlet.mention_count} mention(s)"
