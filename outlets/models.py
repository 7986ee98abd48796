import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import slugify

from core.content import PublicContent
from core.links import slug_url
from core.uploads import image_upload_validator

from .spelling import domains_overlap, homepage_domain, normalise_name


def validate_timezone(value):
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a known time zone, e.g. “Asia/Hong_Kong”.")


__all__ = ["Outlet", "OutletAlias", "OutletKey", "normalise_name"]

validate_country = RegexValidator(
    r"^[A-Z]{2}$", "A two-letter ISO 3166 country code in capitals, e.g. “GB”, “FR”, “HK”."
)


class OutletQuerySet(models.QuerySet):
    def match(self, name):
        """The outlet called `name`, by its name, short name or an alias, else None. A spelling
        belongs to one outlet at most (OutletKey), so there is no "first one wins"."""
        key = normalise_name(name)
        if not key:
            return None
        return self.filter(keys__kind=OutletKey.Kind.SPELLING, keys__key=key).first()

    def on_domain(self, host):
        """The outlets whose homepage domain is `host` or a parent of it (www. ignored)."""
        host = homepage_domain(f"//{host}") if host else ""
        parts = host.split(".")
        parents = [".".join(parts[i:]) for i in range(len(parts) - 1)]
        return self.filter(keys__kind=OutletKey.Kind.DOMAIN, keys__key__in=parents)


class Outlet(PublicContent):
    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", "Newspaper"
        MAGAZINE = "magazine", "Magazine"
        THINK_TANK = "think_tank", "Think tank"
        NEWSLETTER = "newsletter", "Newsletter"
        NEWS_AGENCY = "news_agency", "News agency"
        BROADCASTER = "broadcaster", "Broadcaster"
        PODCAST = "podcast", "Podcast"
        WEBSITE = "website", "Website"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=50, blank=True, default="", help_text='A short form, e.g. "SCMP".'
    )
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWSPAPER)
    homepage = models.URLField(
        blank=True,
        default="",
        help_text="Its domain identifies the outlet's articles (add column from URL): one "
        "outlet per domain.",
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        default="",
        validators=[validate_country],
        help_text="Where it is based: a two-letter ISO code, e.g. “GB”.",
    )
    logo = models.ImageField(
        upload_to="outlets/", blank=True, default="", validators=[image_upload_validator]
    )
    description = models.TextField(blank=True, default="")
    timezone = models.CharField(
        max_length=64,
        validators=[validate_timezone],
        blank=True,
        default="",
        help_text="The outlet's own time zone: its PUBLISHED and UPDATED stamps are read in it. "
        "Leave empty to use the site's time zone.",
    )

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for field in ["name", "short_name"]:
            if holder := OutletKey.holder(self, normalise_name(getattr(self, field))):
                errors[field] = f"“{getattr(self, field)}” already names {holder}."
        if message := self.domain_clash():
            errors["homepage"] = message
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)
        self.sync_keys()

    def get_absolute_url(self):
        return slug_url("outlets:detail", self.slug)

    def spellings(self):
        aliases = OutletAlias.objects.filter(outlet=self).values_list("name", flat=True)
        return [s for s in [self.name, self.short_name, *aliases] if s]

    def wanted_keys(self):
        keys = {(OutletKey.Kind.SPELLING, normalise_name(s)) for s in self.spellings()}
        keys.add((OutletKey.Kind.DOMAIN, homepage_domain(self.homepage)))
        return {(kind, key[:255]) for kind, key in keys if key}

    def sync_keys(self):
        """Make the outlet's keys those of its spellings and homepage. A key another outlet
        holds stays with it (the forms refuse such a clash; an import or a merge skips it);
        returns the keys skipped."""
        wanted = self.wanted_keys()
        held = {(k.kind, k.key): k for k in OutletKey.objects.filter(outlet=self)}
        stale = [k.pk for pair, k in held.items() if pair not in wanted]
        OutletKey.objects.filter(pk__in=stale).delete()
        missing = wanted - held.keys()
        if not missing:
            return set()
        taken = {
            (k.kind, k.key)
            for k in OutletKey.objects.filter(key__in={key for _, key in missing})
            if (k.kind, k.key) in missing
        }
        OutletKey.objects.bulk_create(
            [OutletKey(outlet=self, kind=kind, key=key) for kind, key in missing - taken]
        )
        return taken

    def domain_clash(self):
        """Why the homepage's domain cannot be this outlet's, or ""."""
        domain = homepage_domain(self.homepage)
        if not domain:
            return ""
        others = OutletKey.objects.filter(kind=OutletKey.Kind.DOMAIN).exclude(outlet_id=self.pk)
        for other in others.select_related("outlet"):
            if domains_overlap(domain, other.key):
                return f"{other.outlet} already has a homepage on {other.key}: one outlet per site."
        return ""

    @property
    def zone(self):
        """The outlet's time zone, or None when unknown (then the site's applies)."""
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None


class OutletAlias(PublicContent):
    """Another spelling of an outlet's name, used to recognise it in text and imports."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "outlet aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="unique_outlet_alias_name"),
        ]

    def clean(self):
        super().clean()
        if holder := OutletKey.holder(self.outlet_id, normalise_name(self.name)):
            raise ValidationError({"name": f"“{self.name}” already names {holder}."})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.outlet.sync_keys()

    def __str__(self):
        return self.name


class OutletKey(models.Model):
    """One spelling (normalised) or homepage domain of one outlet: the unique constraint is
    what keeps two outlets from answering to one name, so no outlet can take over another's
    spellings or site. Kept by Outlet.save() and OutletAlias.save() and delete()."""

    class Kind(models.TextChoices):
        SPELLING = "spelling", "Name, short name or alias"
        DOMAIN = "domain", "Homepage domain"

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="keys")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="unique_outlet_key"),
        ]

    def __str__(self):
        return f"{self.key} ({self.get_kind_display()})"

    @classmethod
    def holder(cls, outlet, key, kind=Kind.SPELLING):
        """The other outlet that holds `key` (not `outlet`, an Outlet, its pk or None)."""
        if not key:
            return None
        pk = getattr(outlet, "pk", outlet)
        found = cls.objects.filter(kind=kind, key=key[:255]).exclude(outlet_id=pk)
        found = found.select_related("outlet").first()
        return found.outlet if found else None


@receiver(post_delete, sender=OutletAlias)
def _drop_deleted_alias_key(sender, instance, **kwargs):
    """Free a deleted alias's spelling, unless the outlet still spells itself that way."""
    outlet = Outlet.objects.filter(pk=instance.outlet_id).first()
    key = normalise_name(instance.name)
    if outlet is not None and key not in {normalise_name(s) for s in outlet.spellings()}:
        OutletKey.objects.filter(outlet=outlet, kind=OutletKey.Kind.SPELLING, key=key).delete()
