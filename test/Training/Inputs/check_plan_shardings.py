"""Checks the shardings --hspmd-apply-plan wrote against the plan its remark
names ("2 x [H20:4:6 H20:4:6] m16 + ...": per pipeline, stages kind:TP:layers,
then micro-batches). Usage: check_plan_shardings.py REMARKS PROGRAM"""
import re
import sys

remark = open(sys.argv[1]).read()
program = open(sys.argv[2]).read()
# After ZeRO, the plan's settings when not the defaults (describePlan):
# ", b2", ", full recompute", ", 3 virtual stages"; the shardings do not
# depend on them.
m = re.search(r"remark: plan: (.*?), (ZeRO-1|no ZeRO)"
              r"((?:, (?:b\d+|\w+ recompute|\d+ virtual stages))*), predicted",
              remark)
if not m:
    sys.exit("no plan remark")
pipelines = []  # [(stages [(tp, layers)], microbatches)]
for part in m.group(1).split(" + "):
    pm = re.fullmatch(r"(\d+) x \[(.*)\] m(\d+)", part.strip())
    if not pm:
        sys.exit(f"cannot read pipeline '{part}'")
    stages = []
    for st in pm.group(2).split():
        if st.startswith("x"):  # "H20:4:15 x4": the stage repeated
            stages += [stages[-1]] * (int(st[1:]) - 1)
            continue
        kind, tp, layers = st.split(":")
        stages.append((int(tp), int(layers)))
    pipelines += [(stages, int(pm.group(3)))] * int(pm.group(1))

def tp_of(stages, layer):
    first = 0
    for tp, n in stages:
        if layer < first + n:
            return tp
        first += n
    sys.exit(f"layer {layer} beyond the plan")

args = re.findall(r"%arg\d+: tensor<([0-9x]+)xf32> \{hspmd.layer = (\d+) : i64, "
                  r"hspmd.parallel = \"(\w+)\", hspmd.sharding = #hspmd.sharding<(.*?)>\}",
                  program)
if not args:
    sys.exit("no placed arguments")
groups_of_layer = {}
for shape, layer, role, sharding in args:
    layer = int(layer)
    groups = re.findall(r"\[([0-9, ]+)\] : \[([^\]]*)\]", sharding)
    if len(groups) != len(pipelines):
        sys.exit(f"layer {layer}: {len(groups)} groups for {len(pipelines)} pipelines")
    devs = [g[0] for g in groups]
    if groups_of_layer.setdefault(layer, devs) != devs:
        sys.exit(f"layer {layer}: arguments on different groups")
    for (devices, axes), (stages, mb) in zip(groups, pipelines):
        t = len(devices.split(","))
        if t != tp_of(stages, layer):
            sys.exit(f"layer {layer}: group of {t}, the plan's stage has TP {tp_of(stages, layer)}")
        rank = len(shape.split("x"))
        want = {"column": f"d{rank - 1} = {t}", "row": f"d0 = {t}",
                "replicated": f"dup = {t}", "batch": f"dup = {t}"}[role]
        if (axes or None) != (want if t > 1 else None):
            sys.exit(f"layer {layer} {role}: axes '{axes}', expected '{want}'")
    if len(pipelines) > 1:
        top = "hetero = d0" if role == "batch" else "hetero = dup"
        if not sharding.startswith(top):
            sys.exit(f"layer {layer} {role}: expected {top}: {sharding}")
        if role == "batch":
            # Equal weights are not printed (the canonical form).
            wm = re.search(r"weights = \[([0-9, ]+)\]", sharding)
            w = ([int(x) for x in wm.group(1).split(",")] if wm
                 else [1] * len(pipelines))
            mbs = [mb for _, mb in pipelines]
            if any(a * mbs[0] != b * w[0] for a, b in zip(w, mbs)):
                sys.exit(f"batch weights {w} are not the micro-batches {mbs}")
print(f"{len(args)} arguments over {len(groups_of_layer)} layers follow the plan "
      f"({len(pipelines)} pipelines)")
