"""
One tag field: pick existing tags with autocomplete, or type a new one and press Enter or a
comma (select2's tags mode). Existing tags are sent by id; a typed one as "new:<name>" (the
prefix, set by tag_field.js, keeps a tag named "2024" from being read as tag #2024). A typed
name that is a tag's alias, or a known tag in another case, becomes that tag (settings:
TAGGIT_TAGS_FROM_STRING).
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from taggit.models import Tag
from taggit.utils import parse_tags

from core.admin import OnlyPossibleChoices

NEW = "new:"
MAX_TAGS = 50


def _split(values):
    ids, names = [], []
    for value in values or []:
        value = str(value)
        if value.startswith(NEW):
            names.append(value.removeprefix(NEW))
        elif value.isascii() and value.isdigit() and len(value) < 18:
            ids.append(int(value))
        else:  # typed without the script's prefix
            names.append(value)
    names = ["".join(c for c in name if c.isprintable()) for name in names]  # no NUL
    names = [" ".join(name.replace(",", " ").split())[:100] for name in names]
    return ids, [name for name in names if name]


class TagWidget(OnlyPossibleChoices, AutocompleteSelectMultiple):
    def __init__(self, field, admin_site, attrs=None):
        attrs = {"data-tags": "true", "data-token-separators": '[","]', **(attrs or {})}
        super().__init__(field, admin_site, attrs)

    def build_attrs(self, base_attrs, extra_attrs=None):
        # No "clear all" cross: select2 puts it inside its list, which screen readers misread
        # (each tag keeps its own remove button).
        return {**super().build_attrs(base_attrs, extra_attrs), "data-allow-clear": "false"}

    @property
    def media(self):
        return super().media + forms.Media(js=["columns/admin/tag_field.js"])

    def optgroups(self, name, value, attr=None):
        ids, names = _split(value)
        groups = super().optgroups(name, [str(pk) for pk in ids], attr)
        options = groups[0][1]
        for typed in names:  # a form shown again (with an error elsewhere) keeps them
            options.append(self.create_option(name, NEW + typed, typed, True, len(options)))
        return groups


class TagField(forms.ModelMultipleChoiceField):
    """Tags by id or new names; cleans to what taggit's manager takes (tags and names)."""

    def __init__(self, model_field, **kwargs):
        kwargs.setdefault("widget", TagWidget(model_field, admin.site))
        kwargs.setdefault("help_text", "Start typing to pick a tag; press Enter or type a comma "
                          "to add a new one. A tag's alias becomes the tag.")  # fmt: skip
        super().__init__(queryset=Tag.objects.all(), required=False, label="Tags", **kwargs)

    def clean(self, value):
        ids, names = _split(value)
        if len(ids) + len(names) > MAX_TAGS:
            raise forms.ValidationError(f"At most {MAX_TAGS} tags.", code="too_many")
        tags = list(Tag.objects.filter(pk__in=ids))
        if len(tags) != len(set(ids)):
            raise forms.ValidationError(
                "A tag picked here was deleted meanwhile; pick again.", code="invalid_choice"
            )
        return tags + parse_tags(", ".join(names))  # aliases resolved (settings)

    def has_changed(self, initial, data):
        ids, names = _split(data)
        return bool(names) or {str(t.pk if isinstance(t, Tag) else t) for t in initial or []} != {
            str(pk) for pk in ids
        }
