//===- Cluster.cpp - Devices, nodes and links of a training cluster -------===//

#include "hspmd/Training/Cluster.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

using namespace hspmd;
using namespace hspmd::training;

DeviceKind hspmd::training::h800Prior() {
  DeviceKind k;
  k.name = "H800";
  k.peakFlops = 989e12; // same GH100 as H100 SXM (989.4 TFLOP/s)
  k.hbmBytes = 80e9;    // 80 GB HBM3
  k.hbmBandwidth = 3.35e12;
  k.nvlinkBusBw = 155e9;    // prior: 400 GB/s bidirectional NVLink
  k.nicBusBw = 45e9;        // 400 Gb/s per GPU at 90%
  k.etaGemm = 0.60;         // prior
  k.etaAttn = 0.45;         // prior
  k.layerOverhead = 1.0e-3; // prior
  return k;
}

DeviceKind hspmd::training::h20Prior() {
  DeviceKind k;
  k.name = "H20";
  k.peakFlops = 148e12;
  k.hbmBytes = 96e9;
  k.hbmBandwidth = 4.0e12;
  k.nvlinkBusBw = 225e9;     // fitted to the artifact's H20 profile
  k.nicBusBw = 22.5e9;       // 200 Gb/s per GPU at 90%
  k.etaGemm = 0.861;         // fitted
  k.etaAttn = 0.507;         // fitted
  k.layerOverhead = 1.30e-3; // fitted (CostModel.md "Priors")
  return k;
}

std::optional<DeviceKind>
hspmd::training::kindPrior(const std::string &name) {
  if (name == "H20")
    return h20Prior();
  if (name == "H800")
    return h800Prior();
  return std::nullopt;
}

int64_t Cluster::addKind(const DeviceKind &kind) {
  if (std::optional<int64_t> existing = findKind(kind.name)) {
    kinds[*existing] = kind;
    return *existing;
  }
  kinds.push_back(kind);
  return static_cast<int64_t>(kinds.size()) - 1;
}

std::optional<int64_t> Cluster::findKind(const std::string &name) const {
  for (size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i].name == name)
      return static_cast<int64_t>(i);
  return std::nullopt;
}

int64_t Cluster::addNode(int64_t kind, int64_t count) {
  int64_t node = 0;
  for (const Device &d : devices)
    node = std::max(node, d.node + 1);
  int64_t first = size();
  for (int64_t i = 0; i < count; ++i)
    devices.push_back({kind, node, i});
  return first;
}

int64_t Cluster::addDevice(const Device &device) {
  devices.push_back(device);
  return size() - 1;
}

Link Cluster::link(int64_t a, int64_t b) const {
  const DeviceKind &ka = kindOf(a), &kb = kindOf(b);
  if (sameNode(a, b))
    return {std::min(ka.nvlinkBusBw, kb.nvlinkBusBw), latency.intraNode};
  return {std::min(ka.nicBusBw, kb.nicBusBw), latency.interNode};
}

Link Cluster::groupLink(const std::vector<int64_t> &ranks) const {
  std::set<int64_t> distinct(ranks.begin(), ranks.end());
  if (distinct.size() <= 1)
    return {std::numeric_limits<double>::infinity(), 0.0};
  std::map<int64_t, std::set<int64_t>> nicsPerNode;
  double nvlink = std::numeric_limits<double>::infinity();
  double nic = std::numeric_limits<double>::infinity();
  for (int64_t r : distinct) {
    nicsPerNode[devices[r].node].insert(devices[r].nic);
    nvlink = std::min(nvlink, kindOf(r).nvlinkBusBw);
    nic = std::min(nic, kindOf(r).nicBusBw);
  }
  if (nicsPerNode.size() == 1)
    return {nvlink, latency.intraNode};
  size_t rails = std::numeric_limits<size_t>::max();
  for (const auto &entry : nicsPerNode)
    rails = std::min(rails, entry.second.size());
  return {std::min(nvlink, static_cast<double>(rails) * nic),
          latency.interNode};
}

std::optional<std::string> Cluster::validate() const {
  for (const DeviceKind &k : kinds) {
    auto bad = [&](const char *field, double v) -> std::optional<std::string> {
      return "device kind '" + k.name + "': " + field + " = " +
             std::to_string(v) + " is not positive";
    };
    if (!(k.peakFlops > 0))
      return bad("peakFlops", k.peakFlops);
    if (!(k.hbmBytes > 0))
      return bad("hbmBytes", k.hbmBytes);
    if (!(k.hbmBandwidth > 0))
      return bad("hbmBandwidth", k.hbmBandwidth);
    if (!(k.nvlinkBusBw > 0))
      return bad("nvlinkBusBw", k.nvlinkBusBw);
    if (!(k.nicBusBw > 0))
      return bad("nicBusBw", k.nicBusBw);
    if (!(k.etaGemm > 0) || k.etaGemm > 1)
      return "device kind '" + k.name +
             "': etaGemm = " + std::to_string(k.etaGemm) + " is outside (0, 1]";
    if (!(k.etaAttn > 0) || k.etaAttn > 1)
      return "device kind '" + k.name +
             "': etaAttn = " + std::to_string(k.etaAttn) + " is outside (0, 1]";
    if (!(k.layerOverhead >= 0))
      return "device kind '" + k.name + "': layerOverhead is negative";
  }
  for (size_t r = 0; r < devices.size(); ++r)
    if (devices[r].kind < 0 ||
        devices[r].kind >= static_cast<int64_t>(kinds.size()))
      return "device " + std::to_string(r) + " names kind " +
             std::to_string(devices[r].kind) + ", but the cluster has " +
             std::to_string(kinds.size()) + " kinds";
  if (!(latency.intraNode >= 0) || !(latency.interNode >= 0))
    return std::string("link latencies must be >= 0");
  return std::nullopt;
}

Cluster hspmd::training::h20H800Cluster(int64_t numH20, int64_t numH800,
                                    int64_t gpusPerNode) {
  Cluster c;
  int64_t h20 = c.addKind(h20Prior());
  int64_t h800 = c.addKind(h800Prior());
  for (int64_t r = 0; r < numH20 + numH800; ++r)
    c.addDevice({r < numH20 ? h20 : h800, r / gpusPerNode, r % gpusPerNode});
  return c;
}
