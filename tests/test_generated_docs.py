"""The README stays short and true, and the references it points to are generated, never kept by
hand: docs/cli.md from the command line, docs/profile.md from the profile's schema (issue 20,
item 9). A test fails when either falls behind the code; the message says how to regenerate."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fto_check.profile.read import parse_profile
from fto_check.render.schema import REGENERATE, reference

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOCS = ROOT / "docs" / "cli.md"
CLI_REGENERATE = (
    "typer fto_check.cli.app utils docs --name fto-check "
    "--title 'The fto-check command line' --output docs/cli.md"
)


def test_the_cli_reference_is_what_typer_generates_from_the_app_now():
    typer = shutil.which("typer", path=str(Path(sys.executable).parent))
    assert typer, "typer's command line comes with typer"
    title = "The fto-check command line"
    run = subprocess.run(
        [typer, "fto_check.cli.app", "utils", "docs", "--name", "fto-check", "--title", title],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert CLI_DOCS.read_text(encoding="utf-8") == run.stdout.rstrip("\n") + "\n", (
        f"docs/cli.md is out of date; regenerate it: {CLI_REGENERATE}"
    )


def test_the_profile_reference_is_what_the_schema_generates_now():
    text = (ROOT / "docs" / "profile.md").read_text(encoding="utf-8")
    assert text == reference(), f"docs/profile.md is out of date; regenerate it: {REGENERATE}"
    assert REGENERATE in text.splitlines()[0]


def test_the_readme_can_be_read_in_five_minutes():
    """About 200 words a minute: at most a thousand words, code included."""
    assert len(README.split()) <= 1000


def test_the_readmes_test_command_is_still_the_one_ci_runs():
    block = re.search(r"<!-- ci:test -->\n```sh\n(.*)\n```\n<!-- /ci:test -->", README)
    assert block and block[1] == (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
    )


@pytest.mark.parametrize("doc", ["README.md", "docs/reports.md", "docs/teaching.md"])
def test_every_profile_a_page_shows_is_a_valid_profile(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        parse_profile(block.encode(), f"{doc} (a yaml block)")


def test_every_document_the_readme_points_to_exists():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


def test_the_readme_and_the_code_agree_on_the_output_suffixes():
    """`-o FILE` takes the format its suffix names; the README lists them, and says that any
    other suffix gives JSON lines."""
    from fto_check.cli.commands import batch

    for suffix, fmt in batch.SUFFIX_FORMATS.items():
        assert batch.default_format(Path(f"r{suffix}")) == fmt
    assert batch.default_format(Path("r.unknown")) == "jsonl"
    row = next(line for line in README.splitlines() if line.startswith("| `fto-check batch"))
    for suffix in (".txt", ".csv", ".json", ".jsonl", ".md"):
        assert f"`{suffix}`" in row
    assert "`.txt` a table" in row and "anything else JSON lines" in row
