"""`fto-check schema`: the profile's JSON Schema, for editors' YAML language servers."""

from __future__ import annotations

import json
import sys


def run(*, report: bool, fmt: str = "json") -> int:
    from fto_check.base.errors import UsageError
    from fto_check.render.schema import profile_schema, reference, report_schema

    if fmt == "markdown":
        if report:
            raise UsageError("--format markdown writes the profile reference, not the report's")
        sys.stdout.write(reference())
        return 0
    document = report_schema() if report else profile_schema()
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0
