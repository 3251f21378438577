//===- Limits.h - Bounds shared by the layout model and the IR --*- C++ -*-===//

#ifndef HSPMD_LAYOUT_LIMITS_H
#define HSPMD_LAYOUT_LIMITS_H

#include <cstdint>

namespace hspmd::layout {

/// Device ids are world ranks in [0, kMaxDevice): shardings, communication
/// ops and device programs all check against this one bound.
inline constexpr int64_t kMaxDevice = int64_t(1) << 31;

/// The most devices one device list may name (`a to b` ranges included):
/// a bound on what parsing a sharding expands.
inline constexpr int64_t kMaxListedDevices = int64_t(1) << 20;

/// Runs of at least this many consecutive increasing ids print as `a to b`.
inline constexpr int64_t kMinPrintedRange = 8;

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_LIMITS_H
