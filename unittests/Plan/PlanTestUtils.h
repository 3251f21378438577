//===- PlanTestUtils.h - Building shardings in plan tests -------*- C++ -*-===//

#ifndef HSPMD_UNITTESTS_PLAN_PLANTESTUTILS_H
#define HSPMD_UNITTESTS_PLAN_PLANTESTUTILS_H

#include "hspmd/Layout/Sharding.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>
#include <sstream>
#include <string>

namespace hspmd::plan::testing {

using layout::Axis;
using layout::Group;
using layout::Role;
using layout::Sharding;

/// Parses the attribute body syntax of Semantics.md "Syntax" (no MLIR): enough for tests.
class BodyParser {
public:
  explicit BodyParser(std::string text) : s(std::move(text)) {}

  Sharding parse() {
    Sharding out;
    skip();
    if (s.compare(i, 6, "hetero") == 0) {
      i += 6;
      expect('=');
      out.hetero = role();
      expect(',');
      skip();
      if (s.compare(i, 7, "weights") == 0) {
        i += 7;
        expect('=');
        out.weights = ints();
        expect(',');
        skip();
      }
      i += 6; // groups
      expect('=');
      expect('[');
      do
        out.groups.push_back(group());
      while (accept(','));
      expect(']');
    } else {
      out.groups.push_back(group());
    }
    return out;
  }

private:
  void skip() {
    while (i < s.size() && s[i] == ' ')
      ++i;
  }
  bool accept(char c) {
    skip();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!accept(c))
      throw std::runtime_error(std::string("expected ") + c + " in " + s);
  }
  int64_t integer() {
    skip();
    size_t used = 0;
    int64_t v = std::stoll(s.substr(i), &used);
    i += used;
    return v;
  }
  std::vector<int64_t> ints() {
    std::vector<int64_t> v;
    expect('[');
    if (accept(']'))
      return v;
    do
      v.push_back(integer());
    while (accept(','));
    expect(']');
    return v;
  }
  Role role() {
    skip();
    if (s.compare(i, 3, "dup") == 0) {
      i += 3;
      return Role::dup();
    }
    if (s.compare(i, 7, "partial") == 0) {
      i += 7;
      return Role::partial();
    }
    ++i; // d
    return Role::split(integer());
  }
  Group group() {
    Group g;
    g.devices = ints();
    expect(':');
    expect('[');
    if (accept(']'))
      return g;
    do {
      Axis a;
      a.role = role();
      expect('=');
      a.size = integer();
      g.axes.push_back(a);
    } while (accept(','));
    expect(']');
    return g;
  }

  std::string s;
  size_t i = 0;
};

inline Sharding sharding(const std::string &body) {
  Sharding s = BodyParser(body).parse();
  s.normalizeWeights();
  return s;
}

inline layout::Layout layoutOf(const std::string &body,
                               std::vector<int64_t> shape) {
  Sharding s = sharding(body);
  if (auto err = s.verifyStructure())
    throw std::runtime_error(*err + ": " + body);
  if (auto err = s.verifyShape(shape))
    throw std::runtime_error(*err + ": " + body);
  return layout::Layout(s, std::move(shape));
}

/// Random valid shardings over devices 0..maxDevices-1 for `shape`.
class RandomShardings {
public:
  RandomShardings(uint64_t seed, int64_t maxDevices)
      : rng(seed), maxDevices(maxDevices) {}

  Sharding next(const std::vector<int64_t> &shape) {
    while (true) {
      Sharding s = candidate(static_cast<int64_t>(shape.size()));
      s.normalizeWeights();
      if (!s.verifyStructure() && !s.verifyShape(shape))
        return s;
    }
  }

  /// A valid sharding on the same devices and axis sizes as `s`, with one or
  /// two axis roles (and maybe the top-tier role) changed: pairs like these
  /// exercise the collective cases, which random pairs rarely hit.
  Sharding mutate(const Sharding &s, const std::vector<int64_t> &shape) {
    int64_t rank = static_cast<int64_t>(shape.size());
    for (int attempt = 0; attempt < 100; ++attempt) {
      Sharding m = s;
      int64_t changes = pick(1, 2);
      for (int64_t c = 0; c < changes; ++c) {
        Group &g = m.groups[pick(0, m.groups.size() - 1)];
        if (g.axes.empty())
          continue;
        g.axes[pick(0, g.axes.size() - 1)].role = randomRole(rank);
      }
      if (m.hetero && pick(0, 2) == 0) {
        m.hetero = randomRole(rank);
        if (!m.hetero->isSplit())
          m.weights.clear();
      }
      m.normalizeWeights();
      if (!m.verifyStructure() && !m.verifyShape(shape))
        return m;
    }
    return next(shape);
  }

  std::mt19937_64 rng;

private:
  int64_t pick(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }

  Role randomRole(int64_t rank, bool allowSplit = true) {
    int64_t r = pick(allowSplit && rank > 0 ? 0 : 1, 2 + (rank > 0 ? 1 : 0));
    if (r == 1)
      return Role::dup();
    if (r == 2)
      return Role::partial();
    return Role::split(pick(0, rank - 1));
  }

  Group randomGroup(std::vector<int64_t> devices, int64_t rank) {
    Group g;
    g.devices = std::move(devices);
    int64_t rest = static_cast<int64_t>(g.devices.size());
    std::vector<Role> used;
    for (int attempts = 0; rest > 1; ++attempts) {
      if (attempts > 50) {
        // No free role is left for the remaining factor (rank 0 has only
        // dup and partial): give up on this candidate.
        g.axes.push_back({Role::dup(), 1});
        return g;
      }
      std::vector<int64_t> divisors;
      for (int64_t f = 2; f <= rest; ++f)
        if (rest % f == 0)
          divisors.push_back(f);
      int64_t f = divisors[pick(0, divisors.size() - 1)];
      Role r = randomRole(rank);
      bool clash = false;
      for (const Role &u : used)
        clash |= u == r;
      if (clash)
        continue;
      used.push_back(r);
      g.axes.push_back({r, f});
      rest /= f;
    }
    return g;
  }

  Sharding candidate(int64_t rank) {
    std::vector<int64_t> pool(maxDevices);
    std::iota(pool.begin(), pool.end(), 0);
    std::shuffle(pool.begin(), pool.end(), rng);
    Sharding s;
    int64_t total = pick(1, maxDevices);
    int64_t groups =
        total < 2 || pick(0, 2) == 0 ? 1 : pick(2, std::min<int64_t>(3, total));
    if (groups == 1) {
      s.groups.push_back(randomGroup({pool.begin(), pool.begin() + total}, rank));
      return s;
    }
    s.hetero = randomRole(rank);
    // Cut `total` devices into `groups` non-empty groups.
    std::vector<int64_t> cuts;
    for (int64_t i = 1; i < total; ++i)
      cuts.push_back(i);
    std::shuffle(cuts.begin(), cuts.end(), rng);
    cuts.resize(groups - 1);
    std::sort(cuts.begin(), cuts.end());
    int64_t begin = 0;
    cuts.push_back(total);
    for (int64_t end : cuts) {
      s.groups.push_back(
          randomGroup({pool.begin() + begin, pool.begin() + end}, rank));
      begin = end;
    }
    if (s.hetero->isSplit() && pick(0, 1))
      for (int64_t g = 0; g < groups; ++g)
        s.weights.push_back(pick(1, 3));
    return s;
  }

  int64_t maxDevices;
};

} // namespace hspmd::plan::testing

#endif // HSPMD_UNITTESTS_PLAN_PLANTESTUTILS_H
