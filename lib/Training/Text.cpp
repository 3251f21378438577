//===- Text.cpp - Numbers and JSON from text ------------------------------===//

#include "hspmd/Training/Text.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace hspmd::training {

std::string trim(const std::string &s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    --e;
  return s.substr(b, e - b);
}

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

std::optional<int64_t> toInteger(const std::string &text) {
  if (text.empty())
    return std::nullopt;
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size())
    return std::nullopt;
  return v;
}

const Json *Json::get(const std::string &key) const {
  for (const auto &[k, v] : object)
    if (k == key)
      return &v;
  return nullptr;
}

namespace {

class Parser {
public:
  explicit Parser(const std::string &text) : text(text) {}

  std::optional<std::string> parse(Json &out) {
    if (auto e = value(out))
      return e;
    skip();
    if (pos != text.size())
      return error("trailing text");
    return std::nullopt;
  }

private:
  const std::string &text;
  size_t pos = 0;

  std::string error(const std::string &what) {
    return "offset " + std::to_string(pos) + ": " + what;
  }
  void skip() {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(
                                    text[pos])))
      ++pos;
  }
  bool eat(char c) {
    skip();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  std::optional<std::string> str(std::string &out) {
    if (!eat('"'))
      return error("expected a string");
    while (pos < text.size() && text[pos] != '"') {
      if (text[pos] == '\\' && pos + 1 < text.size())
        ++pos;
      out += text[pos++];
    }
    if (pos >= text.size())
      return error("unterminated string");
    ++pos;
    return std::nullopt;
  }

  std::optional<std::string> value(Json &out) {
    skip();
    if (pos >= text.size())
      return error("expected a value");
    char c = text[pos];
    if (c == '{') {
      ++pos;
      out.kind = Json::Object;
      if (eat('}'))
        return std::nullopt;
      do {
        std::string key;
        if (auto e = str(key))
          return e;
        if (!eat(':'))
          return error("expected ':'");
        Json v;
        if (auto e = value(v))
          return e;
        out.object.push_back({key, std::move(v)});
      } while (eat(','));
      if (!eat('}'))
        return error("expected ',' or '}'");
      return std::nullopt;
    }
    if (c == '[') {
      ++pos;
      out.kind = Json::Array;
      if (eat(']'))
        return std::nullopt;
      do {
        Json v;
        if (auto e = value(v))
          return e;
        out.array.push_back(std::move(v));
      } while (eat(','));
      if (!eat(']'))
        return error("expected ',' or ']'");
      return std::nullopt;
    }
    if (c == '"') {
      out.kind = Json::String;
      return str(out.string);
    }
    for (const char *word : {"true", "false", "null"})
      if (text.compare(pos, std::string(word).size(), word) == 0) {
        pos += std::string(word).size();
        out.kind = word[0] == 'n' ? Json::Null : Json::Bool;
        out.number = word[0] == 't';
        return std::nullopt;
      }
    const char *begin = text.c_str() + pos;
    char *end = nullptr;
    double v = std::strtod(begin, &end);
    if (end == begin)
      return error("expected a value");
    pos += static_cast<size_t>(end - begin);
    out.kind = Json::Number;
    out.number = v;
    return std::nullopt;
  }
};

} // namespace

std::optional<std::string> parseJson(const std::string &text, Json &out) {
  return Parser(text).parse(out);
}

} // namespace hspmd::training
