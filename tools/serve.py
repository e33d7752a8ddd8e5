"""A folder served over HTTP on the loopback interface, for a browser to open.

The one copy used by the tools (``tools/theme_gallery.py``), the benchmarks
(``benchmarks/lighthouse.py``) and the browser tests (through the ``serve``
fixture in ``tests/conftest.py``)::

    with serve(outdir) as url:  # "http://127.0.0.1:<port>/"
        page.goto(url + "index.html")
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """No line on stderr per request: the callers print their own progress."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1 from a thread until
    the block ends; the URL of its root, with a trailing slash."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
