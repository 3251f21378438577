"""Compares --hspmd-cost-report's JSON with hspmd-cost-model's, per device.
The program's arguments are the parameters plus its input activations
(--input-bytes, replicated on every device), which the model leaves out."""
import json
import sys

program = json.load(open(sys.argv[1]))
model = json.load(open(sys.argv[2]))
input_bytes = float(sys.argv[sys.argv.index("--input-bytes") + 1])
ok = True
for dev in program["devices"]:
    d = dev["device"]
    def check(what, got, want, tol):
        global ok
        rel = abs(got - want) / want
        if rel <= tol:
            print(f"device {d}: {what}")
        else:
            ok = False
            print(f"device {d}: MISMATCH {what}: program {got:.6g}, model {want:.6g}, "
                  f"relative {rel:.3g}")
    check("contraction FLOPs equal", dev["contraction_flops"],
          model["contraction_flops"], 1e-12)
    check("all FLOPs within 1%", dev["flops"], model["contraction_flops"], 0.01)
    check("bytes within 1%", dev["weight_bytes"],
          model["param_bytes"] + input_bytes, 0.01)
sys.exit(0 if ok else 1)
