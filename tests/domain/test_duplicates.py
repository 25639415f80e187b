"""Identity keys and near-duplicate detection for people."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from topofmind.domain.duplicates import (
    DuplicateCandidate,
    find_near_duplicates,
    is_member_urn_id,
    normalise_company,
    person_identity_keys,
    public_id_from_url,
)
from topofmind.linkedin.names import name_key

URN_ID = "ACoAABcdEfGhIjKlMnOpQrStUvWxYz012345"


@dataclass
class Person:
    id: int
    name: str | None
    company: str | None = None
    public_id: str | None = None
    member_urn: str | None = None
    profile_url: str | None = None


def make_people(*specs: dict) -> list[Person]:
    return [Person(id=index + 1, **spec) for index, spec in enumerate(specs)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jane Doe", "jane doe"),
        ("  JANE   doe ", "jane doe"),
        ("Dr. José  Pérez-Núñez, PhD 🚀 (he/him)", "jose perez nunez"),
        ("Jane Doe, MBA, CPA", "jane doe"),
        ("Jane Doe PhD", "jane doe"),
        ("Jane Doe | Hiring Engineers!", "jane doe"),
        ("Zoë O'Brien", "zoe obrien"),
        ("Anne Ma", "anne ma"),  # Ma is a surname, not a degree, without a comma
        ("Ma, Anne", "ma anne"),
        ("李 小龙", "李 小龙"),
        ("🚀", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_name_key(raw, expected):
    assert name_key(raw) == expected


def test_every_name_matcher_uses_the_one_name_key():
    """People, the facts the rules read, the export reader and the import all key names with
    ``linkedin.names.name_key``: "Jane Doe, PhD" and "Jane Doe" are one key everywhere."""
    from topofmind.domain import duplicates, facts
    from topofmind.linkedin import export
    from topofmind.services import imports, people

    for module in (duplicates, export, imports, people):
        assert module.name_key is name_key, module.__name__
    assert facts.normalise_name is name_key
    assert name_key("Jane Doe, PhD") == name_key("Jane Doe") == "jane doe"


def test_normalise_company_drops_legal_suffixes():
    assert normalise_company("The Acme Corporation, Inc.") == "acme"
    assert normalise_company("Société Générale S.A.") == "societe generale"
    assert normalise_company(None) == ""


def test_identity_keys_strongest_first():
    keys = person_identity_keys(
        public_id="Jane-Doe-12",
        member_urn=f"urn:li:member:{URN_ID}",
        profile_url="https://www.linkedin.com/in/jane-doe-12/",
        name="Jane Doe, PhD",
        company="Acme Inc",
    )
    assert keys == ("id:jane-doe-12", f"urn:{URN_ID}", "name:jane doe|acme")
    assert person_identity_keys(profile_url=f"https://www.linkedin.com/in/{URN_ID}") == (
        f"urn:{URN_ID}",
    )
    assert person_identity_keys(name="🚀") == ()
    assert is_member_urn_id(URN_ID) and not is_member_urn_id("jane-doe-12")
    assert public_id_from_url("https://uk.linkedin.com/in/fran%C3%A7ois?x=1") == "françois"


def test_same_name_same_or_similar_company_or_one_without():
    people = make_people(
        {"name": "Jane Doe", "company": "Acme"},
        {"name": "jane doe, MBA", "company": "ACME Inc."},
        {"name": "Bob Stone", "company": "Globex Corporation"},
        {"name": "Bob Stone", "company": "Globex Research"},
        {"name": "Cy Twombly", "company": None},
        {"name": "Cy Twombly", "company": "Initech"},
        {"name": "Di Lu", "company": "Hooli"},
        {"name": "Di Lu", "company": "Soylent"},  # different companies: not a pair
        {"name": "Ed Ng"},
    )
    found = find_near_duplicates(people)
    assert [(c.a_id, c.b_id, c.score) for c in found] == [(1, 2, 90), (3, 4, 75), (5, 6, 60)]
    assert found[0].reasons == ("Same name: Jane Doe", "Same company: Acme")
    assert found[2].reasons == ("Same name: Cy Twombly", "Only one of them has a company")


def test_different_vanity_ids_are_different_people_but_urn_ids_may_match():
    people = make_people(
        {"name": "Jane Doe", "company": "Acme", "public_id": "jane-doe-12"},
        {"name": "Jane Doe", "company": "Acme", "public_id": "jane-doe-99"},
        {
            "name": "Jane Doe",
            "company": "Acme",
            "profile_url": f"https://www.linkedin.com/in/{URN_ID}/",
        },
        {
            "name": "Jane Doe",
            "company": "Acme",
            "member_urn": "urn:li:member:ACoAAZZZZZZZZZZZZZZZZZZZZZ",
        },
    )
    pairs = {(c.a_id, c.b_id): c for c in find_near_duplicates(people)}
    assert (1, 2) not in pairs  # two vanity ids: two humans
    assert (3, 4) not in pairs  # two member URNs: two humans
    assert set(pairs) == {(1, 3), (2, 3), (1, 4), (2, 4)}
    assert pairs[(1, 3)].score == 90
    assert "One profile is known by its vanity id, the other by its member URN" in (
        pairs[(1, 3)].reasons
    )


def test_the_same_id_twice_is_certain():
    people = make_people(
        {"name": "Jane Doe", "public_id": "jane-doe-12"},
        {"name": "Jane Doe", "profile_url": "https://www.linkedin.com/in/Jane-Doe-12"},
    )
    assert find_near_duplicates(people) == [
        DuplicateCandidate(1, 2, 100, ("Same name: Jane Doe", "Same LinkedIn profile"))
    ]


def test_crowded_names_only_pair_within_a_company():
    people = [Person(id=i, name="John Smith", company=f"Company {i % 100}") for i in range(300)]
    people += [Person(id=1000 + i, name="John Smith") for i in range(50)]
    found = find_near_duplicates(people)
    assert found and all(c.score == 90 for c in found)
    assert len(found) == 100 * 3  # three people per company, three pairs each


def test_fifty_thousand_people_in_one_pass():
    people = [
        Person(id=i, name=f"Person {i // 2} Name", company=f"Co {i // 2}", public_id=None)
        for i in range(50_000)
    ]
    found = find_near_duplicates(people)
    assert len(found) == 25_000
    assert found[0] == DuplicateCandidate(
        0, 1, 90, ("Same name: Person 0 Name", "Same company: Co 0")
    )
