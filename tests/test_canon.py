"""Speaker names across documents."""

from __future__ import annotations

import pytest

from provenance.relate.speakers import canonical_speaker, group_speakers


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("President Donald Trump", "Donald Trump"),
        ("Donald Trump", "Donald Trump"),
        ("Deputy Foreign Minister Gennady Gatilov", "Gennady Gatilov"),
        ("Israeli Major-General Yoav Mordechai", "Yoav Mordechai"),
        ("A spokesman for the Chinese foreign ministry", "Chinese foreign ministry"),
        ("the Israeli army spokesman", "Israeli army"),
        ("The Russian Defense Ministry’s", "Russian Defense Ministry"),
        ("Mr. Smith", "Smith"),
        ("sources in the Russian foreign ministry", "sources in the Russian foreign ministry"),
        ("President", "President"),
    ],
)
def test_canonical_speaker(name: str, canonical: str) -> None:
    """Titles go, a spokesman becomes his body, a nationality stays on a body."""
    assert canonical_speaker(name) == canonical


def test_group_joins_a_surname_to_its_one_full_name() -> None:
    """ "Trump" joins "Donald Trump"; "Smith" with two full names stays alone."""
    groups = group_speakers(
        ["President Donald Trump", "Trump", "Smith", "John Smith", "Jane Smith"]
    )
    assert groups["Trump"] == groups["President Donald Trump"] == "Donald Trump"
    assert groups["Smith"] == "Smith"
    assert groups["John Smith"] != groups["Jane Smith"]
