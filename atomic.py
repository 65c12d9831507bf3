"""Writes that never leave a half-written or foreign file behind: every output of the tool goes through here.

    write_atomic(path, content)          one file: readers see the old content or the new, never a mix
    replaced_folder(folder, replaceable) a folder of outputs (`run --out`): the old set or the new set

One file: the content goes to a temporary file in the target's folder, made
exclusively by this process (an unnamed ``O_TMPFILE`` where the system has
it, so a process killed while writing leaves no name behind; otherwise a
unique name opened with ``O_CREAT | O_EXCL | O_NOFOLLOW``). A symlink or
file already standing at a temporary name is never followed nor reused. The
file is fsync'ed, renamed over the target, and the folder fsync'ed. On any
error the temporary file is removed; two writers each have their own, and
the last complete write wins.

A folder: the new set is written into a fresh sibling folder, which is then
swapped with the old one in one step (``renameat2(RENAME_EXCHANGE)`` on
Linux; elsewhere the old folder is renamed aside and the new one renamed in)
and the old set removed. Leftovers of a process killed part-way (a sibling
``.<name>.<pid>-<hex>.new`` folder, a temporary file of a dead process) are
removed by the next write to the same place.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError

_OPEN_FLAGS = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
_AT_FDCWD = -100


def _temp_name(name: str, suffix: str) -> str:
    return f".{name}.{os.getpid()}-{secrets.token_hex(6)}.{suffix}"


def _leftover(name: str, suffix: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.(\d+)-[0-9a-f]{{12}}\.{suffix}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(folder: Path, name: str, suffix: str) -> list[Path]:
    """Remove (or, for `.old` folders, return) what killed writers of `name` left in `folder`."""
    pattern = _leftover(name, suffix)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        if suffix == "old":
            found.append(Path(entry.path))
        elif entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
    return found


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _unnamed_temp(folder: Path) -> int | None:
    """An O_TMPFILE descriptor in `folder`, or None where the system or file system has none."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(folder, flag | _OPEN_FLAGS, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EACCES, errno.EPERM):
            return None
        raise


_AT_EMPTY_PATH = 0x1000


def _link_fd(fd: int, temp: Path) -> None:
    """Give the unnamed file `fd` the name `temp`: linkat through /proc, or linkat(AT_EMPTY_PATH)."""
    try:
        os.link(f"/proc/self/fd/{fd}", temp, follow_symlinks=True)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        first = exc
    try:
        linkat = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        raise first from None
    linkat.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    if linkat(fd, b"", _AT_FDCWD, os.fsencode(temp), _AT_EMPTY_PATH) != 0:
        code = ctypes.get_errno()
        if code == errno.EEXIST:
            raise FileExistsError(code, os.strerror(code), str(temp))
        raise first from None


def _name_unnamed(fd: int, folder: Path, name: str) -> Path | None:
    """Give the O_TMPFILE `fd` a fresh temporary name (link never follows nor replaces anything);
    None where neither way of linking an unnamed file is allowed."""
    for _ in range(100):
        temp = folder / _temp_name(name, "tmp")
        try:
            _link_fd(fd, temp)
            return temp
        except FileExistsError:
            continue
        except OSError:
            return None
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder / name))


def _named_temp(folder: Path, name: str, data: bytes) -> Path:
    """A new temporary file holding `data`, created exclusively, never through a symlink."""
    for _ in range(100):
        temp = folder / _temp_name(name, "tmp")
        try:
            fd = os.open(temp, _OPEN_FLAGS | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except FileExistsError:
            continue
        try:
            _write_all(fd, data)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        os.close(fd)
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder / name))


def write_atomic(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` (str: UTF-8) in one step; nothing half-written is ever visible."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(folder, path.name, "tmp")
    temp: Path | None = None
    fd = _unnamed_temp(folder)
    try:
        if fd is not None:
            try:
                _write_all(fd, data)
                temp = _name_unnamed(fd, folder, path.name)
            finally:
                os.close(fd)
        if temp is None:
            temp = _named_temp(folder, path.name, data)
        os.replace(temp, path)
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    fsync_folder(folder)


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target`; the old folder, if any, is removed afterwards."""
    if not target.exists():
        try:
            os.rename(staging, target)
            return
        except OSError as exc:  # another writer made it meanwhile
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old set
        return
    aside = target.parent / _temp_name(target.name, "old")
    os.rename(target, aside)
    os.rename(staging, target)
    shutil.rmtree(aside, ignore_errors=True)


@contextlib.contextmanager
def replaced_folder(target: Path, replaceable: Callable[[str], bool]) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target` as a whole.

    `target` may hold only names for which `replaceable(name)` is true (the
    outputs of an earlier run): anything else in it would be lost, so the
    folder is refused (InputError) before anything is written. On an error
    inside the block the staging folder is removed and `target` is untouched.
    """
    target = Path(target)
    if target.is_symlink():
        target = target.resolve()
    target = target.absolute()
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    for aside in _remove_leftovers(parent, target.name, "old"):
        if not target.exists():  # a swap was cut between its two renames: put the old set back
            os.rename(aside, target)
        else:
            shutil.rmtree(aside, ignore_errors=True)
    _remove_leftovers(parent, target.name, "new")
    if target.exists():
        if not target.is_dir():
            raise InputError(target, "exists and is not a folder; give a folder for the outputs")
        foreign = sorted(e.name for e in os.scandir(target) if not (e.is_file(follow_symlinks=False) and replaceable(e.name)))
        if foreign:
            raise InputError(target, f"holds {len(foreign)} entries that are not outputs of this command (first: {foreign[0]!r}); give an empty or new folder")
    staging = parent / _temp_name(target.name, "new")
    os.mkdir(staging)
    try:
        yield staging
        fsync_folder(staging)
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_folder(parent)
