"""Entry point of a sandbox worker process: ``python -m service.documents.worker <socket fd>``.

Receives its ``Settings`` first, then serves documents until the parent closes the socket. A
watchdog thread exits the process if the parent disappears.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def main(fd: int) -> None:
    """Serve documents over the socket ``fd`` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    conn = Connection(fd)
    try:
        settings = conn.recv()
    except (EOFError, OSError):
        return
    from .sandbox import serve

    serve(conn, settings)


if __name__ == "__main__":
    main(int(sys.argv[1]))
