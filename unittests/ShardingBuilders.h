//===- ShardingBuilders.h - Shardings written by hand in tests --*- C++ -*-===//
//
// `homo({0, 1, 2, 3}, {d(0, 2), dup(2)})` is `[0, 1, 2, 3] : [d0 = 2, dup = 2]`;
// `het(Role::split(0), {grp({0, 1}, {dup(2)}), grp({2}, {})}, {3, 1})` is
// `hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]`.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_UNITTESTS_SHARDINGBUILDERS_H
#define HSPMD_UNITTESTS_SHARDINGBUILDERS_H

#include "hspmd/Layout/Sharding.h"

#include <utility>
#include <vector>

namespace hspmd::layout::build {

inline Axis d(int64_t k, int64_t n) { return Axis{Role::split(k), n}; }
inline Axis dup(int64_t n) { return Axis{Role::dup(), n}; }
inline Axis partial(int64_t n) { return Axis{Role::partial(), n}; }

inline Group grp(std::vector<int64_t> devices, std::vector<Axis> axes) {
  return Group{std::move(devices), std::move(axes)};
}

inline Sharding homo(std::vector<int64_t> devices, std::vector<Axis> axes) {
  Sharding s;
  s.groups.push_back(grp(std::move(devices), std::move(axes)));
  return s;
}

inline Sharding het(Role role, std::vector<Group> groups,
                    std::vector<int64_t> weights = {}) {
  Sharding s;
  s.hetero = role;
  s.weights = std::move(weights);
  s.groups = std::move(groups);
  return s;
}

} // namespace hspmd::layout::build

#endif // HSPMD_UNITTESTS_SHARDINGBUILDERS_H
