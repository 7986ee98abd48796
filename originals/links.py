"""
The links in public columns' bodies to other sites, checked like the originals (the same
polite visits, the same patience before declaring one dead), with the archived copy of each
dead one looked up: `check_originals --links`.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from columns.models import Column
from core.html_tokens import TAG, tokens
from core.polite import HostPacer, Robots, user_agent

from . import archive
from .models import Check, Link
from .state import FAILURE, SUCCESS
from .visit import USER_AGENT_JOB, visit


def outbound_links(html, own_hosts=()):
    """The http(s) addresses the body links to, on other sites, in order, each once."""
    found = []
    for token in tokens(html):
        if token.kind == TAG and token.name == "a" and not token.closing:
            href = token.attributes().get("href", "").strip()
            host = urlsplit(href).netloc.lower()
            if href.startswith(("http://", "https://")) and host and host not in own_hosts:
                found.append(href[:1000])
    return list(dict.fromkeys(found))


def sync_links():
    own = {urlsplit(settings.SITE_URL).netloc.lower()}
    wanted = set()
    for pk, body in Column.objects.published().values_list("pk", "body").iterator():
        wanted.update((pk, url) for url in outbound_links(body, own))
    have = set(Link.objects.values_list("column_id", "url"))
    Link.objects.bulk_create(
        [Link(column_id=pk, url=url) for pk, url in wanted - have], ignore_conflicts=True
    )
    stale = have - wanted  # links edited out of a body, or of a column no longer public
    for pk, url in stale:
        Link.objects.filter(column_id=pk, url=url).delete()


def record_link(link, outcome, now):
    link.last_outcome, link.checked_at = outcome, now
    if outcome in SUCCESS:
        link.state, link.failures, link.failing_since = Link.State.ALIVE, 0, None
    elif outcome in FAILURE:
        link.failures += 1
        link.failing_since = link.failing_since or now
        patience = datetime.timedelta(days=settings.ORIGINALS_GONE_AFTER_DAYS)
        dead = (
            link.failures >= settings.ORIGINALS_GONE_AFTER_FAILURES
            and now - link.failing_since >= patience
        )
        link.state = Link.State.DEAD if dead else Link.State.FAILING
        if dead and not link.archived_url:
            link.archived_url = archive.existing_capture(link.url)
    link.save()


def check_links(limit=None, host_delay=None, deadline=None):
    """One pass over the due links; returns {outcome: count}."""
    host_delay = settings.ORIGINALS_HOST_DELAY if host_delay is None else host_delay
    sync_links()
    robots, pacer, counts = Robots(user_agent(USER_AGENT_JOB)), HostPacer(host_delay), {}
    queue = list(Link.objects.order_by("checked_at", "pk")[:limit] if limit else Link.objects.all())
    while queue and not (deadline and deadline()):
        ready = next((link for link in queue if pacer.ready(link.url)), None)
        if ready is None:
            pacer.wait_for_any([link.url for link in queue])
            continue
        queue.remove(ready)
        if robots.allows(ready.url):
            outcome = visit(ready.url, "").outcome  # no headline to look for: no soft 404s
            pacer.visited(ready.url)
        else:
            outcome = Check.Outcome.ROBOTS
        record_link(ready, outcome, timezone.now())
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts
