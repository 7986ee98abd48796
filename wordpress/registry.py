"""Find-or-create caches for the importer: authors, outlets and tags by name.

Each registry loads what the database holds once, then answers from memory and creates what is
missing, so a 5,000-post import does not ask the database for every name it meets.
"""

import functools
import re
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify
from taggit.models import Tag

from columns.models import Author, validate_fediverse_handle, validate_profile_links
from core.slugs import unique_slug
from outlets.catalogue import catalogue_spellings
from outlets.matching import create_known, resolve
from outlets.models import Outlet, OutletAlias, OutletKey
from outlets.spelling import normalise_name as _normalise_name

# The same few category and outlet names come with every post: each normalised once.
normalise_name = functools.lru_cache(maxsize=4096)(_normalise_name)


def valid_profile(extra):
    """The profile fields of a `<wp:author>` (our own export's `columnist:*`) that pass the
    model's checks: a hostile file's `javascript:` link or malformed handle is dropped, not
    stored for the About page to print."""
    profile = {"about": extra.get("about", "")}
    links = []
    for line in extra.get("profile_links", "").splitlines():
        try:
            validate_profile_links(line)
        except ValidationError:
            continue
        if line.strip():
            links.append(line.strip())
    profile["profile_links"] = "\n".join(links)
    for field, check in (
        ("contact_email", validate_email),
        ("fediverse_handle", validate_fediverse_handle),
    ):
        value = extra.get(field, "").strip()
        try:
            check(value)
        except ValidationError:
            value = ""
        profile[field] = value[: Author._meta.get_field(field).max_length]
    return {field: value for field, value in profile.items() if value}


class Authors:
    def __init__(self):
        self.created = 0
        self.by_login = {}
        self.by_name = {}
        self.by_slug = {}
        for author in Author.objects.all():
            self._remember(author)

    def _remember(self, author):
        self.by_slug[author.slug] = author
        self.by_name.setdefault(author.name.casefold(), author)

    def _create(self, name, slug=None, **fields):
        slug = unique_slug(slugify(slug or name), set(self.by_slug), fallback="author")
        author = Author.objects.create(name=name[:200], slug=slug, **fields)
        self.created += 1
        self._remember(author)
        return author

    def add_wordpress_author(self, wxr_author):
        """The Author for a `<wp:author>`: by login (our slug), then by name, else created."""
        login, name = wxr_author.login, wxr_author.name or wxr_author.login
        slug = slugify(wxr_author.extra.get("slug") or login)
        author = self.by_slug.get(slug) or self.by_name.get(name.casefold())
        profile = valid_profile(wxr_author.extra)
        if author is None:
            author = self._create(
                name,
                slug=slug,
                bio=wxr_author.extra.get("bio", ""),
                website=wxr_author.extra.get("website", ""),
                **profile,
            )
        else:
            # A profile the site lacks is filled in; one an editor wrote is never replaced.
            missing = [field for field, value in profile.items() if not getattr(author, field)]
            for field in missing:
                setattr(author, field, profile[field])
            if missing:
                author.save(update_fields=missing)
        if wxr_author.extra.get("is_owner") == "1" and not Author.objects.filter(is_owner=True):
            author.is_owner = True
            author.save(update_fields=["is_owner"])
        self.by_login[login] = author
        return author

    def for_login(self, login):
        """The author of a post's `<dc:creator>`; WXR 1.0 files list no authors up front."""
        login = login or "admin"
        if login not in self.by_login:
            author = self.by_slug.get(slugify(login)) or self.by_name.get(login.casefold())
            self.by_login[login] = author or self._create(login)
        return self.by_login[login]

    def for_name(self, name):
        """A byline name: the author of that name (any case), else a new co-author."""
        return self.by_name.get(name.casefold()) or self._create(name)


