//===- Limits.h - Bounds shared by the layout model and the IR --*- C++ -*-===//

#ifndef HSPMD_LAYOUT_LIMITS_H
#define HSPMD_LAYOUT_LIMITS_H

#include <cstdint>

namespace hspmd::layout {

/// Device ids are world ranks in [0, kMaxDevice): shardings, communication
/// ops and device programs all check against this one bound.
inline constexpr int64_t kMaxDevice = int64_t(1) << 31;

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_LIMITS_H
