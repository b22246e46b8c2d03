"""Hostile and broken input, end to end: each gets one clear line, exit code 2, no traceback.

One test per row of the table in docs/hostile-input.md (which names these tests).
"""

import json
import os
import shutil
import stat
import sys
import threading
from contextlib import suppress
from datetime import date

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app

runner = CliRunner()


def check(tmp_path, content: bytes | str, *options: str) -> tuple[int, str]:
    path = tmp_path / "p.yaml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    result = runner.invoke(app, ["check", *options, str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def refused(tmp_path, content, *options) -> str:
    code, output = check(tmp_path, content, *options)
    assert code == 2, output
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(tmp_path / "p.yaml")), output
    return lines[0]


def test_not_yaml_at_all(tmp_path):
    """An HTML page parses as one string: not a mapping of fields."""
    assert "not a single value" in refused(tmp_path, "<html><body>x</body></html>\n")


def test_binary_data(tmp_path):
    """A NUL byte marks binary data."""
    assert "binary data" in refused(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_invalid_utf8(tmp_path):
    """The bad byte is located by line and column."""
    assert ":2:13: not valid UTF-8" in refused(tmp_path, b"name: X\nplace: Bogot\xe1\n")


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    """A BOM is harmless and accepted."""
    code, _ = check(tmp_path, "\ufeffname: X\nas_of: 2020-01-01\n")
    assert code == 3


def test_empty_file(tmp_path):
    """Nothing to check."""
    assert "empty file" in refused(tmp_path, "")


@pytest.mark.parametrize(("content", "kind"), [("- a\n- b\n", "a list"), ("42\n", "a single")])
def test_a_list_or_a_scalar_instead_of_a_mapping(tmp_path, content, kind):
    """The top of a profile is a mapping."""
    assert kind in refused(tmp_path, content)


def test_several_documents_given_to_check(tmp_path):
    """`check` reads one profile per file and points to `batch -` for streams."""
    assert "several YAML documents" in refused(tmp_path, "name: A\n---\nname: B\n")


def test_object_constructing_tags_are_refused_never_executed(tmp_path):
    """`!!python/object/apply:os.system` is refused before anything is built."""
    marker = tmp_path / "pwned"
    line = refused(tmp_path, f'name: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert "tag" in line and not marker.exists()


def test_billion_laughs_is_refused_at_the_first_anchor(tmp_path):
    """Aliases are how a 445-byte file becomes gigabytes; the first anchor is refused."""
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    assert "anchor &a is not allowed" in refused(tmp_path, laughs)


def test_deep_nesting_has_no_recursion_error(tmp_path):
    """100,000 levels: refused as too deep, never a RecursionError or a segfault."""
    assert "nested more than 32 levels" in refused(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000)


def test_a_file_over_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path):
    """The 1 MB default is documented; --max-bytes raises it."""
    big = "name: X\naliases:\n" + "  - abcdefghijklmnopqrstuvwxyz\n" * 40_000
    assert "larger than the 1,000,000-byte limit" in refused(tmp_path, big)
    code, _ = check(tmp_path, big, "--max-bytes", "2000000")
    assert code == 2 or code == 3


def test_duplicate_keys_name_both_lines(tmp_path):
    """PyYAML would keep the last silently."""
    line = refused(tmp_path, "name: A\nas_of: 2020-01-01\nname: B\n")
    assert ":3:1: duplicate key 'name' (first at line 1)" in line


@pytest.mark.parametrize("word", ["NO", "no", "yes", "on", "off"])
def test_yaml_11_booleans_where_a_string_is_meant_stay_strings(tmp_path, word):
    """`name: NO` is the text NO, as the author meant."""
    code, output = check(tmp_path, f"name: {word}\nas_of: 2020-01-01\n", "--format", "json")
    assert code == 3 and f'"name": "{word}"' in output


def test_country_no_is_norway(tmp_path):
    """`formed_in: NO` stays the country code."""
    code, output = check(
        tmp_path,
        "name: X\nas_of: 2020-01-01\nforeign: {formed_in: NO}\n",
        "--format",
        "json",
        "--reading",
        "foreign-test=formation",
    )
    assert code == 3 and '"path": "foreign.formed_in",\n' in output and '"value": "NO"' in output


def test_a_number_where_a_date_is_meant(tmp_path):
    """`as_of: 1e3` is refused with the YAML trap explained."""
    assert "YYYY-MM-DD" in refused(tmp_path, "name: X\nas_of: 1e3\n")


def test_sexagesimal_times_are_not_numbers(tmp_path):
    """`12:30` stays text; in a count it is refused, not read as 750."""
    assert "whole number" in refused(tmp_path, "name: X\norganization: {members: 12:30}\n")


def test_wrong_types_are_named(tmp_path):
    """A list where true/false belongs."""
    assert "organization.is_group: expected true or false" in refused(
        tmp_path, "name: X\norganization: {is_group: [1]}\n"
    )


def test_unknown_fields_get_did_you_mean(tmp_path):
    """A typo is corrected."""
    assert "did you mean 'incidents'" in refused(tmp_path, "name: X\nincidnets: []\n")


def test_impossible_dates(tmp_path):
    """2012-13-45 is not a date."""
    assert "not a real date" in refused(tmp_path, "name: X\nas_of: 2012-13-45\n")


def test_incidents_after_as_of_are_warned_about(tmp_path):
    """Not counted, and said so."""
    code, output = check(tmp_path, "name: X\nas_of: 2020-01-01\nincidents: [{date: 2021-05-01}]\n")
    assert code == 3 and "warning:" in output and "after as_of 2020-01-01" in output


def test_as_of_in_the_future_is_warned_about(tmp_path):
    """Facts about a date that has not come."""
    code, output = check(tmp_path, "name: X\nas_of: 2999-01-01\n")
    assert code == 3
    assert "warning:" in output and "in the future" in output


def test_contradictory_facts_are_refused_by_name(tmp_path):
    """'Not an organization' with 5,000 members."""
    line = refused(tmp_path, "name: X\norganization: {is_group: false, members: 5000}\n")
    assert "[lone-individual-with-members]" in line


def test_a_path_that_does_not_exist(tmp_path):
    """Named, exit 2."""
    result = runner.invoke(app, ["check", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_a_directory_given_to_check(tmp_path):
    """`check` takes files and points to `batch` for directories."""
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "fto-check batch" in result.output


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_a_file_without_read_permission(tmp_path):
    """Permission denied is an input error, not a crash."""
    path = tmp_path / "secret.yaml"
    path.write_text("name: X\n")
    path.chmod(0)
    result = runner.invoke(app, ["check", str(path)])
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.exit_code == 2 and "permission denied" in result.output


def _pipe_fed(content: bytes) -> str:
    """A pipe this process holds, with a thread writing `content` into it, named by its
    descriptor as `check <(command)` names one: a file that has no size."""
    read_end, write_end = os.pipe()

    def feed():
        with suppress(BrokenPipeError), os.fdopen(write_end, "wb") as pipe:  # may stop early
            pipe.write(content)

    threading.Thread(target=feed, daemon=True).start()
    return f"/dev/fd/{read_end}"


@pytest.mark.skipif(not os.path.exists("/dev/fd"), reason="/dev/fd names descriptors")
def test_a_profile_read_from_a_given_pipe_is_read_to_its_end():
    """`check <(command)`: a pipe arrives in pieces and has no size to read by; it is read until
    it ends."""
    # 240 KB, several pipe buffers: as_of, the last line, is read only if all of it is
    profile = b"name: Piped\naliases:\n" + (b"  - " + b"a" * 800 + b"\n") * 300
    profile += b"as_of: 2020-01-01\n"
    result = runner.invoke(app, ["check", "-f", "json", _pipe_fed(profile)])
    assert result.exit_code == 3 and '"name": "Piped"' in result.output


@pytest.mark.skipif(not os.path.exists("/dev/fd"), reason="/dev/fd names descriptors")
def test_a_given_pipe_over_the_size_limit_is_refused():
    """Without a size to check first, the limit is enforced on what is read."""
    endless = b"name: X\naliases:\n" + b"  - abcdefghijklmnopqrstuvwxyz\n" * 40_000
    result = runner.invoke(app, ["check", _pipe_fed(endless)])
    assert result.exit_code == 2 and "larger than the 1,000,000-byte limit" in result.output


# ---------------------------------------------------------------- round two, §5: the small ones

EXAMPLE = os.path.join(
    os.path.dirname(__file__), "..", "examples", "minimal-pairs", "base-abroad.yaml"
)


@pytest.mark.parametrize(
    "day", ["20240630", "2024-W26-7", "2024W267", "2024-182", "٢٠٢٤-٠٦-٣٠", "2024-6-30"]
)
def test_as_of_takes_only_the_form_it_names(day):
    """--as-of 20240630 and ISO week dates were accepted despite "YYYY-MM-DD"."""
    result = runner.invoke(app, ["check", "--as-of", day, EXAMPLE])
    assert result.exit_code == 2
    assert result.stderr == f"error: --as-of takes a date as YYYY-MM-DD, got {day!r}\n"


def test_an_as_of_before_the_statute_is_a_usage_error_not_blamed_on_the_file():
    result = runner.invoke(app, ["check", "--as-of", "1990-01-01", EXAMPLE])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: --as-of 1990-01-01 is before 8 U.S.C. § 1189 was enacted"
    )
    assert "base-abroad.yaml" not in result.stderr


def test_profiles_are_found_in_a_folder_whatever_the_case_of_their_suffix(tmp_path):
    """*.YAML and *.Yml were skipped silently."""
    for name in ("a.YAML", "b.Yml", "c.yaml", "d.txt"):
        shutil.copy(EXAMPLE, tmp_path / name)
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert [os.path.basename(json.loads(line)["path"]) for line in result.stdout.splitlines()] == [
        "a.YAML",
        "b.Yml",
        "c.yaml",
    ]


def test_no_color_wins_over_force_color(monkeypatch):
    """With both set, FORCE_COLOR used to win: no-color.org says NO_COLOR does."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(app, ["check", EXAMPLE])
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in runner.invoke(app, ["check", EXAMPLE]).stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_file_is_named_as_such(tmp_path, encoding):
    """It was reported as "binary data (a NUL byte)"."""
    line = refused(tmp_path, "name: X\nas_of: 2024-06-30\n".encode(encoding))
    assert f"{encoding[:6].upper()}" in line and "text, not UTF-8 (save the file as UTF-8)" in line


def test_an_empty_file_name_is_said_to_be_one():
    result = runner.invoke(app, ["check", ""])
    assert result.exit_code == 2 and result.stderr == ": an empty file name\n"


def test_a_month_of_the_year_9999_is_a_month():
    """`9999-12` was refused as "year 10000 is out of range"."""
    from fto_check.profile.values import When, _when

    assert _when("9999-12") == When(
        text="9999-12", first=date(9999, 12, 1), last=date(9999, 12, 31)
    )


def test_an_unknown_reading_is_a_usage_error_before_any_profile_is_judged():
    """Not an "internal error" row per profile, as the engine's job would have said."""
    for paths in ([EXAMPLE], [EXAMPLE, EXAMPLE]):
        result = runner.invoke(app, ["check", "--reading", "x=y", *paths])
        assert result.exit_code == 2
        assert result.stderr.startswith("error: unknown reading 'x'"), result.stderr
