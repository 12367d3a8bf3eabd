"""Deep recursion without RecursionError: the converter recurses along nested expressions and
statements, helper summaries along call chains. A generated expression of thousands of terms or a call
chain a few hundred functions deep must not cost the file or the driver's analyses, so both run in a
thread whose stack (reserved, used only as needed) allows far deeper recursion than the default.
"""
from __future__ import annotations

import sys
import threading

DEEP_STACK = 512 << 20
DEEP_RECURSION = 60000


def with_deep_stack(fn):
    """`fn()`, run in a thread with a large stack and recursion limit."""
    out: dict = {}

    def target():
        try:
            out["value"] = fn()
        except BaseException as e:     # re-raised in the caller's thread
            out["error"] = e

    old_size, old_limit = threading.stack_size(), sys.getrecursionlimit()
    try:
        threading.stack_size(DEEP_STACK)
    except (ValueError, RuntimeError):     # the platform does not allow it: the usual stack
        return fn()
    t = threading.Thread(target=target, name="wsklint-deep-stack", daemon=True)
    sys.setrecursionlimit(max(old_limit, DEEP_RECURSION))
    try:
        t.start()
        threading.stack_size(old_size)
        t.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if "error" in out:
        raise out["error"]
    return out.get("value")
