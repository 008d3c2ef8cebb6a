"""Nonsense on the channel: a header announcing 10 GB, then bytes that are not msgpack."""

import os
import struct


def log_sum_exp(x):
    for fd in (3, 4, 5, 6):
        try:
            os.write(fd, struct.pack("<Q", 10 * 2**30) + os.urandom(64))
        except OSError:
            pass
    return 0.0
