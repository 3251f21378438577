"""Writes a C++ file that checks, with the C++ type system, that the runtime
functions a compiled program declares (its LLVM IR) have the prototypes of
runtime.h, and that the program declares every entry point listed in
runtime_abi.def (test/Conversion/runtime-abi.test).

Usage: abi-check.py RUNTIME_ABI_DEF PROGRAM_LL > check.cpp

LLVM's `ptr` stands for any C pointer type; integers and floating-point types
must match exactly (an i32 where runtime.h has int64_t fails).
"""
import re
import sys

LLVM_TO_CPP = {"ptr": "Ptr", "i64": "std::int64_t", "i32": "std::int32_t",
               "i16": "std::int16_t", "i8": "std::int8_t", "i1": "bool",
               "double": "double", "float": "float", "void": "void"}


def cpp_type(llvm):
    # Parameter attributes (noundef, nocapture, ...) follow the type.
    base = llvm.split()[0]
    if base not in LLVM_TO_CPP:
        sys.exit(f"abi-check: no C++ type for LLVM type '{llvm}'")
    return LLVM_TO_CPP[base]


def main():
    abi_def, program = sys.argv[1:3]
    entries = re.findall(r"^HSPMD_ENTRY_POINT\((\w+)\)", open(abi_def).read(),
                         re.M)
    if not entries:
        sys.exit("abi-check: no HSPMD_ENTRY_POINT in " + abi_def)
    declared = {}
    for m in re.finditer(r"^declare (?:\w+ )*?(\S+) @(\w+)\(([^)]*)\)",
                         open(program).read(), re.M):
        ret, name, params = m.groups()
        if name.startswith("hspmd_rt_"):
            args = [cpp_type(p) for p in params.split(",") if p.strip()]
            declared[name] = (cpp_type(ret), args)
    missing = [e for e in entries if e not in declared]
    if missing:
        sys.exit("abi-check: the program does not declare " +
                 ", ".join(missing))
    unlisted = [d for d in declared if d not in entries]
    if unlisted:
        sys.exit("abi-check: the program calls runtime functions that "
                 "runtime_abi.def does not list: " + ", ".join(unlisted))
    print('#include "hspmd/runtime.h"')
    print("#include <cstdint>")
    print("#include <type_traits>")
    print("struct Ptr {};")
    print("template <typename T> struct Lower { using type = T; };")
    print("template <typename T> struct Lower<T *> { using type = Ptr; };")
    print("template <typename R, typename... A> struct Sig {};")
    print("template <typename F> struct Of;")
    print("template <typename R, typename... A> struct Of<R(A...)> {")
    print("  using type = Sig<typename Lower<R>::type, "
          "typename Lower<A>::type...>;")
    print("};")
    for name in entries:
        ret, args = declared[name]
        sig = ", ".join([ret] + args)
        print(f"static_assert(std::is_same_v<Of<decltype({name})>::type, "
              f"Sig<{sig}>>,")
        print(f'              "{name}: the program declares ({sig})");')


main()
