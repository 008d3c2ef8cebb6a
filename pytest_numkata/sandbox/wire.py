"""The only language spoken across the judge/learner boundary: plain data in msgpack frames.

Both sides load this file. The learner's side loads it *by path* (it never imports the
``pytest_numkata`` package), so it imports nothing but the standard library, msgpack and NumPy.

A value crosses as plain data and is rebuilt on the other side from that data alone:
``None``, ``bool``, ``int`` (any size), ``float``, ``complex``, ``str``, ``bytes``,
``Fraction``, ``Decimal``, ``Ellipsis``, tuples, lists and dicts of these, NumPy arrays and
scalars (dtype + shape + bytes; numeric, bool, and the ml_dtypes formats) and ``scipy.sparse``
matrices (their format, shape and arrays). Anything else cannot be encoded: the sender gets
``Unsupported``. Decoding never calls a method of an object the sender made: it builds fresh
objects of the types above, so a "lying" object (an ``__eq__`` that is always true, an
``__array__`` that hands back the caller's value) cannot exist on the receiving side.

Callables the judge passes to the learner (``f``, ``fprime``, ``grad``...) cross as a
``Callback`` (a number and a label); the learner's side turns it into a stub that asks the
judge to make the call. Frames are length-prefixed; a frame longer than ``MAX_FRAME`` or one
that does not decode is a protocol error. A frame holds the length of its msgpack body, the
body, then the raw data of the body's large arrays (``OUT_OF_BAND`` bytes or more) in the order
they were packed: written from the arrays' own memory, read into one buffer of the frame's
size, so a million floats cross in about 5 ms rather than 60.
"""

from __future__ import annotations

import decimal
import fractions
import math
import os
import struct

import msgpack
import numpy as np

MAX_FRAME = 512 * 1024 * 1024  # bytes; a kata's largest honest result is ~13 MB
MAX_DEPTH = 64  # nesting of lists/tuples/dicts
HEADER = struct.Struct("<Q")  # a frame's length
BODY = struct.Struct("<Q")  # at the start of a frame: the length of its msgpack body
# An array of this many bytes or more travels after the body, as its raw bytes: written from
# the array's own memory and read into the receiver's buffer, never copied into msgpack.
OUT_OF_BAND = 1 << 15

# extension type codes
_TUPLE, _BIGINT, _COMPLEX, _FRACTION, _DECIMAL, _ELLIPSIS = 1, 2, 3, 4, 5, 6
_NDARRAY, _NPSCALAR, _SPARSE, _CALLBACK, _NDARRAY_OUT_OF_BAND = 7, 8, 9, 10, 11

_SIMPLE_KINDS = "biufc"  # bool, int, unsigned, float, complex
_ML_DTYPES = ("bfloat16", "float8_e4m3fn", "float8_e5m2", "float8_e4m3b11fnuz",
              "float8_e4m3fnuz", "float8_e5m2fnuz", "int4", "uint4", "float4_e2m1fn",
              "float6_e2m3fn", "float6_e3m2fn", "float8_e3m4", "float8_e4m3", "float8_e8m0fnu")
_SPARSE_FORMATS = ("csr", "csc", "coo")


class Unsupported(TypeError):
    """A value of a type that cannot cross the boundary."""

    def __init__(self, type_name: str):
        self.type_name = type_name
        super().__init__(f"a value of type {type_name} cannot cross to the judge")


class ProtocolError(Exception):
    """A frame that is too large, truncated, or not plain data."""


class Callback:
    """A judge-side callable, seen from the learner's side as a number and a label."""

    __slots__ = ("ident", "label")

    def __init__(self, ident: int, label: str):
        self.ident, self.label = ident, label


def type_name(value: object) -> str:
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", None) or getattr(cls, "__name__", "object")
    return name if module in ("builtins", "") else f"{module}.{name}"


# ----------------------------------------------------------------------------- encoding

