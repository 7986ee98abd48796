"""
The column form's publishing panel: where the column stands, its full address, its length, and
three save buttons that say what they do (publishing.py applies them); and the date-and-time
widget that names the site's time zone beside every time.
"""

from html import unescape

from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.html import clean_html
from core.html_tokens import TEXT, tokens

from . import publishing

WORDS_PER_MINUTE = 230  # an adult reading prose on a screen


def words(html):
    """The words of an HTML fragment, tags read as spaces ("[more]" is not a word)."""
    text = " ".join(unescape(token.text) for token in tokens(html or "") if token.kind == TEXT)
    return [word for word in text.split() if word != "[more]"]


def length(column_html):
    count = len(words(column_html))
    minutes = max(1, round(count / WORDS_PER_MINUTE)) if count else 0
    return {"words": count, "minutes": minutes}


def buttons(column):
    """(name, label, is the default) of the three save buttons, by where the column stands."""
    if column is None or column.pk is None or column.status != column.Status.PUBLISHED:
        return [
            (publishing.SAVE_DRAFT, "Save draft", False),
            (publishing.PREVIEW, "Save and preview", False),
            (publishing.PUBLISH, "Publish", True),
        ]
    back = "Back to draft" if column.is_scheduled else "Unpublish (back to draft)"
    return [
        ("_continue", "Save changes", True),
        (publishing.PREVIEW, "Save and preview", False),
        (publishing.SAVE_DRAFT, back, False),
    ]


def panel(request, column):
    """What the publishing panel shows besides the status and posting time."""
    address = ""
    if column is not None and column.pk:
        address = request.build_absolute_uri(column.get_absolute_url())
    return {
        "buttons": buttons(column),
        "address": address,
        "address_base": request.build_absolute_uri("/"),
        "length": length(column.body if column is not None else ""),
        "time_zone": settings.TIME_ZONE,
    }


class ZonedSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, followed by the time zone they are read in: the site's,
    or (`zone` set by the form, for the outlet's own stamps) the outlet's."""

    zone = None  # a ZoneInfo; None: the site's time zone

    def decompress(self, value):
        if value and self.zone is not None:
            value = value.astimezone(self.zone).replace(tzinfo=None)
            return [value.date(), value.time()]
        return super().decompress(value)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.zone is not None:
            note = format_html("Time in {} (the outlet’s time zone)", self.zone.key)
        else:
            note = format_html("Time in {} (the site’s time zone)", settings.TIME_ZONE)
        return format_html('{}<span class="timezone-note">{}</span>', html, note)


def in_zone(value, zone):
    """A time typed as a wall-clock time in `zone` (the form read it in the site's)."""
    if value is None or zone is None:
        return value
    wall_clock = timezone.localtime(value).replace(tzinfo=None)
    return timezone.make_aware(wall_clock, zone)


REVIEW_NEXT = "_reviewed_next"


def review(column):
    """The review panel of a flagged column: the original beside what was read from it."""
    when = "j F Y, H:i"
    fields = [
        ("Title", column.title),
        ("Standfirst", column.dek),
        ("Intro note", " ".join(words(column.intro))),
        ("Outlet", column.outlet.name if column.outlet else ""),
        ("Published at the outlet", column.outlet_published_at and date_format(
            timezone.localtime(column.outlet_published_at), when) + f" ({settings.TIME_ZONE})"),
        ("Updated at the outlet", column.outlet_updated_at and date_format(
            timezone.localtime(column.outlet_updated_at), when) + f" ({settings.TIME_ZONE})"),
        ("Byline", "; ".join(
            f"{b.author.name}: {b.bio}" if b.bio else b.author.name for b in column.ordered_bylines
        )),
        ("Print-edition headline", column.print_headline),
        ("Written exclusively for the outlet", "yes" if column.exclusive else "no"),
    ]  # fmt: skip
    original = mark_safe(clean_html(column.original_html))  # sanitised just now
    remaining = type(column).objects.filter(needs_review=True).exclude(pk=column.pk).count()
    return {"original": original, "fields": fields, "remaining": remaining}


def next_to_review(column):
    """The column to review after this one: the next older flagged one, else the newest."""
    flagged = type(column).objects.filter(needs_review=True).exclude(pk=column.pk)
    older = flagged.filter(date__lt=column.date).order_by("-date", "-pk").first()
    return older or flagged.order_by("-date", "-pk").first()


class PublishingPanelMixin:
    """Gives the change form its panel (templates/admin/columns/column/change_form.html)."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["panel"] = panel(request, obj)
        if obj is not None and obj.needs_review:
            context["review"] = review(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)
