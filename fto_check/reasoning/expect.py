"""Expected outcomes: an example's `expect:` block compared with what the checker decided.

An example states its expected status for each criterion, each route to (B) and the verdict
(`fto_check.profile.model.EXPECT_KEYS`), as OpenFisca's YAML tests state their outputs. The
test suite and `fto-check batch --check-expected` both compare through `mismatches`, so the two
agree.
"""

from __future__ import annotations

from fto_check.profile.model import EXPECT_KEYS, Profile
from fto_check.reasoning.findings import Report
from fto_check.reasoning.logic import Status

# The three routes to (B), by the key an `expect:` block names them with.
ROUTES = {
    "B.terrorist-activity": "1189(a)(1)(B)/terrorist-activity",
    "B.terrorism": "1189(a)(1)(B)/terrorism",
    "B.capability-and-intent": "1189(a)(1)(B)/capability-and-intent",
}


def outcome(report: Report) -> dict[str, Status]:
    """Status per expectation key, in statute order; a route not in force on as_of is absent."""
    b = report.criterion("B")
    routes = {child.rule: child.status for child in b.children}
    found: dict[str, Status] = {"A": report.criterion("A").status, "B": b.status}
    for key, rule in ROUTES.items():
        if rule in routes:
            found[key] = routes[rule]
    found["C"] = report.criterion("C").status
    found["verdict"] = report.verdict
    return found


def mismatches(profile: Profile, report: Report) -> list[str]:
    """What differs between `profile.expect` and the report, one line each ([] when it matches)."""
    if not profile.expect:
        return ["no expect: block (add one: A, B, C, verdict)"]
    found = outcome(report)
    lines = []
    for key in sorted(profile.expect, key=EXPECT_KEYS.index):
        want, got = Status(profile.expect[key]), found.get(key)
        if got is None:
            lines.append(
                f"{key}: expected {want.label}, but this route is not in force on {report.as_of}"
            )
        elif got is not want:
            lines.append(f"{key}: expected {want.label}, got {got.label}")
    return lines


def missing_keys(profile: Profile, report: Report) -> list[str]:
    """The keys the report decides that the example does not state (a complete example has none)."""
    return [key for key in outcome(report) if key not in profile.expect]
