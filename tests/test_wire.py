"""The judge/learner wire format: what crosses is rebuilt from plain data, and nothing else
decodes (sandbox/wire.py)."""

from __future__ import annotations

import decimal
import fractions
import struct

import msgpack
import ml_dtypes
import numpy as np
import pytest
import scipy.sparse as sp

from pytest_numkata.sandbox import wire

ROUND_TRIP = [
    None, True, False, 0, -1, 2**63 - 1, 2**64 + 5, -(2**70), 1.5, float("inf"), -0.0,
    complex(1.0, -2.5), "text", "", b"\x00\xff", fractions.Fraction(-3, 7),
    decimal.Decimal("1.10"), Ellipsis, (), (1, (2.0, (3, "x"))), [1, [2, [3]]],
    {"a": (1, 2), 3: [4.0]}, [(1,), {"k": (None,)}],
]


@pytest.mark.parametrize("value", ROUND_TRIP, ids=repr)
def test_plain_values_round_trip_with_their_types(value):
    back = wire.loads(wire.dumps(value))
    assert back == value
    assert type(back) is type(value)
    if isinstance(value, tuple) and value:
        assert type(back[1]) is type(value[1])


ARRAYS = [
    np.arange(6, dtype=np.float64).reshape(2, 3),
    np.array(3.5),  # 0-d
    np.zeros((0, 4), dtype=np.int32),
    np.array([True, False]),
    np.array([1 + 2j, 3 - 4j], dtype=np.complex64),
    np.arange(10, dtype=">i4"),  # big-endian
    np.arange(24, dtype=np.float32).reshape(2, 3, 4)[:, ::2, 1:],  # not contiguous
    np.array([1.0, 2.5, -3.0], dtype=ml_dtypes.bfloat16),
    np.array([0.5, -448.0], dtype=ml_dtypes.float8_e4m3fn),
    np.random.default_rng(0).standard_normal(200_000),
    # out of band (OUT_OF_BAND bytes or more): each dtype and layout the inline path takes
    np.random.default_rng(1).standard_normal((300, 200)).astype(np.float32)[:, ::2],
    np.arange(50_000, dtype=">i8"),
    np.random.default_rng(2).standard_normal(40_000).astype(ml_dtypes.bfloat16),
    np.arange(40_000) % 3 == 0,
    np.asfortranarray(np.arange(20_000, dtype=np.complex128).reshape(100, 200)),
]


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
def test_arrays_round_trip_as_fresh_writable_copies(array):
    back = wire.loads(wire.dumps(array))
    assert type(back) is np.ndarray
    assert back.dtype == array.dtype and back.shape == array.shape
    assert back.tobytes() == array.tobytes()  # bit for bit, in C order
    assert back.flags.writeable and back.flags.owndata


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
def test_through_a_channel_the_judge_gets_writable_views_of_one_fresh_buffer(array):
    import os

    read, write = os.pipe()
    try:
        encoder = wire.Encoder()
        parts = encoder.frame(["returned", array, {0: array}])
        assert sum(len(p) if isinstance(p, bytes) else p.nbytes for p in parts) < (
            array.nbytes * 2 + 200)  # out-of-band data once each, never inside the body
        import threading

        writer = threading.Thread(target=wire.write_frame, args=(write, parts))
        writer.start()
        frame = wire.read_frame(read)
        writer.join()
        back = wire.loads(frame, copy_arrays=False)
    finally:
        os.close(read)
        os.close(write)
    for got in (back[1], back[2][0]):
        assert got.dtype == array.dtype and got.shape == array.shape
        assert got.tobytes() == array.tobytes() and got.flags.writeable
    got = back[1]
    got[...] = 0  # the two arrays are separate data, even when the sender's were one
    assert back[2][0].tobytes() == array.tobytes()


