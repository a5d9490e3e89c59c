"""Runs notebooks top to bottom through real Jupyter (nbclient), each on a fresh kernel.

nbconvert --execute hides why a tslab cell failed: tslab writes the compile error or
the stack to the cell's stderr and sends no error output, so nbconvert only says
"An error occurred". This runner names the notebook, the cell, its source and
everything the cell wrote to stderr.

Usage (JUPYTER_PATH must include the project's jupyter/ folder; `npm run notebooks` sets it):
  python3 tools/jupyter/run_notebooks.py [--timeout SECONDS] [--out DIR] [--timings FILE] NOTEBOOK...
Writes each executed notebook to DIR (outputs kept); exits 1 if any notebook failed.
--timings writes {notebook: [seconds of each code cell, in order]} as JSON (bench/first-cell.ts reads it).
"""

import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def cell_report(path, index, cell, reason):
    lines = [f"FAILED {path}, cell {index} ({reason})", "--- source ---", cell.source.rstrip()]
    stderr = [o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if stderr:
        lines += ["--- stderr ---", "".join(stderr).rstrip()]
    for error in errors:
        lines += ["--- error ---", f"{error.get('ename')}: {error.get('evalue')}", *error.get("traceback", [])]
    if not stderr and not errors:
        lines += ["--- the cell wrote nothing to stderr ---"]
    return "\n".join(lines)


def run(path, timeout, out_dir, timings=None):
    """Executes one notebook; returns (ok, seconds, code cells run, (seconds, index) of its slowest cell).
    Appends each code cell's seconds to `timings` when given."""
    nb = nbformat.read(path, as_version=4)
    deadline = time.monotonic() + timeout
    client = NotebookClient(
        nb,
        kernel_name="tslab",
        # Every cell shares the notebook's budget: a per-notebook limit, portable (no SIGALRM on Windows).
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        startup_timeout=60,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    started = time.monotonic()
    ran = 0
    ok = True
    slowest = (0.0, -1)
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    cell_started = time.monotonic()
                    # Numbered as Jupyter numbers them, 1, 2, ...: tslab's kernel announces no count nbclient keeps.
                    client.execute_cell(cell, index, execution_count=ran + 1)
                    took = time.monotonic() - cell_started
                    slowest = max(slowest, (took, index))
                    if timings is not None:
                        timings.append(took)
                    ran += 1
                except CellTimeoutError:
                    print(cell_report(path, index, cell, f"the notebook ran past its {timeout} s limit"), file=sys.stderr)
                    ok = False
                    break
                except DeadKernelError:
                    print(cell_report(path, index, cell, "the kernel died"), file=sys.stderr)
                    ok = False
                    break
                except CellExecutionError:
                    print(cell_report(path, index, cell, "the cell raised an error"), file=sys.stderr)
                    ok = False
                    break
    except Exception as error:  # the kernel did not start: say so in one line
        print(f"FAILED {path}: the tslab kernel did not start: {type(error).__name__}: {error}", file=sys.stderr)
        ok = False
    seconds = time.monotonic() - started
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    return ok, seconds, ran, slowest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=180, help="seconds allowed per notebook (default 180: it stops a hang, it does not time a lesson)")
    parser.add_argument("--out", default="", help="folder for the executed notebooks")
    parser.add_argument("--timings", default="", help="write each code cell's seconds to this JSON file")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    failed = []
    timings = {}
    for path in args.notebooks:
        timings[path] = []
        ok, seconds, ran, (slow_seconds, slow_index) = run(path, args.timeout, args.out, timings[path])
        slowest = f", slowest cell {slow_index} ({slow_seconds:.1f} s)" if slow_index >= 0 else ""
        print(f"{'ok    ' if ok else 'FAILED'} {path}  {seconds:.1f} s, {ran} code cells run{slowest}", flush=True)
        if not ok:
            failed.append(path)
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(timings, f)
    if failed:
        print(f"{len(failed)} of {len(args.notebooks)} notebooks failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
