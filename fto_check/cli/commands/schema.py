"""`fto-check schema`: the profile's JSON Schema, for editors' YAML language servers."""

from __future__ import annotations

import json
import sys


def run(*, report: bool) -> int:
    from fto_check.render.schema import profile_schema, report_schema

    document = report_schema() if report else profile_schema()
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0
