from django.db import models
from django.utils import timezone

from columns.models import Column


class Original(models.Model):
    """A column's original at its outlet, as the link checker last saw it."""

    class State(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        ALIVE = "alive", "Online"
        MOVED = "moved", "Moved (link updated)"
        PAYWALLED = "paywalled", "Behind a paywall or login"
        FAILING = "failing", "Failing (not yet declared gone)"
        GONE = "gone", "Gone"

    column = models.OneToOneField(Column, on_delete=models.CASCADE, related_name="original_watch")
    url = models.URLField("address checked", max_length=1000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.UNCHECKED)
    failures = models.PositiveIntegerField("failed checks in a row", default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField("last checked", null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    # Conditional requests: what the outlet said last time.
    etag = models.CharField(max_length=300, blank=True, default="")
    last_modified = models.CharField(max_length=100, blank=True, default="")
    archive_checked_at = models.DateTimeField("archive looked up", null=True, blank=True)

    class Meta:
        ordering = ["checked_at"]
        indexes = [models.Index(fields=["state", "checked_at"], name="original_state_checked")]

    def __str__(self):
        return self.url


class Check(models.Model):
    """One visit to an original, kept for the record (the latest few per original)."""

    class Outcome(models.TextChoices):
        ALIVE = "alive", "Online"
        NOT_MODIFIED = "not_modified", "Online (not modified)"
        MOVED = "moved", "Moved permanently"
        PAYWALLED = "paywalled", "Paywall or login"
        NOT_FOUND = "not_found", "Not found (404/410)"
        NO_SITE = "no_site", "The site is gone (no such host)"
        SOFT_404 = "soft_404", "Page no longer carries the column"
        ERROR = "error", "Error (timeout, server error)"
        ROBOTS = "robots", "Not checked: robots.txt disallows"
        REFUSED = "refused", "Not checked: not a public address"

    original = models.ForeignKey(Original, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=15, choices=Outcome.choices)
    status = models.PositiveSmallIntegerField("HTTP status", null=True, blank=True)
    detail = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return f"{self.get_outcome_display()} at {self.checked_at:%Y-%m-%d %H:%M}"


class Link(models.Model):
    """A link in a public column's body to another site, as the link checker last saw it."""

    class State(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        ALIVE = "alive", "Online"
        FAILING = "failing", "Failing (not yet declared dead)"
        DEAD = "dead", "Dead"

    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="+")
    url = models.URLField(max_length=1000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.UNCHECKED)
    failures = models.PositiveIntegerField("failed checks in a row", default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField("last checked", null=True, blank=True)
    last_outcome = models.CharField(max_length=15, choices=Check.Outcome.choices, blank=True)
    archived_url = models.URLField("archived copy", max_length=1000, blank=True, default="")

    class Meta:
        ordering = ["checked_at"]
        constraints = [
            models.UniqueConstraint(fields=["column", "url"], name="unique_link_per_column"),
        ]

    def __str__(self):
        return self.url
