"""robots.txt, read once per host per run: an outlet that disallows us is not visited."""

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from core.fetch import FetchError, fetch


class Robots:
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
