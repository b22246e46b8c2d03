"""The command line: options in, `commands.<name>.run(...)` out, its return value the exit code.

Thin on purpose, and light: only typer is imported at start-up. Each command imports what it
needs when it runs, so `--help` and quick commands never pay for pydantic or YAML.
"""

# No `from __future__ import annotations` here, unlike the other modules: typer reads every
# command's annotations at each start-up, and string annotations it would compile and evaluate
# again each time (about 6 ms of every run).
import contextlib
import gc
import os
import sys
from typing import Annotated

import typer

from fto_check import __version__
from fto_check.base.limits import MAX_BYTES

EXIT_CODES = (
    "Exit codes: 0 every criterion met for every profile; 1 some criterion not met; "
    "3 none not met but some undetermined; 2 usage or input error."
)
EXIT_PRINTED = "Exit codes: 0 printed; 2 usage error."

# An empty metavar leaves the type column of the help blank, so a flag reads as one.
FLAG = ""


def _plain_help() -> None:
    """Help that names what a user types, not Python's types.

    Typer (0.29) prints an argument's type beside it (`<list[Path]>`), a flag's as `<bool>`,
    and a required argument as `{PROFILE}...` in the usage line. Its parameter classes are
    patched, where they have these methods, to print an argument's metavar alone, nothing
    after a flag (`-h/--help` too), and `PROFILE...`. Older typers print help their own way.
    """
    from typer import core

    argument, option = getattr(core, "TyperArgument", None), getattr(core, "TyperOption", None)
    if argument is not None and hasattr(argument, "display_type_rich"):
        argument.display_type_rich = lambda self, ctx: None
    if argument is not None and hasattr(argument, "_usage_display_name"):

        def usage(self) -> str:
            name = self.display_name_raw + ("..." if self.nargs != 1 else "")
            return name if self.required else f"[{name}]"

        argument._usage_display_name = usage
    if option is not None and hasattr(option, "display_type_rich"):
        shown = option.display_type_rich
        option.display_type_rich = lambda self, ctx: (
            None if getattr(self, "is_flag", False) else shown(self, ctx)
        )


_plain_help()

