"""The fetcher's promises against hostile sites: a deadline that holds on every read, and no
way into a private network through an IPv6 notation."""

import contextlib
import socket
import threading
import time

import pytest

from core.fetch import FetchError, _check_address, fetch, fetch_html

# Seconds between two bytes of a trickling site: well under any socket timeout the tests set,
# so only a deadline enforced on every read can stop it.
TRICKLE_GAP = 0.05


class TricklingSite:
    """A site that answers with `head` at once (or also trickled) and then sends `body` one
    byte at a time, TRICKLE_GAP apart."""

    def __init__(self, head, body, trickle_head=False):
        self.head, self.body, self.trickle_head = head, body, trickle_head
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/"
        self.stop = threading.Event()
        # How many bytes went out before the client hung up, set once it has.
        self.sent, self.hung_up = 0, threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            with conn, contextlib.suppress(OSError):
                conn.recv(65536)
                if not self.trickle_head:
                    conn.sendall(self.head)
                for byte in (self.head if self.trickle_head else b"") + self.body:
                    if self.stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    self.sent += 1
                    time.sleep(TRICKLE_GAP)
            self.hung_up.set()

    def close(self):
        self.stop.set()
        self.thread.join()
        self.listener.close()


@pytest.fixture
def trickling(settings):
    settings.ALLOW_LOOPBACK_FETCH = True
    settings.FETCH_TIMEOUT = 0.2  # a whole fetch may take 0.4 s
    sites = []

    def start(head, body, **kwargs):
        sites.append(TricklingSite(head, body, **kwargs))
        return sites[-1]

    yield start
    for site in sites:
        site.close()


# Sent whole, this page takes 200 bytes at TRICKLE_GAP = 10 s: twenty-five times the deadline.
PAGE = b"<p>" + b"x" * 193 + b"</p>"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(PAGE)


def assert_hung_up_early(site, sent_whole):
    """The fetcher left while the site was still sending: by the deadline (0.4 s, some eight
    bytes) and not at the end (what a deadline checked only between reads gave)."""
    assert site.hung_up.wait(timeout=sent_whole * TRICKLE_GAP)
    assert site.sent < sent_whole / 4


class TestDeadline:
    def test_a_body_sent_a_byte_at_a_time_is_abandoned_at_the_deadline(self, trickling):
        site = trickling(HEAD, PAGE)
        with pytest.raises(FetchError, match="too long"):
            fetch_html(site.url)
        assert_hung_up_early(site, len(PAGE))

    def test_headers_sent_a_byte_at_a_time_too(self, trickling):
        head = HEAD[:-2] + b"X-Padding: " + b"y" * 200 + b"\r\n\r\n"
        site = trickling(head, b"", trickle_head=True)
        with pytest.raises(FetchError, match="too long"):
            fetch(site.url, accept={"text/html"})
        assert_hung_up_early(site, len(head))

    def test_a_quick_site_is_read_whole(self, trickling, settings):
        settings.FETCH_TIMEOUT = 5
        site = trickling(HEAD + PAGE, b"")
        assert fetch_html(site.url) == (site.url, PAGE.decode())


class TestIPv6TransitionAddresses:
    @pytest.mark.parametrize(
        "address",
        [
            "2002:7f00:1::",  # 6to4 of 127.0.0.1
            "2002:7f00:0001:0000::1",  # the same, written out
            "2002:0a00:0005::",  # 6to4 of 10.0.0.5
            "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254 (cloud metadata)
            "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
            "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
            "64:ff9b::10.0.0.5",  # NAT64, dotted
            "64:ff9b:1::a00:5",  # local-use NAT64
            "::127.0.0.1",  # IPv4-compatible
            "::7f00:1",  # IPv4-compatible, hexadecimal
            "::a9fe:a9fe",
            "::ffff:127.0.0.1",  # IPv4-mapped
            "::ffff:7f00:1",
            "::ffff:0:10.0.0.5",  # IPv4-translated
            "fe80::1%1",  # link-local with a zone
        ],
    )
    def test_refused_when_the_ipv4_inside_is_not_public(self, address):
        with pytest.raises(FetchError, match="private or local network"):
            _check_address(address)

    @pytest.mark.parametrize(
        "address", ["2002:5db8:d822::1", "64:ff9b::5db8:d822", "2606:4700::6810:84e5", "8.8.8.8"]
    )
    def test_public_ones_pass(self, address):
        _check_address(address)

    def test_a_url_with_a_6to4_literal_is_refused_before_connecting(self):
        with pytest.raises(FetchError, match="private or local network"):
            fetch_html("http://[2002:7f00:1::]/")