def _dtype_text(dtype: np.dtype) -> str:
    if dtype.kind in _SIMPLE_KINDS and dtype.names is None and dtype.subdtype is None:
        return dtype.str
    if dtype.name in _ML_DTYPES:
        return dtype.name
    raise Unsupported(f"numpy array of dtype {dtype}")


def _dtype_from(text: str) -> np.dtype:
    if not isinstance(text, str) or len(text) > 40:
        raise ProtocolError("bad dtype")
    if text in _ML_DTYPES:
        import ml_dtypes

        return np.dtype(getattr(ml_dtypes, text))
    dtype = np.dtype(text)
    if dtype.kind not in _SIMPLE_KINDS or dtype.names is not None or dtype.subdtype is not None:
        raise ProtocolError(f"dtype {text} is not plain data")
    return dtype


class Encoder:
    """Encodes one value; ``register`` (judge side) turns a callable into a Callback.

    Making a msgpack ``Packer`` costs more than packing a small value, so an encoder keeps one
    per nesting level (an extension's payload is packed while its container is being packed).
    """

    def __init__(self, register=None):
        self._register = register
        self._packers: list = []
        self._depth = 0
        self.buffers: list[memoryview] = []  # out-of-band array data, in the order packed

    def dumps(self, value: object) -> bytes:
        """The msgpack body of ``value``; the data of its large arrays is added to
        ``buffers`` (a frame carries them after its body, in that order)."""
        depth = self._depth
        if depth == len(self._packers):
            self._packers.append(msgpack.Packer(default=self._default, use_bin_type=True,
                                                strict_types=True, datetime=False))
        self._depth = depth + 1
        try:
            return self._packers[depth].pack(value)
        except BaseException:
            self._packers[depth:] = []  # a failed pack may leave a packer's buffer half full
            if depth == 0:
                self.buffers = []
            raise
        finally:
            self._depth = depth

    def take_buffers(self) -> list[memoryview]:
        buffers, self.buffers = self.buffers, []
        return buffers

    def frame(self, value: object) -> list:
        """The parts of one frame carrying ``value``, to be written in order: the frame and
        body lengths, the body, then the out-of-band data of every value this encoder packed
        since its last frame (arguments packed one by one ride with their call)."""
        body = self.dumps(value)
        buffers = self.take_buffers()
        size = BODY.size + len(body) + sum(b.nbytes for b in buffers)
        return [HEADER.pack(size) + BODY.pack(len(body)), body, *buffers]

    def _default(self, value: object):
        cls = type(value)
        if cls is tuple:
            return msgpack.ExtType(_TUPLE, self.dumps(list(value)))
        if cls is np.ndarray:
            if value.nbytes >= OUT_OF_BAND:
                data = np.ascontiguousarray(value)
                self.buffers.append(memoryview(data.reshape(-1).view(np.uint8)))
                return msgpack.ExtType(_NDARRAY_OUT_OF_BAND, _array_header(data))
            return msgpack.ExtType(_NDARRAY, _array_payload(value))
        if cls is int:  # beyond 64 bits (msgpack packs the rest itself)
            return msgpack.ExtType(_BIGINT, str(value).encode())
        if cls is complex:
            return msgpack.ExtType(_COMPLEX, struct.pack("<dd", value.real, value.imag))
        if cls is fractions.Fraction:
            return msgpack.ExtType(_FRACTION, self.dumps([str(value.numerator),
                                                          str(value.denominator)]))
        if cls is decimal.Decimal:
            return msgpack.ExtType(_DECIMAL, str(value).encode())
        if value is Ellipsis:
            return msgpack.ExtType(_ELLIPSIS, b"")
        if isinstance(value, np.generic) and cls.__module__ in ("numpy", "ml_dtypes"):
            return msgpack.ExtType(_NPSCALAR, _dtype_header(value.dtype) + value.tobytes())
        if cls is Callback:
            return msgpack.ExtType(_CALLBACK, self.dumps([value.ident, value.label]))
        if cls in (bool, float, str, bytes, list, dict) or value is None:
            return value  # pragma: no cover - msgpack handles these itself
        sparse = _sparse_parts(value)
        if sparse is not None:
            return msgpack.ExtType(_SPARSE, self.dumps(sparse))
        if self._register is not None and callable(value) and not isinstance(value, type):
            return msgpack.ExtType(_CALLBACK, self.dumps(list(self._register(value))))
        raise Unsupported(type_name(value))


