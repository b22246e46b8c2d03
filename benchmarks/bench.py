"""Measure fto-check against its floors: `python benchmarks/bench.py [--n 10000]`.

1. Generates N synthetic profiles from examples/ (each example copied with a new name) into a
   temporary directory.
2. Times `fto-check batch DIR` (default options, output to /dev/null) against the bare
   `yaml.load(text, Loader=yaml.CSafeLoader)` of the same files in one process: the floor any
   YAML-reading checker starts from. Prints profiles/second and the ratio (target: <= 1.0),
   and the CPU time each spent in all its processes: what the batch's workers share out.
3. Times one `fto-check check PROFILE` against a minimal typer app (target: within 1.3x).
   Both comparisons run the two commands in turn, several times, and report the median of the
   ratios of each pair of runs made one after the other, with their range: on a shared
   machine the speed drifts, and a pair of neighbouring runs shares most of the drift.
4. Reports the peak memory (max RSS of the largest process) of `batch` for N/10 and N
   profiles: flat when nothing grows with N.

5. With `--worst`, instead: the worst case of each command on hostile input, as
   docs/hostile-input.md states it (time and peak memory of one run each): a profile at the
   limits (1,000 incidents, all not met) through `check`, `check --all-readings`, `tour` and
   `batch`; 3,000 unknown source references among 5,000 sources; `batch -` on a stream of
   50,000 documents and on /dev/zero; `check -f json` on N files (memory flat); the longest
   quiz. And with `--jobs-compare`, `batch` of N profiles with --jobs 1, 2 and auto, in turn.

Every figure comes from fresh processes, as a user would run them. Needs fto-check installed
(`pip install -e .`) and PyYAML with libyaml.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))
_SCRIPT = Path(sys.executable).with_name("fto-check")  # the console script, as users run it
FTO_CHECK = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "fto_check"]

FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""

MINIMAL_TYPER = """
import typer

app = typer.Typer()


@app.command()
def check(path: str) -> None:
    print(open(path, encoding="utf-8").read()[:0], end="")


