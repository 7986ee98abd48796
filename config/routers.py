"""
The optional read replica (DATABASE_REPLICA_URL).

Only public reads go to the replica: GET and HEAD requests without a session cookie, marked by
PublicReadsMiddleware. Writes, editors' requests (they must see their own saves at once),
management commands and migrations all use the primary.
"""

from contextvars import ContextVar

from django.conf import settings

public_read = ContextVar("public_read", default=False)


def is_public_read(request):
    return request.method in ("GET", "HEAD") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PublicReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            public_read.reset(token)


class ReplicaRouter:
    """Installed only when DATABASE_REPLICA_URL defines the "replica" database."""

    def db_for_read(self, model, **hints):
        return "replica" if public_read.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
