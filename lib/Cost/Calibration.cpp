//===- Calibration.cpp - Device constants from a file ---------------------===//

#include "hspmd/Cost/Calibration.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace hspmd;
using namespace hspmd::cost;

namespace {

std::string trim(const std::string &s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    --e;
  return s.substr(b, e - b);
}

/// The whole of `text` as a finite number.
std::optional<double> toNumber(const std::string &text) {
  if (text.empty())
    return std::nullopt;
  errno = 0;
  char *end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

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

/// Objects of strings to numbers or objects; nothing else is needed.
class JsonReader {
public:
  JsonReader(const std::string &text, Calibration &out) : s(text), out(out) {}

  std::optional<std::string> read() {
    skip();
    if (auto err = object(""))
      return err;
    skip();
    if (i != s.size())
      return fail("trailing text after the top-level object");
    return std::nullopt;
  }

private:
  const std::string &s;
  Calibration &out;
  size_t i = 0;

  std::string fail(const std::string &what) const {
    return "offset " + std::to_string(i) + ": " + what;
  }
  void skip() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
  }
  bool eat(char c) {
    skip();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }

  std::optional<std::string> string(std::string &result) {
    if (!eat('"'))
      return fail("expected a string");
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\') {
        if (++i >= s.size())
          break;
      }
      result += s[i++];
    }
    if (i >= s.size())
      return fail("unterminated string");
    ++i;
    return std::nullopt;
  }

  std::optional<std::string> object(const std::string &prefix) {
    if (!eat('{'))
      return fail("expected '{'");
    if (eat('}'))
      return std::nullopt;
    do {
      std::string key;
      if (auto err = string(key))
        return err;
      if (!eat(':'))
        return fail("expected ':' after \"" + key + "\"");
      std::string full = prefix.empty() ? key : prefix + "." + key;
      skip();
      if (i < s.size() && s[i] == '{') {
        if (auto err = object(full))
          return err;
        continue;
      }
      size_t start = i;
      while (i < s.size() && s[i] != ',' && s[i] != '}' &&
             !std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
      std::optional<double> v = toNumber(s.substr(start, i - start));
      if (!v) {
        i = start;
        return fail("value of \"" + full + "\" is not a number");
      }
      out.values[full] = *v;
    } while (eat(','));
    if (!eat('}'))
      return fail("expected ',' or '}'");
    return std::nullopt;
  }
};

} // namespace

std::optional<std::string>
hspmd::cost::parseCalibration(const std::string &text, Calibration &out) {
  std::string body = trim(text);
  if (!body.empty() && body[0] == '{')
    return JsonReader(text, out).read();
  return parseKeyValue(text, out);
}

std::string hspmd::cost::printCalibration(const Calibration &calibration,
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
hspmd::cost::readCalibrationFile(const std::string &path, Calibration &out) {
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
hspmd::cost::applyCalibration(const Calibration &calibration, Cluster &target) {
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
hspmd::cost::calibrateFromFile(const std::string &path, Cluster &cluster,
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

Calibration hspmd::cost::calibrationFromFit(const ProfileFit &fit,
                                            const std::string &kind,
                                            int64_t railsPerNode) {
  Calibration c;
  c.values[kind + ".eta_gemm"] = fit.etaGemm;
  c.values[kind + ".eta_attn"] = fit.etaAttn;
  c.values[kind + ".nvlink_busbw"] = fit.nvlinkBusBw;
  c.values[kind + ".c_layer"] = fit.layerOverhead;
  if (fit.crossNodeBusBw > 0) {
    c.values[kind + ".nic_busbw"] = fit.crossNodeBusBw / railsPerNode;
    c.values["alpha.inter_node"] = fit.crossNodeAlpha;
  }
  return c;
}
