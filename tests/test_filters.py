from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from geomap.errors import ConfigurationError
from geomap.filters import parse_filter
from geomap.web.params import parse_filter as parse_query


def test_options_and_query_strings_give_the_same_filter():
    from_options = parse_filter(start="2023-09-01", types=["Battles,Protests"], countries="am,az",
                                q=" drone ", bbox="44,38,48,41")
    from_query = parse_query(MultiDict([("start", "2023-09-01"), ("type", "Battles"), ("type", "Protests"),
                                        ("country", "AM,az"), ("q", "drone"), ("bbox", "44,38,48,41")]))
    assert from_options == from_query
    assert from_options.start == date(2023, 9, 1) and from_options.countries == ("AM", "AZ")


@pytest.mark.parametrize("kwargs, says", [
    ({"start": "19/09/2023"}, "YYYY-MM-DD"),
    ({"countries": "Armenia"}, "alpha-2"),
    ({"bbox": "44,38,48"}, "4 numbers"),
    ({"bbox": "44,38,nan,41"}, "4 numbers"),
    ({"start": "2023-10-01", "end": "2023-09-01"}, "after"),
])
def test_bad_values_say_what_to_type(kwargs, says):
    with pytest.raises(ConfigurationError, match=says):
        parse_filter(**kwargs)
