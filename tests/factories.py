import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from columns.models import Author, Byline, Column
from mentions.models import Mention
from outlets.models import Outlet


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"The Daily Example {n}")
    slug = factory.Sequence(lambda n: f"daily-example-{n}")
    kind = Outlet.Kind.NEWSPAPER


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author Number{n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = factory.LazyAttribute(lambda a: f"{a.name} is a fellow at the Example Institute.")


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Column number {n}")
    slug = factory.Sequence(lambda n: f"column-{n}")
    dek = "A one-sentence summary."
    body = "<p>First paragraph.</p><p>Second paragraph.</p>"
    status = Column.Status.PUBLISHED
    posted_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    outlet = factory.SubFactory(OutletFactory)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.set(extracted)

    @factory.post_generation
    def bylines(obj, create, extracted, **kwargs):
        """`bylines=[author, (author, "bio line")]` sets the byline in that order."""
        if not create or not extracted:
            return
        for position, entry in enumerate(extracted):
            author, bio = entry if isinstance(entry, tuple) else (entry, "")
            Byline.objects.create(column=obj, author=author, position=position, bio=bio)


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    outlet = factory.SubFactory(OutletFactory, kind=Outlet.Kind.NEWS_AGENCY)
    topic = factory.Sequence(lambda n: f"topic number {n}")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    kind = Mention.Kind.INTERVIEW
