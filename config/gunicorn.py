"""gunicorn settings for `make prod`, from the environment (see README: Production)."""

import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# The usual rule for CPU-bound Python: two workers per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
# gthread keeps connections alive between requests (the sync worker closes each one);
# one thread per worker by default, as each request holds the CPU for its whole life.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
keepalive = 5
timeout = 30
graceful_timeout = 20
# Loading the app in each worker (no preload): the database pool's threads must not fork.
preload_app = False
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# The original client's address and scheme from a trusted proxy in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
