"""Confining a learner process before it runs any learner code (Linux; elsewhere: rlimits only).

Loaded by path in the learner process (it imports only the standard library). ``confine`` is
called once, in the freshly forked learner, and applies, in this order:

1. hard resource limits the process cannot raise again: address space, CPU seconds, file size,
   open files, no core dumps, and no new processes (``RLIMIT_NPROC``);
2. when running as root, no capabilities (so the limits above stay hard: a root process with
   its capabilities could raise them);
3. ``no_new_privs``, then a seccomp filter that refuses ``fork``/``vfork``/``clone`` of a new
   process and ``execve`` (threads stay allowed), so no grandchild or daemon can exist;
4. Landlock (ABI 1-7, as the kernel has it): files may be read only under the directories the
   judge names (the Python installation and system libraries), written only in the learner's
   private temporary folder; no TCP bind/connect (ABI 4+); no signals to, and no abstract
   sockets of, processes outside the learner's own domain (ABI 6+).

``confine`` returns a short text naming what was applied ("landlock-7 seccomp rlimits"),
which the judge records as the sandbox strength.
"""

from __future__ import annotations

import ctypes
import os
import platform
import struct
import sys

# --------------------------------------------------------------------------- Landlock (uapi)
_SYS_LANDLOCK = {"x86_64": (444, 445, 446), "aarch64": (444, 445, 446)}
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1

_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_REMOVE_DIR = 1 << 4
_FS_REMOVE_FILE = 1 << 5
_FS_MAKE_CHAR = 1 << 6
_FS_MAKE_DIR = 1 << 7
_FS_MAKE_REG = 1 << 8
_FS_MAKE_SOCK = 1 << 9
_FS_MAKE_FIFO = 1 << 10
_FS_MAKE_BLOCK = 1 << 11
_FS_MAKE_SYM = 1 << 12
_FS_REFER = 1 << 13  # ABI 2
_FS_TRUNCATE = 1 << 14  # ABI 3
_FS_IOCTL_DEV = 1 << 15  # ABI 5
_NET_BIND_TCP = 1 << 0  # ABI 4
_NET_CONNECT_TCP = 1 << 1
_SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
_SCOPE_SIGNAL = 1 << 1

_READ = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR

