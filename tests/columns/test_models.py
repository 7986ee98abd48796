import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from columns.models import Author, Column
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

UTC = datetime.UTC


@pytest.mark.django_db
class TestByline:
    def test_authors_keep_their_printed_order(self):
        first, second, third = AuthorFactory(name="Zed"), AuthorFactory(name="Amy"), AuthorFactory()
        column = ColumnFactory(bylines=[first, second, third])
        assert [b.author for b in column.ordered_bylines] == [first, second, third]

    def test_order_survives_a_reorder(self):
        first, second = AuthorFactory(), AuthorFactory()
        column = ColumnFactory(bylines=[first, second])
        column.bylines.filter(author=first).update(position=5)
        assert [b.author for b in Column.objects.get().ordered_bylines] == [second, first]

    def test_bio_printed_with_the_column_wins_over_the_default(self):
        author = AuthorFactory(bio="X is director of the Institute.")
        old = ColumnFactory(bylines=[(author, "X is senior fellow at the Institute.")])
        new = ColumnFactory(bylines=[author])
        assert old.ordered_bylines[0].printed_bio == "X is senior fellow at the Institute."
        assert new.ordered_bylines[0].printed_bio == "X is director of the Institute."

    def test_an_author_appears_once_per_column(self):
        author = AuthorFactory()
        with pytest.raises(IntegrityError):
            ColumnFactory(bylines=[author, author])

    def test_only_one_site_owner(self):
        AuthorFactory(is_owner=True)
        with pytest.raises(IntegrityError):
            AuthorFactory(is_owner=True)


