from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from core.admin import ModelAdmin
from core.locking import OptimisticLockForm

from .log import LogAppearancesForm, outlet_names, prefill, preview_sentence, refuse_new_tags
from .models import Mention


def typed(value, limit):
    """Text as typed into the press form, for a preview: printable, and not too long."""
    return "".join(ch for ch in value[:limit] if ch.isprintable() or ch == "\n")


def can_review_all(user):
    """Editors review and edit every mention; press assistants see all, and edit their own."""
    return user.has_perm("mentions.review_mention")


class MentionForm(OptimisticLockForm, forms.ModelForm):
    """The tags field resolves aliases itself (TAGGIT_TAGS_FROM_STRING, tags/aliases.py); a
    save over someone else's newer one is refused (core/locking.py)."""

    may_add_tags = True  # set per request by MentionAdmin.get_form

    class Meta:
        model = Mention
        fields = "__all__"  # noqa: DJ007 (the admin's fields choose the fields)

    def clean_tags(self):
        return refuse_new_tags(self.cleaned_data.get("tags") or [], self.may_add_tags)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "date" in self.fields:
            # Django would repeat its callable default in a hidden input carrying the field's
            # aria-describedby (invalid HTML); the initial value compares just as well.
            self.fields["date"].show_hidden_initial = False


@admin.register(Mention)
class MentionAdmin(ModelAdmin):
    form = MentionForm
    list_display = ["date", "outlet", "topic", "kind", "status", "created_by"]
    list_filter = ["kind", "status", "outlet"]
    list_select_related = ["outlet", "created_by"]
    search_fields = ["topic", "public_note", "internal_note", "outlet__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["outlet", "column"]
    fields = [
        *["outlet", "topic", "date", "kind", "url", "public_note", "internal_note"],
        *["column", "tags", "status"],
    ]  # opened_at, a hidden field, is written by change_form.html (a label for it is invalid)

    class Media:
        js = ["mentions/admin/sentence_preview.js"]

    def get_urls(self):
        log_view = self.admin_site.admin_view(self.log_view)
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("log/", log_view, name="mentions_mention_log"),
            path("preview/", preview, name="mentions_mention_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The sentence readers will see, for the press form's fields as typed (JSON)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        get = request.GET
        ids = get.getlist("outlets") + get.getlist("outlet")
        names = outlet_names(ids, typed(get.get("new_outlets", ""), 2000))
        sentence = preview_sentence(names, typed(get.get("topic", ""), 300), get.get("kind", ""))
        return JsonResponse({"sentence": sentence})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"preview_url": reverse("admin:mentions_mention_preview"), **(
            extra_context or {})}  # fmt: skip
        return super().changeform_view(request, object_id, form_url, extra_context)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and not can_review_all(request.user):
            return obj.created_by_id == request.user.pk
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not can_review_all(request.user):
            return obj.created_by_id == request.user.pk
        return allowed

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.may_add_tags = request.user.has_perm("taggit.add_tag")
        if not form.may_add_tags and "tags" in form.base_fields:
            form.base_fields["tags"].help_text = "Existing tags only, separated by commas."
        return form

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def log_view(self, request):
        """Log one appearance in several outlets at once: one mention per outlet."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        can_add_outlets = request.user.has_perm("outlets.add_outlet")
        form = LogAppearancesForm(
            request.POST or None,
            initial=prefill(request.GET),
            can_add_outlets=can_add_outlets,
            may_add_tags=request.user.has_perm("taggit.add_tag"),
        )
        if request.method == "POST" and form.is_valid():
            new_outlets, mentions = form.save(request.user)
            for outlet in new_outlets:
                self.log_addition(request, outlet, "Added while logging media appearances.")
            for mention in mentions:
                self.log_addition(request, mention, "Logged with the media appearances form.")
            outlets = ", ".join(mention.outlet.name for mention in mentions)
            self.message_user(
                request,
                f"Logged {len(mentions)} media appearance(s): {outlets}."
                + (
                    f" New outlets: {', '.join(o.name for o in new_outlets)}."
                    if new_outlets
                    else ""
                ),
                messages.SUCCESS,
            )
            if "_addanother" in request.POST:
                return redirect("admin:mentions_mention_log")
            return redirect("admin:mentions_mention_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Log media appearances",
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "can_add_outlets": can_add_outlets,
            "preview_url": reverse("admin:mentions_mention_preview"),
            "sentence": preview_sentence(
                outlet_names(request.POST.getlist("outlets"), request.POST.get("new_outlets", "")),
                request.POST.get("topic", ""),
                request.POST.get("kind", ""),
            )
            if request.method == "POST"
            else preview_sentence([], "", Mention.Kind.INTERVIEW),
            "recent": Mention.objects.filter(created_by=request.user)
            .select_related("outlet")
            .order_by("-created_at", "-id")[:10],
        }
        return TemplateResponse(request, "admin/mentions/mention/log.html", context)
