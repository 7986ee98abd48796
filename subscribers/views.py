"""
Following by email: sign up (double opt-in), confirm, unsubscribe.

Nothing here says whether an address is subscribed: every signup gets the same answer, and the
email goes to the address's owner. Confirming and unsubscribing take a POST (mail scanners
follow links in emails; they don't submit forms); unsubscribing also answers a mail client's
one-click POST (RFC 8058), which carries no CSRF token: the secret in the address is the proof.

A confirmation the mail server would not take (down, refusing, timing out) is said plainly,
with a 503, and forgotten: the row it created goes, so the next try sends again at once.

One address gets a confirmation every RESEND_AFTER at most, which keeps the form from flooding
an inbox; one client (by its address, as the login throttling counts) may have it send
`SUBSCRIBE_EMAILS_PER_HOUR` confirmations in all, which keeps it from mailing a list of
strangers through our server: past that, a 429 says to try later.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from pagecache.guard import guarded

from .forms import SubscribeForm
from .models import Subscriber

# One confirmation email per address per this long, however often the form is sent.
RESEND_AFTER = datetime.timedelta(minutes=15)
NOT_SENT = (
    "We could not send the confirmation email just now. Nothing was saved: please try again "
    "in a few minutes."
)
TOO_MANY = (
    "Too many sign-ups have come from your network in the last hour. Nothing was saved: "
    "please try again later."
)

logger = logging.getLogger(__name__)


def _send_confirmation(request, subscriber, already=False):
    context = {
        "site_name": settings.SITE_NAME,
        "confirm_url": request.build_absolute_uri(subscriber.confirm_path()),
        "unsubscribe_url": request.build_absolute_uri(subscriber.unsubscribe_path()),
        "already": already,
    }
    try:
        send_mail(
            f"Confirm your subscription to {settings.SITE_NAME}"
            if not already
            else f"You already follow {settings.SITE_NAME}",
            render_to_string("subscribers/email/confirm.txt", context),
            None,
            [subscriber.email],
        )
    except (smtplib.SMTPException, OSError):  # refused, down, timed out
        logger.exception("The confirmation email to subscriber %s was not sent", subscriber.pk)
        return False
    return True


@never_cache
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # the honeypot, filled: a bot, told nothing
            return redirect("subscribers:check_email")
        if _client_over_its_limit(request):
            form.add_error(None, TOO_MANY)
            status = 429
        elif _sign_up(request, form.cleaned_data):
            return redirect("subscribers:check_email")
        else:
            form.add_error(None, NOT_SENT)
            status = 503
    else:
        status = 400 if form.errors else 200
    return render(
        request,
        "subscribers/subscribe.html",
        {"form": form, "title": "Follow by email", "noindex": False},
        status=status,
    )


def _client_over_its_limit(request):
    """Count this sign-up against its client's hour; True once past the limit. With the
    cache down, nobody is held back (the per-address spacing, in the database, still holds)."""
    key = f"subscribers:signups:{request.META.get('REMOTE_ADDR', '')}"
    return guarded(_count, key, default=0) > settings.SUBSCRIBE_EMAILS_PER_HOUR


def _count(key):
    if cache.add(key, 1, timeout=3600):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=3600)
        return 1


def _sign_up(request, data):
    """Sign up, or ask again; False when the email that had to go could not be sent."""
    now = timezone.now()
    existing = Subscriber.objects.filter(email__iexact=data["email"]).first()
    if existing is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(
                    email=data["email"],
                    frequency=data["frequency"],
                    include_mentions=data["include_mentions"],
                )
        except IntegrityError:  # the same address, signed up at the same moment
            return True
        if not _send_confirmation(request, subscriber):
            subscriber.delete()
            return False
    elif now - existing.asked_at >= RESEND_AFTER:
        Subscriber.objects.filter(pk=existing.pk).update(asked_at=now)
        if not _send_confirmation(request, existing, already=existing.confirmed_at is not None):
            Subscriber.objects.filter(pk=existing.pk).update(asked_at=existing.asked_at)
            return False
    return True


@never_cache
def check_email(request):
    return render(request, "subscribers/check_email.html", {"title": "Check your inbox"})


@never_cache
def confirm(request, token):
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber and request.method == "POST" and subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return render(
        request,
        "subscribers/confirm.html",
        {"subscriber": subscriber, "title": "Confirm your subscription"},
        status=200 if subscriber else 404,
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    subscriber = Subscriber.objects.filter(token=token).first()
    done = False
    if request.method == "POST":
        # The address is personal data: unsubscribing deletes it.
        Subscriber.objects.filter(token=token).delete()
        subscriber, done = None, True
    return render(
        request,
        "subscribers/unsubscribe.html",
        {"subscriber": subscriber, "done": done, "title": "Unsubscribe"},
    )
