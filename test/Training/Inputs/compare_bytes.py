"""Compares --hspmd-comm-report's and --hspmd-cost-report's bytes: per
reshard (in program order) the total received, and per device the sums of
sent and received over all reshards."""
import json
import sys

comm = json.load(open(sys.argv[1]))
cost = json.load(open(sys.argv[2]))
a = [r["total_received"] for r in comm]
b = [r["total_received"] for r in cost["reshards"]]
if a != b:
    sys.exit(f"reshard bytes differ: comm-report {a}, cost-report {b}")
print(f"{len(a)} reshards, bytes equal")
sent, received = {}, {}
for r in comm:
    for d in r["devices"]:
        sent[d["device"]] = sent.get(d["device"], 0) + d["sent"]
        received[d["device"]] = received.get(d["device"], 0) + d["received"]
for d in cost["devices"]:
    k = d["device"]
    if sent.get(k, 0) != d["sent"] or received.get(k, 0) != d["received"]:
        sys.exit(f"device {k}: comm-report {sent.get(k, 0)}/{received.get(k, 0)}, "
                 f"cost-report {d['sent']}/{d['received']}")
print("devices: sent and received equal")