# --------------------------------------------------------------------------- seccomp
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_CAPBSET_DROP = 24
_SYS_CAPSET = {"x86_64": 126, "aarch64": 91}
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EPERM, _ENOSYS = 1, 38
_CLONE_THREAD = 0x00010000
# arch: (AUDIT_ARCH, {name: number}); fork/vfork do not exist on aarch64
_SECCOMP_ARCH = {
    "x86_64": (0xC000003E, {"fork": 57, "vfork": 58, "execve": 59, "execveat": 322,
                            "clone": 56, "clone3": 435}),
    "aarch64": (0xC00000B7, {"execve": 221, "execveat": 281, "clone": 220, "clone3": 435}),
}


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    libc.prctl.restype = ctypes.c_int
    return libc


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is missing or disabled."""
    numbers = _SYS_LANDLOCK.get(platform.machine())
    if sys.platform != "linux" or numbers is None:
        return 0
    try:
        abi = _libc().syscall(numbers[0], None, ctypes.c_size_t(0),
                              ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(0, int(abi))


def _fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1  # ABI 1: EXECUTE .. MAKE_SYM
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def _landlock(abi: int, readable: list[str], writable: list[str]) -> None:
    libc = _libc()
    create, add_rule, restrict = _SYS_LANDLOCK[platform.machine()]
    handled_fs = _fs_rights(abi)
    handled_net = (_NET_BIND_TCP | _NET_CONNECT_TCP) if abi >= 4 else 0
    scoped = (_SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL) if abi >= 6 else 0
    if abi >= 6:
        attr = struct.pack("<QQQ", handled_fs, handled_net, scoped)
    elif abi >= 4:
        attr = struct.pack("<QQ", handled_fs, handled_net)
    else:
        attr = struct.pack("<Q", handled_fs)
    buf = ctypes.create_string_buffer(attr, len(attr))
    ruleset = libc.syscall(create, buf, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    try:
        file_rights = _FS_EXECUTE | _FS_READ_FILE | _FS_WRITE_FILE | (
            _FS_TRUNCATE if abi >= 3 else 0) | (_FS_IOCTL_DEV if abi >= 5 else 0)
        for paths, rights in ((readable, _READ), (writable, handled_fs)):
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue
                try:
                    allowed = rights & handled_fs
                    if not os.path.isdir(path):
                        allowed &= file_rights  # directory rights on a file are refused
                    rule = struct.pack("<Qi", allowed, fd)  # packed: u64 access, s32 fd
                    rbuf = ctypes.create_string_buffer(rule, len(rule))
                    if libc.syscall(add_rule, ctypes.c_int(ruleset),
                                    ctypes.c_int(_RULE_PATH_BENEATH), rbuf,
                                    ctypes.c_uint32(0)) < 0:
                        raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
                finally:
                    os.close(fd)
        if libc.syscall(restrict, ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    finally:
        os.close(ruleset)


def _seccomp_no_new_processes() -> bool:
    entry = _SECCOMP_ARCH.get(platform.machine())
    if sys.platform != "linux" or entry is None:
        return False
    audit_arch, nr = entry
    ld_w_abs, jeq_k, jset_k, ret_k = 0x20, 0x15, 0x45, 0x06
    errno_eperm = _SECCOMP_RET_ERRNO | _EPERM
    prog: list[tuple[int, int, int, int]] = []

    def stmt(code, k):
        prog.append((code, 0, 0, k))

    def jump(code, k, jt, jf):
        prog.append((code, jt, jf, k))

    stmt(ld_w_abs, 4)  # seccomp_data.arch
    jump(jeq_k, audit_arch, 1, 0)
    stmt(ret_k, errno_eperm)  # another ABI (x32, 32-bit): refuse everything
    stmt(ld_w_abs, 0)  # seccomp_data.nr
    for number in [nr[n] for n in ("fork", "vfork", "execve", "execveat") if n in nr]:
        jump(jeq_k, number, 0, 1)
        stmt(ret_k, errno_eperm)
    jump(jeq_k, nr["clone3"], 0, 1)
    stmt(ret_k, _SECCOMP_RET_ERRNO | _ENOSYS)  # libc falls back to clone
    jump(jeq_k, nr["clone"], 0, 4)  # not clone: on to the final ALLOW
    stmt(ld_w_abs, 16)  # the low half of args[0]: clone's flags
    jump(jset_k, _CLONE_THREAD, 0, 1)
    stmt(ret_k, _SECCOMP_RET_ALLOW)  # a new thread
    stmt(ret_k, errno_eperm)  # a new process
    stmt(ret_k, _SECCOMP_RET_ALLOW)
    filt = b"".join(struct.pack("<HBBI", *ins) for ins in prog)
    buf = ctypes.create_string_buffer(filt, len(filt))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(prog), ctypes.cast(buf, ctypes.c_void_p))
    libc = _libc()
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        return False
    return True


def _rlimits(memory_bytes: int | None, cpu_seconds: int | None, file_bytes: int) -> None:
    import resource

    def hard(which, value):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass

    if memory_bytes:
        hard(resource.RLIMIT_AS, memory_bytes)
    if cpu_seconds:
        hard(resource.RLIMIT_CPU, cpu_seconds)
    hard(resource.RLIMIT_FSIZE, file_bytes)
    hard(resource.RLIMIT_CORE, 0)
    hard(resource.RLIMIT_NOFILE, 256)


def _drop_capabilities() -> bool:
    """Root keeps its uid (the Python installation may live under a private home) but loses
    every capability: it can no longer raise a hard limit, override file permissions or signal
    other users' processes. Returns True when there were capabilities to drop."""
    if not hasattr(os, "getuid") or os.getuid() != 0:
        return False
    libc = _libc()
    for cap in range(64):  # the bounding set first (needs CAP_SETPCAP, which we still hold)
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:
            break  # EINVAL: past the last capability this kernel knows
    header = struct.pack("<Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = bytes(24)  # two {effective, permitted, inheritable} triples, all empty
    hbuf = ctypes.create_string_buffer(header, len(header))
    dbuf = ctypes.create_string_buffer(data, len(data))
    return libc.syscall(_SYS_CAPSET.get(platform.machine(), -1), hbuf, dbuf) == 0


def _die_with_parent() -> None:
    try:
        _libc().prctl(_PR_SET_PDEATHSIG, 9, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def confine(*, readable: list[str], writable: list[str], memory_bytes: int | None,
            cpu_seconds: int | None, file_bytes: int) -> str:
    """Apply every restriction this system offers; return what was applied."""
    applied = []
    if sys.platform != "linux":
        try:
            _rlimits(memory_bytes, cpu_seconds, file_bytes)
            applied.append("rlimits")
        except ImportError:  # Windows: no resource module
            pass
        return " ".join(applied) or "none"
    _die_with_parent()
    _rlimits(memory_bytes, cpu_seconds, file_bytes)
    applied.append("rlimits")
    if _drop_capabilities():
        applied.append("no-capabilities")
    libc = _libc()
    libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return " ".join(applied)
    abi = landlock_abi()
    if abi:
        _landlock(abi, readable, writable)
        applied.insert(0, f"landlock-{abi}")
    if _seccomp_no_new_processes():
        applied.insert(1 if abi else 0, "seccomp")
    return " ".join(applied)
