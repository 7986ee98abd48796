"""
One polite visit to an original: a conditional GET through the SSRF-safe fetcher, redirects
followed by hand (a permanent one means the piece moved), and the answer classified.

    visit(url, title, etag="", last_modified="") -> Visit(outcome, status, url, detail, ...)

A 200 must still carry the column: a page whose title and text no longer share most of the
headline's words is a "soft 404" (outlets often answer 200 with their home page or a search).
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings

from columns.admin.page_metadata import extract_metadata
from core.fetch import HTML_TYPES, REDIRECT_STATUSES, FetchError, fetch
from core.polite import user_agent

from .models import Check

MAX_HOPS = 5
PAYWALL_STATUSES = {401, 402, 403}
GONE_STATUSES = {404, 410}
NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false', re.IGNORECASE)
WORD = re.compile(r"\w{4,}")


@dataclass
class Visit:
    outcome: str
    status: int | None = None
    url: str = ""  # where the piece is now (after permanent redirects)
    detail: str = ""
    etag: str = ""
    last_modified: str = ""


USER_AGENT_JOB = "link checker"


def carries(title, html):
    """Whether a page still shows the piece: most of the headline's words are on it."""
    words = {w.casefold() for w in WORD.findall(title)}
    if not words:
        return True
    page = extract_metadata(html)
    text = {w.casefold() for w in WORD.findall(f"{page.title} {page.dek} {html[:200_000]}")}
    return len(words & text) / len(words) >= 0.5


def visit(url, title, etag="", last_modified=""):
    headers = {"User-Agent": user_agent(USER_AGENT_JOB)}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    moved = False
    current = url
    try:
        for _ in range(MAX_HOPS):
            fetched = fetch(
                current,
                accept=HTML_TYPES,
                what="a web page",
                headers=headers,
                follow_redirects=False,
                max_bytes=settings.FETCH_MAX_BYTES,
            )
            if fetched.status in REDIRECT_STATUSES and fetched.headers.get("location"):
                moved = moved or fetched.status in {301, 308}
                current = urljoin(current, fetched.headers["location"])
                continue
            break
        else:
            return Visit(Check.Outcome.ERROR, detail="Too many redirects.")
    except FetchError as error:
        message = str(error)
        if "could not be found" in message:
            return Visit(Check.Outcome.NO_SITE, detail=message)
        if "private or local network" in message:
            return Visit(Check.Outcome.REFUSED, detail=message)
        return Visit(Check.Outcome.ERROR, detail=message)
    return _classify(fetched, title, current if moved else url, moved)


def _classify(fetched, title, url, moved):
    status = fetched.status
    found = Visit(Check.Outcome.MOVED if moved else Check.Outcome.ALIVE, status, url)
    found.etag = fetched.headers.get("etag", "")[:300]
    found.last_modified = fetched.headers.get("last-modified", "")[:100]
    if status == 304:
        found.outcome = Check.Outcome.NOT_MODIFIED
    elif status in GONE_STATUSES:
        found.outcome = Check.Outcome.NOT_FOUND
    elif status in PAYWALL_STATUSES:
        found.outcome = Check.Outcome.PAYWALLED
    elif status != 200:
        found.outcome, found.detail = Check.Outcome.ERROR, f"The site answered {status}."
    else:
        html = fetched.text()
        if not carries(title, html):
            found.outcome = Check.Outcome.SOFT_404
            found.detail = "The page no longer shows the column's headline."
        elif NOT_FREE.search(html) and not moved:
            found.outcome = Check.Outcome.PAYWALLED
    return found
