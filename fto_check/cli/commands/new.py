"""`fto-check new`: write a profile by answering questions (`teaching/interview.py` asks them),
or, with `--template`, a blank profile with every field commented.

The conversation goes to standard error, so that `fto-check new > profile.yaml` works; the
profile goes to standard output or to `--output FILE`, a new file (`batch/output.py`).
"""

from __future__ import annotations

import sys


def run(*, output: str | None, template: bool, name: str | None, as_of: str | None) -> int:
    from fto_check.batch.output import refuse_unwritable
    from fto_check.cli.commands import parse_day
    from fto_check.render import interview as render
    from fto_check.teaching import interview

    if output is not None:
        refuse_unwritable(output)  # before any question is asked
    if template:
        _write(interview.template(), output)
        return 0
    answered = interview.converse(name, parse_day(as_of))
    if answered is None:
        print(render.NOTHING_WRITTEN, file=sys.stderr)
        return 0
    _write(interview.to_yaml(answered), output)
    print(render.wrote(output, answered.final().verdict), file=sys.stderr)
    return 0


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        from fto_check.batch.output import create

        create(output, text)