app = typer.Typer(
    name="fto-check",
    help="Check organization profiles against the criteria for designating a foreign terrorist "
    "organization, 8 U.S.C. § 1189(a)(1)(A)–(C), and explain why each is met or not.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def choice(*choices: str):
    """A `--format` value: one of `choices`, completed by the shell, and refused in words."""

    def parse(value: str) -> str:
        if value in choices:
            return value
        listed = ", ".join(choices[:-1]) + " or " + choices[-1]
        raise typer.BadParameter(f"{value!r} is not a format here; choose {listed}")

    return {"parser": parse, "metavar": "FORMAT", "autocompletion": lambda: list(choices)}


FORMATS = ("text", "json", "markdown")
DOC_FORMATS = ("text", "markdown", "json")
BATCH_FORMATS = ("table", "json", "jsonl", "csv", "markdown")

# Options several commands take, with one wording.
Readings = Annotated[
    list[str] | None,
    typer.Option(
        "--reading",
        metavar="NAME=VALUE",
        help="Choose a reading of a contested term (repeatable).",
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", metavar="BYTES", help="Refuse profile files larger than this."),
]


def _version(value: bool) -> None:
    if value:
        print(f"fto-check {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            metavar=FLAG,
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Check organization profiles against 8 U.S.C. § 1189(a)(1)."""


@app.command(epilog=EXIT_CODES)
def check(
    profiles: Annotated[
        list[str],
        typer.Argument(
            metavar="PROFILE",
            help="YAML profile files, or - for profiles on standard input (separated by --- "
            "lines).",
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text; json (an array for several profiles); or markdown, a reasoned memo.",
            **choice(*FORMATS),
        ),
    ] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge on this date (law and facts) instead of the profile's as_of.",
        ),
    ] = None,
    reading: Readings = None,
    why_not: Annotated[
        bool,
        typer.Option(
            "--why-not",
            metavar=FLAG,
            help="Under each criterion not met, the changes of fact that would meet it "
            "(always in JSON).",
        ),
    ] = False,
    all_readings: Annotated[
        bool,
        typer.Option(
            "--all-readings",
            metavar=FLAG,
            help="Judge under every combination of the readings that matter; mark what they "
            "contest.",
        ),
    ] = False,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            metavar=FLAG,
            help="The summary alone: each criterion's mark, the verdict, and what decides it.",
        ),
    ] = False,
    max_bytes: MaxBytes = MAX_BYTES,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes (default: auto, parallel for many profiles).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check profiles: each criterion met, not met or undetermined, and why."""
    from fto_check.cli.commands import check as command

    _run(
        command.run,
        profiles,
        fmt=fmt,
        as_of=as_of,
        readings=reading or [],
        max_bytes=max_bytes,
        why_not=why_not,
        all_readings=all_readings,
        brief=brief,
        jobs=jobs,
    )


@app.command(
    epilog=EXIT_CODES + " With --check-expected: 0 when every profile matches its expect: "
    "block, else 1."
)
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Profile files, directories (searched for *.yaml and *.yml), or - for "
            "profiles on standard input (separated by --- lines).",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, jsonl, csv or markdown. Default: table on a terminal; else "
            "the format --output's suffix names (.txt table, .json, .jsonl, .csv, .md), "
            "else jsonl.",
            show_default=False,
            **choice(*BATCH_FORMATS),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE, atomically (all or nothing)."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes (default: auto, parallel for large batches).",
            show_default=False,
        ),
    ] = None,
    check_expected: Annotated[
        bool,
        typer.Option(
            "--check-expected",
            metavar=FLAG,
            help="Compare each profile with its expect: block; show a diff.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge on this date (law and facts) instead of each profile's as_of.",
        ),
    ] = None,
    reading: Readings = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Judge many profiles: one row per profile, criteria as columns, streamed as decided."""
    from fto_check.cli.commands import batch as command

    _run(
        command.run,
        paths,
        fmt=fmt,
        output=output,
        jobs=jobs,
        as_of=as_of,
        readings=reading or [],
        check_expected=check_expected,
        max_bytes=max_bytes,
    )


@app.command(epilog=EXIT_PRINTED)
def schema(
    report: Annotated[
        bool,
        typer.Option(
            "--report",
            metavar=FLAG,
            help="Print the schema of the JSON report instead of the profile's.",
        ),
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json: the JSON Schema; markdown: the profile's reference, field by field "
            "(docs/profile.md).",
            **choice("json", "markdown"),
        ),
    ] = "json",
) -> None:
    """Print the JSON Schema of a profile (for editors), or of the JSON report."""
    from fto_check.cli.commands import schema as command

    _run(command.run, report=report, fmt=fmt)


@app.command(epilog=EXIT_PRINTED)
def rules(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown or json.", **choice(*DOC_FORMATS))
    ] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Show the rules in force on this date (default: today).",
        ),
    ] = None,
    coverage: Annotated[
        bool,
        typer.Option(
            "--coverage",
            metavar=FLAG,
            help="Per clause of rules/: the rules encoding it, or why none.",
        ),
    ] = False,
    readings: Annotated[
        bool,
        typer.Option(
            "--readings", metavar=FLAG, help="The contested readings, with their defaults."
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            metavar=FLAG,
            help="The whole reference: tree, readings, coverage, and every explanation.",
        ),
    ] = False,
) -> None:
    """Print the criteria tree as the checker composes it (ids, citations, summaries)."""
    from fto_check.cli.commands import rules as command

    _run(command.run, fmt=fmt, as_of=as_of, coverage=coverage, readings=readings, full=full)


@app.command(epilog="Exit codes: 0 explained; 2 an id or words that name nothing (or several).")
def explain(
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A clause (1189(a)(1)(B), 8 U.S.C. § 1189(a)(1)(B)), a rule "
            "(2656f(d)(2)/politically-motivated), a reading's name, or words of a title or "
            "of the law ('material support').",
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown or json.", **choice(*DOC_FORMATS))
    ] = "text",
) -> None:
    """Explain a clause, rule or reading: the law's words, their meaning, how it is decided."""
    from fto_check.cli.commands import explain as command

    _run(command.run, item, fmt=fmt)


@app.command(epilog="Exit codes: 0 done (or stopped with q); 2 usage error.")
def quiz(
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            metavar="N",
            help="Draw the same quiz again (default: a new quiz each time).",
        ),
    ] = None,
    count: Annotated[
        int, typer.Option("--count", "-n", metavar="N", help="Questions to ask.")
    ] = 10,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            metavar="ID",
            help="Only questions decided by this clause, rule or reading (as `explain` takes).",
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text: ask in the terminal; json: the questions and answers.",
            **choice("text", "json"),
        ),
    ] = "text",
) -> None:
    """Drill the criteria: questions from the examples and variations, answered by the engine."""
    from fto_check.cli.commands import quiz as command

    _run(command.run, seed=seed, count=count, topic=topic, fmt=fmt)


@app.command(epilog="Exit codes: 0 shown (or stopped with q); 2 usage or input error.")
def tour(
    profile: Annotated[str, typer.Argument(metavar="PROFILE", help="A YAML profile file.")],
    no_pause: Annotated[
        bool,
        typer.Option(
            "--no-pause", metavar=FLAG, help="Print every step without waiting for Enter."
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge on this date (law and facts) instead of the profile's as_of.",
        ),
    ] = None,
    reading: Readings = None,
) -> None:
    """Walk through one profile criterion by criterion: the law, the facts, the reasoning."""
    from fto_check.cli.commands import tour as command

    _run(command.run, profile, pause=not no_pause, as_of=as_of, readings=reading or [])


