"""
A confirmation step for admin actions that take content offline (unpublishing), as Django's
own delete action has: the first POST shows what the action would touch, each item named and
linked, and only the second, carrying `confirmed`, runs it. The page re-posts the selection,
so the action runs on what was listed.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.urls import reverse

CONFIRMED = "confirmed"


def confirmed(request):
    return request.POST.get(CONFIRMED) == "yes"


def confirmation_page(modeladmin, request, queryset, *, action, title, explanation, items, button):
    """The page asking to confirm `action` on `queryset`; `items` are (object, detail) pairs,
    the objects the action would change, each shown with what it means for it."""
    opts = modeladmin.opts
    change = f"admin:{opts.app_label}_{opts.model_name}_change"
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "explanation": explanation,
        "items": [(obj, detail, reverse(change, args=[obj.pk])) for obj, detail in items],
        "selected": [obj.pk for obj in queryset],
        "action": action,
        "button": button,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        "confirmed_name": CONFIRMED,
    }
    return TemplateResponse(request, "admin/confirm_action.html", context)
