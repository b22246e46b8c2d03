"""What every layer stands on: errors, input limits, where the data lives, and the strict YAML
loader that keeps each value's line and column."""
