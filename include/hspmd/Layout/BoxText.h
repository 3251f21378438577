//===- BoxText.h - How boxes are written in messages -------------*- C++ -*-===//
//
// One spelling of a box for every message and report: `[0, 8) x [16, 24)`,
// `scalar` for a rank-0 value (plans, elastic checks, switch reports).
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LAYOUT_BOXTEXT_H
#define HSPMD_LAYOUT_BOXTEXT_H

#include "hspmd/Layout/Sharding.h"

#include <string>

namespace hspmd::layout {

/// `[lo, hi)` per dimension, joined by ` x `; `scalar` for an empty box.
std::string boxText(const Box &box);

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_BOXTEXT_H