app()
"""

PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def generate(directory: Path, n: int) -> int:
    """Write n profiles (the examples in turn, renamed); return their mean size in bytes."""
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    total = 0
    for i in range(n):
        text = texts[i % len(texts)]
        # A distinct name per file, so no two inputs are byte-identical.
        text = text.replace("\nname: ", f"\nname: P{i} ", 1)
        (directory / f"p{i:06d}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total // max(n, 1)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run: CPU of the process and every worker it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    taken = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return taken, cpu


def runs_in_turn(cmds: list[list[str]], runs: int) -> list[list[tuple[float, float]]]:
    """(wall, CPU) of each of `runs` runs of each command, run in turn after one warm-up run.

    In turn, not one command's runs and then the other's: the load of a shared machine drifts,
    and a ratio of two runs taken minutes apart measures the drift as much as the code.
    """
    for cmd in cmds:
        timed(cmd)  # warm the file cache and the bytecode cache
    times: list[list[tuple[float, float]]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, taken in zip(cmds, times, strict=True):
            taken.append(timed(cmd))
    return times


def paired_ratios(base: list[tuple[float, float]], other: list[tuple[float, float]], part: int):
    """other / base for each pair of runs made one after the other (part 0: wall, 1: CPU)."""
    return [o[part] / b[part] for b, o in zip(base, other, strict=True)]


def spread(ratios: list[float], target: str = "") -> str:
    """The median ratio of paired runs, their range (how much this machine moved), the target."""
    text = f"{median(ratios):7.2f}    ({min(ratios):.2f}-{max(ratios):.2f} over {len(ratios)} pairs"
    return text + (f"; target {target})" if target else ")")


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, check=True
    )
    return int(out.stdout) / 1024


PEAK = """
import resource, subprocess, sys, time
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else subprocess.DEVNULL
start = time.perf_counter()
subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def time_and_peak(cmd: list[str], stdin: str = "-") -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process) of one run of `cmd`."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, stdin, *cmd], capture_output=True, text=True, check=True
    )
    seconds, kilobytes = out.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def worst_cases(work: Path, n: int) -> None:
    """The worst case of each command on hostile input (docs/hostile-input.md, "Limits")."""
    import json

    from fto_check.base.limits import MAX_INCIDENTS, MAX_SOURCES

    incidents = [{"id": f"i{i}", "date": "2024-01-01"} for i in range(MAX_INCIDENTS)]
    at_limits = work / "at-limits.yaml"
    at_limits.write_text(
        json.dumps({"name": "At the limits", "as_of": "2024-06-30", "incidents": incidents}),
        encoding="utf-8",
    )
    refs = work / "unknown-refs.yaml"
    refs.write_text(
        json.dumps(
            {
                "name": "Unknown references",
                "as_of": "2024-06-30",
                "sources": {f"source-{i}": {"title": "t"} for i in range(MAX_SOURCES)},
                "incidents": [
                    {"sources": [f"sorce-{i}" for i in range(j, j + 100)]}
                    for j in range(0, 3000, 100)
                ],
            }
        ),
        encoding="utf-8",
    )
    stream = work / "stream.yaml"
    with stream.open("w", encoding="utf-8") as f:
        for i in range(50_000):
            f.write(f"---\nname: P{i}\nas_of: 2024-06-30\n")
    files = work / "files"
    files.mkdir()
    generate(files, n)
    many = sorted(map(str, files.iterdir()))
    cases = [
        ("check, 1,000 incidents not met (what would change: budget)", ["check", at_limits], "-"),
        ("check -f markdown (the memo), the same", ["check", "-f", "markdown", at_limits], "-"),
        ("check --all-readings, the same", ["check", "--all-readings", at_limits], "-"),
        ("tour, the same", ["tour", "--no-pause", at_limits], "-"),
        ("batch, the same", ["batch", at_limits], "-"),
        ("check, 3,000 unknown sources among 5,000", ["check", refs], "-"),
        ("batch -, 50,000 documents", ["batch", "-"], str(stream)),
        ("batch - < /dev/zero", ["batch", "-"], "/dev/zero"),
        (f"check -f json, {n // 10:,} files", ["check", "-f", "json", *many[: n // 10]], "-"),
        (f"check -f json, {n:,} files", ["check", "-f", "json", *many], "-"),
        ("quiz, 100 questions on a rare clause", ["quiz", "-f", "json", "--count", "100",
         "--seed", "1", "--topic", "1182(a)(3)(B)(iii)(II)"], "-"),
    ]  # fmt: skip
    print("worst cases (one run each: wall time, peak memory of the largest process)")
    for label, args, stdin in cases:
        seconds, mb = time_and_peak([*FTO_CHECK, *map(str, args)], stdin)
        print(f"  {label:60} {seconds:7.2f} s  {mb:7.1f} MB")


def jobs_compare(work: Path, n: int, runs: int) -> None:
    """`batch` of n profiles with --jobs 1, 2 and the default, in turn (median, min)."""
    folder = work / "profiles"
    folder.mkdir()
    generate(folder, n)
    variants = [["--jobs", "1"], ["--jobs", "2"], []]
    times = runs_in_turn([[*FTO_CHECK, "batch", str(folder), *v] for v in variants], runs)
    print(f"batch of {n:,} profiles, {runs} runs each in turn (wall: median, min; CPU median)")
    for variant, taken in zip(variants, times, strict=True):
        walls = [t[0] for t in taken]
        print(
            f"  {' '.join(variant) or 'default':10} {median(walls):6.2f} s  {min(walls):6.2f} s"
            f"  CPU {median(t[1] for t in taken):6.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="profiles to generate")
    parser.add_argument("--runs", type=int, default=11, help="runs for start-up medians")
    parser.add_argument("--batch-runs", type=int, default=5, help="runs for batch medians")
    parser.add_argument("--jobs", help="pass --jobs to batch (default: its auto choice)")
    parser.add_argument("--worst", action="store_true", help="the worst cases instead")
    parser.add_argument("--jobs-compare", action="store_true", help="--jobs 1, 2, auto instead")
    args = parser.parse_args()

    # An installed wheel has its bytecode compiled by pip; an editable install on a machine
    # with PYTHONDONTWRITEBYTECODE set would recompile every module on every run (~35 ms).
    import fto_check

    compileall.compile_dir(Path(fto_check.__file__).parent, quiet=1)

    work = Path(tempfile.mkdtemp(prefix="fto-check-bench-"))
    try:
        if args.worst or args.jobs_compare:
            if args.worst:
                worst_cases(work, args.n)
            if args.jobs_compare:
                jobs_compare(work, args.n, args.batch_runs)
            return
        small, large = work / "small", work / "large"
        small.mkdir()
        large.mkdir()
        size = generate(large, args.n)
        generate(small, max(args.n // 10, 1))
        jobs = ["--jobs", args.jobs] if args.jobs else []
        batch = [*FTO_CHECK, "batch", str(large), *jobs]

        floor = [sys.executable, "-c", FLOOR, str(large)]
        floor_runs, batch_runs = runs_in_turn([floor, batch], args.batch_runs)
        floor_s, floor_cpu = (median(t[i] for t in floor_runs) for i in (0, 1))
        batch_s, batch_cpu = (median(t[i] for t in batch_runs) for i in (0, 1))
        print(f"{args.n:,} profiles of ~{size:,} bytes, from {len(EXAMPLES)} examples, ", end="")
        print(f"median of {args.batch_runs} (wall, and CPU time of all its processes)")
        print(
            f"  yaml.load (CSafeLoader), floor  {floor_s:7.2f} s  {args.n / floor_s:8,.0f}/s"
            f"  CPU {floor_cpu:6.2f} s"
        )
        print(
            f"  fto-check batch                 {batch_s:7.2f} s  {args.n / batch_s:8,.0f}/s"
            f"  CPU {batch_cpu:6.2f} s"
        )
        wall_ratios = paired_ratios(floor_runs, batch_runs, 0)
        cpu_ratios = paired_ratios(floor_runs, batch_runs, 1)
        print(f"  ratio batch / floor             {spread(wall_ratios, '<= 1.0')}")
        print(f"  CPU time, batch / floor         {spread(cpu_ratios)}")

        script = work / "minimal_typer.py"
        script.write_text(textwrap.dedent(MINIMAL_TYPER), encoding="utf-8")
        profile = str(ROOT / "examples" / "public-record" / "cjng-2025.yaml")
        typer_runs, check_runs = runs_in_turn(
            [[sys.executable, str(script), profile], [*FTO_CHECK, "check", profile]], args.runs
        )
        print(f"one check, median of {args.runs}")
        print(f"  minimal typer app               {median(t[0] for t in typer_runs):7.3f} s")
        print(f"  fto-check check                 {median(t[0] for t in check_runs):7.3f} s")
        start_ratios = paired_ratios(typer_runs, check_runs, 0)
        print(f"  ratio check / typer             {spread(start_ratios, '<= 1.3')}")

        n_small = max(args.n // 10, 1)
        rss_small = peak_rss_mb([*FTO_CHECK, "batch", str(small), *jobs])
        rss_large = peak_rss_mb(batch)
        print("peak memory of batch (max RSS of its largest process)")
        print(f"  {n_small:>7,} profiles               {rss_small:7.1f} MB")
        print(f"  {args.n:>7,} profiles               {rss_large:7.1f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
