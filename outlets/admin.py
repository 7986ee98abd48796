import zoneinfo

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse

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


class OutletAliasInline(admin.TabularInline):
    model = OutletAlias
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    form = OutletForm
    list_display = ["name", "short_name", "kind", "column_count", "mention_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OutletAliasInline]
    actions = ["merge_selected"]

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

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    @admin.action(
        description="Merge the selected outlets into one…", permissions=["change", "delete"]
    )
    def merge_selected(self, request, queryset):
        outlets = list(queryset.order_by("name"))
        if len(outlets) < 2:
            self.message_user(request, "Select at least two outlets to merge.", messages.WARNING)
            return None
        form = OutletMergeForm(request.POST if "apply" in request.POST else None)
        form.fields["into"].queryset = queryset.order_by("name")
        if form.is_valid():
            target = form.cleaned_data["into"]
            merged = [outlet for outlet in outlets if outlet.pk != target.pk]
            moved = merge_outlets(merged, target)
            names = ", ".join(outlet.name for outlet in merged)
            summary = ", ".join(moved) or "nothing"
            self.log_change(request, target, f"Merged {names} into this outlet ({summary}).")
            self.message_user(
                request,
                f"Merged {names} into {target.name} ({summary} moved); their names are now "
                "aliases and their pages redirect.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge outlets",
            "opts": self.opts,
            "choices": [
                (o, f"{o.column_count} column(s), {o.mention_count} mention(s)") for o in outlets
            ],
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/outlets/outlet/merge.html", context)


class OutletMergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Outlet.objects.none(), label="Keep this outlet")