# An array crosses as: dtype header (one byte of length, the dtype's text), one byte of
# dimensions, each dimension as 8 bytes, then the raw data in C order.
_HEADERS: dict = {}


def _dtype_header(dtype: np.dtype) -> bytes:
    header = _HEADERS.get(dtype)
    if header is None:
        text = _dtype_text(dtype).encode("ascii")
        header = _HEADERS[dtype] = bytes((len(text),)) + text
    return header


def _array_header(value: np.ndarray) -> bytes:
    shape = value.shape
    return b"".join((_dtype_header(value.dtype), bytes((len(shape),)),
                     struct.pack(f"<{len(shape)}Q", *shape)))


def _array_payload(value: np.ndarray) -> bytes:
    return _array_header(value) + np.ascontiguousarray(value).tobytes()


_DTYPES: dict = {}  # dtype header bytes -> dtype, for the headers seen (plain dtypes only)


def _read_dtype(payload: bytes) -> tuple[np.dtype, int]:
    """The dtype at the start of a payload, and where the rest begins."""
    if not payload or len(payload) < 1 + payload[0]:
        raise ProtocolError("bad dtype")
    end = 1 + payload[0]
    header = payload[:end]
    dtype = _DTYPES.get(header)
    if dtype is None:
        try:
            text = header[1:].decode("ascii")
        except UnicodeDecodeError as exc:
            raise ProtocolError("bad dtype") from exc
        dtype = _dtype_from(text)
        if len(_DTYPES) < 64:
            _DTYPES[header] = dtype
    return dtype, end


def _sparse_parts(value: object):
    module = type(value).__module__ or ""
    if not module.startswith("scipy.sparse"):
        return None
    fmt = getattr(value, "format", None)
    if fmt not in _SPARSE_FORMATS or type(value).__name__ not in (
            f"{fmt}_matrix", f"{fmt}_array"):
        raise Unsupported(type_name(value))
    kind = "matrix" if type(value).__name__.endswith("_matrix") else "array"
    shape = [int(n) for n in value.shape]
    if fmt == "coo":
        arrays = [np.asarray(value.data), np.asarray(value.row), np.asarray(value.col)]
    else:
        arrays = [np.asarray(value.data), np.asarray(value.indices), np.asarray(value.indptr)]
    return [fmt, kind, shape] + [np.ascontiguousarray(a) for a in arrays]


def dumps(value: object, register=None) -> bytes:
    """A frame's content (what follows its length) carrying ``value``, as one bytes."""
    parts = Encoder(register).frame(value)
    return b"".join([parts[0][HEADER.size:], *parts[1:]])


# ----------------------------------------------------------------------------- decoding

