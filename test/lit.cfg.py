# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "HSPMD"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.hspmd_obj_root, "test")

config.environment["FILECHECK_OPTS"] = "-enable-var-scope"
llvm_config.use_default_substitutions()

config.substitutions.append(("%hspmd_src", config.hspmd_src_root))
config.substitutions.append(("%hspmd_obj", config.hspmd_obj_root))
config.substitutions.append(
    ("%hspmd_plugin", os.path.join(config.hspmd_lib_dir, "HspmdPlugin.so")))
# Stock mlir-opt from the LLVM installation, to load the plugin into.
config.substitutions.append(
    ("%mlir_opt", os.path.join(config.llvm_tools_dir, "mlir-opt")))

llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
tool_dirs = [config.hspmd_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["hspmd-opt", "hspmd-run", "hspmd-compile", "hspmd-cost-model", "hspmd-plan", "hspmd-calibrate"], tool_dirs)

# Tests that start real ranks need Open MPI's mpirun (root needs the two
# flags; CI runs as root).
import shutil

if shutil.which("mpirun"):
    config.available_features.add("mpi")
    # Bounded: a test that hangs fails instead of holding up the suite.
    config.substitutions.append(
        ("%mpirun", "timeout 300 mpirun --allow-run-as-root --oversubscribe"))
# Headless Chromium renders the pictures (test/Pictures): feature
# `chromium`, %chromium its path. scripts/install-deps.sh installs it, so CI
# runs these tests.
chromium = shutil.which("chromium")
if chromium:
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium", chromium))
# Every communication in the tests finishes in well under two minutes; a
# peer that never arrives ends the run through the runtime's watchdog.
config.environment["HSPMD_TIMEOUT_S"] = "120"
config.substitutions.append(
    ("%runtime_test", os.path.join(config.hspmd_tools_dir, "hspmd-runtime-test")))

# The CUDA target (a toolkit with ptxas was found): CUDA executables are
# compiled and linked, and their device code checked, without a GPU. Tests
# that run them need one too (`gpu`: nvidia-smi lists a GPU).
if config.hspmd_cuda_target == "ON":
    config.available_features.add("cuda-target")
    config.substitutions.append(("%cuda_toolkit", config.hspmd_cuda_toolkit))
import subprocess
try:
    if "GPU " in subprocess.run(["nvidia-smi", "-L"], capture_output=True,
                                text=True, timeout=30).stdout:
        config.available_features.add("gpu")
except (OSError, subprocess.SubprocessError):
    pass

import sys
config.substitutions.append(("%python", sys.executable))
# The C++ compiler of the build, for tests that compile against runtime.h.
config.substitutions.append(("%host_cxx", config.host_cxx))

# The runtime's GPU part (runtime/lib/Gpu.c), built where CMake found the
# CUDA toolkit's headers: feature `cuda`; its NCCL backend: `nccl`. `cuda-driver`: this machine has a
# CUDA driver (libcuda.so.1 loads), so "no driver" cannot be checked here.
# `cuda-stub`: the toolkit's stub libcuda, which fails every call.
import ctypes
import lit.util

if lit.util.pythonize_bool(getattr(config, "hspmd_have_cuda", "OFF")):
    config.available_features.add("cuda")
    config.substitutions.append(
        ("%gpu_probe",
         os.path.join(config.hspmd_tools_dir, "hspmd-runtime-gpu-probe")))
    try:
        ctypes.CDLL("libcuda.so.1")
        config.available_features.add("cuda-driver")
    except OSError:
        pass
    stub = getattr(config, "cuda_stub_library", "")
    if stub and os.path.exists(stub):
        config.available_features.add("cuda-stub")
        config.substitutions.append(("%cuda_stub_lib", stub))
if lit.util.pythonize_bool(getattr(config, "hspmd_have_nccl", "OFF")):
    config.available_features.add("nccl")
