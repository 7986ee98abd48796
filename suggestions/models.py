from django.db import models

from columns.models import Column
from outlets.models import Outlet


class BylineSource(models.Model):
    """Where an outlet lists the analyst's new pieces: their author page, a feed, a sitemap."""

    class Kind(models.TextChoices):
        FEED = "feed", "RSS or Atom feed"
        SITEMAP = "sitemap", "Sitemap"
        PAGE = "page", "Author or section page"

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="byline_sources")
    url = models.URLField("address", max_length=1000, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FEED)
    active = models.BooleanField(default=True)
    polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_result = models.CharField(max_length=300, blank=True, default="", editable=False)
    etag = models.CharField(max_length=300, blank=True, default="", editable=False)
    last_modified = models.CharField(max_length=100, blank=True, default="", editable=False)

    class Meta:
        ordering = ["outlet__name", "url"]

    def __str__(self):
        return f"{self.outlet}: {self.url}"


class Suggestion(models.Model):
    """A piece found at an outlet that the site does not have yet, waiting for the editor."""

    class State(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Made a draft"
        DISMISSED = "dismissed", "Dismissed"

    source = models.ForeignKey(
        BylineSource, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="+")
    url = models.URLField("address", max_length=1000, unique=True)
    canonical_url = models.URLField(max_length=1000, blank=True, default="")
    title = models.CharField(max_length=300)
    dek = models.TextField("standfirst", blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    byline = models.JSONField(default=list, blank=True)  # names, in the page's order
    byline_known = models.BooleanField(
        "byline includes you or a known co-author",
        default=False,
        help_text="Off when the page's byline names nobody this site knows: check it's yours.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.NEW)
    column = models.ForeignKey(
        Column, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    found_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-found_at"]

    def __str__(self):
        return self.title
