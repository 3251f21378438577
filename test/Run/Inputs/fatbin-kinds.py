#!/usr/bin/env python3
"""Lists the images of every CUDA fat binary embedded in a file, one line
each: "<kind> sm_<arch>" with kind ptx or elf (cubin), so that tests can
check, without CUDA's cuobjdump, that a GPU executable carries both the
chip's machine code and its PTX. Usage: fatbin-kinds.py FILE

A fat binary starts with the magic 0xBA55ED50 (little-endian u32), a u16
version, a u16 header size and a u64 size of the entries that follow. Each
entry starts with a u16 kind (1 PTX, 2 ELF), a u16, a u32 header size, a
u64 payload size and, at byte 28, the u32 architecture (90 for sm_90); the
next entry follows the payload."""
import struct
import sys

MAGIC = struct.pack("<I", 0xBA55ED50)
KINDS = {1: "ptx", 2: "elf"}

data = open(sys.argv[1], "rb").read()
found = 0
at = data.find(MAGIC)
while at >= 0:
    _, version, header, size = struct.unpack_from("<IHHQ", data, at)
    entry, end = at + header, at + header + size
    while version == 1 and entry + 32 <= end and end <= len(data):
        kind, _, entry_header, payload = struct.unpack_from("<HHIQ", data, entry)
        arch = struct.unpack_from("<I", data, entry + 28)[0]
        if kind not in KINDS or entry_header < 32:
            break
        print(f"{KINDS[kind]} sm_{arch}")
        found += 1
        entry += entry_header + payload
    at = data.find(MAGIC, at + 4)
if not found:
    sys.exit("fatbin-kinds: no fat binary in " + sys.argv[1])
