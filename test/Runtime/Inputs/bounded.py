#!/usr/bin/env python3
"""Runs a command that must end on its own, and says how it ended.

    bounded.py SECONDS COMMAND [ARG...]

The command's output passes through. When it ends, prints
"bounded: exit status N" (or "bounded: killed by signal N") and exits with
the same status (128 + N for a signal). When it is still running after
SECONDS, it is killed with its whole process group (mpirun and its ranks,
stopped ones included), "bounded: still running after SECONDS s (a hang)"
is printed, and the status is 124.

Unlike `not timeout 60 ...`, a hang cannot pass for the non-zero exit a
test expects: a FileCheck of "bounded: exit status" fails on it.
"""
import os
import signal
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    limit = float(sys.argv[1])
    # A process group of its own, so that a hang can be ended whole.
    child = subprocess.Popen(sys.argv[2:], start_new_session=True)
    try:
        status = child.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        for sig in (signal.SIGCONT, signal.SIGTERM):
            try:
                os.killpg(child.pid, sig)
            except ProcessLookupError:
                pass
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            child.wait()
        sys.stdout.flush()
        print("bounded: still running after %g s (a hang)" % limit, flush=True)
        return 124
    sys.stdout.flush()
    if status < 0:
        print("bounded: killed by signal %d" % -status, flush=True)
        return 128 - status
    print("bounded: exit status %d" % status, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
