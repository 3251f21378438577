//===- Text.h - Numbers and JSON from text, standard library only -*- C++ -*-===//
//
// What the cost model's file formats share: whole-text numbers, trimming,
// and a small JSON reader (objects keep their written order; strings know
// the escapes \" and \\ only). Errors name the byte offset.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_TEXT_H
#define HSPMD_TRAINING_TEXT_H

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hspmd::training {

/// `s` without leading and trailing white space.
std::string trim(const std::string &s);
/// The whole of `text` as a finite number, or nothing.
std::optional<double> toNumber(const std::string &text);
/// The whole of `text` as a base-10 integer, or nothing.
std::optional<int64_t> toInteger(const std::string &text);

struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  double number = 0; // Number; Bool: 0 or 1
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object; // in written order

  /// The member named `key` of an object, or null.
  const Json *get(const std::string &key) const;
};

/// Parses `text` (one value, white space around it) into `out`; on error,
/// "offset N: what was expected".
std::optional<std::string> parseJson(const std::string &text, Json &out);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_TEXT_H
