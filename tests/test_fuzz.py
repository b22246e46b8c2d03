"""Fuzzing: whatever bytes arrive, the reader returns a profile or raises fto-check's own
InputError — never anything else; and every report's JSON validates against its schema."""

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from profiles import evaluate_dict
from strategies import profiles

from fto_check.base.errors import InputError
from fto_check.profile.read import parse_profile
from fto_check.render.json import parse, render, schema

FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Tokens YAML gives meaning to, and a few a profile uses, joined at random.
TOKENS = [
    *"abn:-[]{},&*!|>'\"#%@`?~ \t\n0129.",
    "name",
    "as_of",
    "incidents",
    "\ufeff",
    "\x00",
    "\x07",
    "é",
    "\n---\n",
    "…",
    "!!python/object:os.system",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


def read_or_refuse(raw: bytes) -> None:
    try:
        parse_profile(raw, "fuzz.yaml")
    except InputError as e:
        assert e.problems and all(p.path == "fuzz.yaml" for p in e.problems)


@FAST
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_profile_or_an_input_error(raw):
    """Binary noise never crashes the reader."""
    read_or_refuse(raw)


@FAST
@given(YAMLISH)
def test_yaml_like_text_gives_a_profile_or_an_input_error(text):
    """Near-YAML (the characters YAML gives meaning to) never crashes the reader."""
    read_or_refuse(text.encode("utf-8", "surrogatepass"))


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["name", "as_of", "foreign", "incidents", "involves", "date", "x"]),
                inner,
                max_size=3,
            )
        ),
        max_leaves=12,
    )
)
def test_wrongly_shaped_data_gives_a_profile_or_an_input_error(data):
    """Valid YAML of the wrong shape is reported, not raised."""
    read_or_refuse(json.dumps(data).encode())


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_json_report_validates_against_its_schema_and_round_trips(data):
    """The documented JSON Schema holds for every report, and JSON → report → JSON is stable."""
    text = render(evaluate_dict(data))
    _VALIDATOR.validate(json.loads(text))
    assert render(parse(text)) == text


_VALIDATOR = jsonschema.Draft202012Validator(schema())
