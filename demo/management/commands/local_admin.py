"""`local_admin`: the two logins of `make run`, an editor and a press assistant, each given a
fresh password that is printed; with DEBUG on only."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "For the local quick start only: create (or reset) an admin login and a press "
        "assistant login, and print their credentials. Refuses to run when DEBUG is off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("local_admin only runs with DEBUG on; use createsuperuser.")
        User = get_user_model()
        logins = [("admin", True, "Editors"), ("press", False, "Press assistants")]
        for username, is_superuser, group_name in logins:
            password = secrets.token_urlsafe(12)
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(f"Local {group_name.lower()[:-1]} login: {username} / {password}")
