"""`fto-check schema`: the profile's JSON Schema, for editors' YAML language servers."""

from __future__ import annotations

import json
import sys


def profile_schema() -> dict:
    from fto_check.profile.model import Profile

    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "fto-check organization profile"
    return schema


def run(*, report: bool) -> int:
    if report:
        from fto_check.render.json import schema

        document = schema()
    else:
        document = profile_schema()
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0
