import secrets

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone


def new_token():
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscriber(models.Model):
    """A reader who asked for new columns by email. Their address is personal data: shown to
    editors only, never logged, deleted (not flagged) when they unsubscribe."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Weekly"
        MONTHLY = "monthly", "Monthly"

    email = models.EmailField(max_length=254)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default="weekly")
    include_mentions = models.BooleanField(
        "media appearances too", default=False, help_text="Also list new media appearances."
    )
    # The secret in the confirmation and unsubscribe links.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last time the signup form asked for this address (confirmation emails are spaced).
    asked_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_subscriber_email"),
        ]
        permissions = [("export_subscriber", "Can export the subscribers' addresses")]

    def __str__(self):
        return self.email

    def confirm_path(self):
        return reverse("subscribers:confirm", kwargs={"token": self.token})

    def unsubscribe_path(self):
        return reverse("subscribers:unsubscribe", kwargs={"token": self.token})
