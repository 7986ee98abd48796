"""
Login throttling (django-axes): repeated failed logins for one user name from one address lock
that pair out for a while; other users, and the same user from elsewhere, can still log in.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottlingBackend(AxesStandaloneBackend):
    """Checks every login made through a request (the admin's and any other login form).

    Authentication without a request (management commands, Django's test client) has no
    client address to throttle by, so it is left to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
