// tools/lrsched/terminal.cpp - `lrsched plot --terminal`: the plot in Unicode braille characters (U+2800 block,
// 2 x 4 dots each), as wide as the terminal.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "columns.hpp"
#include "plot.hpp"

namespace lrsched::cli {
namespace {

constexpr int text_rows = 16, dot_rows = 4 * text_rows, narrowest = 32;  // a label is at most 11 wide
constexpr int widest = 4096;  // COLUMNS beyond it would only cost memory: no terminal is that wide

// The dots of a braille cell: bit of the dot at column dx (0, 1) and row dy (0 .. 3) of the cell.
constexpr unsigned dot_bit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

void append_braille(std::string& out, unsigned bits) {  // U+2800 + bits in UTF-8
  const unsigned code = 0x2800 + bits;
  out += static_cast<char>(0xE0 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code & 0x3F));
}

// The number of terminal columns `text` takes (one per code point: no wide characters in what we print).
std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `text` cut to `columns`, with an ellipsis when cut.
std::string fit(const std::string& text, std::size_t columns) {
  if (display_width(text) <= columns) return text;
  std::string out;
  std::size_t n = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const bool starts = (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
    if (starts && ++n > columns - 1) break;
    out += text[k];
  }
  return out + "\u2026";
}

std::string label(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v == 0 ? 0.0 : v);  // no "-0"
  return buf;
}

}  // namespace

int terminal_width() {
  if (const char* env = std::getenv("COLUMNS")) {
    int n = 0;
    const char* end = env + std::char_traits<char>::length(env);
    const auto [ptr, error] = std::from_chars(env, end, n);
    if (error == std::errc() && ptr == end && n > 0) return n;
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

std::string terminal_plot(const std::vector<plotted>& series, iteration_range range, const std::string& title,
                          int columns) {
  columns = std::clamp(columns, narrowest, widest);
  // The y range: exactly the values' min and max, labelled on the top and bottom rows. The labels' width
  // decides how many cells are left for the plot, so a first pass finds the extremes (one column each).
  bool any = false;
  double lo = 0, hi = 0;
  for (const plotted& p : series) {
    const column all = reduce_to_columns(p.schedule, range, 1)[0];
    if (all.empty) continue;
    if (!any || all.min < lo) lo = all.min;
    if (!any || all.max > hi) hi = all.max;
    any = true;
  }
  const std::string top = any ? label(hi) : "none", bottom = any ? label(lo) : "none";
  const std::size_t label_width = std::max(top.size(), bottom.size());
  const std::size_t cells = static_cast<std::size_t>(columns) - label_width - 2, dots = 2 * cells;
  std::vector<std::vector<column>> reduced;
  for (const plotted& p : series) reduced.push_back(reduce_to_columns(p.schedule, range, dots));

  std::vector<unsigned> grid(cells * text_rows, 0);
  const double iterations = static_cast<double>(range.span());  // exact distances, as in the SVG
  const auto row_of = [&](double v) {
    if (hi == lo) return dot_rows / 2;
    return static_cast<int>(std::lround((1 - fraction_of(v, lo, hi)) * (dot_rows - 1)));
  };
  const auto dot_of = [&](std::int64_t i) {
    if (iterations == 0) return static_cast<std::size_t>(dots / 2);
    return static_cast<std::size_t>(
        std::lround(static_cast<double>(distance(range.from, i)) / iterations * static_cast<double>(dots - 1)));
  };
  const auto set = [&](std::size_t x, int y) {
    grid[static_cast<std::size_t>(y / 4) * cells + x / 2] |= dot_bit[x % 2][y % 4];
  };
  for (const std::vector<column>& cs : reduced) {
    bool have_previous = false;
    int previous_row = 0;  // the row of the previous column's later value, to join the columns with a line
    for (const column& c : cs) {
      if (c.empty) {
        have_previous = false;
        continue;
      }
      const std::size_t x = dot_of(std::min(c.at_min, c.at_max));
      int a = row_of(c.max), b = row_of(c.min);
      if (have_previous) a = std::min(a, previous_row), b = std::max(b, previous_row);
      for (int y = a; y <= b; ++y) set(x, y);
      previous_row = row_of(c.at_min > c.at_max ? c.min : c.max);
      have_previous = true;
    }
  }

  std::string out = fit(title, static_cast<std::size_t>(columns)) + "\n";
  for (int r = 0; r < text_rows; ++r) {
    const std::string& name = r == 0 ? top : r == text_rows - 1 ? bottom : std::string();
    out += std::string(label_width - name.size(), ' ') + name + ' ';
    out += r == 0 || r == text_rows - 1 ? "\u2524" : "\u2502";
    for (std::size_t k = 0; k < cells; ++k) append_braille(out, grid[static_cast<std::size_t>(r) * cells + k]);
    out += '\n';
  }
  out += std::string(label_width + 1, ' ') + "\u2514";
  for (std::size_t k = 0; k < cells; ++k) out += "\u2500";
  out += '\n';
  // The x range under the axis: the first iteration on the left, the last on the right, the name between.
  const std::string from = std::to_string(range.from), to = std::to_string(range.to), name = "iteration";
  std::string under(cells + 1, ' ');
  under.replace(0, std::min(from.size(), under.size()), from.substr(0, under.size()));
  if (to.size() < under.size()) under.replace(under.size() - to.size(), to.size(), to);
  if (from.size() + to.size() + name.size() + 4 <= under.size())
    under.replace((under.size() - name.size()) / 2, name.size(), name);
  out += std::string(label_width + 1, ' ') + under + '\n';
  if (series.size() > 1)
    for (const plotted& p : series) out += fit("  - " + p.text, static_cast<std::size_t>(columns)) + "\n";
  return out;
}

}  // namespace lrsched::cli
