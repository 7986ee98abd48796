"""
"Log media appearances": one form, one mention per outlet.

Press staff note "spoke to AFP, RFI and France 24 about X" in one go: they pick outlets that
exist and type the names of others. A typed name is first matched against every outlet's name,
short name and aliases (so "Agence France Presse" finds AFP), then against the catalogue of
known outlets (outlets.matching), whose entry is added with its kind, country and aliases; only
a name nothing matches becomes a new outlet. A name that could be two outlets is refused.
"""

import datetime
import re

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from taggit.models import Tag
from taggit.utils import parse_tags

from core.admin import (
    ValidAutocompleteSelect,
    ValidAutocompleteSelectMultiple,
    ValidModelMultipleChoiceField,
)
from core.signals import press_sentence_logged
from core.slugs import free_slug
from outlets.matching import create_known, resolve
from outlets.models import Outlet
from outlets.spelling import normalise_name

from .models import Mention

MAX_OUTLETS = 30


def new_tag_names(names):
    """Those of `names` (already resolved: aliases are their tags' names) that no tag has."""
    known = Tag.objects.annotate(lower=Lower("name")).filter(lower__in={n.lower() for n in names})
    known = {name.lower() for name in known.values_list("name", flat=True)}
    return [name for name in names if name.lower() not in known]


def refuse_new_tags(names, may_add_tags):
    """Without taggit's add_tag permission (press assistants), tags are picked, not made: a
    tag is public (it has a page and a feed), so making one is an editor's decision."""
    new = [] if may_add_tags else new_tag_names(names)
    if new:
        raise forms.ValidationError(
            "You may only pick existing tags; "
            + ", ".join(f"“{name}”" for name in new)
            + (" is" if len(new) == 1 else " are")
            + " not a tag yet. Leave it out, or ask an editor to add it.",
            code="new_tag",
        )
    return names


def split_names(text):
    """Outlet names typed one per line or separated by commas."""
    names = [" ".join(name.split()) for name in re.split(r"[,\n]", text or "")]
    return [name for name in names if name]


_KIND_WORDS = {
    word.casefold(): value
    for value, label in Outlet.Kind.choices
    for word in (value, value.replace("_", " "), label)
}
_TRAILING_KIND = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[^()]+)\)$")


def split_kind(name):
    """ "Radio Example (broadcaster)" is ("Radio Example", "broadcaster"): each typed outlet
    may say its own kind. Other brackets stay part of the name ("Le Monde (Paris)")."""
    match = _TRAILING_KIND.match(name)
    kind = match and _KIND_WORDS.get(" ".join(match["kind"].split()).casefold())
    return (match["name"], kind) if kind else (name, None)


def likely_duplicates(outlets, topic, day, exclude_pk=None):
    """Mentions of these outlets on that day with the same topic (any case or spacing)."""
    topic = " ".join(topic.split()).rstrip(".")
    found = Mention.objects.filter(outlet__in=outlets, date=day, topic__iexact=topic)
    return found.exclude(pk=exclude_pk).select_related("outlet", "created_by")


