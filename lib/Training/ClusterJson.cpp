//===- ClusterJson.cpp - The JSON form of a cluster -----------------------===//

#include "hspmd/Training/ClusterJson.h"
#include "hspmd/Training/Specs.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace json = llvm::json;

namespace hspmd::training {
namespace {

/// The keys of `object` in name order (llvm::json objects are unordered;
/// reading in name order makes the first error and the kind numbering
/// independent of how the file is written).
std::vector<std::string> sortedKeys(const json::Object &object) {
  std::vector<std::string> keys;
  for (const auto &entry : object)
    keys.push_back(entry.first.str());
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::optional<std::string> integerAt(const json::Object &obj,
                                     const std::string &key,
                                     const std::string &where, int64_t &out) {
  const json::Value *v = obj.get(key);
  if (!v)
    return where + ": missing \"" + key + "\"";
  std::optional<double> n = v->getAsNumber();
  if (!n || *n != std::floor(*n) || *n < 0 || *n > 1e9)
    return where + "." + key + ": expected a non-negative integer";
  out = static_cast<int64_t>(*n);
  return std::nullopt;
}

/// 12 significant digits, as a JSON number.
std::string formatNumber(double v) {
  std::ostringstream os;
  os.precision(12);
  os << v;
  return os.str();
}

} // namespace

const std::vector<std::pair<const char *, double DeviceKind::*>> &
deviceKindFields() {
  static const std::vector<std::pair<const char *, double DeviceKind::*>>
      fields = {{"peak_flops", &DeviceKind::peakFlops},
                {"hbm_bytes", &DeviceKind::hbmBytes},
                {"hbm_bandwidth", &DeviceKind::hbmBandwidth},
                {"nvlink_busbw", &DeviceKind::nvlinkBusBw},
                {"nic_busbw", &DeviceKind::nicBusBw},
                {"eta_gemm", &DeviceKind::etaGemm},
                {"eta_attn", &DeviceKind::etaAttn},
                {"c_layer", &DeviceKind::layerOverhead}};
  return fields;
}

std::optional<std::string> parseClusterJson(const std::string &text,
                                            Cluster &out) {
  llvm::Expected<json::Value> parsed = json::parse(text);
  if (!parsed)
    return llvm::toString(parsed.takeError());
  const json::Object *root = parsed->getAsObject();
  if (!root)
    return std::string("the cluster must be a JSON object");
  Cluster cluster;
  const json::Object *kinds = root->getObject("kinds");
  if (!kinds)
    return std::string("missing \"kinds\" (an object of device kinds)");
  for (const std::string &name : sortedKeys(*kinds)) {
    std::string where = "kinds." + name;
    const json::Object *fields = kinds->get(name)->getAsObject();
    if (!fields)
      return where + ": expected an object";
    std::optional<DeviceKind> prior = kindPrior(name);
    DeviceKind kind = prior.value_or(DeviceKind());
    kind.name = name;
    for (const std::string &key : sortedKeys(*fields)) {
      auto field = std::find_if(
          deviceKindFields().begin(), deviceKindFields().end(),
          [&](const auto &f) { return key == f.first; });
      if (field == deviceKindFields().end())
        return where + "." + key + ": unknown field";
      std::optional<double> value = fields->get(key)->getAsNumber();
      if (!value)
        return where + "." + key + ": expected a number";
      kind.*(field->second) = *value;
    }
    if (!prior)
      for (const auto &[key, member] : deviceKindFields())
        if (!fields->get(key))
          return where + ": missing \"" + key +
                 "\" (only H20 and H800 have built-in priors)";
    cluster.addKind(kind);
  }
  if (const json::Value *latencyValue = root->get("latency")) {
    const json::Object *latency = latencyValue->getAsObject();
    if (!latency)
      return std::string("latency: expected an object");
    for (const std::string &key : sortedKeys(*latency)) {
      std::optional<double> value = latency->get(key)->getAsNumber();
      if (!value)
        return "latency." + key + ": expected a number";
      if (key == "intra_node")
        cluster.latency.intraNode = *value;
      else if (key == "inter_node")
        cluster.latency.interNode = *value;
      else
        return "latency." + key + ": unknown field";
    }
  }
  const json::Array *ranks = root->getArray("ranks");
  if (!ranks || ranks->empty())
    return std::string("missing \"ranks\" (a list of rank ranges)");
  int64_t node = 0; // the next new node
  for (size_t i = 0; i < ranks->size(); ++i) {
    const json::Object *r = (*ranks)[i].getAsObject();
    std::string where = "ranks[" + std::to_string(i) + "]";
    if (!r)
      return where + ": expected an object";
    int64_t first, last, perNode;
    if (auto e = integerAt(*r, "first", where, first))
      return e;
    if (auto e = integerAt(*r, "last", where, last))
      return e;
    if (auto e = integerAt(*r, "per_node", where, perNode))
      return e;
    if (first != cluster.size())
      return where + ": starts at rank " + std::to_string(first) +
             ", expected " + std::to_string(cluster.size()) +
             " (ranges cover 0..N-1 in order)";
    if (last < first)
      return where + ": last rank is below the first";
    if (perNode < 1)
      return where + ".per_node: must be at least 1";
    std::optional<llvm::StringRef> kindName = r->getString("kind");
    if (!kindName)
      return where + ": missing \"kind\" (a string)";
    std::optional<int64_t> kind = cluster.findKind(kindName->str());
    if (!kind)
      return where + ".kind: unknown device kind \"" + kindName->str() + "\"";
    // Optional: the node of the first rank (default: a new node) and its
    // NIC (default 0), for ranges that share a node with the one before.
    int64_t node0 = node, nic0 = 0;
    if (r->get("node"))
      if (auto e = integerAt(*r, "node", where, node0))
        return e;
    if (r->get("first_nic"))
      if (auto e = integerAt(*r, "first_nic", where, nic0))
        return e;
    if (nic0 >= perNode)
      return where + ".first_nic: must be below per_node";
    for (int64_t rank = first; rank <= last; ++rank) {
      int64_t local = nic0 + (rank - first);
      cluster.addDevice({*kind, node0 + local / perNode, local % perNode});
    }
    node = std::max(node, node0 + (nic0 + last - first) / perNode + 1);
  }
  if (auto e = cluster.validate())
    return e;
  out = std::move(cluster);
  return std::nullopt;
}

std::string printClusterJson(const Cluster &cluster) {
  std::string text;
  llvm::raw_string_ostream os(text);
  json::OStream j(os, /*IndentSize=*/2);
  auto number = [&](llvm::StringRef key, double v) {
    j.attributeBegin(key);
    j.rawValue(formatNumber(v));
    j.attributeEnd();
  };
  j.object([&] {
    j.attributeObject("kinds", [&] {
      for (const DeviceKind &kind : cluster.allKinds())
        j.attributeObject(kind.name, [&] {
          for (const auto &[key, member] : deviceKindFields())
            number(key, kind.*member);
        });
    });
    j.attributeObject("latency", [&] {
      number("intra_node", cluster.latency.intraNode);
      number("inter_node", cluster.latency.interNode);
    });
    // Ranges: maximal runs of one kind filling nodes of `per` ranks from
    // the first rank's node and NIC on (every range makes progress: its
    // first rank always fits).
    j.attributeArray("ranks", [&] {
      int64_t n = cluster.size(), nextNode = 0;
      for (int64_t start = 0; start < n;) {
        const Device &d0 = cluster.device(start);
        int64_t per = d0.nic + 1;
        while (start + per - d0.nic < n) {
          const Device &d = cluster.device(start + per - d0.nic);
          if (d.node != d0.node || d.kind != d0.kind || d.nic != per)
            break;
          ++per;
        }
        int64_t end = start;
        for (; end < n; ++end) {
          const Device &d = cluster.device(end);
          int64_t local = d0.nic + (end - start);
          if (d.kind != d0.kind || d.node != d0.node + local / per ||
              d.nic != local % per)
            break;
        }
        j.object([&] {
          j.attribute("first", start);
          j.attribute("last", end - 1);
          j.attribute("kind", cluster.kind(d0.kind).name);
          j.attribute("per_node", per);
          if (d0.node != nextNode)
            j.attribute("node", d0.node);
          if (d0.nic != 0)
            j.attribute("first_nic", d0.nic);
        });
        nextNode = std::max(nextNode, cluster.device(end - 1).node + 1);
        start = end;
      }
    });
  });
  os << "\n";
  return text;
}

std::optional<Cluster> namedCluster(const std::string &text) {
  // "<a>xH20+<b>xH800", either part optional.
  int64_t h20 = 0, h800 = 0;
  std::stringstream parts(canonicalClusterName(text));
  std::string part;
  while (std::getline(parts, part, '+')) {
    size_t x = part.find('x');
    if (x == std::string::npos || x == 0)
      return std::nullopt;
    char *end = nullptr;
    long long count = std::strtoll(part.c_str(), &end, 10);
    if (end != part.c_str() + x || count <= 0 || count > 100000)
      return std::nullopt;
    std::string kind = part.substr(x + 1);
    if (kind == "H20")
      h20 += count;
    else if (kind == "H800")
      h800 += count;
    else
      return std::nullopt;
  }
  if (h20 + h800 == 0)
    return std::nullopt;
  return h20H800Cluster(h20, h800);
}

} // namespace hspmd::training