class Decoder:
    """Decodes one frame; ``callback`` (learner side) turns a Callback into a stub."""

    def __init__(self, callback=None, copy_arrays: bool = True):
        self._callback = callback
        self._depth = 0  # of the payload being decoded (extensions nest)
        # the current frame's out-of-band data, and how much of it has been taken
        self.tail = memoryview(b"")
        self.cursor = 0
        # copies leave the frame as it came (the learner's side compares an argument with it
        # after a call); without, an array is a view of a writable frame buffer
        self._copy = copy_arrays

    def loads_frame(self, frame):
        """The value a frame's content carries; its out-of-band data stays available to
        ``loads`` of values packed inside it (the arguments of a call)."""
        view = memoryview(frame)
        if view.nbytes < BODY.size:
            raise ProtocolError("truncated frame")
        (size,) = BODY.unpack_from(view)
        if size > view.nbytes - BODY.size:
            raise ProtocolError("truncated frame")
        self.tail, self.cursor = view[BODY.size + size:], 0
        return self.loads(view[BODY.size:BODY.size + size])

    def loads(self, data: bytes, depth: int = 0):
        if depth > MAX_DEPTH:
            raise ProtocolError("nested too deeply")
        outer, self._depth = self._depth, depth
        try:
            return msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True,
                                   ext_hook=self._ext, timestamp=0)
        except (ProtocolError, Unsupported):
            raise
        except RecursionError as exc:
            raise ProtocolError("nested too deeply") from exc
        except Exception as exc:  # noqa: BLE001 - msgpack's and NumPy's errors alike
            raise ProtocolError(f"undecodable frame ({type(exc).__name__})") from exc
        finally:
            self._depth = outer

    def _ext(self, code: int, payload: bytes):
        depth = self._depth
        inner = lambda: self.loads(payload, depth + 1)  # noqa: E731
        if code == _TUPLE:
            items = inner()
            if not isinstance(items, list):
                raise ProtocolError("bad tuple")
            return tuple(items)
        if code == _BIGINT:
            if len(payload) > 10_000:
                raise ProtocolError("integer too long")
            return int(payload.decode("ascii"))
        if code == _COMPLEX:
            re, im = struct.unpack("<dd", payload)
            return complex(re, im)
        if code == _FRACTION:
            num, den = inner()
            if not (isinstance(num, str) and isinstance(den, str)) or len(num) + len(den) > 20_000:
                raise ProtocolError("bad fraction")
            return fractions.Fraction(int(num), int(den))
        if code == _DECIMAL:
            if len(payload) > 10_000:
                raise ProtocolError("decimal too long")
            return decimal.Decimal(payload.decode("ascii"))
        if code == _ELLIPSIS:
            return Ellipsis
        if code == _NDARRAY:
            return _array(payload)
        if code == _NDARRAY_OUT_OF_BAND:
            return self._out_of_band_array(payload)
        if code == _NPSCALAR:
            dtype, start = _read_dtype(payload)
            if len(payload) - start != dtype.itemsize:
                raise ProtocolError("bad scalar")
            return np.frombuffer(payload, dtype=dtype, offset=start)[0]
        if code == _SPARSE:
            return _sparse(inner())
        if code == _CALLBACK:
            ident, label = inner()
            if not isinstance(ident, int) or not isinstance(label, str):
                raise ProtocolError("bad callback")
            if self._callback is None:
                return Callback(ident, label)
            return self._callback(ident, label)
        raise ProtocolError(f"unknown extension {code}")


    def _out_of_band_array(self, payload: bytes) -> np.ndarray:
        dtype, shape, at = _array_shape(payload)
        if at != len(payload):
            raise ProtocolError("bad out-of-band array")
        count = math.prod(shape)
        start = self.cursor
        end = start + count * dtype.itemsize
        if end > self.tail.nbytes:
            raise ProtocolError("array data does not match its shape")
        self.cursor = end
        array = np.frombuffer(self.tail[start:end], dtype=dtype, count=count).reshape(shape)
        if self._copy or not array.flags.writeable:
            return array.copy()
        return array


def _array_shape(payload: bytes) -> tuple[np.dtype, tuple, int]:
    """An array's dtype, its shape, and where its data begins."""
    dtype, at = _read_dtype(payload)
    if len(payload) <= at:
        raise ProtocolError("bad shape")
    ndim = payload[at]
    at += 1
    if ndim > 32 or len(payload) < at + 8 * ndim:
        raise ProtocolError("bad shape")
    shape = struct.unpack_from(f"<{ndim}Q", payload, at)
    return dtype, shape, at + 8 * ndim


def _array(payload: bytes) -> np.ndarray:
    dtype, shape, at = _array_shape(payload)
    count = math.prod(shape)
    if len(payload) - at != count * dtype.itemsize:
        raise ProtocolError("array data does not match its shape")
    # a copy: writable, owns its memory
    return np.frombuffer(payload, dtype=dtype, offset=at, count=count).reshape(shape).copy()


