"""Security headers Django's SecurityMiddleware does not set (the CSP comes from django-csp),
and the HTTP methods the site answers at all."""

from django.conf import settings
from django.http import HttpResponseNotAllowed

# Readers read (GET, HEAD, OPTIONS); editors and subscribers send forms (POST).
KNOWN_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class KnownMethodsMiddleware:
    """Any other method is a 405 naming those four, unless the view answers methods itself.

    Function views (search, feeds, sitemaps, citations, sign-up) answer any method the CSRF
    check lets through as they answer GET, and it lets TRACE through: a TRACE of a search got
    the page, 200, which a security scan reports. Class-based views answer a 405 of their own
    (with what they allow), and so does the read API, as JSON (`discovery.api.read_only`, which
    marks its views `answers_methods`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if request.method in KNOWN_METHODS or hasattr(view, "view_class"):
            return None
        if getattr(view, "answers_methods", False):
            return None
        response = HttpResponseNotAllowed(KNOWN_METHODS, content_type="text/plain; charset=utf-8")
        response.content = b"This page answers GET, HEAD, POST and OPTIONS only.\n"
        return response


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, location...) on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
