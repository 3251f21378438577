#!/usr/bin/env python3
"""bench/gpu/torch_mlp_step.py: the training step of bench/gpu/mlp-step.mlir.in
in PyTorch eager, as the reference for the compiled program.

Same shapes, data, initial scales and learning rate as gen.py writes
(X: B x D, W1: D x H, W2: H x D):

  Z = X W1, Hd = relu(Z), Y = Hd W2, dY = Y - X,
  dW2 = Hd^T dY, dH = dY W2^T, dZ = dH * (Z > 0), dW1 = X^T dZ,
  W1 -= lr dW1, W2 -= lr dW2

f32 with TF32 off (the compiled program computes in full f32), and the
same step with every tensor in bf16 (unless --no-bf16; it runs first, so
the f32 lines are the last four). W warm-up steps,
then R steps timed with torch.cuda.synchronize and time.perf_counter.

Usage: torch_mlp_step.py [--b 8192] [--d 4096] [--h 16384] [--warm 1]
                         [--reps 3] [--no-bf16] [--device cuda]

Prints `key value` lines:
  torch_mlp_step_f32_ms <milliseconds per step>
  torch_mlp_step_f32_tflops <10 B D H / seconds / 1e12>
  torch_mlp_step_f32_w1 <W1[0, 0] after W + R steps>   (compare mlp_*_w1)
  torch_mlp_step_f32_w2 <W2[0, 0] after W + R steps>
  and, before them, the same with bf16 instead of f32 (and
  torch_device_name, torch_version first).
Standard library and torch only.
"""
import argparse
import math
import sys
import time

import torch


def pow2_at_most(x):
    return 2.0 ** math.floor(math.log2(x))


def make_data(b, d, h, dtype, device):
    """X[i, j] = ((i + j) mod 5 - 2) / 4, W1[i, j] = S1 ((i + 2 j) mod 3 - 1),
    W2[i, j] = S2 ((2 i + j) mod 3 - 1), as mlp-step.mlir.in."""
    s1 = pow2_at_most(1.0 / math.sqrt(d))
    s2 = pow2_at_most(1.0 / math.sqrt(h))

    def grid(rows, cols, ri, ci, mod, off):
        i = torch.arange(rows, device=device, dtype=torch.int64).view(-1, 1)
        j = torch.arange(cols, device=device, dtype=torch.int64).view(1, -1)
        return ((ri * i + ci * j) % mod - off).to(torch.float32)

    x = grid(b, d, 1, 1, 5, 2) * 0.25
    w1 = grid(d, h, 1, 2, 3, 1) * s1
    w2 = grid(h, d, 2, 1, 3, 1) * s2
    return x.to(dtype), w1.to(dtype), w2.to(dtype)


def step(x, w1, w2, lr):
    z = x @ w1
    hd = torch.relu(z)
    y = hd @ w2
    dy = y - x
    dw2 = hd.t() @ dy
    dh = dy @ w2.t()
    dz = dh * (z > 0)
    dw1 = x.t() @ dz
    w1.sub_(lr * dw1)
    w2.sub_(lr * dw2)


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def run(name, dtype, args, device):
    b, d, h = args.b, args.d, args.h
    lr = pow2_at_most(1.0 / (b * d * h))
    x, w1, w2 = make_data(b, d, h, dtype, device)
    with torch.no_grad():
        for _ in range(args.warm):
            step(x, w1, w2, lr)
        sync(device)
        t0 = time.perf_counter()
        for _ in range(args.reps):
            step(x, w1, w2, lr)
        sync(device)
        t1 = time.perf_counter()
    s = (t1 - t0) / args.reps
    print("torch_mlp_step_%s_ms %.6g" % (name, s * 1e3))
    print("torch_mlp_step_%s_tflops %.6g" % (name, 10.0 * b * d * h / s / 1e12))
    print("torch_mlp_step_%s_w1 %.6g" % (name, float(w1[0, 0])))
    print("torch_mlp_step_%s_w2 %.6g" % (name, float(w2[0, 0])))
    sys.stdout.flush()
    del x, w1, w2
    if device.type == "cuda":
        torch.cuda.empty_cache()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--b", type=int, default=8192)
    p.add_argument("--d", type=int, default=4096)
    p.add_argument("--h", type=int, default=16384)
    p.add_argument("--warm", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--no-bf16", action="store_true")
    p.add_argument("--device", default="cuda")
    args = p.parse_args()
    if args.reps < 1 or args.warm < 0:
        p.error("--reps must be at least 1 and --warm at least 0")
    device = torch.device(args.device)
    # Full f32 products, as the compiled program's cuBLASLt calls.
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision("highest")
    if device.type == "cuda":
        print("torch_device_name %s" % torch.cuda.get_device_name(device).replace(" ", "_"))
    print("torch_version %s" % torch.__version__)
    # bf16 first, so that the f32 figures (the comparison with the
    # compiled program) are the last four lines.
    if not args.no_bf16:
        run("bf16", torch.bfloat16, args, device)
    run("f32", torch.float32, args, device)
    return 0


if __name__ == "__main__":
    sys.exit(main())
