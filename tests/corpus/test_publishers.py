"""Publisher keys: normalised names, the alias file, and look-alike names not paired."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure.corpus import (
    AliasError,
    load_aliases,
    lookalikes,
    looks_alike,
    normalise_name,
)


def test_the_alias_file_pairs_names_and_codes(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "\ufeffalias,canonical,code\n"
        "县科技局,县科学技术局,\n"
        "市政府办,市人民政府办公室,11350500003612345X\n"
        "市府办,泉州市人民政府办公室,11350500003612345X\n",
        encoding="utf-8",
    )
    keys = load_aliases(aliases)
    assert keys.key("县科技局") == keys.key("县科学技术局") == "县科学技术局"
    assert keys.key(" 县科技局　") == "县科学技术局"  # spaces, full-width too
    # the same code: one publisher, whatever canonical name the later line gives
    assert keys.key("市府办") == keys.key("市政府办") == "市人民政府办公室"
    assert keys.code("市人民政府办公室") == "11350500003612345X"
    assert keys.key("县财政局") == "县财政局"
    assert keys.key(None) is None
    assert keys.key("  ") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "name,canonical\n县科技局,县科学技术局\n",
            ":1: expected the header alias,canonical[,code]",
        ),
        ("alias,canonical\n县科技局,\n", ":2: expected an alias and a canonical name"),
        ("alias,canonical,code\n县科技局,县科学技术局,12345\n", ":2: code '12345': expected"),
    ],
)
def test_a_bad_alias_file_names_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AliasError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_aliases(path)


def test_look_alike_names() -> None:
    assert looks_alike("县科技局", "县科学技术局")
    assert looks_alike("市政府办", "市人民政府办公室")
    assert looks_alike("兰江县交通局", "兰江县交通运输局")
    assert not looks_alike("县财政局", "县科技局")
    assert not looks_alike("德化县第1局", "德化县第10局")  # numbered units are different units
    assert not looks_alike("县科技局", "县科技局")
    # a place put inside: a district's or a township's agency, not the city's or the county's
    assert not looks_alike("淮安市人民政府", "淮安市洪泽区人民政府")
    assert not looks_alike("兰江县人民政府", "兰江县城关镇人民政府")
    # words that end like a place but name none: still the same agency spelt out or renamed
    assert looks_alike("县规划局", "县城乡规划局")
    assert looks_alike("县农业局", "县农业农村局")
    assert normalise_name("ＡＢ 局") == "AB局"


def test_lookalikes_lists_pairs_of_different_keys_with_their_years() -> None:
    years = {
        "县科学技术局": [2020, 2021],
        "县科技局": [2022],
        "县财政局": [2020, 2021, 2022],
        "市人民政府办公室": [2021],
        "市政府办": [2021],
    }
    found = [(p.name_a, p.name_b, p.years_a, p.years_b, p.row()[-1]) for p in lookalikes(years)]
    assert sorted(found) == sorted(
        [
            ("县科学技术局", "县科技局", (2020, 2021), (2022,), True),
            ("市人民政府办公室", "市政府办", (2021,), (2021,), False),
        ]
    )
