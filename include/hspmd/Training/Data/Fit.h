//===- Fit.h - Least squares on relative error, measured tables -*- C++ -*-===//
//
// What calibration needs to turn tables of measured times into constants:
//
//  - linear least squares min |A x - y|, and its relative form
//    min sum_i ((A x)_i / y_i - 1)^2, for models linear in the unknowns
//    (typically in 1/eta and 1/bandwidth: a time is work over a rate);
//  - Levenberg-Marquardt on relative residuals f(x, i) / y_i - 1 for models
//    that are not, with box bounds and an optional 1/x coordinate per
//    parameter (a time linear in 1/x makes Gauss-Newton exact there);
//  - a reader for CSV tables of numbers with a header, whose errors name the
//    file, the line and the column.
//
// Plain C++; no MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_DATA_FIT_H
#define HSPMD_TRAINING_DATA_FIT_H

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

//===----------------------------------------------------------------------===//
// Linear least squares
//===----------------------------------------------------------------------===//

/// min |A x - y| by the normal equations and Gaussian elimination with
/// partial pivoting (a handful of unknowns). `rows` are the rows of A; a
/// singular direction gets 0.
std::vector<double>
linearLeastSquares(const std::vector<std::vector<double>> &rows,
                   const std::vector<double> &y);

/// min sum_i ((A x)_i / y_i - 1)^2: every row divided by its measurement
/// (every y_i must be non-zero).
std::vector<double>
relativeLinearLeastSquares(const std::vector<std::vector<double>> &rows,
                           const std::vector<double> &y);

//===----------------------------------------------------------------------===//
// Nonlinear least squares on relative error
//===----------------------------------------------------------------------===//

struct FitParameter {
  std::string name;
  double initial = 1;
  /// Bounds of the value (inclusive). With `inverse`, lower must be > 0.
  double lower = 0, upper = 1e300;
  /// A typical magnitude (> 0), which sets the solver's units for this
  /// parameter; 0 means |initial| (or 1 if that is 0).
  double scale = 0;
  /// Solve in 1/x: the right coordinate for a rate (efficiency, bandwidth)
  /// when time is work over rate.
  bool inverse = false;
};

struct RelativeFitOptions {
  int maxIterations = 200;
  /// Stop when an accepted step lowers the sum of squares by less than this
  /// fraction.
  double tolerance = 1e-9;
};

struct RelativeFitResult {
  std::vector<double> values;
  /// sqrt(mean of (f/y - 1)^2) at `values`.
  double rmsRelativeError = 0;
  int iterations = 0;
  /// False if it stopped on maxIterations rather than on tolerance or on a
  /// step that could no longer improve.
  bool converged = false;
};

/// The prediction of row `i` for parameter values `x`.
using RowModel =
    std::function<double(const std::vector<double> &x, size_t i)>;

/// Levenberg-Marquardt minimising sum_i (model(x, i) / measured_i - 1)^2
/// over the box of `parameters`, from their initial values; central
/// differences for the Jacobian, Marquardt's scaling for the damping,
/// steps projected onto the box. measured_i must be non-zero.
RelativeFitResult
fitRelativeLeastSquares(const RowModel &model,
                        const std::vector<double> &measured,
                        const std::vector<FitParameter> &parameters,
                        const RelativeFitOptions &options = {});

/// |predicted_i / measured_i - 1|: mean (MAPE), maximum and root mean square.
struct RelativeErrors {
  double mean = 0, max = 0, rms = 0;
  /// The row of the maximum.
  size_t worst = 0;
};
RelativeErrors relativeErrors(const std::vector<double> &predicted,
                              const std::vector<double> &measured);

//===----------------------------------------------------------------------===//
// Tables of measurements
//===----------------------------------------------------------------------===//

/// A CSV table of numbers: a header line of column names, then rows of the
/// same number of cells. Blank lines and lines whose first non-blank
/// character is '#' are skipped (comments may carry provenance).
struct NumericTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;
  /// The 1-based line of each row in the file.
  std::vector<int> lines;

  /// Index of `name` in `columns`.
  std::optional<size_t> column(const std::string &name) const;
};

/// Parses `text`; `source` names it in errors ("source:LINE: ..."). Every
/// name of `required` must be a column; every cell must be a finite number.
std::optional<std::string>
parseNumericCsv(const std::string &text, const std::string &source,
                const std::vector<std::string> &required, NumericTable &out);

/// Reads and parses the file at `path`.
std::optional<std::string>
readNumericCsv(const std::string &path,
               const std::vector<std::string> &required, NumericTable &out);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_DATA_FIT_H
