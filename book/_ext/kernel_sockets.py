"""Start the chapters' kernels on Unix sockets, not TCP ports.

myst-nb's inline execution starts each chapter's kernel through nbclient with jupyter_client's
default transport, TCP: the client picks free ports and the kernel binds them a moment later.
When several kernels start at once (the book's reading processes, the student edition built
beside it in the test suite, the tests' own kernels) another process can take a port in that
moment, and the kernel dies with "Address already in use" (seen in CI: ZMQError, then "Kernel
died before replying to kernel_info", and the build fails). Over Unix sockets in a folder of the
build's own there is nothing to race for. ``book/classroom.py`` and ``tests/prose.py`` start their
kernels the same way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from itertools import count
from pathlib import Path

#: The build's socket folder, made in the main process before Sphinx forks its reading
#: processes; each kernel's sockets are named after its process and a serial number.
_folder: Path | None = None
_serial = count()


def socket_prefix() -> str:
    """A short path for the next kernel's sockets (a socket's path may not exceed 107 bytes),
    unique to this process and this kernel."""
    global _folder
    if _folder is None:  # outside a build (the tests call it directly)
        _folder = Path(tempfile.mkdtemp(prefix="book-kernels-"))
    return str(_folder / f"{os.getpid()}-{next(_serial)}")


def _remove_folder(app, exception) -> None:
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)


def setup(app):
    from myst_nb.core.execute.inline import ModifiedNotebookClient

    global _folder
    _folder = Path(tempfile.mkdtemp(prefix="book-kernels-"))
    creates = ModifiedNotebookClient.create_kernel_manager

    def create_kernel_manager(self):
        manager = creates(self)
        manager.transport, manager.ip = "ipc", socket_prefix()
        return manager

    ModifiedNotebookClient.create_kernel_manager = create_kernel_manager
    app.connect("build-finished", _remove_folder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
