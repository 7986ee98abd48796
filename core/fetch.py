"""
Fetching from the web (add-from-URL, media, link checks) without becoming a network probe.

The host is resolved once, every address must be public (no private, loopback, link-local,
multicast or reserved ones), and the connection goes to that checked address, so a DNS
answer cannot change between the check and the request. Redirects are followed by hand and
checked the same way. Only the expected types are read, within a time and size limit. Tests
serving pages from 127.0.0.1 turn on ALLOW_LOOPBACK_FETCH; production leaves it off.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

HTML_TYPES = {"text/html", "application/xhtml+xml"}
MAX_REDIRECTS = 3
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = "Columnist/1.0 (metadata preview for an editor)"


class FetchError(Exception):
    """A page that could not be fetched; the message is for the editor."""


def _check_address(address):
    ip = ipaddress.ip_address(address)
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if ip.is_loopback and getattr(settings, "ALLOW_LOOPBACK_FETCH", False):
        return
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        raise FetchError(
            "That address points into a private or local network; only public web pages "
            "can be fetched."
        )


def resolve_public(host, port):
    """The host's first address, once every address it resolves to is checked as public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The site “{host}” could not be found.") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"The site “{host}” could not be found.")
    for address in addresses:
        _check_address(address)
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request(url, timeout, deadline, headers):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError("Paste the address of a web page, starting with https://.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password are not fetched.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, timeout)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        if time.monotonic() > deadline:
            raise TimeoutError
    except BaseException:
        connection.close()
        raise
    return connection, response


@dataclass
class Fetched:
    """A response read whole: where it ended up (after redirects), its status, headers and body."""

    url: str
    status: int
    headers: dict
    body: bytes

    @property
    def content_type(self):
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    def text(self):
        charset = "utf-8"
        for param in (self.headers.get("content-type") or "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def _type_accepted(content_type, accept):
    return any(
        content_type.startswith(wanted) if wanted.endswith("/") else content_type == wanted
        for wanted in accept
    )


def fetch(
    url,
    *,
    accept,
    what="a web page",
    max_bytes=None,
    timeout=None,
    headers=None,
    follow_redirects=True,
):
    """
    GET `url` and read it whole, following redirects (each hop checked), as a `Fetched`.

    `accept` is a set of content types ("text/html") or families ("image/"); a 200 of another
    type is refused, saying it is not `what`. Other statuses (304, 404, 410...) are returned
    with an empty body for the caller to judge. Anything else raises FetchError, plainly worded.
    """
    timeout = timeout or settings.FETCH_TIMEOUT
    limit = max_bytes or settings.FETCH_MAX_BYTES
    deadline = time.monotonic() + timeout * 2
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ",".join(type_ + "*" if type_.endswith("/") else type_ for type_ in accept),
        "Accept-Encoding": "identity",
        **(headers or {}),
    }
    try:
        for _ in range(MAX_REDIRECTS + 1):
            connection, response = _request(url, timeout, deadline, headers)
            try:
                response_headers = {name.lower(): value for name, value in response.getheaders()}
                if response.status in REDIRECT_STATUSES and follow_redirects:
                    location = response.getheader("Location")
                    if not location:
                        raise FetchError("The page redirected nowhere.")
                    url = urljoin(url, location)
                    continue
                fetched = Fetched(url, response.status, response_headers, b"")
                if response.status != 200:
                    return fetched
                if not _type_accepted(fetched.content_type, accept):
                    raise FetchError(
                        f"That address is not {what} (it is “{fetched.content_type or 'unknown'}”)."
                    )
                body = b""
                while chunk := response.read(65536):
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"That address holds {what} too large to read.")
                    if time.monotonic() > deadline:
                        raise TimeoutError
                fetched.body = body
                return fetched
            finally:
                connection.close()
        raise FetchError("The page redirected too many times.")
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError("The site took too long to answer.") from None
    except ssl.SSLError:
        raise FetchError("The site's secure connection could not be verified.") from None
    except (OSError, http.client.HTTPException, ValueError):
        raise FetchError("The page could not be fetched (the connection failed).") from None


def fetch_html(url):
    """The page at `url` as (final URL, text). Raises FetchError with a plain message."""
    fetched = fetch(url, accept=HTML_TYPES)
    if fetched.status != 200:
        raise FetchError(f"The site answered with an error ({fetched.status}).")
    return fetched.url, fetched.text()
