"""
watch_bylines: poll each active byline source (conditional GET, politely), find the article
addresses the site does not know yet, read each page's metadata with the add-from-URL reader,
and file it as a suggestion for the editor. Nothing becomes public without the editor.

A piece is already known by its address or canonical address (a column's original URL or an
earlier suggestion, dismissed ones included), or by its title and date (a column of that
title on that day).
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models.functions import Lower
from django.utils import timezone

from columns.admin.page_metadata import extract_metadata
from columns.models import Author, Column
from core.fetch import HTML_TYPES, FetchError, fetch
from core.polite import HostPacer, Robots, user_agent

from .models import BylineSource, Suggestion
from .sources import article_links

USER_AGENT_JOB = "byline watcher"
SOURCE_TYPES = {
    BylineSource.Kind.FEED: {"application/rss+xml", "application/atom+xml", "application/xml",
                             "text/xml", "application/feed+xml"},
    BylineSource.Kind.SITEMAP: {"application/xml", "text/xml"},
    BylineSource.Kind.PAGE: HTML_TYPES,
}  # fmt: skip
NEW_PAGES_PER_SOURCE = 20


@dataclass
class Summary:
    polled: int = 0
    unchanged: int = 0
    suggested: list = field(default_factory=list)
    known: int = 0
    errors: list = field(default_factory=list)
    stopped_early: bool = False


def address_key(url):
    """An address as compared: no fragment, no query, no trailing slash, host in lower case."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


class Known:
    """What the site already has, loaded once per run."""

    def __init__(self):
        self.addresses = {
            address_key(url)
            for url in Column.objects.exclude(original_url="").values_list(
                "original_url", flat=True
            )
        }
        for url, canonical in Suggestion.objects.values_list("url", "canonical_url"):
            self.addresses.add(address_key(url))
            if canonical:
                self.addresses.add(address_key(canonical))
        self.names = set(Author.objects.annotate(n=Lower("name")).values_list("n", flat=True))

    def has_address(self, *urls):
        return any(url and address_key(url) in self.addresses for url in urls)

    def has_title_on_day(self, title, when):
        if not title or when is None:
            return False
        return Column.objects.filter(title__iexact=title.strip(), day=when.date()).exists()

    def add(self, *urls):
        self.addresses.update(address_key(url) for url in urls if url)


def watch_bylines(max_minutes=None, host_delay=None, log=lambda line: None):
    host_delay = settings.ORIGINALS_HOST_DELAY if host_delay is None else host_delay
    deadline = time.monotonic() + max_minutes * 60 if max_minutes else None
    agent = user_agent(USER_AGENT_JOB)
    robots, pacer, known, summary = Robots(agent), HostPacer(host_delay), Known(), Summary()
    for source in BylineSource.objects.filter(active=True).select_related("outlet"):
        if deadline and time.monotonic() >= deadline:
            summary.stopped_early = True
            break
        links = _poll(source, agent, robots, pacer, summary)
        new = [url for url in links if not known.has_address(url)]
        summary.known += len(links) - len(new)
        for url in new[:NEW_PAGES_PER_SOURCE]:
            if deadline and time.monotonic() >= deadline:
                summary.stopped_early = True
                break
            suggestion = _suggest(source, url, agent, robots, pacer, known, summary)
            if suggestion:
                summary.suggested.append(suggestion)
                log(f"suggested: {suggestion.title} ({url})")
    return summary


def _get(url, agent, robots, pacer, accept, extra_headers=None):
    if not robots.allows(url):
        raise FetchError("robots.txt asks us not to read this address.")
    pacer.wait(url)
    try:
        return fetch(url, accept=accept, headers={"User-Agent": agent, **(extra_headers or {})})
    finally:
        pacer.visited(url)


def _poll(source, agent, robots, pacer, summary):
    conditional = {}
    if source.etag:
        conditional["If-None-Match"] = source.etag
    if source.last_modified:
        conditional["If-Modified-Since"] = source.last_modified
    source.polled_at = timezone.now()
    try:
        fetched = _get(source.url, agent, robots, pacer, SOURCE_TYPES[source.kind], conditional)
    except FetchError as error:
        source.last_result = str(error)[:300]
        source.save(update_fields=["polled_at", "last_result"])
        summary.errors.append(f"{source.url}: {error}")
        return []
    summary.polled += 1
    if fetched.status == 304:
        summary.unchanged += 1
        source.last_result = "Unchanged since the last visit."
        source.save(update_fields=["polled_at", "last_result"])
        return []
    if fetched.status != 200:
        source.last_result = f"The site answered {fetched.status}."
        source.save(update_fields=["polled_at", "last_result"])
        summary.errors.append(f"{source.url}: answered {fetched.status}")
        return []
    links = article_links(source.kind, fetched.body if source.kind != "page" else fetched.text(),
                          fetched.url)  # fmt: skip
    source.etag = fetched.headers.get("etag", "")[:300]
    source.last_modified = fetched.headers.get("last-modified", "")[:100]
    source.last_result = f"{len(links)} article addresses listed."
    source.save(update_fields=["polled_at", "last_result", "etag", "last_modified"])
    return links


def _suggest(source, url, agent, robots, pacer, known, summary):
    try:
        fetched = _get(url, agent, robots, pacer, HTML_TYPES)
    except FetchError as error:
        summary.errors.append(f"{url}: {error}")
        return None
    if fetched.status != 200:
        summary.errors.append(f"{url}: answered {fetched.status}")
        return None
    page = extract_metadata(fetched.text(), source.outlet.zone)
    canonical = page.canonical_url if page.canonical_url.startswith(("http://", "https://")) else ""
    title = " ".join((page.title or "").split())[:300]
    if (
        not title
        or known.has_address(fetched.url, canonical)
        or known.has_title_on_day(title, page.published_at)
    ):
        summary.known += 1
        known.add(url, fetched.url, canonical)
        return None
    names = [" ".join(name.split())[:200] for name in page.authors if name.strip()][:20]
    known.add(url, fetched.url, canonical)
    return Suggestion.objects.create(
        source=source,
        outlet=source.outlet,
        url=url[:1000],
        canonical_url=canonical[:1000],
        title=title,
        dek=" ".join((page.dek or "").split())[:2000],
        published_at=page.published_at,
        byline=names,
        byline_known=any(name.casefold() in known.names for name in names),
    )
