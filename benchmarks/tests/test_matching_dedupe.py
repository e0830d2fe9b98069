"""Batch deduplication (engine and ``manage.py match dedupe``) and the real-time index."""

import csv
import io

import pytest
from django.core.management import call_command

from benchmarks import gt_names
from retorno.people.matching import MemoryIndex, dedupe, default_model, encode, rank_candidates
from retorno.people.matching.columns import INPUT_COLUMNS

HEADER = "record_id,given_names,first_surname,second_surname,sex,birth_date,cui,department,municipality\n"
ROWS = [
    "a1,José Luis,Xicará,Tzul,M,1990-05-12,,13,1301",
    "a2,Jose Luis,Xicara,,M,1990-12-05,,13,1301",  # the example: swapped day/month, no 2nd surname
    "a3,JOSE LUIS,XICARA,TZUL,M,1990,,,",  # year only, capitals
    "b1,María,López,García,F,1985-03-01,1234567890101,01,0101",
    "b2,Maria,Lopez,,F,1985-03-01,1234567880101,,",  # CUI typo that fails the check digit
    "c1,Pedro,Cux,Pop,M,1970-01-20,,16,1601",
    "d1,Ana,Pérez,Ramos,F,2001-07-07,,,",
]


@pytest.fixture
def input_csv(tmp_path):
    path = tmp_path / "input.csv"
    # Pad with generated records so there is something to learn from.
    records, _ = gt_names.generate(1500, 11)
    ids = [f"g{k}" for k in range(len(records))]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n".join(ROWS) + "\n")
        writer = csv.writer(f)
        for rid, r in zip(ids, records, strict=False):
            writer.writerow([rid, *(r[c] for c in INPUT_COLUMNS)])
    return path


def read_clusters(path):
    with open(path, encoding="utf-8") as f:
        return {row["record_id"]: row["cluster_id"] for row in csv.DictReader(f)}


def test_match_dedupe_command_writes_a_cluster_for_every_record(input_csv, tmp_path):
    # No django_db mark: pytest-django would fail the test if the command touched the database.
    out = tmp_path / "clusters.csv"
    stdout = io.StringIO()
    call_command("match", "dedupe", str(input_csv), "--out", str(out), "--no-progress", stdout=stdout)
    clusters = read_clusters(out)
    assert len(clusters) == len(ROWS) + 1500
    assert clusters["a1"] == clusters["a2"] == clusters["a3"]
    assert clusters["b1"] == clusters["b2"]
    assert len({clusters["a1"], clusters["b1"], clusters["c1"], clusters["d1"]}) == 4
    assert "records" in stdout.getvalue()


def test_match_dedupe_rejects_a_file_without_the_columns(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n1,José\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns"):
        call_command("match", "dedupe", str(bad), "--out", str(tmp_path / "o.csv"), "--no-progress")


def test_dedupe_finds_most_generated_duplicates():
    records, truth = gt_names.generate(3000, 3)
    cols = encode({c: [r[c] for r in records] for c in INPUT_COLUMNS}, len(records))
    labels = dedupe(cols).labels
    same_person = [(i, j) for i in range(300) for j in range(i + 1, 3000) if truth[i] == truth[j]]
    found = sum(labels[i] == labels[j] for i, j in same_person)
    assert found / len(same_person) > 0.9
    wrongly = sum(labels[i] == labels[j] and truth[i] != truth[j] for i in range(300) for j in range(i + 1, 3000))
    assert wrongly <= 0.02 * max(found, 1)


def registry():
    people = {
        1: {
            "given_names": "José Luis",
            "first_surname": "Xicará",
            "second_surname": "Tzul",
            "sex": "M",
            "birth_date": "1990-05-12",
            "municipality": "1301",
        },
        2: {
            "given_names": "María",
            "first_surname": "López",
            "second_surname": "García",
            "sex": "F",
            "birth_date": "1985-03-01",
            "cui": "1234567890101",
        },
        3: {
            "given_names": "Pedro",
            "first_surname": "Cux",
            "second_surname": "Pop",
            "sex": "M",
            "birth_date": "1970-01-20",
        },
    }
    cols = {c: [p.get(c, "") for p in people.values()] for c in INPUT_COLUMNS}
    return people, MemoryIndex.build(list(people), cols, default_model())


def test_memory_index_finds_the_returnee_with_reasons():
    _, index = registry()
    probe = {"given_names": "Jose Luis", "first_surname": "Xicara", "birth_date": "1990-12-05", "sex": "M"}
    found = index.candidates(probe)
    assert found[0].person_id == 1
    assert found[0].probability > 0.5
    assert "birth_date_day_month_swapped" in [r.code for r in found[0].reasons]
    assert all(c.person_id != 3 for c in found)


def test_memory_index_returns_the_right_person_id():
    people, index = registry()
    found = index.candidates({**people[3], "given_names": "PEDRO"})
    assert [c.person_id for c in found] == [3]


def test_memory_index_is_updated_on_every_write():
    _, index = registry()
    newcomer = {"given_names": "Ana", "first_surname": "Xitumul", "second_surname": "Cumes", "birth_date": "2000-02-02"}
    assert index.candidates(newcomer) == []
    index.add(4, newcomer)
    assert index.candidates({**newcomer, "given_names": "ANA"})[0].person_id == 4
    index.remove(4)
    assert index.candidates(newcomer) == []
    index.add(1, {**newcomer, "given_names": "Ana"})  # person 1 edited into someone else
    assert [c.person_id for c in index.candidates(newcomer)] == [1]
    assert index.candidates({"given_names": "José Luis", "first_surname": "Xicará", "birth_date": "1990-05-12"}) == []


def test_memory_index_excludes_the_person_being_edited():
    people, index = registry()
    assert index.candidates(people[2], exclude=[2]) == []


def test_rank_candidates_is_the_database_path():
    people, _ = registry()
    probe = {"given_names": "Maria", "first_surname": "Lopez", "cui": "1234567880101", "birth_date": "1985-03-01"}
    ranked = rank_candidates(probe, people.items(), registry_size=3)
    assert ranked[0].person_id == 2
    assert "cui_typo_check_digit" in [r.code for r in ranked[0].reasons]
