"""
Login throttling (django-axes): repeated failed logins for one user name from one address lock
that pair out for a while; other users, and the same user from elsewhere, can still log in.
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator


class LoginThrottlingBackend(AxesStandaloneBackend):
    """Checks every login made through a request (the admin's and any other login form).

    Authentication without a request (management commands, Django's test client) has no
    client address to throttle by, so it is left to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginForm(AdminAuthenticationForm):
    """The admin's login form, with the user name's length checked before anything else.

    Django's AuthenticationForm sets the field's max_length after creating it, so no validator
    holds it, and any name went on to authenticate(): a failed login with a name past 255
    characters made Axes' record of it fail on PostgreSQL (a 500). No user has such a name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
