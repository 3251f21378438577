//===- Plan.cpp - Plan traffic and printing --------------------------------===//

#include "hspmd/Plan/Plan.h"
#include "hspmd/Layout/BoxText.h"

#include <map>
#include <set>
#include <sstream>

using namespace hspmd;
using namespace hspmd::plan;

const char *hspmd::plan::stepName(StepKind kind) {
  switch (kind) {
  case StepKind::Slice:
    return "slice";
  case StepKind::KeepOrZero:
    return "keep_or_zero";
  case StepKind::AllReduce:
    return "all_reduce";
  case StepKind::AllGather:
    return "all_gather";
  case StepKind::ReduceScatter:
    return "reduce_scatter";
  case StepKind::AllToAll:
    return "all_to_all";
  case StepKind::SendRecv:
    return "send_recv";
  }
  return "?";
}

namespace {
/// a * b / c without overflow in the product (c > 0); nothing when the
/// quotient does not fit in int64.
std::optional<int64_t> mulDiv(int64_t a, int64_t b, int64_t c) {
  __int128 q = __int128(a) * b / c;
  if (q > INT64_MAX || q < INT64_MIN)
    return std::nullopt;
  return static_cast<int64_t>(q);
}

/// t += v, flagging the device on overflow (or when `v` itself is missing).
void addTo(DeviceTraffic &t, int64_t &field, std::optional<int64_t> v) {
  if (!v || __builtin_add_overflow(field, *v, &field))
    t.overflow = true;
}
} // namespace

std::vector<DeviceTraffic> hspmd::plan::traffic(const Plan &plan,
                                                int64_t elementBytes) {
  std::map<int64_t, DeviceTraffic> byDevice;
  auto at = [&](int64_t d) -> DeviceTraffic & {
    DeviceTraffic &t = byDevice[d];
    t.device = d;
    return t;
  };
  for (const Step &step : plan.steps) {
    for (const DeviceUpdate &u : step.updates)
      (void)at(u.device);
    for (const CollectiveGroup &g : step.groups) {
      int64_t n = static_cast<int64_t>(g.devices.size());
      std::optional<int64_t> bytes = layout::checkedBytes(g.region, elementBytes);
      std::optional<int64_t> moved = 0;
      int64_t messages = 0;
      if (bytes) {
        switch (step.kind) {
        case StepKind::AllReduce:
          moved = mulDiv(2 * (n - 1), *bytes, n);
          messages = 2 * (n - 1);
          break;
        case StepKind::AllGather:
        case StepKind::ReduceScatter:
          moved = mulDiv(n - 1, *bytes, n);
          messages = n - 1;
          break;
        case StepKind::AllToAll:
          moved = mulDiv(n - 1, *bytes, n * n);
          messages = n - 1;
          break;
        default:
          break;
        }
      } else {
        moved = std::nullopt;
      }
      for (int64_t d : g.devices) {
        DeviceTraffic &t = at(d);
        addTo(t, t.sent, moved);
        addTo(t, t.received, moved);
        t.messages += messages;
      }
    }
    std::set<std::pair<int64_t, int64_t>> pairs;
    for (const Transfer &tr : step.transfers) {
      std::optional<int64_t> bytes = layout::checkedBytes(tr.box, elementBytes);
      DeviceTraffic &from = at(tr.from);
      addTo(from, from.sent, bytes);
      DeviceTraffic &to = at(tr.to);
      addTo(to, to.received, bytes);
      if (pairs.insert({tr.from, tr.to}).second)
        at(tr.from).messages += 1;
    }
  }
  std::vector<DeviceTraffic> out;
  for (auto &[d, t] : byDevice)
    out.push_back(t);
  return out;
}


std::string hspmd::plan::describe(const Plan &plan) {
  std::ostringstream os;
  os << "plan (" << plan.strategy << "): " << plan.steps.size() << " step"
     << (plan.steps.size() == 1 ? "" : "s") << "\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step &s = plan.steps[i];
    os << "  step " << i << ": " << stepName(s.kind);
    if (s.kind == StepKind::AllGather || s.kind == StepKind::ReduceScatter)
      os << " dim " << s.dim;
    if (s.kind == StepKind::AllToAll)
      os << " split_dim " << s.dim << " concat_dim " << s.concatDim;
    if (s.kind == StepKind::SendRecv && s.accumulate)
      os << " accumulate";
    os << "\n";
    for (const CollectiveGroup &g : s.groups) {
      os << "    group {";
      for (size_t j = 0; j < g.devices.size(); ++j)
        os << (j ? ", " : "") << g.devices[j];
      os << "} on " << layout::boxText(g.region) << "\n";
    }
    for (const Transfer &t : s.transfers)
      os << "    " << t.from << " -> " << t.to << ": " << layout::boxText(t.box)
         << "\n";
    for (const DeviceUpdate &u : s.updates) {
      os << "    device " << u.device << ": " << layout::boxText(u.box);
      if (s.kind == StepKind::KeepOrZero)
        os << (u.keep ? " keep" : " zeros");
      for (const Box &c : u.localCopies)
        os << ", keeps " << layout::boxText(c);
      os << "\n";
    }
  }
  return os.str();
}
