"""A local web server that plays an outlet's site in tests: pages by path, with any status,
headers or delay, and a log of the requests it received. Loopback fetching is allowed only
while it runs (ALLOW_LOOPBACK_FETCH)."""

import contextlib
import http.server
import threading
import time

import pytest


class OutletHandler(http.server.BaseHTTPRequestHandler):
    pages = {}
    requests = []

    def do_GET(self):
        self.requests.append((self.path, {**self.headers, "X-Received": time.monotonic()}))
        status, headers, body, delay = self.pages.get(
            self.path, (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>", 0)
        )
        if callable(body):
            status, headers, body = body(self)
        time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def outlet_site(settings):
    settings.ALLOW_LOOPBACK_FETCH = True
    settings.FETCH_TIMEOUT = 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OutletHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    OutletHandler.pages = {}
    OutletHandler.requests = []
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def serve(path, body="", status=200, content_type="text/html; charset=utf-8", delay=0, **hdrs):
        body = body.encode() if isinstance(body, str) else body
        headers = {
            "Content-Type": content_type,
            **{k.replace("_", "-"): v for k, v in hdrs.items()},
        }
        OutletHandler.pages[path] = (status, headers, body, delay)
        return base + path

    serve.base = base
    serve.requests = OutletHandler.requests
    yield serve
    server.shutdown()
    server.server_close()
