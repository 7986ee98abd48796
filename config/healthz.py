"""/healthz for load balancers: 200 when the database and the cache answer, else 503."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def cache_answers():
    try:
        cache.get("healthz")
    except Exception:
        return False
    return True


@never_cache
@require_safe
def healthz(request):
    """Touches neither the session nor the page cache: no cookie, one query. GET and HEAD
    only: a probe reads."""
    checks = {"database": database_answers(), "cache": cache_answers()}
    return JsonResponse(
        {name: "ok" if ok else "down" for name, ok in checks.items()},
        status=200 if all(checks.values()) else 503,
    )


class HealthCheckMiddleware:
    """
    Answers /healthz before host validation, sessions and the page cache: load balancers
    probe with their own Host header (often an IP address) and must not get a 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == settings.HEALTH_CHECK_PATH:
            return healthz(request)
        return self.get_response(request)
