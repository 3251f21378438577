//===- Fit.cpp - Least squares on relative error, measured tables ---------===//

#include "hspmd/Training/Data/Fit.h"
#include "hspmd/Training/Text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <utility>

using namespace hspmd;
using namespace hspmd::training;

//===----------------------------------------------------------------------===//
// Linear least squares
//===----------------------------------------------------------------------===//

std::vector<double> hspmd::training::linearLeastSquares(
    const std::vector<std::vector<double>> &rows,
    const std::vector<double> &y) {
  size_t n = rows.empty() ? 0 : rows[0].size();
  std::vector<std::vector<double>> m(n, std::vector<double>(n + 1, 0.0));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j)
        m[i][j] += rows[r][i] * rows[r][j];
      m[i][n] += rows[r][i] * y[r];
    }
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r)
      if (std::fabs(m[r][col]) > std::fabs(m[pivot][col]))
        pivot = r;
    std::swap(m[col], m[pivot]);
    for (size_t r = 0; r < n; ++r) {
      if (r == col || m[col][col] == 0)
        continue;
      double f = m[r][col] / m[col][col];
      for (size_t j = col; j <= n; ++j)
        m[r][j] -= f * m[col][j];
    }
  }
  std::vector<double> x(n, 0.0);
  for (size_t i = 0; i < n; ++i)
    x[i] = m[i][i] != 0 ? m[i][n] / m[i][i] : 0.0;
  return x;
}

std::vector<double> hspmd::training::relativeLinearLeastSquares(
    const std::vector<std::vector<double>> &rows,
    const std::vector<double> &y) {
  std::vector<std::vector<double>> scaled = rows;
  for (size_t r = 0; r < scaled.size(); ++r)
    for (double &v : scaled[r])
      v /= y[r];
  return linearLeastSquares(scaled, std::vector<double>(rows.size(), 1.0));
}

//===----------------------------------------------------------------------===//
// Levenberg-Marquardt on relative residuals
//===----------------------------------------------------------------------===//

namespace {

/// Solver coordinates of one parameter: x / scale, or scale / x.
struct Coordinate {
  double scale;
  bool inverse;
  double lo, hi; // bounds in solver coordinates

  explicit Coordinate(const FitParameter &p) : inverse(p.inverse) {
    scale = p.scale > 0 ? p.scale
                        : (p.initial != 0 ? std::fabs(p.initial) : 1.0);
    if (inverse) {
      double tiny = std::numeric_limits<double>::min();
      lo = p.upper > 0 && std::isfinite(p.upper) ? scale / p.upper : tiny;
      lo = std::max(lo, tiny);
      hi = p.lower > 0 ? scale / p.lower
                       : std::numeric_limits<double>::infinity();
    } else {
      lo = p.lower / scale;
      hi = p.upper / scale;
    }
  }
  double toValue(double v) const { return inverse ? scale / v : v * scale; }
  double fromValue(double x) const { return inverse ? scale / x : x / scale; }
  double clamp(double v) const { return std::min(hi, std::max(lo, v)); }
};

/// Solves m x = b (n x n) by Gaussian elimination with partial pivoting;
/// false if singular.
bool solve(std::vector<std::vector<double>> m, std::vector<double> b,
           std::vector<double> &x) {
  size_t n = b.size();
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r)
      if (std::fabs(m[r][col]) > std::fabs(m[pivot][col]))
        pivot = r;
    if (m[pivot][col] == 0)
      return false;
    std::swap(m[col], m[pivot]);
    std::swap(b[col], b[pivot]);
    for (size_t r = col + 1; r < n; ++r) {
      double f = m[r][col] / m[col][col];
      for (size_t j = col; j < n; ++j)
        m[r][j] -= f * m[col][j];
      b[r] -= f * b[col];
    }
  }
  x.assign(n, 0.0);
  for (size_t i = n; i-- > 0;) {
    double s = b[i];
    for (size_t j = i + 1; j < n; ++j)
      s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return true;
}

} // namespace

