//===- Collectives.cpp - Alpha-beta ring collectives ----------------------===//

#include "hspmd/Training/Collectives.h"

#include <algorithm>
#include <numeric>

using namespace hspmd;
using namespace hspmd::training;

const char *hspmd::training::collectiveName(Collective kind) {
  switch (kind) {
  case Collective::AllReduce:
    return "all_reduce";
  case Collective::AllGather:
    return "all_gather";
  case Collective::ReduceScatter:
    return "reduce_scatter";
  case Collective::AllToAll:
    return "all_to_all";
  case Collective::Broadcast:
    return "broadcast";
  }
  return "?";
}

double hspmd::training::busBwFactor(Collective kind, int64_t n) {
  if (n <= 1)
    return 0.0;
  double ring = static_cast<double>(n - 1) / n;
  switch (kind) {
  case Collective::AllReduce:
    return 2 * ring;
  case Collective::AllGather:
  case Collective::ReduceScatter:
  case Collective::AllToAll:
    return ring;
  case Collective::Broadcast:
    return 1.0;
  }
  return 0.0;
}

int64_t hspmd::training::ringSteps(Collective kind, int64_t n) {
  if (n <= 1)
    return 0;
  return kind == Collective::AllReduce ? 2 * (n - 1) : n - 1;
}

double hspmd::training::collectiveTime(Collective kind, double bytes, int64_t n,
                                   const Link &link) {
  if (n <= 1)
    return 0.0;
  return ringSteps(kind, n) * link.alpha +
         busBwFactor(kind, n) * bytes / link.busBw;
}

double hspmd::training::busBandwidth(Collective kind, double bytes, int64_t n,
                                 double seconds) {
  return bytes / seconds * busBwFactor(kind, n);
}

double hspmd::training::pointToPointTime(double bytes, const Link &link) {
  return link.alpha + bytes / link.busBw;
}

SplitCollectiveCost
hspmd::training::splitCollective(Collective kind, double bytes,
                             const std::vector<std::vector<int64_t>> &replicas,
                             const Cluster &cluster) {
  SplitCollectiveCost cost;
  int64_t d = static_cast<int64_t>(replicas.size());
  if (d <= 1)
    return cost;
  // Cut points j/t_i of every replica, as exact fractions over the lcm.
  int64_t denom = 1;
  for (const std::vector<int64_t> &r : replicas)
    denom = std::lcm(denom, static_cast<int64_t>(r.size()));
  std::vector<int64_t> cuts;
  for (const std::vector<int64_t> &r : replicas) {
    int64_t t = static_cast<int64_t>(r.size());
    for (int64_t j = 0; j <= t; ++j)
      cuts.push_back(j * (denom / t));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  double factor = busBwFactor(kind, d);
  std::map<int64_t, double> busy;
  double alpha = 0;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    int64_t lo = cuts[i];
    double pieceBytes = bytes * static_cast<double>(cuts[i + 1] - lo) / denom;
    std::vector<int64_t> ring;
    for (const std::vector<int64_t> &r : replicas) {
      int64_t t = static_cast<int64_t>(r.size());
      ring.push_back(r[lo / (denom / t)]);
    }
    Link link = cluster.groupLink(ring);
    alpha = std::max(alpha, ringSteps(kind, d) * link.alpha);
    for (int64_t dev : ring) {
      cost.bytesPerDevice[dev] += factor * pieceBytes;
      busy[dev] += factor * pieceBytes / link.busBw;
    }
    ++cost.rings;
  }
  double slowest = 0;
  for (const auto &entry : busy)
    slowest = std::max(slowest, entry.second);
  cost.seconds = slowest + alpha;
  return cost;
}
