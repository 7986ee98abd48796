"""
Tag management: rename (the old name becomes an alias, the old page redirects), merge,
delete unused tags, aliases. Replaces django-taggit's own TagAdmin.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.db.models import Count, ProtectedError
from django.shortcuts import redirect
from taggit.models import Tag

from core.admin import ModelAdmin
from core.merge_action import MergeActionMixin
from tags.links import tag_url

from .merge import merge_tags, tag_renamed, through_models, unique_tag_slug
from .models import TagAlias, TagMerge

admin.site.unregister(Tag)

UNUSED = "unused"


def _usage_counts():
    """Annotations counting, for each tagged model (columns, mentions), its tagged items."""
    return {
        f"n_{through._meta.model_name}": Count(
            through._meta.get_field("tag").related_query_name(), distinct=True
        )
        for through in through_models()
    }


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]
        help_texts = {
            "name": "Renaming keeps the old name as an alias and redirects the old tag page.",
            "slug": "The tag page's address. Leave as it is to follow the new name.",
        }

    def clean(self):
        cleaned_data = super().clean()
        name, slug = cleaned_data.get("name"), cleaned_data.get("slug")
        renamed = self.instance.pk and name and name != self.instance.name
        if renamed and slug == self.instance.slug:
            cleaned_data["slug"] = unique_tag_slug(name, exclude_pk=self.instance.pk)
        clash = Tag.objects.filter(name__iexact=name or "").exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error("name", "Another tag has this name: merge the two tags instead.")
        return cleaned_data


class TagAliasInline(admin.TabularInline):
    model = TagAlias
    extra = 1


@admin.register(Tag)
class TagAdmin(MergeActionMixin, ModelAdmin):
    form = TagForm
    inlines = [TagAliasInline]
    list_display = ["name", "slug", "usage", "alias_list"]
    search_fields = ["name", "aliases__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected", "delete_unused"]

    def get_queryset(self, request):
        tags = super().get_queryset(request).annotate(**_usage_counts())
        return tags.prefetch_related("aliases").order_by("name")

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "delete unused" is the safe way
        return actions

    @admin.display(description="used by")
    def usage(self, tag):
        parts = []
        for through in through_models():
            count = getattr(tag, f"n_{through._meta.model_name}", 0)
            if count and hasattr(through, "content_object"):
                model = through._meta.get_field("content_object").related_model
                name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
                parts.append(f"{count} {name}")
        return ", ".join(parts) or UNUSED

    @admin.display(description="aliases")
    def alias_list(self, tag):
        return ", ".join(alias.name for alias in tag.aliases.all())

    def delete_view(self, request, object_id, extra_context=None):
        tag = self.get_object(request, unquote(object_id))
        # Only to those who may delete tags: others get the 403 of every page they may not open.
        if (
            tag is not None
            and self.has_delete_permission(request, tag)
            and self.usage(tag) != UNUSED
        ):
            self.message_user(
                request,
                f"“{tag.name}” is used by {self.usage(tag)}, so it cannot be deleted: merge it "
                "into another tag instead (select both in the list, then “Merge the selected "
                "tags into one…”). Its page then redirects and its name becomes an alias.",
                messages.ERROR,
            )
            return redirect("admin:taggit_tag_change", tag.pk)
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        old = Tag.objects.filter(pk=obj.pk).values("name", "slug").first() if change else None
        super().save_model(request, obj, form, change)
        if old and (old["name"] != obj.name or old["slug"] != obj.slug):
            tag_renamed(obj, old["name"], old["slug"])

    def merge(self, request, merged, target, names):
        retagged = merge_tags(merged, target, request.user).retagged or "nothing"
        message = f"Merged {names} into {target.name}: {retagged} retagged; "
        return retagged, message + "the old tag pages redirect."

    def merge_detail(self, tag):
        return f"{tag_url(tag.slug)}, {self.usage(tag)}"

    @admin.action(description="Delete the selected tags that nothing uses", permissions=["delete"])
    def delete_unused(self, request, queryset):
        unused, used = [], []
        for tag in queryset:
            in_use = any(getattr(tag, f"n_{t._meta.model_name}", 0) for t in through_models())
            (used if in_use else unused).append(tag)
        unused_tags = Tag.objects.filter(pk__in=[tag.pk for tag in unused])
        try:
            with transaction.atomic():
                self.log_deletions(request, unused_tags)
                unused_tags.delete()
        except ProtectedError:  # tagged by someone meanwhile: the tags in use are protected
            self.message_user(request, "A tag came into use meanwhile: nothing was deleted.")
            return
        message = f"Deleted {len(unused)} unused tag(s)."
        if used:
            message += f" Kept {', '.join(t.name for t in used)}: still in use (merge instead)."
        self.message_user(request, message, messages.SUCCESS if not used else messages.WARNING)


@admin.register(TagMerge)
class TagMergeAdmin(ModelAdmin):
    list_display = ["merged_at", "merged_list", "into_name", "retagged", "merged_by"]
    list_select_related = ["merged_by"]
    readonly_fields = [f.name for f in TagMerge._meta.fields]

    @admin.display(description="merged")
    def merged_list(self, record):
        return ", ".join(record.merged_names.splitlines())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
