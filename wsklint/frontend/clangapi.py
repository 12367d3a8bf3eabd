"""Thin ctypes additions to the libclang Python bindings (functions the bindings do not wrap)."""
from __future__ import annotations

import ctypes

import clang.cindex as ci

_lib = None

BINOPS = {3: "*", 4: "/", 5: "%", 6: "+", 7: "-", 8: "<<", 9: ">>", 10: "<=>", 11: "<", 12: ">",
          13: "<=", 14: ">=", 15: "==", 16: "!=", 17: "&", 18: "^", 19: "|", 20: "&&", 21: "||",
          22: "=", 23: "*=", 24: "/=", 25: "%=", 26: "+=", 27: "-=", 28: "<<=", 29: ">>=", 30: "&=",
          31: "^=", 32: "|=", 33: ","}
UNOPS = {1: "post++", 2: "post--", 3: "++", 4: "--", 5: "&", 6: "*", 7: "+", 8: "-", 9: "~", 10: "!"}


class _SourceRange(ctypes.Structure):
    _fields_ = [("ptr_data", ctypes.c_void_p * 2), ("begin_int_data", ctypes.c_uint),
                ("end_int_data", ctypes.c_uint)]


class _SourceRangeList(ctypes.Structure):
    _fields_ = [("count", ctypes.c_uint), ("ranges", ctypes.POINTER(ci.SourceRange))]


def lib():
    global _lib
    if _lib is None:
        lb = ci.conf.lib
        lb.clang_Cursor_Evaluate.argtypes = [ci.Cursor]
        lb.clang_Cursor_Evaluate.restype = ctypes.c_void_p
        lb.clang_EvalResult_getKind.argtypes = [ctypes.c_void_p]
        lb.clang_EvalResult_getKind.restype = ctypes.c_int
        lb.clang_EvalResult_isUnsignedInt.argtypes = [ctypes.c_void_p]
        lb.clang_EvalResult_isUnsignedInt.restype = ctypes.c_uint
        lb.clang_EvalResult_getAsLongLong.argtypes = [ctypes.c_void_p]
        lb.clang_EvalResult_getAsLongLong.restype = ctypes.c_longlong
        lb.clang_EvalResult_getAsUnsigned.argtypes = [ctypes.c_void_p]
        lb.clang_EvalResult_getAsUnsigned.restype = ctypes.c_ulonglong
        lb.clang_EvalResult_dispose.argtypes = [ctypes.c_void_p]
        lb.clang_getCursorBinaryOperatorKind.argtypes = [ci.Cursor]
        lb.clang_getCursorBinaryOperatorKind.restype = ctypes.c_int
        lb.clang_getCursorUnaryOperatorKind.argtypes = [ci.Cursor]
        lb.clang_getCursorUnaryOperatorKind.restype = ctypes.c_int
        lb.clang_getAllSkippedRanges.argtypes = [ctypes.c_void_p]
        lb.clang_getAllSkippedRanges.restype = ctypes.POINTER(_SourceRangeList)
        lb.clang_disposeSourceRangeList.argtypes = [ctypes.POINTER(_SourceRangeList)]
        lb.clang_getSpellingLocation.argtypes = [ci.SourceLocation, ctypes.POINTER(ctypes.c_void_p),
                                                 ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(ctypes.c_uint),
                                                 ctypes.POINTER(ctypes.c_uint)]
        lb.clang_getSpellingLocation.restype = None
        _fast_setup(lb)
        _lib = lb
    return _lib


def evaluate_int(cursor) -> int | None:
    """The integer value of a constant expression, or None."""
    lb = lib()
    r = lb.clang_Cursor_Evaluate(cursor)
    if not r:
        return None
    try:
        if lb.clang_EvalResult_getKind(r) != 1:   # CXEval_Int
            return None
        if lb.clang_EvalResult_isUnsignedInt(r):
            return lb.clang_EvalResult_getAsUnsigned(r)
        return lb.clang_EvalResult_getAsLongLong(r)
    finally:
        lb.clang_EvalResult_dispose(r)


def binop(cursor) -> str:
    return BINOPS.get(lib().clang_getCursorBinaryOperatorKind(cursor), "?")


def unop(cursor) -> str:
    return UNOPS.get(lib().clang_getCursorUnaryOperatorKind(cursor), "?")


def skipped_ranges(tu) -> list[tuple[int, int]]:
    """(start line, end line) of preprocessor-inactive ranges in the main file."""
    lb = lib()
    lst = lb.clang_getAllSkippedRanges(tu.obj if hasattr(tu, "obj") else tu)
    out = []
    if not lst:
        return out
    try:
        main = tu.spelling
        for i in range(lst.contents.count):
            rng = lst.contents.ranges[i]
            if rng.start.file and rng.start.file.name == main:
                out.append((rng.start.line, rng.end.line))
    finally:
        lb.clang_disposeSourceRangeList(lst)
    return out


def spelling(loc) -> tuple[int | None, int, int, int]:
    """(file handle, line, column, offset) of where a location's characters are spelled (for macro
    arguments: inside the invocation, where the expansion location would be the macro's name).
    Compare the handle with `file_handle(tu.get_file(path))`."""
    lb = lib()
    f = ctypes.c_void_p()
    line, col, off = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    lb.clang_getSpellingLocation(loc, ctypes.byref(f), ctypes.byref(line), ctypes.byref(col), ctypes.byref(off))
    return f.value, line.value, col.value, off.value


