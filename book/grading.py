"""Grading students' notebooks without trusting them (``make grade``; ``book/classroom.py``).

The threat model: a submission is code written by someone who may want marks they did not earn,
or who may simply write a notebook that never ends. So

- each notebook runs in a **sandbox** (bubblewrap, Linux namespaces): no network; a filesystem of
  the system's programs and libraries, the Python environment and the book's package and data,
  all read-only, plus an empty folder of its own; not the answer keys, the autograders, the
  chapters' solutions, the repository or the other submissions. Its processes are in a PID
  namespace of their own, killed with it; none outlives the grading. It has a wall-time limit,
  a memory (address-space) limit, a limit on processes and on the size of files it writes. Run
  by root (CI), the notebook's processes run as an unprivileged user of their own, one per
  sandbox (so that one notebook's processes do not count against another's);
- **answers leave the sandbox as data**: a cell appended to the notebook writes the answer
  variables to ``answers.json`` (numbers, booleans, text, lists of names; nothing executable),
  and they are **compared outside** with the key (:func:`compare`), so the keys never enter the
  student's process and patching Python there changes nothing but the student's own data;
- feedback says what is wrong (not answered, the wrong type, outside the stated precision, not
  the key's answer) and never the key's value.

Trusted: the grader (this file and ``book/classroom.py``), the key and its answers, the Python
environment and the package (read-only in the sandbox), bubblewrap and the kernel's namespaces.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

#: defaults an instructor can change (``make grade TIME_LIMIT=... MEMORY_GB=...``)
TIME_LIMIT = 300  # seconds of wall time for one notebook
MEMORY_GB = 4.0  # address space of each process in the sandbox
MAX_PROCESSES = (
    256  # processes of the sandbox's user at once (a fork bomb stops here)
)
MAX_FILE_MB = 200  # size of any file the notebook writes
DIGITS = 3  # significant digits a number answer must match, unless classroom.yml says otherwise
ABS_FLOOR = 1e-9  # a key of (nearly) zero is matched within this
# Run by root, each sandbox runs as a user of its own, used by nothing else: the process limit
# counts per user, so a fork bomb in one sandbox cannot starve the notebooks graded beside it.
# The range is this grader's own (from its process id, unique among running processes; Linux's
# process ids stay below 2**22), so two gradings at once do not share users either.
SANDBOX_UIDS = range(
    1_800_000_000 + os.getpid() * 64, 1_800_000_000 + os.getpid() * 64 + 64
)

# what the sandbox writes its answers with: plain data only
ANSWER_CELL = '''
import json as _book_json

def _book_data(value):
    """A student's answer as plain data, whatever library produced it."""
    import numbers as _n
    if value is Ellipsis:
        return {"type": "unanswered"}
    kind = type(value).__module__ + "." + type(value).__qualname__
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        value = value.item()  # a numpy scalar
    if isinstance(value, bool):
        return {"type": "bool", "value": value, "of": kind}
    if isinstance(value, _n.Integral):
        return {"type": "int", "value": int(value), "of": kind}
    if isinstance(value, _n.Real):
        return {"type": "float", "value": repr(float(value)), "of": kind}
    if isinstance(value, str):
        return {"type": "str", "value": value[:10000], "of": kind}
    if hasattr(value, "tolist") and not hasattr(value, "columns"):
        value = value.tolist()  # arrays, Series, Index, pandas arrays
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)[:10000]
        return {"type": "sequence", "value": [
            x if isinstance(x, (str, bool, int, float)) or x is None else str(x)
            for x in items], "of": kind}
    return {"type": "other", "of": kind}

_book_answers = {}
for _book_name in %(names)r:
    if _book_name in globals():
        try:
            _book_answers[_book_name] = _book_data(globals()[_book_name])
        except Exception as _book_error:
            _book_answers[_book_name] = {"type": "other", "of": repr(_book_error)[:200]}
with open("answers.json", "w", encoding="utf-8") as _book_file:
    _book_json.dump(_book_answers, _book_file)
