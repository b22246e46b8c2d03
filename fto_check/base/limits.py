"""Input limits, documented in the README; kept here so the CLI can show them without
importing the YAML machinery."""

MAX_BYTES = 1_000_000  # a rich profile is ~30 KB; `--max-bytes` raises it
MAX_DEPTH = 32  # a profile nests ~5 levels; deeper input is refused before it is built
# What a profile may hold, counted after parsing (profile/read.py): each far above a real
# organization's record, so that the work a profile can ask for is bounded by more than bytes.
MAX_INCIDENTS = 1_000  # incidents of one profile
MAX_SOURCES = 5_000  # entries of the top-level `sources:`
MAX_ITEMS = 300  # entries of any other list or mapping (aliases, motives, countries, …)
MAX_BYTES_CEILING = 64_000_000  # the most `--max-bytes` accepts
# The most `--jobs` accepts: a worker per core of a large server. A pool forks all its workers
# at once, so `--jobs 1000000` on a stream would have forked until the system ran out.
MAX_JOBS = 256
