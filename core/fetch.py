"""
Fetching from the web (add-from-URL, media, link checks) without becoming a network probe.

The host is resolved once, every address must be public (no private, loopback, link-local,
multicast or reserved ones), and the connection goes to that checked address, so a DNS
answer cannot change between the check and the request. Redirects are followed by hand and
checked the same way. IPv6 addresses that carry an IPv4 one (IPv4-mapped, 6to4, Teredo,
NAT64...) are judged by that IPv4 address too, whatever the notation.

Only the expected types are read, within a size limit and a total deadline that holds on
every read: before each blocking call the socket's timeout shrinks to what is left, so a site
sending one byte a second cannot keep a worker past the deadline. Tests serving pages from
127.0.0.1 turn on ALLOW_LOOPBACK_FETCH; production leaves it off.
"""

import http.client
import io
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


# IPv6 ranges whose last 32 bits are an IPv4 address: IPv4-compatible (::a.b.c.d, deprecated),
# IPv4-mapped, IPv4-translated (SIIT) and the well-known NAT64 prefix. The local-use NAT64
# prefix (64:ff9b:1::/48) leads to whatever network its operator chose: refused whole.
_IPV4_IN_LAST_32_BITS = [
    ipaddress.ip_network("::/96"),
    ipaddress.ip_network("::ffff:0:0/96"),
    ipaddress.ip_network("::ffff:0:0:0/96"),
    ipaddress.ip_network("64:ff9b::/96"),
]
_NEVER_FETCHED = [ipaddress.ip_network("64:ff9b:1::/48")]
# Python counts the NAT64 prefix as reserved (it lies in ::/8), but an IPv6-only server behind
# DNS64 reaches every IPv4 site through it: judged by the IPv4 address inside alone.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip):
    """The IPv4 addresses an IPv6 address leads to (transition mechanisms), or []."""
    if ip.version != 6:
        return []
    found = (
        [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
        if any(ip in network for network in _IPV4_IN_LAST_32_BITS)
        else []
    )
    if ip.sixtofour:
        found.append(ip.sixtofour)
    if ip.teredo:
        found.extend(ip.teredo)  # the Teredo server and the client behind it
    return found


def _is_public(ip):
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def _check_address(address):
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.scope_id:
        ip = ipaddress.IPv6Address(address.split("%")[0])
    inner = embedded_ipv4(ip)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback and getattr(settings, "ALLOW_LOOPBACK_FETCH", False):
        return
    refused = any(ip in network for network in _NEVER_FETCHED)
    if not (ip.version == 6 and ip in _NAT64):
        refused = refused or not _is_public(ip)
    if refused or not all(_is_public(v4) for v4 in inner):
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


class _Deadline:
    """A point in time (monotonic) after which no blocking call on the connection may run."""

    def __init__(self, at, step):
        self.at, self.step = at, step

    def left(self):
        """Seconds for the next blocking call: at most one step, never past the deadline."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return min(left, self.step)


class _DeadlineReader(io.RawIOBase):
    """The socket's input as http.client reads it (status line, headers, body), each receive
    given only the time left: without this, a sender trickling a byte under every timeout
    keeps one read going for as long as it likes."""

    def __init__(self, owner):
        self.owner = owner

    def readable(self):
        return True

    def readinto(self, buffer):
        self.owner.sock.settimeout(self.owner.deadline.left())
        return self.owner.sock.recv_into(buffer)

    def close(self):
        if not self.closed:
            super().close()
            self.owner.release()


class _DeadlineSocket:
    """A connected socket whose reads and writes keep to the deadline. Like a socket's own
    makefile(), a reader keeps it open until both are closed: http.client closes the
    connection as soon as a response without a length has begun, and reads on."""

    def __init__(self, sock, deadline):
        self.sock, self.deadline = sock, deadline
        self.users = 1
        self.closed_here = False

    def makefile(self, mode="r", *args, **kwargs):
        self.users += 1
        return io.BufferedReader(_DeadlineReader(self))

    def sendall(self, data):
        self.sock.settimeout(self.deadline.left())
        return self.sock.sendall(data)

    def release(self):
        self.users -= 1
        if self.users == 0:
            self.sock.close()

    def close(self):
        if not self.closed_here:
            self.closed_here = True
            self.release()

    def __getattr__(self, name):
        return getattr(self.sock, name)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, deadline):
        super().__init__(host, port, timeout=deadline.left())
        self.address, self.deadline = address, deadline

    def _open(self):
        return socket.create_connection((self.address, self.port), self.deadline.left())

    def connect(self):
        self.sock = _DeadlineSocket(self._open(), self.deadline)


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    default_port = http.client.HTTPS_PORT

    def connect(self):
        sock = self._open()
        # The handshake's own reads are bounded by what is left at its start.
        sock.settimeout(self.deadline.left())
        context = ssl.create_default_context()
        sock = context.wrap_socket(sock, server_hostname=self.host)
        self.sock = _DeadlineSocket(sock, self.deadline)


def _request(url, deadline, headers):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError("Paste the address of a web page, starting with https://.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password are not fetched.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, deadline)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
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
    # `timeout` bounds each network step; the whole fetch, redirects included, gets two.
    deadline = _Deadline(time.monotonic() + timeout * 2, timeout)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ",".join(type_ + "*" if type_.endswith("/") else type_ for type_ in accept),
        "Accept-Encoding": "identity",
        **(headers or {}),
    }
    try:
        for _ in range(MAX_REDIRECTS + 1):
            connection, response = _request(url, deadline, headers)
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
                body = bytearray()
                # read1: at most one receive per call, so the size is checked as it grows.
                while chunk := response.read1(65536):
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"That address holds {what} too large to read.")
                fetched.body = bytes(body)
                return fetched
            finally:
                response.close()
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