def file_handle(f) -> int | None:
    return ctypes.cast(f.obj, ctypes.c_void_p).value if f is not None else None


# -- a fast extent: one round of ctypes calls, no File objects, no strings --------------------------
_CXSourceLocation = ci.SourceLocation
_CXSourceRange = ci.SourceRange
_vp, _ui = ctypes.c_void_p, ctypes.c_uint
_f1, _l1, _c1, _o1 = _vp(), _ui(), _ui(), _ui()
_f2, _l2, _c2, _o2 = _vp(), _ui(), _ui(), _ui()
_refs = None
_getExtent = _rangeStart = _rangeEnd = _inst = _getLoc = None


def _fast_setup(lb):
    global _refs, _getExtent, _rangeStart, _rangeEnd, _inst, _getLoc
    # private function objects, so the bindings' own prototypes stay untouched
    _getExtent = ctypes.CFUNCTYPE(_CXSourceRange, ci.Cursor)(("clang_getCursorExtent", lb))
    _getLoc = ctypes.CFUNCTYPE(_CXSourceLocation, ci.Cursor)(("clang_getCursorLocation", lb))
    _rangeStart = ctypes.CFUNCTYPE(_CXSourceLocation, _CXSourceRange)(("clang_getRangeStart", lb))
    _rangeEnd = ctypes.CFUNCTYPE(_CXSourceLocation, _CXSourceRange)(("clang_getRangeEnd", lb))
    _inst = ctypes.CFUNCTYPE(None, _CXSourceLocation, ctypes.POINTER(_vp), ctypes.POINTER(_ui),
                             ctypes.POINTER(_ui), ctypes.POINTER(_ui))(("clang_getInstantiationLocation", lb))
    _refs = (ctypes.byref(_f1), ctypes.byref(_l1), ctypes.byref(_c1), ctypes.byref(_o1),
             ctypes.byref(_f2), ctypes.byref(_l2), ctypes.byref(_c2), ctypes.byref(_o2))


def extent(cursor) -> tuple:
    """(file handle of start, start line, col, offset, file handle of end, end line, col, offset),
    expansion locations; compare handles with `file_handle(tu.get_file(path))`."""
    if _getExtent is None:
        lib()
    r = _getExtent(cursor)
    a, b, c, d, e, f, g, h = _refs
    _inst(_rangeStart(r), a, b, c, d)
    _inst(_rangeEnd(r), e, f, g, h)
    return _f1.value, _l1.value, _c1.value, _o1.value, _f2.value, _l2.value, _c2.value, _o2.value


class _RawRange(ctypes.Structure):
    _fields_ = [("ptr_data", ctypes.c_void_p * 2), ("begin", ctypes.c_uint), ("end", ctypes.c_uint)]


class _RawLocation(ctypes.Structure):
    _fields_ = [("ptr_data", ctypes.c_void_p * 2), ("raw", ctypes.c_uint)]


_getExtentRaw = None


def raw_base(tu, f, size: int) -> int | None:
    """The raw source-location encoding of offset 0 of file `f` (of `size` bytes), when a file
    location is that base plus its offset (checked at the file's end), else None. With it, `raw_extent`
    yields a cursor's offsets in one call instead of five."""
    global _getExtentRaw
    if _getExtent is None:
        lib()
    if _getExtentRaw is None:
        _getExtentRaw = ctypes.CFUNCTYPE(_RawRange, ci.Cursor)(("clang_getCursorExtent", ci.conf.lib))
    get = ctypes.CFUNCTYPE(_RawLocation, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint)(
        ("clang_getLocationForOffset", ci.conf.lib))
    tu_p, f_p = ctypes.cast(tu.obj, ctypes.c_void_p), ctypes.cast(f.obj, ctypes.c_void_p)
    a, b = get(tu_p, f_p, 0), get(tu_p, f_p, size)
    if not a.raw or a.raw & 0x80000000 or b.raw - a.raw != size:
        return None
    return a.raw


def raw_extent(cursor) -> tuple[int, int]:
    """The raw encodings of a cursor's extent (start, one past the end): file offsets plus the base of
    their file for file locations, flagged with bit 31 for macro locations."""
    r = _getExtentRaw(cursor)
    return r.begin, r.end


def location_file(cursor) -> int | None:
    """The file handle of a cursor's (expansion) location, cheaply."""
    if _getLoc is None:
        lib()
    a, b, c, d = _refs[:4]
    _inst(_getLoc(cursor), a, b, c, d)
    return _f1.value


# -- child visits without the bindings' per-child null-cursor check (two extra calls per child) ------
def _collect(child, parent, out):
    out.append(child)
    return 1   # CXChildVisit_Continue


_COLLECT = ci.callbacks["cursor_visit"](_collect)


def children(cursor) -> list:
    out: list = []
    ci.conf.lib.clang_visitChildren(cursor, _COLLECT, out)
    tu = cursor._tu
    for ch in out:
        ch._tu = tu
    return out