'''

# executed inside the sandbox: the notebook, then the answer cell, whatever errors occur
RUNNER = """
import json, sys
import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

nb = nbformat.read("submission.ipynb", as_version=4)
names = json.load(open("names.json", encoding="utf-8"))
nb.cells = [c for c in nb.cells if c.cell_type in ("code", "markdown", "raw")]
student_cells = len(nb.cells)
nb.cells.append(nbformat.v4.new_code_cell(%(answer_cell)r %% {"names": names}))
manager = AsyncKernelManager(kernel_name="python3", transport="ipc", ip="/tmp/kernel")
# a cell over its own limit is interrupted and the next cells run: answers assigned before and
# after it still count (the notebook's wall-time limit is kept outside, by the grader)
client = NotebookClient(nb, km=manager, timeout=%(cell_timeout)d, allow_errors=True,
                        interrupt_on_timeout=True, resources={"metadata": {"path": "."}})
try:
    client.execute()
    stopped = None
except Exception as error:  # a cell over its time limit, a kernel that died
    stopped = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
errors = []
code = 0
for i, cell in enumerate(nb.cells[:student_cells]):
    if cell.cell_type != "code":
        continue
    code += 1
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            error = f"{out.get('ename')}: {out.get('evalue', '')}"[:300]
            if out.get("ename") == "KeyboardInterrupt":
                error = "stopped after %(cell_timeout)d s, the time limit of a cell"
            errors.append({"cell": code, "error": error})
json.dump({"errors": errors, "stopped": stopped}, open("run.json", "w", encoding="utf-8"))
"""


class SandboxUnavailable(SystemExit):
    """bubblewrap is missing or cannot create namespaces on this machine."""


def check_sandbox() -> None:
    """Stop with one line when the sandbox cannot run here (before any notebook is graded)."""
    command = sandbox_command(Path(tempfile.gettempdir()), ["true"])
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise SandboxUnavailable(
            "the grading sandbox cannot start on this machine ("
            + (done.stderr.strip().splitlines() or ["no message"])[-1]
            + "): bubblewrap needs unprivileged user namespaces (or root)"
        )


#: the sandboxes running now, killed at once by stop_all() (an interrupted grading)
RUNNING: set = set()
_LOCK = threading.Lock()


FREE_UIDS = list(SANDBOX_UIDS)


def _take_uid() -> int:
    with _LOCK:
        if not FREE_UIDS:
            raise RuntimeError(
                f"more than {len(SANDBOX_UIDS)} sandboxes at once"
            )
        return FREE_UIDS.pop(0)


def stop_all() -> None:
    with _LOCK:
        for process in list(RUNNING):
            _kill(process)


def _bwrap() -> str:
    found = shutil.which("bwrap")
    if found is None:
        raise SandboxUnavailable(
            "grading runs each notebook in a bubblewrap sandbox, and bwrap is not installed: apt "
            "install bubblewrap (Debian, Ubuntu), dnf install bubblewrap (Fedora); on macOS or "
            "Windows, grade inside a Linux container or virtual machine"
        )
    return found


def _readable_paths() -> list[Path]:
    """What the notebook may read: the Python installation and environment, and the book's
    package and data (an editable install points into the repository: only these two folders of
    it are visible)."""
    import helpers
    from helpers import data

    package = Path(helpers.__file__).resolve().parent
    paths = {
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.prefix),
        package,
        Path(data.DATA_DIR).resolve(),
    }
    return sorted(p for p in paths if p.exists())


def sandbox_command(
    work: Path, command: list[str], uid: int = SANDBOX_UIDS[0]
) -> list[str]:
    """The bubblewrap command that runs ``command`` in ``work`` (bound read-write at /grading),
    as user ``uid`` when run by root."""
    as_root = os.geteuid() == 0
    args = [
        _bwrap(),
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--die-with-parent",
        "--new-session",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/lib", "/lib",
        "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin",
        "--proc", "/proc",
        "--dev", "/dev",
        "--perms", "1777", "--tmpfs", "/tmp",
    ]  # fmt: skip
    if not as_root:
        args.insert(1, "--unshare-user")
    for etc in ("/etc/fonts", "/etc/ld.so.cache", "/etc/localtime"):
        if Path(etc).exists():
            args += ["--ro-bind", etc, etc]
    made = {Path("/"), Path("/usr"), Path("/tmp")}
    for path in _readable_paths():
        for parent in reversed(path.parents):
            if parent not in made:
                args += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        args += ["--ro-bind", str(path), str(path)]
        made.add(path)
    venv_bin = Path(sys.prefix) / "bin"
    args += [
        "--bind", str(work), "/grading",
        "--chdir", "/grading",
        "--clearenv",
        "--setenv", "PATH", f"{venv_bin}:/usr/bin:/bin",
        "--setenv", "HOME", "/tmp",
        "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
        "--setenv", "JUPYTER_PLATFORM_DIRS", "1",
        "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter",
        "--setenv", "IPYTHONDIR", "/tmp/ipython",
        "--setenv", "PYDEVD_DISABLE_FILE_VALIDATION", "1",
        "--setenv", "LANG", "C.UTF-8",
    ]  # fmt: skip
    if as_root:
        # root outside would be root inside: run the notebook as an unprivileged user
        args += [
            "setpriv",
            f"--reuid={uid}",
            f"--regid={uid}",
            "--clear-groups",
            "--no-new-privs",
        ]
    return args + command


@dataclass
class Limits:
    time: float = TIME_LIMIT
    memory_gb: float = MEMORY_GB
    processes: int = MAX_PROCESSES
    file_mb: int = MAX_FILE_MB


def _limit(limits: Limits):
    def apply() -> None:
        memory = int(limits.memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        size = limits.file_mb * 2**20
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        # CPU seconds, over all threads of a process
        cpu = int(limits.time * 2) + 10
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        # counted per user: nobody's processes when run as root, else the user's own, of
        # which some already run (a desktop's); the sandbox gets ``processes`` more
        # root: uid unused
        mine = 0 if os.geteuid() == 0 else _processes_of(os.getuid())
        n = mine + limits.processes
        resource.setrlimit(resource.RLIMIT_NPROC, (n, n))

    return apply


def _processes_of(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


@dataclass
class Executed:
    answers: dict  # name -> plain data (see ANSWER_CELL)
    errors: list  # {"cell": n, "error": "NameError: ..."} in the student's code cells
    problem: str | None  # what stopped the run: the time limit, a crash
    seconds: float


def run_submission(nb, names: list[str], limits: Limits) -> Executed:
    """Execute the notebook ``nb`` in a sandbox and return its answers as data."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="grading-") as scratch:
        work = Path(scratch)
        nbformat.write(nb, work / "submission.ipynb")
        (work / "names.json").write_text(json.dumps(names), "utf-8")
        runner = RUNNER % {
            "answer_cell": ANSWER_CELL,
            "cell_timeout": int(max(10, limits.time / 3)),
        }
        (work / "runner.py").write_text(runner, "utf-8")
        uid = _take_uid()
        problem, process = None, None
        try:
            if os.geteuid() == 0:
                for path in (work, *work.iterdir()):
                    os.chown(path, uid, uid)
            command = sandbox_command(
                work,
                [str(Path(sys.prefix) / "bin" / "python"), "runner.py"],
                uid,
            )
            process = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                preexec_fn=_limit(limits),
                start_new_session=True,
            )
            with _LOCK:
                RUNNING.add(process)
            try:
                _, stderr = process.communicate(timeout=limits.time)
            except subprocess.TimeoutExpired:
                _kill(process)
                process.communicate()
                problem = f"stopped after the time limit of {limits.time:g} s"
            else:
                if (
                    process.returncode != 0
                    and not (work / "run.json").exists()
                ):
                    last = (
                        stderr.decode("utf-8", "replace").strip().splitlines()
                    )
                    problem = "the notebook could not be run" + (
                        f" ({last[-1][:200]})" if last else ""
                    )
        finally:
            if process is not None:
                _kill(process)
            with _LOCK:
                RUNNING.discard(process)
                FREE_UIDS.append(uid)
        answers = _read_json(work / "answers.json", {})
        run = _read_json(work / "run.json", {})
        if problem is None and run.get("stopped"):
            problem = f"the run stopped: {run['stopped']}"
        return Executed(
            answers if isinstance(answers, dict) else {},
            run.get("errors", []) if isinstance(run, dict) else [],
            problem,
            time.perf_counter() - start,
        )


def _kill(process: subprocess.Popen) -> None:
    """Kill the sandbox's process group (its PID namespace dies with its first process)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _read_json(path: Path, default, most: int = 50 * 2**20):
    """A JSON file the sandbox wrote, read as data and only if it is one: a symbolic link (to a
    key outside the sandbox, say), a pipe that never ends or a huge file gives ``default``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return default
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > most:
            return default
        try:
            return json.loads(handle.read(most).decode("utf-8"))
        except (OSError, ValueError):
            return default


# -- comparing answers, outside the sandbox -----------------------------------------------------

KIND_WORDS = {
    "number": "a number",
    "integer": "a whole number",
    "boolean": "True or False",
    "names": "a list of names",
    "text": "text",
}


def expects(kind: str, digits: int | None = None) -> str:
    """What an answer cell asks for, in words: "a number, to 3 significant digits or more"."""
    if kind == "number":
        return f"a number, to {digits or DIGITS} significant digits or more"
    return KIND_WORDS.get(kind, kind)


def within(
    got: float,
    expected: float,
    digits: int = DIGITS,
    floor: float | None = None,
) -> bool:
    """Whether ``got`` matches ``expected`` to ``digits`` significant digits: within one unit of
    the last of them (so rounding and cutting short both pass), or within ``floor`` (ABS_FLOOR
    by default) of a key that is (nearly) zero.

    Examples
    --------
    >>> within(0.316, 0.315742), within(0.3157, 0.315742), within(0.32, 0.315742)
    (True, True, False)
    """
    if not (math.isfinite(got) and math.isfinite(expected)):
        return got == expected
    floor = ABS_FLOOR if floor is None else floor
    if abs(expected) < floor:
        return abs(got - expected) <= floor
    unit = 10 ** (math.floor(math.log10(abs(expected))) - digits + 1)
    return abs(got - expected) <= unit * (1 + 1e-9)


def compare(
    name: str,
    got: dict | None,
    expected,
    kind: str,
    digits: int | None = None,
    floor: float | None = None,
) -> tuple[bool, str]:
    """Whether an answer (as the sandbox wrote it) is the key's, and what to tell the student.
    Numbers match to ``digits`` significant digits (or within ``floor`` of a key near zero).
    The message never contains the expected value."""
    if got is None or got.get("type") == "unanswered":
        return False, f"{name} is not answered"
    kind_of = got.get("type")
    shown = str(got.get("of", kind_of)).removeprefix("builtins.")
    if kind == "number":
        if kind_of not in ("int", "float"):
            return False, f"{name} should be a number, not a {shown}"
        value = float(got["value"])
        if not within(value, float(expected), digits or DIGITS, floor):
            return False, (
                f"{name} is not the key's answer to {digits or DIGITS} significant digits"
            )
        return True, ""
    if kind == "integer":
        if kind_of != "int":
            return False, f"{name} should be a whole number, not a {shown}"
        return (
            int(got["value"]) == int(expected)
        ), f"{name} is not the key's answer"
    if kind == "boolean":
        if kind_of != "bool":
            return False, f"{name} should be True or False, not a {shown}"
        return (
            bool(got["value"]) == bool(expected)
        ), f"{name} is not the key's answer"
    if kind == "names":
        if kind_of != "sequence":
            return False, f"{name} should be a list of names, not a {shown}"
        mine = sorted(map(str, got["value"]))
        if len(mine) != len(expected):
            return (
                False,
                f"{name} has {len(mine)} names; that is not the key's number",
            )
        return (
            mine == sorted(map(str, expected))
        ), f"{name} is not the key's list"
    if kind_of != "str":
        return False, f"{name} should be text, not a {shown}"
    return (
        str(got["value"]).strip() == str(expected)
    ), f"{name} is not the key's answer"
