"""`python tests/harness.py ARGS…`: fto-check, with faults planted in reading some profiles.

Run as a real process by the tests of process-level faults, so that they can be made to
happen at a known point instead of by timing:
- a profile whose file name starts with `z-stall` is never read: the read waits forever, as
  one from a stalled network mount would (signals still reach it). With FTO_CHECK_STALL_ONCE
  set to a file name, only the first read of it stalls, and the stalled process writes its
  pid to that file first (a test can then kill it, and the batch judge it again);
- a profile whose file name starts with `z-kill` kills the process reading it (SIGKILL), as
  the OOM killer would, every time.
"""

import os
import signal
import sys
import time

from fto_check.profile import read

_original = read._read_at_most


def _planted(path: str, max_bytes: int) -> bytes:
    name = os.path.basename(path)
    if name.startswith("z-stall"):
        marker = os.environ.get("FTO_CHECK_STALL_ONCE")
        if marker:
            try:
                fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                return _original(path, max_bytes)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.close(fd)
        while True:
            time.sleep(3600)
    if name.startswith("z-kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _original(path, max_bytes)


read._read_at_most = _planted

if __name__ == "__main__":
    from fto_check.cli.app import main

    sys.argv[0] = "fto-check"
    main()
