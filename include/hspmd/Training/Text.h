//===- Text.h - Numbers from text, standard library only --------*- C++ -*-===//
//
// What the training library's text formats share: whole-text numbers and
// trimming. JSON is read and written with llvm::json (ClusterJson.h,
// Calibration.h).
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_TEXT_H
#define HSPMD_TRAINING_TEXT_H

#include <cstdint>
#include <optional>
#include <string>

namespace hspmd::training {

/// `s` without leading and trailing white space.
std::string trim(const std::string &s);
/// The whole of `text` as a finite number, or nothing.
std::optional<double> toNumber(const std::string &text);
/// The whole of `text` as a base-10 integer, or nothing.
std::optional<int64_t> toInteger(const std::string &text);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_TEXT_H
