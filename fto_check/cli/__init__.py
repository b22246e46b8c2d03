"""The command line: `app` wires options to the commands in `commands/`, each of which parses
its input, calls the core, hands the result to a renderer and returns the exit code."""
