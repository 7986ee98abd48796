"""check_originals against a local server that plays an outlet."""

import datetime
import io
import itertools

import pytest
import time_machine
from django.core.management import call_command

from originals.models import Check, Original
from outlets.models import Outlet
from tests.factories import ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
DAY = datetime.timedelta(days=1)
START = datetime.datetime(2025, 5, 1, 3, tzinfo=UTC)


def article(title="Why the SCO matters", extra=""):
    return (
        f"<html><head><title>{title} | The Diplomat</title>{extra}</head>"
        f"<body><h1>{title}</h1><p>Text.</p></body></html>"
    )


def run(*args):
    out = io.StringIO()
    call_command("check_originals", *args, stdout=out)
    return out.getvalue()


def column_at(url, title="Why the SCO matters"):
    return ColumnFactory(
        title=title,
        original_url=url,
        outlet=Outlet.objects.get(name="The Diplomat")
        if Outlet.objects.filter(name="The Diplomat").exists()
        else OutletFactory(name="The Diplomat"),
        posted_at=START - 30 * DAY,
    )


def state_of(column):
    column.refresh_from_db()
    return column.original_watch.state


@pytest.mark.parametrize(
    "status, body, outcome, state",
    [
        (200, article(), Check.Outcome.ALIVE, Original.State.ALIVE),
        (404, "<h1>Not found</h1>", Check.Outcome.NOT_FOUND, Original.State.FAILING),
        (410, "<h1>Gone</h1>", Check.Outcome.NOT_FOUND, Original.State.FAILING),
        (200, article("Subscribe to our newsletter"), Check.Outcome.SOFT_404,
         Original.State.FAILING),
        (402, "Pay", Check.Outcome.PAYWALLED, Original.State.PAYWALLED),
        (200, article(extra='<script type="application/ld+json">{"isAccessibleForFree": false}'
                            "</script>"), Check.Outcome.PAYWALLED, Original.State.PAYWALLED),
        (503, "Down", Check.Outcome.ERROR, Original.State.FAILING),
    ],
)  # fmt: skip
def test_each_answer_is_recorded(outlet_site, status, body, outcome, state):
    column = column_at(outlet_site("/sco", body, status=status))
    with time_machine.travel(START, tick=False):
        output = run()
    assert "Checked 1 originals" in output
    assert state_of(column) == state
    assert column.original_watch.checks.get().outcome == outcome
    assert column.original_gone_since is None  # never on one check


def test_a_permanent_move_updates_the_link(outlet_site):
    new = outlet_site("/2025/new-home/sco", article())
    column = column_at(outlet_site("/sco", "", status=301, Location="/2025/new-home/sco"))
    with time_machine.travel(START, tick=False):
        run()
    column.refresh_from_db()
    assert column.original_url == new
    assert column.original_watch.state == Original.State.MOVED


def test_a_temporary_redirect_is_followed_but_not_stored(outlet_site):
    outlet_site("/elsewhere", article())
    old = outlet_site("/sco", "", status=302, Location="/elsewhere")
    column = column_at(old)
    run()
    column.refresh_from_db()
    assert column.original_url == old and column.original_watch.state == Original.State.ALIVE


def test_conditional_requests_and_a_polite_user_agent(outlet_site, settings):
    settings.SITE_NAME, settings.SITE_URL = "Jane's columns", "https://jane.example"
    column = column_at(outlet_site("/sco", article(), ETag='"v1"', Last_Modified="Tue, 1 Apr 2025"))
    with time_machine.travel(START, tick=False):
        run()
    outlet_site("/sco", "", status=304, ETag='"v1"')
    with time_machine.travel(START + DAY, tick=False):
        run()
    second = [headers for path, headers in outlet_site.requests if path == "/sco"][-1]
    assert second["If-None-Match"] == '"v1"'
    assert second["If-Modified-Since"] == "Tue, 1 Apr 2025"
    assert "Jane's columns link checker (+https://jane.example" in second["User-Agent"]
    assert column.original_watch.checks.first().outcome == Check.Outcome.NOT_MODIFIED
    assert state_of(column) == Original.State.ALIVE