def names_in_prose(names):
    """["AFP", "RFI", "France 24"] → "AFP, RFI and France 24"."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def preview_sentence(outlet_names, topic, kind):
    """The sentence readers will see, for the outlets and topic typed so far."""
    kind = kind if kind in Mention.Kind.values else Mention.Kind.INTERVIEW
    outlet = Outlet(name=names_in_prose(outlet_names) if outlet_names else "…")
    return Mention(outlet=outlet, topic=topic.strip() or "…", kind=kind).sentence


def outlet_names(ids, typed):
    """Names of the outlets picked (by id) and typed (matched where known), in that order."""
    ids = [int(pk) for pk in map(str, ids) if pk.isascii() and pk.isdigit() and len(pk) < 18]
    ids = ids[:MAX_OUTLETS]
    by_id = Outlet.objects.in_bulk(ids)
    names = [by_id[pk].name for pk in ids if pk in by_id]
    for name, _kind in map(split_kind, split_names(typed)[:MAX_OUTLETS]):
        known = Outlet.objects.match(name)
        names.append(known.name if known else name)
    return list(dict.fromkeys(names))


class LogAppearancesForm(forms.Form):
    outlets = ValidModelMultipleChoiceField(
        queryset=Outlet.objects.all(),
        required=False,
        widget=ValidAutocompleteSelectMultiple(Mention._meta.get_field("outlet"), admin.site),
        help_text="Outlets already known: start typing a name.",
    )
    new_outlets = forms.CharField(
        label="Other outlets",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Names separated by commas or one per line. A known spelling finds its outlet "
        '("Agence France Presse" is AFP), also from the catalogue of well-known outlets; '
        "other names are added as new outlets, each of the kind written after it in brackets "
        '("Radio Example (broadcaster)", "Example Weekly (magazine)"), else of the kind below.',
    )
    new_outlet_kind = forms.ChoiceField(
        label="Kind of other new outlets",
        choices=Outlet.Kind.choices,
        initial=Outlet.Kind.NEWSPAPER,
        required=False,
    )
    topic = forms.CharField(max_length=300, help_text=Mention._meta.get_field("topic").help_text)
    date = forms.DateField(
        initial=timezone.localdate,
        widget=admin.widgets.AdminDateWidget,
        help_text=Mention._meta.get_field("date").help_text,
    )
    kind = forms.ChoiceField(choices=Mention.Kind.choices, initial=Mention.Kind.INTERVIEW)
    url = forms.URLField(label="Link", required=False, max_length=500, assume_scheme="https")
    public_note = forms.CharField(
        label=Mention._meta.get_field("public_note").verbose_name.capitalize(),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=Mention._meta.get_field("public_note").help_text,
    )
    internal_note = forms.CharField(
        label=Mention._meta.get_field("internal_note").verbose_name.capitalize(),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=Mention._meta.get_field("internal_note").help_text,
    )
    column = forms.ModelChoiceField(
        queryset=Mention._meta.get_field("column").related_model.objects.all(),
        required=False,
        widget=ValidAutocompleteSelect(Mention._meta.get_field("column"), admin.site),
        help_text=Mention._meta.get_field("column").help_text,
    )
    tags = forms.CharField(
        required=False, max_length=1000, help_text='Separated by commas, e.g. "France, Terrorism".'
    )
    status = forms.ChoiceField(choices=Mention.Status.choices, initial=Mention.Status.PUBLISHED)
    # The column's possible press mention this entry resolves (columns/admin/possible_mentions.py).
    from_sentence = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    log_anyway = forms.BooleanField(
        label="Log it anyway",
        required=False,
        help_text="It looks logged already (same outlet, topic and date): tick to log it again.",
    )

    def __init__(self, *args, can_add_outlets=True, may_add_tags=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_add_outlets = can_add_outlets
        self.may_add_tags = may_add_tags
        self.duplicates = []
        if not may_add_tags:
            self.fields["tags"].help_text = "Existing tags only, separated by commas."

    def clean_tags(self):
        names = parse_tags(self.cleaned_data.get("tags", ""))  # aliases resolved (settings)
        refuse_new_tags(names, self.may_add_tags)
        return ", ".join(names)

    def clean(self):
        cleaned_data = super().clean()
        outlets = list(cleaned_data.get("outlets") or [])
        self.names_to_create, self.entries_to_create, self.kinds = [], {}, {}
        for typed in split_names(cleaned_data.get("new_outlets", "")):
            name, kind = split_kind(typed)
            found = resolve(name)
            if found.outlet is not None:
                outlets.append(found.outlet)
            elif found.ambiguous:
                self.add_error("new_outlets", found.ambiguity())
            elif found.known is not None:
                self.entries_to_create[found.known.name] = found.known
            elif normalise_name(name) not in {normalise_name(n) for n in self.names_to_create}:
                self.names_to_create.append(name[:200])
                self.kinds[name[:200]] = kind
        new_names = [*self.entries_to_create, *self.names_to_create]
        if new_names and not self.can_add_outlets:
            self.add_error(
                "new_outlets",
                "You may not add outlets: ask an editor, or pick from the known ones. Unknown: "
                + ", ".join(new_names),
            )
        # One mention per outlet, however often it was picked or typed.
        self.known_outlets = list({outlet.pk: outlet for outlet in outlets}.values())
        total = len(self.known_outlets) + len(new_names)
        if total == 0 and "outlets" not in self.errors and "new_outlets" not in self.errors:
            self.add_error("outlets", "Pick at least one outlet, or type its name below.")
        if total > MAX_OUTLETS:
            self.add_error("new_outlets", f"At most {MAX_OUTLETS} outlets in one go.")
        self.check_duplicates(cleaned_data)
        return cleaned_data

    def check_duplicates(self, cleaned_data):
        """Warn, before saving, of mentions that look logged already; ticking saves them."""
        topic, day = cleaned_data.get("topic"), cleaned_data.get("date")
        if not topic or not day or cleaned_data.get("log_anyway"):
            return
        self.duplicates = list(likely_duplicates(self.known_outlets, topic, day))
        if self.duplicates:
            found = "; ".join(
                f"“{m.sentence}”" + (f" (logged by {m.created_by})" if m.created_by else "")
                for m in self.duplicates
            )
            self.add_error(
                None,
                f"Already logged on {day:%-d %B %Y}: {found}. Nothing is saved: untick the outlets "
                "logged already, or tick “Log it anyway”.",
            )

    @transaction.atomic
    def save(self, user):
        """Create the new outlets and one mention per outlet; all of it or nothing."""
        data = self.cleaned_data
        new_outlets = [
            create_known(entry, free_slug(Outlet.objects.all(), entry.name, fallback="outlet"))
            for entry in self.entries_to_create.values()
        ]
        new_outlets += [
            Outlet.objects.create(
                name=name,
                slug=free_slug(Outlet.objects.all(), name, fallback="outlet"),
                kind=self.kinds.get(name) or data.get("new_outlet_kind") or Outlet.Kind.NEWSPAPER,
            )
            for name in self.names_to_create
        ]
        tag_names = parse_tags(data.get("tags", ""))  # aliases resolved (settings)
        mentions = []
        for outlet in [*self.known_outlets, *new_outlets]:
            mention = Mention.objects.create(
                outlet=outlet,
                topic=data["topic"],
                date=data["date"],
                kind=data["kind"],
                url=data.get("url", ""),
                public_note=data.get("public_note", ""),
                internal_note=data.get("internal_note", ""),
                column=data.get("column"),
                status=data["status"],
                created_by=user,
            )
            if tag_names:
                mention.tags.set(tag_names)
            mentions.append(mention)
        if data.get("from_sentence") and data.get("column"):
            press_sentence_logged.send(
                Mention, column=data["column"], sentence=data["from_sentence"]
            )
        return new_outlets, mentions


PREFILLED = ("new_outlets", "topic", "kind", "date", "column", "internal_note", "from_sentence")


def prefill(query):
    """The form's initial values from the address ("?topic=...&new_outlets=..."), as a
    column's "Create mentions" link gives them; unknown or absurd values are left out."""
    initial = {}
    for name in PREFILLED:
        value = "".join(ch for ch in query.get(name, "") if ch.isprintable() or ch == "\n")
        if value and len(value) <= 2000:
            initial[name] = value
    if initial.get("kind") not in Mention.Kind.values:
        initial.pop("kind", None)
    if not initial.get("column", "").isdigit():
        initial.pop("column", None)
    try:
        initial["date"] = datetime.date.fromisoformat(initial["date"])
    except (KeyError, ValueError):
        initial.pop("date", None)
    return initial
