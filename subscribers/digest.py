"""
The digest: each confirmed subscriber gets, when their week or month has passed, the columns
(and, if they asked, the media appearances) made public since their last digest. Nothing new,
no email. Messages carry one-click unsubscribe headers (RFC 8058).
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import timezone

from columns.models import Column
from mentions.models import Mention

from .models import Subscriber

# A digest is due this long after the last one: a day's slack, so a daily cron job at a
# slightly different time still sends weekly ones every seventh day.
PERIODS = {
    Subscriber.Frequency.WEEKLY: datetime.timedelta(days=6, hours=12),
    Subscriber.Frequency.MONTHLY: datetime.timedelta(days=27),
}
# Addresses asked for but never confirmed are forgotten after this long.
PENDING_KEPT = datetime.timedelta(days=7)


def is_due(subscriber, now):
    since = subscriber.last_sent_at or subscriber.confirmed_at
    return now - since >= PERIODS[subscriber.frequency]


def digest_message(subscriber, columns, mentions):
    unsubscribe = settings.SITE_URL + subscriber.unsubscribe_path()
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "columns": columns,
        "mentions": mentions,
        "subscriber": subscriber,
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=f"New from {settings.SITE_NAME}: {len(columns)} column{'s' * (len(columns) != 1)}"
        if columns
        else f"New from {settings.SITE_NAME}: in the media",
        body=render_to_string("subscribers/email/digest.txt", context),
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("subscribers/email/digest.html", context), "text/html"
    )
    return message


def send_digests(now=None, dry_run=False):
    """Send every due digest; returns (sent, skipped for having nothing new, forgotten).

    What is new is read once, since the earliest of the due subscribers' last digests (a few
    weeks of columns at most), and each subscriber's share picked from it: the queries do not
    grow with the list, except one update per message sent, so a run that fails midway
    never sends anyone the same digest twice."""
    now = now or timezone.now()
    forgotten, _ = Subscriber.objects.filter(
        confirmed_at__isnull=True, asked_at__lt=now - PENDING_KEPT
    ).delete()
    due = [s for s in Subscriber.objects.confirmed().order_by("pk") if is_due(s, now)]
    sent = empty = 0
    if not due:
        return sent, empty, forgotten
    earliest = min(subscriber.last_sent_at or subscriber.confirmed_at for subscriber in due)
    new_columns = list(
        Column.objects.published()
        .filter(posted_at__gt=earliest, posted_at__lte=now)
        .with_listing_data()
        .order_by("date")
    )
    new_mentions = []
    if any(subscriber.include_mentions for subscriber in due):
        new_mentions = list(
            Mention.objects.published()
            .filter(created_at__gt=earliest)
            .select_related("outlet")
            .order_by("date")
        )
    connection = None if dry_run else get_connection()
    for subscriber in due:
        since = subscriber.last_sent_at or subscriber.confirmed_at
        columns = [column for column in new_columns if column.posted_at > since]
        mentions = []
        if subscriber.include_mentions:
            mentions = [mention for mention in new_mentions if mention.created_at > since]
        if not columns and not mentions:
            empty += 1
            continue
        if not dry_run:
            connection.send_messages([digest_message(subscriber, columns, mentions)])
            Subscriber.objects.filter(pk=subscriber.pk).update(last_sent_at=now)
        sent += 1
    return sent, empty, forgotten
