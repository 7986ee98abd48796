from django.db import models

from core.content import PublicContent


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
        help_text='The old address, from the first slash, e.g. "/2015/03/old-slug/" or "/?p=12".',
    )
    new_path = models.CharField(
        max_length=500, help_text='Where it now lives, e.g. "/2015/03/04/new-slug/".'
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


def remember_old_address(sender, old_path, new_path, **kwargs):
    """A page moved (core.signals.page_moved): its old address answers with a 301 from now on."""
    Redirect.objects.add(old_path, new_path)