def test_robots_txt_is_honoured(outlet_site):
    outlet_site("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    column = column_at(outlet_site("/private/sco", article()))
    run()
    assert [p for p, _ in outlet_site.requests] == ["/robots.txt"]
    assert column.original_watch.checks.get().outcome == Check.Outcome.ROBOTS
    assert state_of(column) == Original.State.UNCHECKED


def test_a_slow_site_is_an_error_not_a_death(outlet_site):
    column = column_at(outlet_site("/sco", article(), delay=3))
    with time_machine.travel(START, tick=False):
        run()
    assert column.original_watch.checks.get().outcome == Check.Outcome.ERROR
    assert state_of(column) == Original.State.FAILING
    assert column.original_gone_since is None


def test_gone_only_after_several_failures_over_several_days_and_back_again(outlet_site):
    url = outlet_site("/sco", "<h1>Not found</h1>", status=404)
    column = column_at(url)
    for day in range(3):  # three failures within a day: not yet
        with time_machine.travel(START + datetime.timedelta(hours=day), tick=False):
            run()
    assert state_of(column) == Original.State.FAILING
    with time_machine.travel(START + 3 * DAY, tick=False):
        output = run()
    assert state_of(column) == Original.State.GONE
    assert "Gone: Why the SCO matters" in output
    assert column.original_gone_since == START

    outlet_site("/sco", article())  # the outlet restores it
    with time_machine.travel(START + 5 * DAY, tick=False):
        output = run()
    assert state_of(column) == Original.State.ALIVE
    assert "Back online: Why the SCO matters" in output
    assert column.original_gone_since is None


def test_a_dead_domain_counts_as_a_failure(db, settings):
    settings.ALLOW_LOOPBACK_FETCH = False
    column = column_at("https://no-such-outlet.invalid/sco")
    run()
    assert column.original_watch.checks.get().outcome == Check.Outcome.NO_SITE


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/sco", "http://10.0.0.1/sco", "http://[::1]/x", "http://169.254.169.254/"],
)
def test_nothing_is_fetched_from_a_private_address(db, settings, url):
    settings.ALLOW_LOOPBACK_FETCH = False
    column = column_at(url)
    run()
    assert column.original_watch.checks.get().outcome == Check.Outcome.REFUSED
    assert state_of(column) == Original.State.UNCHECKED


def test_least_recently_checked_first_and_bounded(outlet_site):
    column_at(outlet_site("/a", article("Alpha piece")), title="Alpha piece")
    column_at(outlet_site("/b", article("Beta piece")), title="Beta piece")
    with time_machine.travel(START, tick=False):
        run("--limit", "1")
    assert set(Original.objects.values_list("checked_at", flat=True)) == {None, START}
    with time_machine.travel(START + DAY, tick=False):
        run("--limit", "1")  # resumes with the one not checked yet
    assert sorted(Original.objects.values_list("checked_at", flat=True)) == [START, START + DAY]


def test_drafts_and_editors_new_addresses(outlet_site):
    ColumnFactory(status="draft", original_url=outlet_site("/draft", article()))
    column = column_at(outlet_site("/old", "", status=404))
    run()
    column.original_url = outlet_site("/new", article())
    column.save()
    run()
    original = Original.objects.get()  # the draft was never visited
    assert original.url.endswith("/new") and original.state == Original.State.ALIVE
    assert "/draft" not in [p for p, _ in outlet_site.requests]


def test_one_site_at_a_time_with_a_delay_between_requests(outlet_site, settings):
    settings.ORIGINALS_HOST_DELAY = 0.3
    for n in range(3):
        column_at(outlet_site(f"/p{n}", article(f"Piece number {n}")), title=f"Piece number {n}")
    run()
    # The server's clock: each request to the host came at least the delay after the last.
    times = [
        headers["X-Received"] for path, headers in outlet_site.requests if path != "/robots.txt"
    ]
    assert len(times) == 3
    assert all(later - earlier >= 0.3 for earlier, later in itertools.pairwise(times))
