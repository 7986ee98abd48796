"""
Visiting other people's sites politely, for the jobs that poll them (check_originals,
watch_bylines): a User-Agent that names this site, robots.txt read once per host per run and
honoured, and one request at a time per host with a delay between two.
"""

import time
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings

from core.fetch import FetchError, fetch


def user_agent(job):
    """e.g. "Jane's columns link checker (+https://jane.example)"."""
    return f"{settings.SITE_NAME} {job} (+{settings.SITE_URL})"


def host_of(url):
    return urlsplit(url).netloc.lower()


class HostPacer:
    """Spaces requests to one host by `delay` seconds; other hosts need not wait."""

    def __init__(self, delay):
        self.delay = delay
        self.next_at = {}

    def ready(self, url):
        return self.next_at.get(host_of(url), 0) <= time.monotonic()

    def wait_for_any(self, urls):
        soonest = min(self.next_at.get(host_of(url), 0) for url in urls)
        time.sleep(max(0, soonest - time.monotonic()))

    def wait(self, url):
        self.wait_for_any([url])

    def visited(self, url):
        self.next_at[host_of(url)] = time.monotonic() + self.delay


class Robots:
    """robots.txt, read once per host: a site that disallows us is not visited."""

    def __init__(self, user_agent):
        self.user_agent = user_agent
        self.by_host = {}

    def allows(self, url):
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.by_host:
            self.by_host[host] = self._read(host)
        parser = self.by_host[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _read(self, host):
        try:
            fetched = fetch(
                f"{host}/robots.txt",
                accept={"text/"},
                what="a robots.txt file",
                headers={"User-Agent": self.user_agent},
                max_bytes=500_000,
            )
        except FetchError:
            return None  # no robots.txt to read: the site has said nothing against us
        if fetched.status != 200:
            return None
        parser = RobotFileParser()
        parser.parse(fetched.text().splitlines())
        return parser
