# Counts the blocks (peer : offsets sizes) of the send_recv ops read on stdin.
import re
import sys

text = sys.stdin.read()
ops = [l for l in text.splitlines() if "hspmd.send_recv" in l]
blocks = re.findall(r"\d+ : \[\d+, \d+\] \[\d+, \d+\]", text)
print(f"{len(ops)} send_recv ops, {len(blocks)} blocks")
if not ops:
    sys.exit("no send_recv op: the plan is not the combine-first one")
if len(blocks) > 200:
    sys.exit(f"{len(blocks)} blocks: the cells are dealt in pieces again")