def test_arguments_packed_one_by_one_ride_with_their_call():
    big = np.arange(100_000, dtype=np.float64)
    encoder = wire.Encoder()
    packed = [encoder.dumps(a) for a in (big, [big[:10], (big * 2,)], 3.0)]
    frame = b"".join(encoder.frame(["call", "f", packed]))[wire.HEADER.size:]
    assert len(frame) > 2 * big.nbytes
    decoder = wire.Decoder()
    message = decoder.loads_frame(frame)
    args, taken = [], []
    for body in message[2]:
        start = decoder.cursor
        args.append(decoder.loads(body))
        taken.append(decoder.tail[start:decoder.cursor])
    assert np.array_equal(args[0], big) and np.array_equal(args[1][1][0], big * 2)
    assert np.array_equal(args[1][0], big[:10]) and args[2] == 3.0
    assert [t.nbytes for t in taken] == [big.nbytes, big.nbytes, 0]
    # what the learner's side compares after a call, to see an argument changed in place
    for value, body, data in zip(args, packed, taken):
        assert encoder.dumps(value) == body and wire.same_data(encoder.take_buffers(), data)
    args[1][1][0][12_345] = -1.0
    assert encoder.dumps(args[1]) == packed[1]  # the body alone cannot tell
    assert not wire.same_data(encoder.take_buffers(), taken[1])
    assert not wire.same_data([memoryview(b"\x00" * 8)], memoryview(b"\x00" * 9))
    assert wire.same_data([memoryview(b"abc"), memoryview(b"defghijkl")],
                          memoryview(b"abcdefghijkl"))


@pytest.mark.parametrize("scalar", [np.float64(0.1), np.float32(-2.5), np.int8(-7), np.bool_(True),
                                    np.complex128(1 - 1j), ml_dtypes.bfloat16(1.5)],
                         ids=lambda s: type(s).__name__)
def test_numpy_scalars_round_trip(scalar):
    back = wire.loads(wire.dumps(scalar))
    assert type(back) is type(scalar) and back == scalar


@pytest.mark.parametrize("fmt", ["csr", "csc", "coo"])
@pytest.mark.parametrize("kind", ["matrix", "array"])
def test_sparse_matrices_are_rebuilt_from_their_arrays(fmt, kind):
    dense = np.array([[0.0, 2.0, 0.0], [1.0, 0.0, 3.0]])
    value = getattr(sp, f"{fmt}_{kind}")(dense)
    back = wire.loads(wire.dumps(value))
    assert type(back) is type(value)
    assert np.array_equal(back.toarray(), dense)


def test_an_encoder_is_reused_for_many_values_and_after_a_failure():
    encoder, decoder = wire.Encoder(), wire.Decoder()
    for i in range(50):
        value = ("call", (i, np.full(3, float(i))), [(1, (2,))])
        back = decoder.loads(encoder.dumps(value))
        assert back[0] == "call" and back[1][0] == i and np.all(back[1][1] == i)
        assert back[2] == [(1, (2,))]
    with pytest.raises(wire.Unsupported):
        encoder.dumps((1, (2, [object()])))  # fails deep inside nested extensions
    assert decoder.loads(encoder.dumps((7, (8,)))) == (7, (8,))


class Lying:
    def __eq__(self, other):
        return True


@pytest.mark.parametrize("value", [Lying(), object(), {1, 2}, np.array([Lying()], dtype=object),
                                   np.zeros(2, dtype=[("a", "f8")]), print, type],
                         ids=["lying", "object", "set", "object-array", "structured", "builtin",
                              "class"])
def test_anything_else_cannot_be_encoded(value):
    with pytest.raises(wire.Unsupported):
        wire.dumps(value)


def test_a_callable_crosses_as_a_callback_only_when_the_judge_registers_it():
    seen = []

    def register(fn):
        seen.append(fn)
        return len(seen) - 1, "f"

    back = wire.loads(wire.dumps([abs], register))
    assert isinstance(back[0], wire.Callback) and (back[0].ident, back[0].label) == (0, "f")
    assert seen == [abs]
    stub = wire.loads(wire.dumps(abs, register), callback=lambda ident, label: (ident, label))
    assert stub == (1, "f")


def _ext(code: int, payload: bytes, tail: bytes = b"") -> bytes:
    return _frame(msgpack.packb(msgpack.ExtType(code, payload)), tail)


def _frame(body: bytes, tail: bytes = b"") -> bytes:
    """A frame's content: the body's length, the msgpack body, the out-of-band data."""
    return wire.BODY.pack(len(body)) + body + tail


def _array_payload(dtype: bytes, shape, raw: bytes, ndim=None) -> bytes:
    ndim = len(shape) if ndim is None else ndim
    return (bytes((len(dtype),)) + dtype + bytes((ndim,))
            + struct.pack(f"<{len(shape)}Q", *shape) + raw)