@app.command(epilog="Exit codes: 0 a profile written (or none, if stopped at once); 2 usage error.")
def new(
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the profile to FILE."),
    ] = None,
    template: Annotated[
        bool,
        typer.Option(
            "--template",
            metavar=FLAG,
            help="Write a blank profile, every field commented with its meaning.",
        ),
    ] = False,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="NAME", help="The organization's name (else asked)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="YYYY-MM-DD", help="The date the profile speaks for (else asked)."
        ),
    ] = None,
) -> None:
    """Write a profile by answering questions: only those that could still change the verdict."""
    from fto_check.cli.commands import new as command

    _run(command.run, output=output, template=template, name=name, as_of=as_of)


TABLE_FORMATS = ("text", "json", "csv", "markdown")


@app.command(
    help="The register of FTO designations (rules/register.yaml): who was designated on a "
    "day, or one organization's designations, amendments and revocations, with their "
    "citations.",
    epilog="Exit codes: 0 shown; 2 no such organization, or a usage error.",
)
def register(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="An organization's name, alias, abbreviation or register id (fuzzy); "
            "without it, the list in force.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="The day to list, or to judge the organization's standing on (default: today).",
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", metavar=FLAG, help="List every organization, in force or not, on the day."
        ),
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="text, json, csv or markdown.", **choice(*TABLE_FORMATS)
        ),
    ] = "text",
) -> None:
    from fto_check.cli.commands import register as command

    _run(command.run, name, fmt=fmt, as_of=as_of, everything=everything)


@app.command(
    help="Compare the verdict on the facts with the register, profile by profile: the "
    "agreement rate, and for each disagreement the criteria, facts and readings that make it.",
    epilog="Exit codes: 0 the table is complete (agreeing or not); 2 an input could not be read.",
)
def calibrate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Profile files, directories or - (as batch takes them; default: the examples). "
            "Profiles that name no register entry are skipped.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text, markdown (for a paper), json or csv.",
            **choice(*TABLE_FORMATS),
        ),
    ] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge every profile, and read the record, on this date instead of its as_of.",
        ),
    ] = None,
    reading: Readings = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    from fto_check.cli.commands import calibrate as command

    _run(
        command.run,
        paths or [],
        fmt=fmt,
        as_of=as_of,
        readings=reading or [],
        max_bytes=max_bytes,
    )


def _run(fn, *args, **kwargs) -> None:
    """Run a command; turn fto-check's own errors into one line on stderr and exit code 2."""
    from fto_check.base.errors import FtoCheckError

    if not gc.isenabled():  # start-up is over (see `main`): what it built stays to the end
        gc.freeze()
        gc.enable()
    try:
        code = fn(*args, **kwargs)
    except FtoCheckError as e:
        from fto_check.render.safe import lines

        print(lines(f"error: {e}" if not hasattr(e, "problems") else str(e)), file=sys.stderr)
        code = 2
    raise typer.Exit(code)


def main() -> None:
    # Pydantic looks for plugins through package metadata on first use (~20 ms); the CLI has none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Start-up builds objects that live until exit (pydantic's schemas, typer's commands, the
    # rules): the garbage collector would go through them again and again while they are made,
    # ~20 ms of a ~200 ms check. It is turned back on, past them, before a command runs.
    gc.disable()
    from fto_check.render.safe import escape_what_streams_cannot_encode

    escape_what_streams_cannot_encode()
    try:
        app()
    except SystemExit as e:
        _leave(e.code)
    except OSError as e:  # a write to a full disk or a closed stream, outside a command's care
        _leave(_write_failed(e))
    _leave(0)


def _write_failed(e: OSError) -> int:
    import errno

    if e.errno == errno.EPIPE:  # the reader has gone (`| head`): nothing worth saying
        return 1
    with contextlib.suppress(OSError, ValueError):
        print(f"error: cannot write the output: {e.strerror or e}", file=sys.stderr)
    return 2


def _leave(code: object) -> None:
    """Exit with `code` as `sys.exit` would, without tearing the interpreter down.

    Teardown frees every object one by one (pydantic's schemas, typer's and rich's modules) and
    collects garbage: ~40 ms of a ~200 ms check, spent after the work is done. Files written are
    closed by then, worker processes joined, and the standard streams are flushed here.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError as e:  # the reader has gone (`| head`), or the disk is full
            code = code or _write_failed(e)
        except ValueError:  # the stream is closed
            code = code or 1
    os._exit(code)
