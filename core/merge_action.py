"""
The admin's "Merge the selected … into one" action, for outlets and tags: the editor picks the
one to keep on a confirmation page (admin/merge.html), then the model admin's merge() does
the work. Like every action, it is refused with a 403 to those it is not offered to
(core/admin.py).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        help_text="The others are merged into it and deleted; their names become its aliases.",
    )

    def __init__(self, data, queryset):
        super().__init__(data)
        self.fields["into"].queryset = queryset
        self.fields["into"].label = f"Keep this {queryset.model._meta.verbose_name}"


class MergeActionMixin:
    """For a ModelAdmin of named things. The admin defines merge(request, merged, target,
    names), returning what was moved (for the log) and the message for the editor, and
    merge_detail(obj): what each choice holds, shown beside its name."""

    @admin.action(
        description="Merge the selected %(verbose_name_plural)s into one…",
        permissions=["change", "delete"],
    )
    def merge_selected(self, request, queryset):
        queryset = queryset.order_by("name")
        selected = list(queryset)
        if len(selected) < 2:
            plural = self.opts.verbose_name_plural
            self.message_user(request, f"Select at least two {plural} to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, queryset)
        if form.is_valid():
            target = form.cleaned_data["into"]
            merged = [obj for obj in selected if obj.pk != target.pk]
            names = ", ".join(str(obj) for obj in merged)
            moved, message = self.merge(request, merged, target, names)
            self.log_change(
                request, target, f"Merged {names} into this {self.opts.verbose_name} ({moved})."
            )
            self.message_user(request, message, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "choices": [(obj, self.merge_detail(obj)) for obj in selected],
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        template = f"admin/{self.opts.app_label}/{self.opts.model_name}/merge.html"
        return TemplateResponse(request, template, context)