class Outlets:
    """The site's outlets by key (OutletKey: one outlet per spelling and domain), then the
    catalogue (outlets.matching.resolve). A name that could be several outlets attaches
    nothing and is listed in `ambiguous` for the summary."""

    def __init__(self):
        self.created = 0
        self.by_key = {}
        self.by_slug = {}
        self.known_names = []
        self.ambiguous = {}  # name -> the outlets it could be
        by_pk = {}
        for outlet in Outlet.objects.prefetch_related("aliases"):
            by_pk[outlet.pk] = self.by_slug[outlet.slug] = outlet
            names = [outlet.name, outlet.short_name, *(a.name for a in outlet.aliases.all())]
            self.known_names += [name for name in names if name]
        for kind, key, pk in OutletKey.objects.values_list("kind", "key", "outlet_id"):
            self.by_key[(kind, key)] = by_pk[pk]
        # The rules also know the catalogue's outlets, after the site's own.
        self.known_names += catalogue_spellings()

    def _remember(self, outlet):
        self.by_slug[outlet.slug] = outlet
        self.known_names += outlet.spellings()
        for key in OutletKey.objects.filter(outlet=outlet):
            self.by_key[(key.kind, key.key)] = outlet

    def holders(self, keys):
        return {key: self.by_key[key] for key in keys if key in self.by_key}

    def match(self, name):
        """As `Outlet.objects.match(name)`, from memory: the site's outlets only."""
        key = normalise_name(name or "")[:255]
        return self.by_key.get((OutletKey.Kind.SPELLING, key)) if key else None

    def get(self, name):
        """The outlet called `name`: the site's, else the catalogue's (created), else a new
        one; None for an empty name or one that could be several outlets."""
        # A lowercase "the" belongs to the sentence ("for the Daily Example"), not the name.
        name = " ".join((name or "").removeprefix("the ").split())[:200]
        found = resolve(name, self.holders)
        if found.outlet or not normalise_name(name):
            return found.outlet
        if found.ambiguous:
            self.ambiguous[name] = [outlet.name for outlet in found.candidates]
            return None
        base = slugify(found.known.name if found.known else name)
        slug = unique_slug(base, set(self.by_slug), fallback="outlet")
        if found.known:
            outlet = create_known(found.known, slug)
        else:
            outlet = Outlet.objects.create(name=name, slug=slug)
        self.created += 1
        self._remember(outlet)
        return outlet

    def add_exported(self, data):
        """An outlet from our own export, with all its fields, matched by slug or name."""
        fields = {k: v for k, v in data.fields.items() if k in _OUTLET_FIELDS}
        if not re.fullmatch(r"[A-Z]{2}", fields.get("country", "")):
            fields.pop("country", None)  # an older export, or not a code: left unknown
        outlet = self.by_slug.get(fields.get("slug")) or self.match(fields.get("name"))
        if outlet is None:
            outlet = Outlet.objects.create(**fields)
            self.created += 1
        for alias in data.aliases:
            if (OutletKey.Kind.SPELLING, normalise_name(alias)[:255]) not in self.by_key:
                OutletAlias.objects.create(outlet=outlet, name=alias)
        self._remember(outlet)
        return outlet


_OUTLET_FIELDS = {
    "name", "short_name", "slug", "kind", "homepage", "logo", "description", "timezone", "country",
}  # fmt: skip


class Tags:
    def __init__(self):
        self.created = 0
        # Tags match case-insensitively (TAGGIT_CASE_INSENSITIVE): "china" is "China".
        self.by_name = {tag.name.casefold(): tag for tag in Tag.objects.all()}
        self.slugs = {tag.slug for tag in self.by_name.values()}
        self.slug_hints = {}  # name -> slug from the export's own tag list

    def get(self, name):
        name = " ".join(name.split())[:100]
        if not name:
            return None
        tag = self.by_name.get(name.casefold())
        if tag is None:
            self.make([name])
            tag = self.by_name[name.casefold()]
        return tag

    def make(self, names):
        """Create the tags of these names that do not exist yet, in their order, in one query
        (a post's new tags were a query each: 200 of them, each a round trip at the start of
        an import)."""
        new = []
        for name in names:
            name = " ".join(name.split())[:100]
            if not name or name.casefold() in self.by_name:
                continue
            hint = slugify(unquote(self.slug_hints.get(name, ""))) or slugify(name)
            tag = Tag(name=name, slug=unique_slug(hint, self.slugs, 100, "tag"))
            self.by_name[name.casefold()] = tag
            new.append(tag)
        if new:
            # Without a post_save per tag: hundreds of them would each queue a page-cache bump,
            # and the columns using them announce themselves (bulk_saved) in this transaction.
            Tag.objects.bulk_create(new)
            self.created += len(new)
