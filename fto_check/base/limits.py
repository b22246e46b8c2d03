"""Input limits, documented in the README; kept here so the CLI can show them without
importing the YAML machinery."""

MAX_BYTES = 1_000_000  # a rich profile is ~30 KB; `--max-bytes` raises it
MAX_DEPTH = 32  # a profile nests ~5 levels; deeper input is refused before it is built
