"""Security headers Django's SecurityMiddleware does not set (the CSP comes from django-csp)."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, location...) on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
