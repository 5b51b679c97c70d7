// tools/lrsched/plot.cpp - `lrsched plot`: one or more schedules over a range of iterations as an SVG plot (axes,
// round-number ticks, labels, title, a legend for several), or drawn in the terminal (terminal.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "columns.hpp"
#include "commands.hpp"
#include "plot.hpp"

namespace lrsched::cli {
namespace {

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// Where `text` stops being printable UTF-8 (a malformed sequence, a control character, or a code point XML does
// not allow), or npos. Such a title would make a malformed SVG, or send control sequences to the terminal.
std::size_t unprintable_at(std::string_view text) {
  for (std::size_t k = 0; k < text.size();) {
    const auto byte = [&](std::size_t j) { return static_cast<unsigned char>(text[j]); };
    const unsigned lead = byte(k);
    const std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
                             : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || k + length > text.size()) return k;
    std::uint32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
    for (std::size_t j = 1; j < length; ++j) {
      if ((byte(k + j) & 0xC0) != 0x80) return k;
      code = code << 6 | (byte(k + j) & 0x3F);
    }
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};  // shorter forms are overlong
    const bool control = code < 0x20 || (code >= 0x7F && code < 0xA0);
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code < 0xE000) || control ||
        code == 0xFFFE || code == 0xFFFF)
      return k;
    k += length;
  }
  return std::string_view::npos;
}

std::string fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// A font size at which `text` fits in `width` pixels (a glyph is about 0.6 em wide), at most `largest`.
double fitting_font(std::string_view text, double width, double largest) {
  const double size = width / (0.6 * static_cast<double>(std::max<std::size_t>(text.size(), 1)));
  return std::clamp(size, 6.0, largest);
}

constexpr const char* palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                   "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

// The SVG's geometry: the plot area is [left, right] x [top, bottom] in pixels, below the title's lines.
constexpr double width = 800, left = 84, right = 776, plot_height = 372, legend_row = 18, title_size = 13,
                 title_line = 17;

