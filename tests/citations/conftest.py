import datetime

import pytest

from outlets.models import Outlet
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

UTC = datetime.UTC


@pytest.fixture
def column(db):
    """A column in a newspaper, by two authors in byline order."""
    first = AuthorFactory(name="Raffaello Pantucci", slug="raffaello")
    second = AuthorFactory(name="Ursula von der Leyen", slug="ursula")
    return ColumnFactory(
        title="Why the SCO matters",
        slug="sco",
        dek="A club that grew.",
        outlet=OutletFactory(
            name="The Diplomat", slug="diplomat", kind=Outlet.Kind.NEWSPAPER,
            homepage="https://thediplomat.com/",
        ),
        original_url="https://thediplomat.com/2024/03/sco/",
        outlet_published_at=datetime.datetime(2024, 3, 5, 9, tzinfo=UTC),
        posted_at=datetime.datetime(2024, 3, 5, 10, tzinfo=UTC),
        bylines=[first, second],
        tags=["SCO"],
    )  # fmt: skip
