"""The layers of docs/architecture.md hold: a module imports only from its own layer or below.

The contract is in pyproject.toml (`[tool.importlinter]`); import-linter checks it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_imports_only_go_downward_through_the_layers():
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is a test dependency: pip install -e '.[test]'"
    run = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_every_layer_named_in_the_contract_is_a_folder_of_the_package():
    text = (ROOT / "pyproject.toml").read_text()
    layers = [
        line.strip().strip('",') for line in text.split("layers = [")[1].split("]")[0].splitlines()
    ]
    for layer in filter(None, layers):
        for name in layer.split("|"):
            folder = ROOT / name.strip().replace(".", "/")
            assert (folder / "__init__.py").is_file(), f"{name} is not a package"