// The title in lines that fit the width at title_size, broken at spaces (a canonical text breaks after ',').
std::vector<std::string> title_lines(const std::string& title) {
  const auto fits = static_cast<std::size_t>((width - 24) / (0.6 * title_size));
  std::vector<std::string> lines;
  std::string line;
  std::size_t from = 0;
  while (from < title.size()) {
    std::size_t space = title.find(' ', from);
    if (space == std::string::npos) space = title.size();
    const std::string word = title.substr(from, space + 1 - from);
    if (!line.empty() && line.size() + word.size() > fits + 1) {
      line.pop_back();  // the space that ended the line's last word
      lines.push_back(line), line.clear();
    }
    line += word;
    from = space + 1;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string svg_plot(const std::vector<plotted>& series, iteration_range range, const std::string& title) {
  const std::size_t pixel_columns = static_cast<std::size_t>(right - left);
  std::vector<std::vector<column>> reduced;
  bool any = false;
  double lo = 0, hi = 0;
  for (const plotted& p : series) {
    reduced.push_back(reduce_to_columns(p.schedule, range, pixel_columns));
    for (const column& c : reduced.back()) {
      if (c.empty) continue;
      if (!any || c.min < lo) lo = c.min;
      if (!any || c.max > hi) hi = c.max;
      any = true;
    }
  }
  // The y axis: whole ticks around the values, about six of them; a flat line gets room around it.
  if (!any) lo = 0, hi = 1;
  // (Kept finite near the largest double, and wide enough to divide for the smallest subnormal.)
  const double largest = std::numeric_limits<double>::max();
  if (lo == hi) {
    const double pad = std::max(std::fabs(lo) * 0.1, lo == 0 ? 1.0 : 1e-300);
    lo = std::max(lo - pad, -largest), hi = std::min(hi + pad, largest);
  }
  const double y_step = nice_step(lo, hi, 6);
  const double y_lo = std::max(std::floor(lo / y_step) * y_step, -largest);
  const double y_hi = std::min(std::ceil(hi / y_step) * y_step, largest);
  const std::vector<std::string> heading = title_lines(title);
  const double top = 48 + title_line * static_cast<double>(heading.size() - 1), bottom = top + plot_height;
  // From the exact integer distances: near INT64_MAX doubles of the iterations themselves would collapse.
  const double iterations = static_cast<double>(range.span());
  const auto x_of = [&](std::int64_t i) {
    return iterations == 0 ? (left + right) / 2
                           : left + static_cast<double>(distance(range.from, i)) / iterations * (right - left);
  };
  const auto y_of = [&](double v) { return bottom - fraction_of(v, y_lo, y_hi) * (bottom - top); };

  const double height = bottom + 56 + (series.size() > 1 ? legend_row * static_cast<double>(series.size()) + 8 : 0);
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fixed(width) + "\" height=\"" + fixed(height) +
         "\" viewBox=\"0 0 " + fixed(width) + " " + fixed(height) + "\" font-family=\"sans-serif\">\n";
  svg += "<rect x=\"0\" y=\"0\" width=\"" + fixed(width) + "\" height=\"" + fixed(height) + "\" fill=\"white\"/>\n";
  svg += "<text class=\"title\" x=\"" + fixed(width / 2) + "\" y=\"28\" text-anchor=\"middle\" font-size=\"" +
         fixed(title_size) + "\">";
  for (std::size_t k = 0; k < heading.size(); ++k)  // one tspan a line; a long word may still overflow
    svg += "<tspan x=\"" + fixed(width / 2) + "\" dy=\"" + fixed(k == 0 ? 0 : title_line) + "\">" +
           xml_escaped(heading[k]) + (k + 1 < heading.size() ? " " : "") + "</tspan>";
  svg += "</text>\n";

  // Ticks, grid lines and their labels.
  // k counts the ticks (about six): a bound on k * step could overflow and never be passed.
  // Counted ticks: k can be large (values near 1e17 with a step of 2), where ++k on a double would stall.
  const double k_first = std::ceil(y_lo / y_step - 1e-9), k_last = std::floor(y_hi / y_step + 1e-9);
  for (int n = 0; n <= 100 && k_first + n <= k_last; ++n) {
    const double v = (k_first + n) * y_step, y = y_of(v);
    svg += "<line class=\"grid\" x1=\"" + fixed(left) + "\" y1=\"" + fixed(y) + "\" x2=\"" + fixed(right) + "\" y2=\"" +
           fixed(y) + "\" stroke=\"#e0e0e0\"/>\n";
    svg += "<line class=\"ytick\" x1=\"" + fixed(left - 5) + "\" y1=\"" + fixed(y) + "\" x2=\"" + fixed(left) +
           "\" y2=\"" + fixed(y) + "\" stroke=\"black\"/>\n";
    svg += "<text class=\"ytick-label\" x=\"" + fixed(left - 8) + "\" y=\"" + fixed(y + 4) +
           "\" text-anchor=\"end\" font-size=\"11\">" + tick_text(v, y_step) + "</text>\n";
  }
  const double x_step = std::max(1.0, nice_step(0, std::max(iterations, 1.0), 8));
  // Iterations are integers: ticks in int64, exact up to INT64_MAX (a double loses the last digits there).
  const auto step = static_cast<std::int64_t>(x_step);
  std::int64_t tick = range.from / step * step;  // rounded towards 0: up for negative from, down for positive
  bool ticks = true;
  if (tick < range.from) {
    ticks = tick <= std::numeric_limits<std::int64_t>::max() - step;
    if (ticks) tick += step;
  }
  for (; ticks && tick <= range.to; tick += step) {
    const double x = x_of(tick);
    svg += "<line class=\"xtick\" x1=\"" + fixed(x) + "\" y1=\"" + fixed(bottom) + "\" x2=\"" + fixed(x) + "\" y2=\"" +
           fixed(bottom + 5) + "\" stroke=\"black\"/>\n";
    svg += "<text class=\"xtick-label\" x=\"" + fixed(x) + "\" y=\"" + fixed(bottom + 18) +
           "\" text-anchor=\"middle\" font-size=\"11\">" + std::to_string(tick) + "</text>\n";
    if (distance(tick, range.to) < static_cast<std::uint64_t>(step)) break;  // tick + step would pass `to`
  }
  svg += "<rect class=\"frame\" x=\"" + fixed(left) + "\" y=\"" + fixed(top) + "\" width=\"" + fixed(right - left) +
         "\" height=\"" + fixed(bottom - top) + "\" fill=\"none\" stroke=\"black\"/>\n";
  svg += "<text class=\"xlabel\" x=\"" + fixed((left + right) / 2) + "\" y=\"" + fixed(bottom + 40) +
         "\" text-anchor=\"middle\" font-size=\"13\">Iteration</text>\n";
  svg += "<text class=\"ylabel\" x=\"18\" y=\"" + fixed((top + bottom) / 2) + "\" transform=\"rotate(-90 18 " +
         fixed((top + bottom) / 2) + ")\" text-anchor=\"middle\" font-size=\"13\">Learning rate</text>\n";

  // One polyline per schedule: each column's min and max, in the order of their iterations.
  for (std::size_t s = 0; s < series.size(); ++s) {
    svg += "<polyline class=\"series\" fill=\"none\" stroke=\"" + std::string(palette[s % std::size(palette)]) +
           "\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"";
    bool first = true;
    for (const column& c : reduced[s]) {
      if (c.empty) continue;
      const bool min_first = c.at_min <= c.at_max;
      const std::int64_t a_i = min_first ? c.at_min : c.at_max, b_i = min_first ? c.at_max : c.at_min;
      const double a_v = min_first ? c.min : c.max, b_v = min_first ? c.max : c.min;
      svg += (first ? "" : " ") + fixed(x_of(a_i)) + "," + fixed(y_of(a_v));
      if (c.at_min != c.at_max) svg += " " + fixed(x_of(b_i)) + "," + fixed(y_of(b_v));
      first = false;
    }
    svg += "\"/>\n";
  }

  if (series.size() > 1) {
    for (std::size_t s = 0; s < series.size(); ++s) {
      const double y = bottom + 64 + legend_row * static_cast<double>(s);
      svg += "<line class=\"legend-line\" x1=\"" + fixed(left) + "\" y1=\"" + fixed(y - 4) + "\" x2=\"" +
             fixed(left + 24) + "\" y2=\"" + fixed(y - 4) + "\" stroke=\"" + palette[s % std::size(palette)] +
             "\" stroke-width=\"2\"/>\n";
      svg += "<text class=\"legend\" x=\"" + fixed(left + 30) + "\" y=\"" + fixed(y) + "\" font-size=\"" +
             fixed(fitting_font(series[s].text, right - left - 30, 11)) + "\">" + xml_escaped(series[s].text) +
             "</text>\n";
    }
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace

int run_plot(std::span<const std::string_view> args) {
  arguments in(args);
  std::vector<std::string_view> exprs;
  iteration_range range;
  std::string_view output, title;
  bool have_title = false, terminal = false;
  while (!in.done()) {
    if (!in.is_option()) {
      exprs.push_back(in.take());
      continue;
    }
    const std::string_view option = in.peek().substr(0, in.peek().find('='));
    if (range.take(in, option)) continue;
    if (option == "-o") output = in.take_option(true).second;
    else if (option == "--title") title = in.take_option(true).second, have_title = true;
    else if (option == "--terminal") in.take_option(false), terminal = true;
    else throw usage_error("plot: unknown option '" + std::string(option) + "' (see lrsched plot --help)");
  }
  if (exprs.empty()) throw usage_error("plot needs an expression, e.g. lrsched plot \"cosine(0.01, 2, 250)\"");
  range.check_walkable("plot");
  if (terminal && !output.empty()) throw usage_error("plot: --terminal draws on standard output; it takes no -o");
  if (const std::size_t at = unprintable_at(title); at != std::string_view::npos)
    throw usage_error("--title must be printable UTF-8 text, without control characters; byte " + std::to_string(at + 1) +
                      " is not");

  std::vector<plotted> series;
  for (std::string_view e : exprs) {
    any_schedule s = parse(e);
    std::string text = to_string(s);
    series.push_back({std::move(s), std::move(text)});
  }
  std::string heading(title);
  if (!have_title)
    for (const plotted& p : series) heading += (heading.empty() ? "" : "; ") + p.text;

  if (terminal) {
    const std::string drawn = terminal_plot(series, range, heading, terminal_width());
    writer w;
    w << std::string_view(drawn);
    return 0;
  }
  const std::string svg = svg_plot(series, range, heading);
  if (output.empty()) {
    writer w;
    w << std::string_view(svg);
  } else {
    write_file(output, svg);
  }
  return 0;
}

}  // namespace lrsched::cli
