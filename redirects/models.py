from django.core.exceptions import ValidationError
from django.db import models

from core.content import PublicContent

from .targets import (
    has_control_characters,
    is_on_site,
    is_readable_address,
    is_safe_target,
    normalise_old_path,
)


class RedirectQuerySet(models.QuerySet):
    def add(self, old_path, new_path):
        """Send `old_path` to `new_path` for good, keeping older redirects pointing at the end."""
        if old_path == new_path:
            return None
        # The new address is live now: a redirect away from it would hide it.
        self.filter(old_path=new_path).delete()
        # Redirects that led to the old address skip straight to the new one (no chains).
        self.filter(new_path=old_path).update(new_path=new_path)
        redirect, _ = self.update_or_create(old_path=old_path, defaults={"new_path": new_path})
        return redirect


class Redirect(PublicContent):
    """A permanent (301) redirect from an old address of this site to its current one."""

    old_path = models.CharField(
        max_length=500,
        unique=True,
        help_text='The old address, from the first slash, e.g. "/2015/03/old-slug/" or "/?p=12" '
        "(an address pasted whole keeps only its path).",
    )
    new_path = models.CharField(
        max_length=500,
        help_text="Where it now lives: a page of this site, from the first slash, e.g. "
        '"/2015/03/04/new-slug/". Not another redirect\'s old address (point at where that '
        "one leads), and not another site.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def save(self, *args, **kwargs):
        self.old_path = normalise_old_path(self.old_path)
        self.new_path = self.new_path.strip()
        super().save(*args, **kwargs)
        # Redirects that led here skip straight to the end (no chains).
        leading_here = Redirect.objects.filter(new_path=self.old_path).exclude(pk=self.pk)
        leading_here.exclude(old_path=self.new_path).update(new_path=self.new_path)

    def clean(self):
        self.old_path = normalise_old_path(self.old_path)
        self.new_path = self.new_path.strip()
        errors = {}
        if has_control_characters(self.old_path):
            errors["old_path"] = "An address has no tabs, line breaks or other control characters."
        elif not is_readable_address(self.old_path):
            errors["old_path"] = (
                "This address's host cannot be read (a bracket unclosed?): write the old "
                'address from its first slash, e.g. "/2015/03/04/old-slug/".'
            )
        if not is_safe_target(self.new_path):
            errors["new_path"] = (
                'Write the path of a page of this site, from the first slash, e.g. "/2015/03/'
                '04/new-slug/". Addresses of other sites are refused (REDIRECT_ALLOWED_HOSTS '
                "lists the ones allowed), and so are control characters."
            )
        elif normalise_old_path(self.new_path) == self.old_path:
            errors["new_path"] = "This redirect leads to itself: readers would go round in circles."
        elif is_on_site(self.new_path):
            onward = Redirect.objects.exclude(pk=self.pk).filter(old_path=self.new_path).first()
            if onward:
                errors["new_path"] = (
                    f"“{onward.old_path}” itself redirects to “{onward.new_path}”: "
                    "point this one there instead."
                )
        if errors:
            raise ValidationError(errors)


def remember_old_address(sender, old_path, new_path, **kwargs):
    """A page moved (core.signals.page_moved): its old address answers with a 301 from now on."""
    Redirect.objects.add(old_path, new_path)
