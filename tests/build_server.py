"""A fork server for the tests' ``python -m MODULE`` runs: ``mkdocs build``, ``mkdocs-prizm``.

Most of a small test build's time is the interpreter importing MkDocs, Markdown, Jinja and the
plugin: this process imports the modules named on its command line once, then, for each request
read on stdin (one JSON line), forks a child that runs ``python -m MODULE ARGS`` exactly as a
fresh interpreter would (``runpy``, with ``sys.argv``, the working folder, the environment and
``sys.path[0]`` of that command) and writes its stdout and stderr to the files named.  The server
itself never runs a command: every run starts from the same just-imported state in a process of
its own, and nothing one run does reaches another.  It answers each request with the child's
exit code, and stops at the end of its input.

Differences from a fresh interpreter, by design: the string hash seed is the server's for every
run (tests that compare two builds for reproducibility ask ``run_build(fresh=True)``); the
warning filters are those of the server's start (``tests/conftest.py`` keeps one server per
``PYTHONWARNINGS`` value), and so is ``sys.path`` (the tests pass the server's ``PYTHONPATH`` on);
and the modules imported here were imported before the run's
environment was set (none of them reads the environment when imported).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import runpy
import sys
from pathlib import Path
from typing import Any


def _child(request: dict[str, Any]) -> None:
    """Become ``python -m MODULE ARGS`` run in ``cwd`` with ``env``; never returns."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, fd)
        os.close(out)
    sys.argv = ["-m", *request["args"]]  # runpy puts the module's file first, as -m does
    sys.path[0:0] = [str(Path.cwd())]
    # Raises SystemExit as the command would: the interpreter then exits as it would.
    runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    sys.exit(0)


def main() -> None:
    """Import the modules named in the arguments, then serve requests until stdin closes."""
    # The script's folder (tests/) is not on the path of the commands this stands for.
    del sys.path[0]
    for name in sys.argv[1:]:
        # A module that fails to import is left to each run, which then reports it as the
        # command would.
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
