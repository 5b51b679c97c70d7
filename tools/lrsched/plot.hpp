// tools/lrsched/plot.hpp - what `lrsched plot` shares between its SVG (plot.cpp) and terminal (terminal.cpp) forms.
#ifndef LRSCHED_TOOLS_PLOT_HPP
#define LRSCHED_TOOLS_PLOT_HPP

#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"

namespace lrsched::cli {

/// One schedule to draw, with its canonical text (for the title and the legend).
struct plotted {
  any_schedule schedule;
  std::string text;
};

/// The width to draw in: the COLUMNS variable if set, else the terminal's width (TIOCGWINSZ) if standard
/// output is one, else 80.
int terminal_width();

/// The plot in Unicode braille (2 x 4 dots a character), at most `columns` wide: the title, the y range
/// (max on the top row, min on the bottom row), the x range under it, and a numbered list for several.
std::string terminal_plot(const std::vector<plotted>& series, iteration_range range, const std::string& title,
                          int columns);

}  // namespace lrsched::cli

#endif  // LRSCHED_TOOLS_PLOT_HPP
