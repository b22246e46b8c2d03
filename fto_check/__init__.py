"""fto-check: the criteria of 8 U.S.C. § 1189(a)(1) for designating a foreign terrorist
organization, as explicit predicates over a YAML profile of facts."""

__version__ = "0.1.0"
