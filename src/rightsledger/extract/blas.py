"""Run natasha's numpy model with one BLAS thread, then restore the previous setting.

natasha's network does many small matrix products. On a busy two-core machine OpenBLAS threads
then spend their time waiting for each other: measured here, tagging ran ten times slower with
two threads than with one. numpy offers no switch, so the bundled OpenBLAS is asked directly
(through ctypes); where the library or its functions are not found, nothing changes.
"""

from __future__ import annotations

import ctypes
import glob
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

_GET = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
        "openblas_get_num_threads")  # fmt: skip
_SET = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
        "openblas_set_num_threads")  # fmt: skip


@cache
def _openblas() -> tuple[Any, Any] | None:
    import numpy

    folder = os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(folder, "*openblas*")):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        getter = next((getattr(library, n) for n in _GET if hasattr(library, n)), None)
        setter = next((getattr(library, n) for n in _SET if hasattr(library, n)), None)
        if getter is not None and setter is not None:
            return getter, setter
    return None


@contextmanager
def single_threaded() -> Iterator[None]:
    functions = _openblas()
    if functions is None:
        yield
        return
    getter, setter = functions
    before = int(getter())
    setter(1)
    try:
        yield
    finally:
        setter(before)