def same_data(buffers: list, before) -> bool:
    """Whether ``buffers`` (an encoder's out-of-band data) hold exactly the bytes of
    ``before`` (what a decoder took from a frame for the same value)."""
    before = memoryview(before)
    if sum(b.nbytes for b in buffers) != before.nbytes:
        return False
    at = 0
    for buffer in buffers:
        n = buffer.nbytes
        if not _equal_bytes(buffer, before[at:at + n]):
            return False
        at += n
    return True


def _equal_bytes(a: memoryview, b: memoryview) -> bool:
    x, y = np.frombuffer(a, dtype=np.uint8), np.frombuffer(b, dtype=np.uint8)
    whole = x.size - x.size % 8  # compared eight bytes at a time
    return bool(np.array_equal(x[:whole].view(np.uint64), y[:whole].view(np.uint64))
                and np.array_equal(x[whole:], y[whole:]))


def _sparse(parts):
    if not isinstance(parts, list) or len(parts) != 6:
        raise ProtocolError("bad sparse matrix")
    fmt, kind, shape, a, b, c = parts
    if fmt not in _SPARSE_FORMATS or kind not in ("matrix", "array") or not (
            isinstance(shape, list) and len(shape) == 2
            and all(isinstance(n, int) and n >= 0 for n in shape)):
        raise ProtocolError("bad sparse matrix")
    if not all(isinstance(x, np.ndarray) and x.ndim == 1 for x in (a, b, c)):
        raise ProtocolError("bad sparse matrix arrays")
    import scipy.sparse as sp

    cls = getattr(sp, f"{fmt}_{kind}")
    try:
        if fmt == "coo":
            return cls((a, (b, c)), shape=tuple(shape))
        return cls((a, b, c), shape=tuple(shape))
    except Exception as exc:  # noqa: BLE001 - inconsistent arrays
        raise ProtocolError(f"inconsistent sparse matrix ({exc})") from exc


def loads(data, callback=None, copy_arrays: bool = True):
    """The value a frame's content (``dumps``'s bytes, or a frame read from a channel)
    carries."""
    return Decoder(callback, copy_arrays).loads_frame(data)


# ----------------------------------------------------------------------------- frames

def write_frame(fd: int, parts: list) -> None:
    """Write an encoder's ``frame`` parts, large arrays straight from their memory."""
    views = [memoryview(p).cast("B") for p in parts if len(p)]
    while views:
        written = _writev(fd, views[:512])
        while views and written >= views[0].nbytes:
            written -= views[0].nbytes
            views.pop(0)
        if written:
            views[0] = views[0][written:]


def read_exact(fd: int, n: int) -> bytearray:
    """Blocking read of exactly n bytes into one buffer; EOFError when the other side
    closed first."""
    buffer = bytearray(n)
    view, got = memoryview(buffer), 0
    while got < n:
        count = readinto(fd, view[got:])
        if not count:
            raise EOFError
        got += count
    return buffer


def readinto(fd: int, view: memoryview) -> int:
    """Read into ``view`` what ``fd`` has (at most its size); 0 at the end."""
    if hasattr(os, "readv"):
        return os.readv(fd, [view])
    chunk = os.read(fd, min(view.nbytes, 1 << 20))  # Windows
    view[:len(chunk)] = chunk
    return len(chunk)


def _writev(fd: int, views: list) -> int:
    if hasattr(os, "writev"):
        return os.writev(fd, views)
    return os.write(fd, views[0])  # Windows


def read_frame(fd: int) -> bytes:
    (size,) = HEADER.unpack(read_exact(fd, HEADER.size))
    if size > MAX_FRAME:
        raise ProtocolError(f"a frame of {size} bytes is over the {MAX_FRAME} byte limit")
    return read_exact(fd, size)
