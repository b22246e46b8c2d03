"""From facts to findings: three-valued logic, the rule engine, the predicates (one module per
statutory section), `evaluate(profile) -> Report`, and what would change a result."""
