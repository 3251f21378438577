//===- Calibration.cpp - Device constants from a file ---------------------===//

#include "hspmd/Training/Calibration.h"
#include "hspmd/Training/Text.h"

#include "llvm/Support/JSON.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace hspmd;
using namespace hspmd::training;

namespace {

std::optional<std::string> parseKeyValue(const std::string &text,
                                         Calibration &out) {
  std::istringstream in(text);
  std::string line;
  for (int lineNo = 1; std::getline(in, line); ++lineNo) {
    std::string body = trim(line.substr(0, line.find('#')));
    if (body.empty())
      continue;
    size_t eq = body.find('=');
    std::string where = "line " + std::to_string(lineNo) + ": ";
    if (eq == std::string::npos)
      return where + "expected 'key = value', got '" + body + "'";
    std::string key = trim(body.substr(0, eq));
    std::string value = trim(body.substr(eq + 1));
    if (key.empty())
      return where + "empty key";
    std::optional<double> v = toNumber(value);
    if (!v)
      return where + "value of '" + key + "' is not a number: '" + value + "'";
    out.values[key] = *v;
  }
  return std::nullopt;
}

/// A JSON object of objects and numbers, flattened to dotted keys.
std::optional<std::string> flatten(const llvm::json::Object &object,
                                   const std::string &prefix,
                                   Calibration &out) {
  for (const auto &[name, value] : object) {
    std::string key = name.str();
    std::string full = prefix.empty() ? key : prefix + "." + key;
    if (const llvm::json::Object *inner = value.getAsObject()) {
      if (auto err = flatten(*inner, full, out))
        return err;
    } else if (std::optional<double> number = value.getAsNumber()) {
      out.values[full] = *number;
    } else {
      return "value of \"" + full + "\" is not a number";
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string>
hspmd::training::parseCalibration(const std::string &text, Calibration &out) {
  std::string body = trim(text);
  if (body.empty() || body[0] != '{')
    return parseKeyValue(text, out);
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(text);
  if (!root)
    return llvm::toString(root.takeError());
  const llvm::json::Object *object = root->getAsObject();
  if (!object)
    return std::string("expected a JSON object");
  return flatten(*object, "", out);
}

std::string
hspmd::training::printCalibration(const Calibration &calibration,
                                  const std::vector<std::string> &comments,
                                  int digits) {
  std::string out;
  for (const std::string &line : comments)
    out += line.empty() ? "#\n" : "# " + line + "\n";
  for (const auto &[key, value] : calibration.values) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    out += key + " = " + buf + "\n";
  }
  return out;
}

std::optional<std::string>
hspmd::training::readCalibrationFile(const std::string &path,
                                     Calibration &out) {
  std::ifstream in(path);
  if (!in)
    return "cannot open calibration file '" + path + "'";
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (auto err = parseCalibration(buffer.str(), out))
    return path + ": " + *err;
  return std::nullopt;
}

std::optional<std::string>
hspmd::training::applyCalibration(const Calibration &calibration,
                                  Cluster &target) {
  // Applied to a copy, so that a bad file leaves the cluster as it was.
  Cluster cluster = target;
  for (const auto &[key, value] : calibration.values) {
    size_t dot = key.rfind('.');
    if (dot == std::string::npos)
      return "calibration key '" + key + "' is not '<kind>.<field>'";
    std::string owner = key.substr(0, dot), field = key.substr(dot + 1);
    if (owner == "alpha") {
      if (field == "intra_node")
        cluster.latency.intraNode = value;
      else if (field == "inter_node")
        cluster.latency.interNode = value;
      else
        return "calibration key '" + key +
               "': alpha has fields intra_node and inter_node";
      continue;
    }
    std::optional<int64_t> k = cluster.findKind(owner);
    if (!k)
      return "calibration key '" + key + "': the cluster has no kind '" +
             owner + "'";
    DeviceKind &kind = cluster.kind(*k);
    if (field == "peak_flops")
      kind.peakFlops = value;
    else if (field == "hbm_bytes")
      kind.hbmBytes = value;
    else if (field == "hbm_bandwidth")
      kind.hbmBandwidth = value;
    else if (field == "nvlink_busbw")
      kind.nvlinkBusBw = value;
    else if (field == "nic_busbw")
      kind.nicBusBw = value;
    else if (field == "eta_gemm")
      kind.etaGemm = value;
    else if (field == "eta_attn")
      kind.etaAttn = value;
    else if (field == "c_layer")
      kind.layerOverhead = value;
    else
      return "calibration key '" + key + "': unknown field '" + field + "'";
  }
  if (auto err = cluster.validate())
    return "after calibration: " + *err;
  target = cluster;
  return std::nullopt;
}

std::optional<std::string>
hspmd::training::calibrateFromFile(const std::string &path, Cluster &cluster,
                               bool *fromFile) {
  if (fromFile)
    *fromFile = false;
  if (path.empty() || !std::ifstream(path))
    return std::nullopt;
  Calibration calibration;
  if (auto err = readCalibrationFile(path, calibration))
    return err;
  if (auto err = applyCalibration(calibration, cluster))
    return path + ": " + *err;
  if (fromFile)
    *fromFile = true;
  return std::nullopt;
}