@pytest.mark.django_db
class TestColumnDate:
    def test_outlet_stamp_is_the_columns_date(self):
        stamp = datetime.datetime(2018, 6, 18, 7, 5, tzinfo=UTC)
        column = ColumnFactory(
            outlet_published_at=stamp, posted_at=datetime.datetime(2018, 6, 20, tzinfo=UTC)
        )
        assert column.date == stamp
        assert column.get_absolute_url() == f"/2018/06/18/{column.slug}/"

    def test_posting_time_without_a_stamp(self):
        posted = datetime.datetime(2019, 1, 2, 9, 0, tzinfo=UTC)
        column = ColumnFactory(outlet_published_at=None, posted_at=posted)
        assert column.date == posted
        assert column.day == datetime.date(2019, 1, 2)

    def test_the_outlets_own_day_is_used_for_its_stamp(self):
        hong_kong = OutletFactory(timezone="Asia/Hong_Kong")
        stamp = datetime.datetime(2020, 3, 3, 7, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Hong_Kong"))
        column = ColumnFactory(outlet=hong_kong, outlet_published_at=stamp)
        # 07:05 in Hong Kong is still 2 March in UTC; readers see the outlet's date.
        assert stamp.astimezone(UTC).day == 2
        assert column.day == datetime.date(2020, 3, 3)

    def test_listing_order_follows_the_date(self):
        older = ColumnFactory(outlet_published_at=datetime.datetime(2017, 1, 1, tzinfo=UTC))
        newer = ColumnFactory(
            outlet_published_at=None, posted_at=datetime.datetime(2018, 1, 1, tzinfo=UTC)
        )
        assert list(Column.objects.all()) == [newer, older]

    def test_slug_is_unique_within_a_day(self):
        stamp = datetime.datetime(2021, 5, 5, 12, tzinfo=UTC)
        ColumnFactory(slug="same", outlet_published_at=stamp)
        ColumnFactory(slug="same", outlet_published_at=stamp + datetime.timedelta(days=1))
        with pytest.raises(IntegrityError):
            ColumnFactory(slug="same", outlet_published_at=stamp + datetime.timedelta(hours=2))

    def test_clean_reports_a_slug_clash_to_the_editor(self):
        stamp = datetime.datetime(2021, 5, 5, 12, tzinfo=UTC)
        ColumnFactory(slug="same", outlet_published_at=stamp)
        column = Column(title="Other", slug="same", outlet_published_at=stamp)
        with pytest.raises(ValidationError) as error:
            column.clean()
        assert "slug" in error.value.message_dict


@pytest.mark.django_db
class TestVisibility:
    def test_draft_scheduled_and_live(self):
        with time_machine.travel(datetime.datetime(2024, 1, 10, 12, tzinfo=UTC), tick=False):
            live = ColumnFactory(posted_at=datetime.datetime(2024, 1, 9, tzinfo=UTC))
            ColumnFactory(status=Column.Status.DRAFT)
            scheduled = ColumnFactory(posted_at=datetime.datetime(2024, 1, 11, 8, tzinfo=UTC))
            assert list(Column.objects.published()) == [live]
            assert scheduled.is_scheduled and not scheduled.is_public

        # The scheduled column goes public at its time, with nothing run in between.
        with time_machine.travel(datetime.datetime(2024, 1, 11, 8, 0, 1, tzinfo=UTC), tick=False):
            assert set(Column.objects.published()) == {live, scheduled}

    def test_a_published_column_with_an_old_stamp_but_future_posting_waits(self):
        with time_machine.travel(datetime.datetime(2024, 1, 10, tzinfo=UTC), tick=False):
            ColumnFactory(
                outlet_published_at=datetime.datetime(2015, 1, 1, tzinfo=UTC),
                posted_at=datetime.datetime(2024, 2, 1, tzinfo=UTC),
            )
            assert not Column.objects.published().exists()


@pytest.mark.django_db
class TestSanitising:
    def test_scripts_handlers_and_javascript_urls_never_survive(self):
        column = ColumnFactory(
            intro='<p onclick="steal()">Hi<script>alert(1)</script></p>',
            body='<p><a href="javascript:alert(1)">x</a><img src="x.png" onerror="alert(1)" '
            'alt="a"></p><style>p{}</style><iframe src="https://evil.example"></iframe>',
        )
        stored = Column.objects.get(pk=column.pk)
        for html in (stored.intro, stored.body, stored.excerpt_html):
            assert "script" not in html
            assert "onclick" not in html and "onerror" not in html
            assert "javascript:" not in html
            assert "iframe" not in html and "style" not in html
        assert stored.intro == "<p>Hi</p>"

    def test_allowed_markup_is_kept(self):
        body = (
            '<h2>Heading</h2><p><strong>b</strong> <em>i</em> <a href="https://example.org/">l</a>'
            '</p><blockquote><p>q</p></blockquote><figure><img src="/m.png" alt="Map">'
            "<figcaption>Caption</figcaption></figure><ul><li>one</li></ul>"
        )
        stored = ColumnFactory(body=body).body
        for fragment in ("<h2>", "<strong>", "<blockquote>", "<figcaption>", "<li>", 'alt="Map"'):
            assert fragment in stored
        assert 'href="https://example.org/"' in stored


@pytest.mark.django_db
class TestExcerpt:
    def test_manual_excerpt_wins(self):
        column = ColumnFactory(excerpt="Mine <b>&", body="<p>One</p><!--more--><p>Two</p>")
        assert column.excerpt_html == "<p>Mine &lt;b&gt;&amp;</p>"

    def test_text_before_the_more_marker(self):
        column = ColumnFactory(body="<p>One</p><p>Two</p><!--more--><p>Three</p>")
        assert column.excerpt_html == "<p>One</p><p>Two</p>"
        assert "<!--more-->" in column.body

    def test_first_paragraph_otherwise(self):
        column = ColumnFactory(body="<h2>H</h2><p>One</p><p>Two</p>")
        assert column.excerpt_html == "<p>One</p>"


@pytest.mark.django_db
def test_slug_and_author_slug_default_from_names():
    column = Column.objects.create(title="Why the SCO matters")
    author = Author.objects.create(name="Jane Roe")
    assert column.slug == "why-the-sco-matters"
    assert author.slug == "jane-roe"


@pytest.mark.django_db
def test_author_profile_links_are_http_addresses_one_per_line():
    author = AuthorFactory(
        profile_links="https://example.org/jane\n\n  https://mastodon.social/@jane  \n"
    )
    author.full_clean()
    assert author.profile_urls == ["https://example.org/jane", "https://mastodon.social/@jane"]

    author.profile_links = "https://example.org/jane\njavascript:alert(1)"
    with pytest.raises(ValidationError, match="javascript:alert"):
        author.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "handle", ["jane@mastodon.social", "@jane", "@jane@localhost", "@a b@x.org"]
)
def test_author_fediverse_handle_must_be_at_name_at_server(handle):
    author = AuthorFactory(fediverse_handle=handle)
    with pytest.raises(ValidationError, match="@name@server"):
        author.full_clean()