RelativeFitResult hspmd::training::fitRelativeLeastSquares(
    const RowModel &model, const std::vector<double> &measured,
    const std::vector<FitParameter> &parameters,
    const RelativeFitOptions &options) {
  const size_t n = parameters.size(), rows = measured.size();
  std::vector<Coordinate> coords;
  std::vector<double> v;
  for (const FitParameter &p : parameters) {
    coords.emplace_back(p);
    v.push_back(coords.back().clamp(coords.back().fromValue(p.initial)));
  }
  auto values = [&](const std::vector<double> &u) {
    std::vector<double> x(n);
    for (size_t j = 0; j < n; ++j)
      x[j] = coords[j].toValue(u[j]);
    return x;
  };
  auto residuals = [&](const std::vector<double> &u) {
    std::vector<double> x = values(u), r(rows);
    for (size_t i = 0; i < rows; ++i)
      r[i] = model(x, i) / measured[i] - 1;
    return r;
  };
  auto sumSquares = [](const std::vector<double> &r) {
    double s = 0;
    for (double e : r)
      s += e * e;
    return std::isfinite(s) ? s : std::numeric_limits<double>::infinity();
  };

  RelativeFitResult result;
  std::vector<double> r = residuals(v);
  double s = sumSquares(r);
  double lambda = 1e-3;
  for (int it = 0; it < options.maxIterations && n > 0 && rows > 0; ++it) {
    result.iterations = it + 1;
    // Jacobian by central differences, one-sided at a bound.
    std::vector<std::vector<double>> jac(rows, std::vector<double>(n));
    for (size_t j = 0; j < n; ++j) {
      double h = 1e-6 * std::max(1.0, std::fabs(v[j]));
      std::vector<double> up = v, down = v;
      up[j] = coords[j].clamp(v[j] + h);
      down[j] = coords[j].clamp(v[j] - h);
      double width = up[j] - down[j];
      if (width <= 0)
        continue;
      std::vector<double> ru = residuals(up), rd = residuals(down);
      for (size_t i = 0; i < rows; ++i)
        jac[i][j] = (ru[i] - rd[i]) / width;
    }
    std::vector<std::vector<double>> normal(n, std::vector<double>(n, 0.0));
    std::vector<double> gradient(n, 0.0);
    for (size_t i = 0; i < rows; ++i)
      for (size_t a = 0; a < n; ++a) {
        gradient[a] += jac[i][a] * r[i];
        for (size_t b = 0; b < n; ++b)
          normal[a][b] += jac[i][a] * jac[i][b];
      }
    double maxDiag = 0;
    for (size_t a = 0; a < n; ++a)
      maxDiag = std::max(maxDiag, normal[a][a]);
    if (maxDiag == 0) { // the model does not depend on the parameters
      result.converged = true;
      break;
    }
    // Try steps of growing damping until one lowers the sum of squares.
    bool accepted = false, stop = false;
    while (!accepted) {
      std::vector<std::vector<double>> damped = normal;
      std::vector<double> rhs(n);
      for (size_t a = 0; a < n; ++a) {
        damped[a][a] += lambda * std::max(normal[a][a], 1e-12 * maxDiag);
        rhs[a] = -gradient[a];
      }
      std::vector<double> step, trial = v;
      if (solve(damped, rhs, step))
        for (size_t a = 0; a < n; ++a)
          trial[a] = coords[a].clamp(v[a] + step[a]);
      std::vector<double> rt = residuals(trial);
      double st = sumSquares(rt);
      if (st < s) {
        bool small = s - st <= options.tolerance * s;
        v = trial;
        r = rt;
        s = st;
        lambda = std::max(lambda / 3, 1e-12);
        accepted = true;
        stop = small;
      } else {
        lambda *= 4;
        if (lambda > 1e16) {
          stop = true;
          break;
        }
      }
    }
    if (stop) {
      result.converged = true;
      break;
    }
  }
  result.values = values(v);
  result.rmsRelativeError = rows ? std::sqrt(s / rows) : 0.0;
  return result;
}

RelativeErrors
hspmd::training::relativeErrors(const std::vector<double> &predicted,
                            const std::vector<double> &measured) {
  RelativeErrors out;
  if (measured.empty())
    return out;
  double sum = 0, squares = 0;
  for (size_t i = 0; i < measured.size(); ++i) {
    double e = std::fabs(predicted[i] / measured[i] - 1);
    sum += e;
    squares += e * e;
    if (e > out.max) {
      out.max = e;
      out.worst = i;
    }
  }
  out.mean = sum / measured.size();
  out.rms = std::sqrt(squares / measured.size());
  return out;
}

//===----------------------------------------------------------------------===//
// CSV tables
//===----------------------------------------------------------------------===//

namespace {

/// A CSV cell: trimmed, and without the quotes around it.
std::string cellText(const std::string &s) {
  std::string t = trim(s);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"')
    t = t.substr(1, t.size() - 2);
  return t;
}

std::vector<std::string> splitCells(const std::string &line) {
  std::vector<std::string> cells;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ','))
    cells.push_back(cellText(cell));
  if (!line.empty() && line.back() == ',')
    cells.push_back("");
  return cells;
}

} // namespace

std::optional<size_t> NumericTable::column(const std::string &name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name)
      return i;
  return std::nullopt;
}

std::optional<std::string> hspmd::training::parseNumericCsv(
    const std::string &text, const std::string &source,
    const std::vector<std::string> &required, NumericTable &out) {
  out = NumericTable();
  std::istringstream in(text);
  std::string line;
  bool header = false;
  for (int lineNo = 1; std::getline(in, line); ++lineNo) {
    std::string body = trim(line);
    if (body.empty() || body[0] == '#')
      continue;
    std::string where = source + ":" + std::to_string(lineNo) + ": ";
    std::vector<std::string> cells = splitCells(line);
    if (!header) {
      header = true;
      out.columns = cells;
      for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].empty())
          return where + "bad header: column " + std::to_string(i + 1) +
                 " has no name";
        for (size_t j = 0; j < i; ++j)
          if (cells[j] == cells[i])
            return where + "bad header: column '" + cells[i] +
                   "' appears twice";
      }
      for (const std::string &name : required)
        if (!out.column(name)) {
          std::string want;
          for (const std::string &r : required)
            want += (want.empty() ? "" : ",") + r;
          return where + "bad header: no column '" + name +
                 "' (expected the columns " + want + ")";
        }
      continue;
    }
    if (cells.size() != out.columns.size())
      return where + std::to_string(cells.size()) +
             " cells, but the header has " +
             std::to_string(out.columns.size()) + " columns";
    std::vector<double> row;
    for (size_t i = 0; i < cells.size(); ++i) {
      std::optional<double> v = toNumber(cells[i]);
      if (!v)
        return where + "column '" + out.columns[i] + "': '" + cells[i] +
               "' is not a number";
      row.push_back(*v);
    }
    out.rows.push_back(std::move(row));
    out.lines.push_back(lineNo);
  }
  if (!header)
    return source + ": empty table (no header line)";
  return std::nullopt;
}

std::optional<std::string>
hspmd::training::readNumericCsv(const std::string &path,
                            const std::vector<std::string> &required,
                            NumericTable &out) {
  std::ifstream in(path);
  if (!in)
    return "cannot open '" + path + "'";
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseNumericCsv(buffer.str(), path, required, out);
}
