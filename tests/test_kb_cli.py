"""``kronika kb``: user entries added, imported, searched and shown, kept in the store.

The group is invoked through click's runner on :data:`kronika.cli_kb.kb_group`;
one test runs the real ``kronika kb`` in a subprocess once it is registered.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kronika.cli_kb import kb_group
from kronika.kb.load import load_shipped
from kronika.kb.user import kb_fingerprint, load_kb_entries
from kronika.store import open_store

from .conftest import FIXTURES, kronika

KB = FIXTURES / "kb"


def kb(db: str, *args: str) -> Result:
    return CliRunner().invoke(kb_group, [*args, "--db", db])


def stored_ids(db: str) -> set[str]:
    if not Path(db).exists():
        return set()
    store = open_store(db, readonly=True)
    try:
        return {row["id"] for row in store.kb_user_entries()}
    finally:
        store.close()


def search_json(db: str, *args: str) -> list[dict[str, Any]]:
    result = kb(db, "search", *args, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kronika: error: [K100] "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_add_then_show_and_search(db: str) -> None:
    result = kb(db, "add", "--id", "per/olena-testenko", "--name", "Olena Testenko", "--kind", "person",
                "--country", "UKR", "--sector", "GOV", "--alias", "uk:Олена Тестенко", "--alias", "fr:Oléna Testenko",
                "--role", "Minister of Tests|org/ukr-gov|2023-09-06|", "--role", "Deputy|||2021")
    assert result.exit_code == 0, result.output
    assert "added user entry per/olena-testenko" in result.stdout
    shown = json.loads(kb(db, "show", "per/olena-testenko", "--json").stdout)
    assert shown["aliases"]["uk"] == ["Олена Тестенко"] and shown["aliases"]["en"] == ["Olena Testenko"]
    assert shown["roles"] == [
        {"title": "Minister of Tests", "org": "org/ukr-gov", "start": "2023-09-06", "end": None},
        {"title": "Deputy", "org": None, "start": None, "end": "2021"},
    ]
    assert shown["origin"] == "user" and shown["source"] == "cli" and shown["overrides"] is False
    text = kb(db, "show", "per/olena-testenko").stdout
    assert "uk: Олена Тестенко" in text and "Minister of Tests (org/ukr-gov)  2023-09-06 – now" in text
    # accent- and case-insensitive substring, in any language
    for query in ("olena testenko", "OLENA TESTENKO", "олена", "Olena Testenko"):
        hits = search_json(db, query)
        assert hits[0]["id"] == "per/olena-testenko" and hits[0]["origin"] == "user", query
    line = kb(db, "search", "Testenko").stdout.splitlines()[0].split()
    assert line[0] == "per/olena-testenko" and {"UKR", "GOV", "user", "[person]"} <= set(line)


def test_add_again_replaces(db: str) -> None:
    args = ("add", "--id", "org/tst-agency", "--kind", "agency", "--country", "FRA")
    assert kb(db, *args, "--name", "Agence A").exit_code == 0
    result = kb(db, *args, "--name", "Agence B")
    assert "replaced user entry org/tst-agency" in result.stdout
    assert json.loads(kb(db, "show", "org/tst-agency", "--json").stdout)["name"] == "Agence B"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--sector", "XYZ"], "unknown sector XYZ"),
        (["--country", "Ukraine"], "is not ISO alpha-3"),
        (["--alias", "de:Testmann"], "unknown alias language(s) de"),
        (["--alias", "no language"], "is not LANG:TEXT"),
        (["--role", "Minister||2024-01-01|2023-01-01"], "ends before it starts"),
        (["--role", "Minister||yesterday|"], "is not YYYY-MM-DD"),
    ],
)
def test_add_rejects_bad_values_in_one_line(db: str, options: list[str], message: str) -> None:
    result = kb(db, "add", "--id", "per/test-person", "--name", "Test Person", "--kind", "person", *options)
    assert message in one_line_error(result)
    assert "per/test-person" not in stored_ids(db)


def test_add_rejects_bad_id_format(db: str) -> None:
    for bad in ("person/x", "per/Upper-Case", "per/under_score", "wd/42"):
        result = kb(db, "add", "--id", bad, "--name", "X", "--kind", "person")
        assert "is not <prefix>/<slug>" in one_line_error(result)
    assert kb(db, "add", "--id", "per/x", "--name", "X", "--kind", "persn").exit_code == 2  # a usage error


def test_import_yaml_then_again_replaces(db: str) -> None:
    result = kb(db, "import", str(KB / "entries.yaml"))
    assert result.exit_code == 0, result.output
    assert "3 added, 0 replaced, 0 rejected" in result.stdout
    assert stored_ids(db) == {"org/tst-coastal-guard", "per/ioanna-kyriakou", "grp/tst-sea-wolves"}
    again = kb(db, "import", str(KB / "entries.yaml"), "--json")
    assert json.loads(again.stdout) == {"added": 0, "replaced": 3, "notes": [], "rejected": []}
    shown = json.loads(kb(db, "show", "per/ioanna-kyriakou", "--json").stdout)
    assert shown["roles"][0] == {"title": "Commander of the Tessaly Coastal Guard", "org": "org/tst-coastal-guard",
                                 "start": "2021-03-01", "end": None}
    assert shown["source"] == str((KB / "entries.yaml").resolve())


def test_import_csv_rejects_a_bad_row_and_keeps_the_others(db: str) -> None:
    result = kb(db, "import", str(KB / "entries.csv"))
    assert result.exit_code == 1
    assert "2 added, 0 replaced, 1 rejected" in result.stdout
    assert result.stderr.strip() == (
        f"kronika: rejected: {KB / 'entries.csv'} line 4 (org/tst-bad-sector): unknown sector XYZ"
    )
    assert stored_ids(db) == {"org/tst-harbour-authority", "per/marek-zielinski"}
    shown = json.loads(kb(db, "show", "per/marek-zielinski", "--json").stdout)
    assert shown["aliases"] == {"en": ["Marek Zieliński", "Zielinski"], "uk": ["Марек Зелінський"],
                                "ru": ["Марек Зелинский"]}
    assert search_json(db, "Autorite portuaire")[0]["id"] == "org/tst-harbour-authority"


def _check_wikidata_entries(db: str) -> None:
    person = json.loads(kb(db, "show", "wd/Q999000001", "--json").stdout)
    assert person["kind"] == "person" and person["wikidata"] == "Q999000001"
    assert person["country"] == "SWE"  # the deprecated P27 (Germany) is skipped
    assert person["name"] == "Dana Okafor-Lindqvist"
    assert person["aliases"]["en"] == ["Dana Okafor-Lindqvist", "D. Okafor-Lindqvist"]
    assert person["aliases"]["uk"] == ["Дана Окафор-Ліндквіст"] and "de" not in person["aliases"]
    assert person["roles"] == [  # P39 with P580/P582 at their precision, oldest first
        {"title": "Q999000102", "org": None, "start": "2014", "end": "2019-06"},
        {"title": "Q999000101", "org": "wd/Q999000002", "start": "2022-10-18", "end": None},
    ]
    party = json.loads(kb(db, "show", "wd/Q999000002", "--json").stdout)
    assert (party["kind"], party["sector"], party["country"]) == ("party", "PTY", "SWE")
    assert party["aliases"]["es"] == ["Alianza Aurora Boreal"] and party["aliases"]["en"] == ["Northern Lights Alliance", "NLA"]


def test_import_wikidata_entity_data(db: str) -> None:
    result = kb(db, "import", str(KB / "wikidata.json"))
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stdout
    _check_wikidata_entries(db)
    assert search_json(db, "okafor", "--kind", "person")[0]["id"] == "wd/Q999000001"


@pytest.mark.parametrize("name", ["dump.json", "dump.json.gz"])
def test_import_wikidata_dump_one_entity_per_line(db: str, tmp_path: Path, name: str) -> None:
    entities = json.loads((KB / "wikidata.json").read_text(encoding="utf-8"))["entities"].values()
    text = "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n]\n"
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    result = kb(db, "import", str(path))
    assert result.exit_code == 0, result.output
    _check_wikidata_entries(db)


def test_wikidata_entities_that_cannot_be_entries_are_rejected(db: str, tmp_path: Path) -> None:
    shipped = next((e for e in load_shipped() if e.wikidata), None)
    entities = [
        {"id": "Q999000003", "type": "item", "labels": {"de": {"language": "de", "value": "Nur Deutsch"}}},
        {"id": "P39", "type": "property", "labels": {"en": {"language": "en", "value": "position held"}}},
        {"id": "Q999000004", "type": "item", "labels": {"en": {"language": "en", "value": "Good One"}}},
    ]
    if shipped is not None:  # an item the shipped KB already holds under its own id
        entities.append({"id": shipped.wikidata, "labels": {"en": {"language": "en", "value": shipped.name}}})
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({"entities": {e["id"]: e for e in entities}}), encoding="utf-8")
    result = kb(db, "import", str(path), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 1 and stored_ids(db) == {"wd/Q999000004"}
    reasons = {r["id"]: r["reason"] for r in report["rejected"]}
    assert reasons["Q999000003"] == "Q999000003 has no label in en, fr, uk, ru, es"
    assert reasons["P39"].startswith("not a Wikidata item")
    if shipped is not None:
        assert reasons[f"wd/{shipped.wikidata}"] == f"{shipped.wikidata} is already in the knowledge base as {shipped.id}"
    assert len(result.stderr.strip().splitlines()) == len(reasons)


def test_user_entries_persist_and_override_shipped(db: str) -> None:
    shipped = load_shipped()[0]
    result = kb(db, "add", "--id", shipped.id, "--name", "Renamed By User", "--kind", shipped.kind)
    assert result.exit_code == 0 and "overrides the shipped entry" in result.stderr
    store = open_store(db)  # a new connection: the entry was committed
    entries = load_kb_entries(store)
    store.close()
    assert entries[-1].id == shipped.id and entries[-1].origin == "user"
    assert {e.id: e for e in entries}[shipped.id].name == "Renamed By User"  # KnowledgeBase's rule: last wins
    shown = json.loads(kb(db, "show", shipped.id, "--json").stdout)
    assert shown["name"] == "Renamed By User" and shown["overrides"] is True
    assert [h["origin"] for h in search_json(db, "Renamed By User")] == ["user"]
    assert kb(db, "remove", shipped.id).exit_code == 0
    assert json.loads(kb(db, "show", shipped.id, "--json").stdout)["name"] == shipped.name
    assert "only your own entries" in one_line_error(kb(db, "remove", shipped.id))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", None, "bad.yaml line 7: not valid YAML"),
        ("map.yaml", "id: per/x\nname: X\n", "expected a list of entries"),
        ("broken.json", '{"entities": {"Q1": {"id": "Q1",\n', "broken.json line 2: not valid JSON"),
        ("cols.csv", "id,name,kind,colour\nper/x,X,person,red\n", "has unknown column(s) colour"),
        ("nokind.csv", "id,name\nper/x,X\n", "lacks column(s) kind"),
        ("empty.yaml", "[]\n", "holds no entries"),
        ("notes.txt", "hello\n", "cannot tell the format"),
    ],
)
def test_malformed_file_is_one_line_error_and_loses_nothing(
    db: str, tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    assert kb(db, "import", str(KB / "entries.yaml")).exit_code == 0
    before = stored_ids(db)
    bad = KB / name if content is None else tmp_path / name
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    # a good file before the bad one is not stored either: every file is read before anything is written
    result = kb(db, "import", str(KB / "wikidata.json"), str(bad))
    assert message in one_line_error(result)
    assert stored_ids(db) == before


def test_read_only_commands_without_store_use_shipped_and_create_nothing(tmp_path: Path) -> None:
    db = tmp_path / "none" / "k.db"
    shipped = load_shipped()[0]
    hits = search_json(str(db), shipped.name)
    assert hits and hits[0]["id"] == shipped.id and hits[0]["origin"] == "shipped"
    assert json.loads(kb(str(db), "show", shipped.id, "--json").stdout)["source"] is None
    assert "no entry per/nobody-at-all" in one_line_error(kb(str(db), "show", "per/nobody-at-all"))
    assert not db.exists() and not db.parent.exists()


def test_search_filters_limit_and_fuzzy(db: str) -> None:
    assert kb(db, "import", str(KB / "entries.yaml")).exit_code == 0
    assert [h["id"] for h in search_json(db, "Kyriakuo")][:1] == ["per/ioanna-kyriakou"]  # a typo
    assert [h["id"] for h in search_json(db, "tessalie")] == ["org/tst-coastal-guard"]
    assert [h["id"] for h in search_json(db, "Tessaly")] == ["org/tst-coastal-guard"]  # role titles are not aliases
    assert [h["id"] for h in search_json(db, "Sea Wolves")] == ["grp/tst-sea-wolves"]
    assert search_json(db, "Sea Wolves", "--country", "GRC") == []
    assert [h["id"] for h in search_json(db, "Kyriakou", "--country", "grc", "--kind", "person")] == ["per/ioanna-kyriakou"]
    assert search_json(db, "Kyriakou", "--kind", "military") == []
    assert len(search_json(db, "Sea", "--limit", "1")) == 1
    assert search_json(db, "zzqqxxyy") == []


def test_store_from_before_the_kb_migration(db: str) -> None:
    open_store(db).close()
    with sqlite3.connect(db) as conn:  # as a store created by an older kronika
        conn.execute("DROP TABLE kb_user")
        conn.execute("DELETE FROM migrations WHERE name = '0002_kb_user'")
    conn.close()
    shipped = load_shipped()[0]
    assert search_json(db, shipped.name)[0]["id"] == shipped.id  # read-only: no table, shipped entries only
    assert kb(db, "import", str(KB / "entries.yaml")).exit_code == 0  # read-write: migrated
    assert len(stored_ids(db)) == 3


def test_kb_fingerprint_follows_user_entries(db: str) -> None:
    store = open_store(db)
    before = kb_fingerprint(store)
    assert kb_fingerprint(None) == before
    assert kb(db, "import", str(KB / "entries.yaml")).exit_code == 0
    assert kb_fingerprint(store) != before
    store.close()


def test_real_command_in_a_subprocess(db: str) -> None:
    from kronika.cli import cli

    if "kb" not in cli.commands:
        pytest.skip("`kb` is not registered in kronika.cli yet")
    added = kronika("kb", "add", "--id", "per/sub-process", "--name", "Sub Process", "--kind", "person", "--db", db)
    assert added.returncode == 0, added.stderr
    imported = kronika("kb", "import", str(KB / "wikidata.json"), env={"KRONIKA_DB": db})
    assert imported.returncode == 0 and "2 added" in imported.stdout, imported.stderr
    found = kronika("kb", "search", "sub process", "--json", "--db", db)
    assert json.loads(found.stdout.splitlines()[0])["id"] == "per/sub-process"
    shown = kronika("kb", "show", "wd/Q999000001", "--db", db)
    assert "Q999000101 (wd/Q999000002)  2022-10-18 – now" in shown.stdout
    bad = kronika("kb", "import", str(KB / "bad.yaml"), "--db", db)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
