#!/usr/bin/env python3
"""`cognito-feedback lint --jsonl` against a Python loop that only parses each
line with orjson, side by side on the same generated file, in one run.

    python3 Benchmarks/lint-vs-orjson.py [--lines N] [--rounds R] [--jobs N] [--sink null|file] [--before BINARY]
                                         [--configuration release|debug | --binary BINARY]

Each round runs, one after the other: the orjson loop, then lint in JSON and
text with --jobs 1, then with --jobs N (default: every core). Every process
is timed from start to exit (wall clock) with its peak resident size
(wait4's ru_maxrss); the table shows the median per command, and the ratio
is the orjson loop's median over lint's.

The orjson loop writes nothing, so by default lint's results go to
/dev/null: every result is still rendered and written (write(2) to
/dev/null costs next to nothing), the file system's cost of storing them is
left out. --sink file writes them to a file instead. Either way, before the
timed rounds each lint command runs once into a file whose results are
checked (one per line, for JSON), so that a command that does nothing
cannot look fast.

--binary times that cognito-feedback binary instead of building one (e.g.
the static executable of `swift build -c release --product cognito-feedback
--static-swift-stdlib`, or a release tarball's).

--before adds an older cognito-feedback binary (without --jobs) to each
round, for a before/after comparison in the same run.

Setup is the benchmark's own: it installs orjson 3.8.3 when missing and
builds the release binary. The library never needs orjson. CI smoke-runs it
on a small file with the debug binary it has built (--configuration debug):
that checks the harness and lint's results, not the ratio.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORJSON_VERSION = "3.8.3"
ORJSON_LOOP = """
import orjson, sys
with open(sys.argv[1], "rb") as lines:
    for line in lines:
        orjson.loads(line)
"""


def ensure_orjson():
    check = subprocess.run([sys.executable, "-c", "import orjson; print(orjson.__version__)"],
                           capture_output=True, text=True)
    if check.returncode != 0 or check.stdout.strip() != ORJSON_VERSION:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        f"orjson=={ORJSON_VERSION}"], check=True)


def build(configuration):
    subprocess.run(["swift", "build", "-c", configuration, "--product", "cognito-feedback"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", configuration, "cognito-feedback")


def generate(path, lines):
    """The corpus of bulk-lint.sh: valid and invalid bodies, ASCII and
    non-ASCII usernames (\\u-escaped, as json.dumps writes them)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "bulk-corpus.py"), str(lines)],
                   stdout=open(path, "wb"), check=True)


def timed(command, stdout):
    """Wall seconds and peak resident MB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, code


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--before", help="an older cognito-feedback binary to compare with")
    parser.add_argument("--sink", choices=["null", "file"], default="null", help="where lint's results go while timed")
    parser.add_argument("--configuration", choices=["release", "debug"], default="release")
    parser.add_argument("--binary", help="the cognito-feedback binary to time (default: build one)")
    options = parser.parse_args()

    ensure_orjson()
    tool = os.path.abspath(options.binary) if options.binary else build(options.configuration)
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "in.jsonl")
        generate(corpus, options.lines)
        size = os.path.getsize(corpus)
        commands = {"orjson loop": [sys.executable, "-c", ORJSON_LOOP, corpus]}
        if options.before:
            for format in ("json", "text"):
                commands[f"before: lint {format}"] = [options.before, "lint", "--operation", "update", "--jsonl",
                                                     "--format", format, corpus]
        for jobs in sorted({1, options.jobs}):
            for format in ("json", "text"):
                commands[f"lint {format} --jobs {jobs}"] = [tool, "lint", "--operation", "update", "--jsonl",
                                                            "--format", format, "--jobs", str(jobs), corpus]
        # Untimed: each lint command writes its results to a file, checked.
        for name, command in commands.items():
            if name == "orjson loop":
                continue
            output = os.path.join(work, "checked")
            with open(output, "wb") as sink:
                _, _, code = timed(command, sink)
            if code != 1:  # the corpus holds invalid bodies
                sys.exit(f"{name}: exit status {code}")
            with open(output, "rb") as results:
                count = sum(1 for _ in results)
            if ("json" in name and count != options.lines) or count < options.lines:
                sys.exit(f"{name}: {count} result lines for {options.lines} bodies")
        times = {name: [] for name in commands}
        peaks = {name: 0.0 for name in commands}
        for _ in range(options.rounds):
            for name, command in commands.items():
                output = os.devnull if options.sink == "null" else os.path.join(work, "out")
                with open(output, "wb") as sink:
                    seconds, peak, code = timed(command, sink)
                if code != (0 if name == "orjson loop" else 1):
                    sys.exit(f"{name}: exit status {code}")
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)

    print(f"{options.binary or options.configuration + ' build'}, {options.lines} lines, {size / 1e6:.0f} MB, {options.rounds} rounds, medians; lint's results to "
          f"{'/dev/null' if options.sink == 'null' else 'a file'}; ratio: the orjson loop's time over the command's")
    print(f"{'command':<22} {'seconds':>9} {'lines/s':>12} {'peak MB':>9} {'ratio':>8}")
    baseline = statistics.median(times["orjson loop"])
    for name in commands:
        median = statistics.median(times[name])
        ratio = "" if name == "orjson loop" else f"{baseline / median:.2f}x"
        print(f"{name:<22} {median:>9.3f} {options.lines / median:>12.0f} {peaks[name]:>9.1f} {ratio:>8}")


if __name__ == "__main__":
    main()
