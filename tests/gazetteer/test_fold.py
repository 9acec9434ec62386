import pytest

from geomap.gazetteer import fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Córdoba", "cordoba"),
        ("CÓRDOBA", "cordoba"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Nagorno Karabakh", "nagorno karabakh"),
        ("  Nagorno –  Karabakh ", "nagorno karabakh"),
        ("U.S.", "us"),
        ("D.C.", "dc"),
        ("N.C.", "nc"),
        ("Xankəndi", "xankendi"),
        ("Diyarbakır", "diyarbakir"),
        ("Łódź", "lodz"),
        ("Ma'rib", "marib"),
        ("Ma’rib", "marib"),
        ("Rafaḩ", "rafah"),
        ("St. Louis", "st louis"),
        ("São Paulo", "sao paulo"),
    ],
)
def test_fold_ignores_case_accents_and_punctuation(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_keeps_other_scripts_but_ignores_their_case() -> None:
    assert fold("МОСКВА") == fold("Москва")
    assert fold("Москва") != fold("Moskva")


def test_fold_of_punctuation_only_is_empty() -> None:
    assert fold(" .-. ") == ""
