"""
Scale-out shown: two app processes on different ports share one PostgreSQL and one Redis.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_bench_1k \\
    REDIS_URL=redis://127.0.0.1:6379/8 .venv/bin/python bench/scale_out.py

It starts the server on ports 8301 and 8302 (as `make prod` does), lets both cache the home
page, then logs in to the admin through the first and unpublishes the newest column there;
the second must stop showing it at its very next request, and show it again after it is
republished through the first. In production the two run on different hosts behind a load
balancer that probes /healthz; they share nothing else (no local files: media on S3).
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import BASE_ENV, PYTHON, ROOT, start_server

PORTS = (8301, 8302)
USER, PASSWORD = "scale-out-editor", "scale-out-password-6"


def admin_session(base):
    """A logged-in admin session through one app process: (opener, csrf token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def token(path):
        page = opener.open(base + path).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    data = {"username": USER, "password": PASSWORD, "next": "/admin/"}
    data["csrfmiddlewaretoken"] = token("/admin/login/")
    opener.open(base + "/admin/login/", urllib.parse.urlencode(data).encode())
    return opener, token


def set_status(opener, token, base, column_id, action):
    changelist = "/admin/columns/column/"
    data = {
        "action": action,
        "_selected_action": column_id,
        "index": 0,
        "csrfmiddlewaretoken": token(changelist),
    }
    opener.open(base + changelist, urllib.parse.urlencode(data).encode()).read()


def home(base):
    with urllib.request.urlopen(base + "/") as response:
        return response.read().decode(), response.headers.get("X-Page-Cache")


def main():
    env = {**os.environ, **BASE_ENV}
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not env.get(name):
            raise SystemExit(f"Set {name} (see the docstring).")
    script = (
        "from django.contrib.auth.models import User; from columns.models import Column; "
        f"u, _ = User.objects.get_or_create(username='{USER}'); "
        f"u.is_staff = u.is_superuser = True; u.set_password('{PASSWORD}'); u.save(); "
        "c = Column.objects.published().first(); print(c.pk, '|', c.title)"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], env=env, cwd=ROOT, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    column_id, title = (part.strip() for part in out.strip().splitlines()[-1].split("|", 1))
    servers = [start_server(env, port) for port in PORTS]
    a, b = (f"http://127.0.0.1:{port}" for port in PORTS)
    try:
        home(a), home(b)
        page, cache = home(b)
        print(f"B serves the home page from its cache ({cache}); it shows {title!r}: "
              f"{title in page}")  # fmt: skip
        opener, token = admin_session(a)
        set_status(opener, token, a, column_id, "unpublish")
        page, cache = home(b)
        print(f"unpublished through A; B's next request ({cache}) shows it: {title in page}")
        set_status(opener, token, a, column_id, "publish")
        page, cache = home(b)
        print(f"republished through A; B's next request ({cache}) shows it: {title in page}")
        page, cache = home(a)
        print(f"and A ({cache}) shows it: {title in page}")
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()


if __name__ == "__main__":
    main()
