"""
Archived copies of originals, from the Internet Archive (or any service speaking its APIs):
its availability API finds an existing capture; Save Page Now makes one. The service is off
unless `ARCHIVE_SAVE_URL` / `ARCHIVE_AVAILABILITY_URL` are set (README: "Guard the originals");
tests point them at a local fake.
"""

import json
from urllib.parse import quote, urlencode, urljoin

from django.conf import settings

from core.fetch import FetchError, fetch
from core.polite import user_agent

from .visit import USER_AGENT_JOB


def enabled():
    return bool(settings.ARCHIVE_SAVE_URL or settings.ARCHIVE_AVAILABILITY_URL)


def existing_capture(url):
    """The closest capture the archive already holds, or ""."""
    if not settings.ARCHIVE_AVAILABILITY_URL:
        return ""
    query = urlencode({"url": url})
    try:
        fetched = fetch(
            f"{settings.ARCHIVE_AVAILABILITY_URL}?{query}",
            accept={"application/json", "text/"},
            what="an archive's answer",
            headers={"User-Agent": user_agent(USER_AGENT_JOB)},
            max_bytes=200_000,
        )
        closest = json.loads(fetched.body)["archived_snapshots"]["closest"]
    except (FetchError, ValueError, KeyError, TypeError):
        return ""
    if not isinstance(closest, dict) or not closest.get("available"):
        return ""
    return _http_url(closest.get("url", ""))


def capture(url):
    """Ask Save Page Now to capture `url`; the capture's address, or "" if it did not."""
    if not settings.ARCHIVE_SAVE_URL:
        return ""
    save = settings.ARCHIVE_SAVE_URL.rstrip("/") + "/" + quote(url, safe=":/?&=%#")
    try:
        fetched = fetch(
            save,
            accept={"text/html", "text/"},
            what="an archive's answer",
            headers={"User-Agent": user_agent(USER_AGENT_JOB)},
            follow_redirects=False,
            max_bytes=2_000_000,
            timeout=60,
        )
    except FetchError:
        return ""
    where = fetched.headers.get("content-location") or fetched.headers.get("location") or ""
    return _http_url(urljoin(save, where)) if where else ""


def _http_url(url):
    return url[:1000] if url.startswith(("https://", "http://")) else ""
