"""The published profile schema (`fto-check schema`) accepts every valid profile, as an editor
reads it: every example, and every profile `fto-check new` writes, validates against it with
jsonschema (Draft 2020-12); and it still refuses what the reader refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from fto_check.base.errors import InputError
from fto_check.cli.app import app
from fto_check.profile.read import parse_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix in (".yaml", ".yml"))
runner = CliRunner()


class Yaml12(yaml.SafeLoader):
    """PyYAML reading plain scalars as YAML 1.2's core schema does, as editors' YAML servers
    do: `2024-06-30`, `yes` and `NO` are strings; `true`, `2020` and `~` are not."""


Yaml12.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    ("float", r"^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", "-+."),
]:
    Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def as_an_editor_reads_it(text: str):
    return yaml.load(text, Loader=Yaml12)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(validator, text: str) -> list[str]:
    data = as_an_editor_reads_it(text)
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(data)]


def test_there_are_examples_to_validate():
    assert len(EXAMPLES) >= 20


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=lambda p: p.relative_to(ROOT / "examples").as_posix()
)
def test_every_example_validates_against_the_published_schema(validator, path):
    assert problems(validator, path.read_text(encoding="utf-8")) == []


def test_the_blank_template_validates_against_the_published_schema(validator):
    template = runner.invoke(app, ["new", "--template"]).stdout
    assert problems(validator, template) == []


# Interviews that end met, not met (a lone individual) and undetermined (every answer "?").
INTERVIEWS = {
    "met": [
        *["Test Front", "2024-06-30", "y", "n", "XK", "n"],
        *["y", "2024-03-02", "y", "assassination", "committed", "y", "y"],
    ],
    "not met": ["Lone Wolf", "2024-06-30", "n", *["y"] * 20],
    "undetermined": ["Unknown Front", "2024-06-30", *["?"] * 300],
}


@pytest.mark.parametrize("answers", INTERVIEWS.values(), ids=list(INTERVIEWS))
def test_a_profile_the_interview_writes_validates_against_the_published_schema(validator, answers):
    written = runner.invoke(app, ["new"], input="\n".join(answers) + "\n")
    assert written.exit_code == 0, written.output
    assert problems(validator, written.stdout) == []


@pytest.mark.parametrize(
    "spelling", ["met", "not_met", "not met", "not-met", "Not Met", "NOT_MET", "undetermined"]
)
def test_an_expected_status_may_be_written_as_people_write_it(validator, spelling):
    assert problems(validator, f"name: X\nexpect: {{verdict: {spelling}}}\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "name: X\nexpect: {verdict: maybe}\n",  # not a status
        "name: X\nexpect: {D: met}\n",  # not a criterion
        "name: X\nas_of: 30.06.2024\n",  # not a date
        "name: X\nincidents: [{date: 24-1}]\n",  # not a date
        "name: X\norganization: {is_group: maybe}\n",  # not a yes or no
        "name: X\norganization: {is_group: {value: true, source: [a]}}\n",  # `sources`
        "name: X\nincidents: [{involves: [kneecapping]}]\n",  # not an act in the vocabulary
        "name: X\nincidents: [{date: 'last spring'}]\n",  # not a date the record gives
        "as_of: 2024-06-30\n",  # no name
    ],
)
def test_the_schema_still_refuses_what_the_reader_refuses(validator, text):
    with pytest.raises(InputError):
        parse_profile(text.encode(), "p.yaml")
    assert problems(validator, text) != []


@pytest.mark.parametrize(
    "text",
    [
        "name: X\nas_of: 2024-06-30\n",
        "name: X\nincidents: [{date: 2019-11}, {date: 2019}, {date: '2019'}, {date: 2019-11-30}]\n",
        "name: X\nincidents: [{date: 1990s}, {date: 2017/2018}, {date: 2017-2018}, "
        "{date: 2017-03/2018-05}, {date: before 1997}, {date: since 2010}, {date: ongoing}, "
        "{date: {from: 2017, to: 2018}}]\n",
        "name: X\nincidents: [{acts: {only: [kidnapping]}, demand: {on: family}}]\n",
        "name: X\nforeign: {formed_in: XK}\n",  # user-assigned: Kosovo
        "name: X\norganization: {is_group: yes, dissolved: no, members: 40}\n",
        "name: X\nsources: {a: {title: A}}\n"
        "organization: {is_group: {value: true, sources: [a], note: n}}\n",
        "name: X\nforeign: {formed_in: NO, operates_in: {value: [MX, US], sources: []}}\n",
    ],
)
def test_the_forms_the_reader_accepts_are_accepted_by_the_schema(validator, text):
    parse_profile(text.encode(), "p.yaml")
    assert problems(validator, text) == []
