"""The predicates, one module per statutory section; importing the package registers them all.

Find the code for a clause by its citation: `grep -rn '"1182(a)(3)(B)(iii)(V)(b)"' fto_check`.
"""

from fto_check.reasoning.predicates import s1182, s1189, s2656f  # noqa: F401 - registers the rules