MALFORMED = {
    "truncated data": _ext(wire._NDARRAY, _array_payload(b"<f8", (3,), b"\x00" * 16)),
    "extra data": _ext(wire._NDARRAY, _array_payload(b"<f8", (1,), b"\x00" * 9)),
    "object dtype": _ext(wire._NDARRAY, _array_payload(b"|O", (1,), b"\x00" * 8)),
    "structured dtype": _ext(wire._NDARRAY, _array_payload(b"V8", (1,), b"\x00" * 8)),
    "unknown dtype": _ext(wire._NDARRAY, _array_payload(b"nonsense", (1,), b"\x00")),
    "non-ascii dtype": _ext(wire._NDARRAY, _array_payload("\u00e9".encode(), (1,), b"\x00")),
    "dtype longer than payload": _ext(wire._NDARRAY, b"\xff<f8"),
    "empty payload": _ext(wire._NDARRAY, b""),
    "no dimensions byte": _ext(wire._NDARRAY, b"\x03<f8"),
    "too many dimensions": _ext(wire._NDARRAY, _array_payload(b"<f8", (1,) * 33, b"\x00" * 8)),
    "shape cut short": _ext(wire._NDARRAY, _array_payload(b"<f8", (2,), b"", ndim=3)),
    "huge shape": _ext(wire._NDARRAY, _array_payload(b"<f8", (2**40, 2**40), b"\x00" * 8)),
    "scalar of the wrong size": _ext(wire._NPSCALAR, b"\x03<f8" + b"\x00" * 4),
    "unknown extension": _ext(99, b""),
    "bad tuple": _ext(wire._TUPLE, msgpack.packb(5)),
    "long integer": _ext(wire._BIGINT, b"9" * 20_000),
    "not msgpack": _frame(b"\xc1\xc1\xc1"),
    "bad sparse": _ext(wire._SPARSE, msgpack.packb(["csr", "matrix", [2, 2], 1, 2, 3])),
    "out-of-band data cut short": _ext(wire._NDARRAY_OUT_OF_BAND,
                                       _array_payload(b"<f8", (3,), b""), b"\x00" * 16),
    "out-of-band data in the body": _ext(wire._NDARRAY_OUT_OF_BAND,
                                         _array_payload(b"<f8", (1,), b"\x00" * 8), b"\x00" * 8),
    "out-of-band data taken twice": _frame(
        msgpack.packb([msgpack.ExtType(wire._NDARRAY_OUT_OF_BAND,
                                       _array_payload(b"<f8", (2,), b""))] * 2), b"\x00" * 24),
    "body longer than the frame": wire.BODY.pack(100) + msgpack.packb(1),
    "no body length": b"\x01",
}


@pytest.mark.parametrize("frame", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_frames_are_protocol_errors(frame):
    with pytest.raises(wire.ProtocolError):
        wire.loads(frame)


def test_nesting_deeper_than_the_limit_is_a_protocol_error():
    value: object = 1
    for _ in range(wire.MAX_DEPTH + 5):
        value = (value,)
    frame = wire.dumps(value)
    with pytest.raises(wire.ProtocolError):
        wire.loads(frame)


def test_frames_are_length_prefixed_and_capped():
    import os

    read, write = os.pipe()
    try:
        wire.write_frame(write, wire.Encoder().frame("hello"))
        assert wire.loads(wire.read_frame(read)) == "hello"
        os.write(write, wire.HEADER.pack(wire.MAX_FRAME + 1))
        with pytest.raises(wire.ProtocolError):
            wire.read_frame(read)
        os.close(write)
        with pytest.raises(EOFError):
            wire.read_frame(read)
    finally:
        os.close(read)


def test_frames_cross_without_readv_and_writev(monkeypatch):
    """Windows has neither: the same frames are written part by part and read in chunks."""
    import os
    import threading

    monkeypatch.delattr(os, "readv")
    monkeypatch.delattr(os, "writev")
    big = np.random.default_rng(5).standard_normal(300_000)
    read, write = os.pipe()
    try:
        writer = threading.Thread(target=wire.write_frame,
                                  args=(write, wire.Encoder().frame(("x", big, [big[::3]]))))
        writer.start()
        back = wire.loads(wire.read_frame(read))
        writer.join()
    finally:
        os.close(read)
        os.close(write)
    assert back[0] == "x" and np.array_equal(back[1], big) and np.array_equal(back[2][0], big[::3])
