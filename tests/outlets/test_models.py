import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from outlets.models import Outlet, OutletAlias
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db


def test_outlets_are_recognised_by_name_short_name_and_alias():
    afp = OutletFactory(name="AFP", short_name="AFP")
    OutletAlias.objects.create(outlet=afp, name="Agence France-Presse")
    independent = OutletFactory(name="The Independent")
    assert Outlet.objects.match("Agence France Presse") == afp
    assert Outlet.objects.match("afp") == afp
    assert Outlet.objects.match("the Independent") == independent
    assert Outlet.objects.match("Independent") == independent
    assert Outlet.objects.match("The Guardian") is None
    assert Outlet.objects.match("  ") is None


def test_an_alias_belongs_to_one_outlet():
    OutletAlias.objects.create(outlet=OutletFactory(), name="The Post")
    with pytest.raises(IntegrityError):
        OutletAlias.objects.create(outlet=OutletFactory(), name="the post")


def test_time_zone_must_be_real():
    outlet = OutletFactory.build(timezone="Mars/Olympus")
    with pytest.raises(ValidationError):
        outlet.full_clean()
    assert OutletFactory(timezone="Asia/Hong_Kong").zone.key == "Asia/Hong_Kong"
    assert OutletFactory(timezone="").zone is None


def test_deleting_an_outlet_with_columns_is_refused():
    from django.db.models import ProtectedError

    from tests.factories import ColumnFactory

    column = ColumnFactory()
    with pytest.raises(ProtectedError):
        column.outlet.delete()
