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
]


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
def test_arrays_round_trip_as_fresh_writable_copies(array):
    back = wire.loads(wire.dumps(array))
    assert type(back) is np.ndarray
    assert back.dtype == array.dtype and back.shape == array.shape
    assert back.tobytes() == array.tobytes()  # bit for bit, in C order
    assert back.flags.writeable and back.flags.owndata


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


def _ext(code: int, payload: bytes) -> bytes:
    return msgpack.packb(msgpack.ExtType(code, payload))


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
    "not msgpack": b"\xc1\xc1\xc1",
    "bad sparse": _ext(wire._SPARSE, msgpack.packb(["csr", "matrix", [2, 2], 1, 2, 3])),
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
        wire.write_frame(write, b"hello")
        assert wire.read_frame(read) == b"hello"
        os.write(write, wire.HEADER.pack(wire.MAX_FRAME + 1))
        with pytest.raises(wire.ProtocolError):
            wire.read_frame(read)
        os.close(write)
        with pytest.raises(EOFError):
            wire.read_frame(read)
    finally:
        os.close(read)
