// `lrsched plot`: the SVG is well-formed XML (checked by the small parser below), its ticks are round numbers,
// its polyline reaches the min and max that `lrsched check` reports (within a pixel) and keeps each
// discontinuity over 10^7 iterations; several schedules get a legend; --terminal fits 80 columns.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "../support/golden.hpp"
#include "cli_run.hpp"

using cli_test::run;

namespace {

// --- a minimal XML parser: elements, quoted attributes, text, the five entities and &#N; ---------------------
struct element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // the text of this element and its descendants, entities decoded
  std::vector<std::unique_ptr<element>> children;
};

class xml_parser {
 public:
  explicit xml_parser(const std::string& text) : s_(text) {}
  // The root element, or null with error() saying what is wrong.
  std::unique_ptr<element> document() {
    skip_space();
    if (s_.compare(p_, 5, "<?xml") == 0) {
      const std::size_t end = s_.find("?>", p_);
      if (end == std::string::npos) return fail("unterminated <?xml");
      p_ = end + 2;
    }
    skip_misc();
    auto root = parse_element();
    if (!root) return nullptr;
    skip_misc();
    if (p_ != s_.size()) return fail("content after the root element");
    return root;
  }
  const std::string& error() const { return error_; }

 private:
  std::unique_ptr<element> fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at offset " + std::to_string(p_);
    return nullptr;
  }
  void skip_space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r')) ++p_;
  }
  void skip_misc() {  // spaces and comments
    for (skip_space(); s_.compare(p_, 4, "<!--") == 0; skip_space()) {
      const std::size_t end = s_.find("-->", p_);
      p_ = end == std::string::npos ? s_.size() : end + 3;
    }
  }
  static bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.';
  }
  std::string name() {
    const std::size_t from = p_;
    while (p_ < s_.size() && name_char(s_[p_])) ++p_;
    return s_.substr(from, p_ - from);
  }
  // Decodes text up to `stop`; false on a bare '&', an unknown entity or a '<' (in attribute values).
  bool decode(std::size_t end, std::string& out, bool attribute) {
    for (; p_ < end; ++p_) {
      const char c = s_[p_];
      if (attribute && c == '<') return false;
      if (c != '&') {
        out += c;
        continue;
      }
      const std::size_t semi = s_.find(';', p_);
      if (semi == std::string::npos || semi > end) return false;
      const std::string entity = s_.substr(p_ + 1, semi - p_ - 1);
      static const std::map<std::string, std::string> named = {
          {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
      if (auto it = named.find(entity); it != named.end()) out += it->second;
      else if (entity.size() > 1 && entity[0] == '#' && entity.find_first_not_of("0123456789", 1) == std::string::npos)
        out += '?';
      else return false;
      p_ = semi;
    }
    return true;
  }
  std::unique_ptr<element> parse_element() {
    if (p_ >= s_.size() || s_[p_] != '<') return fail("expected '<'");
    ++p_;
    auto e = std::make_unique<element>();
    e->name = name();
    if (e->name.empty()) return fail("expected an element name");
    for (;;) {
      const std::size_t before = p_;
      skip_space();
      if (p_ >= s_.size()) return fail("unterminated tag <" + e->name);
      if (s_.compare(p_, 2, "/>") == 0) {
        p_ += 2;
        return e;
      }
      if (s_[p_] == '>') {
        ++p_;
        break;
      }
      if (p_ == before) return fail("expected a space before an attribute of <" + e->name);
      const std::string attribute = name();
      if (attribute.empty()) return fail("expected an attribute name in <" + e->name);
      if (e->attributes.count(attribute)) return fail("attribute " + attribute + " given twice");
      if (p_ >= s_.size() || s_[p_] != '=') return fail("expected '=' after " + attribute);
      ++p_;
      if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\'')) return fail("unquoted value of " + attribute);
      const char quote = s_[p_++];
      const std::size_t end = s_.find(quote, p_);
      if (end == std::string::npos) return fail("unterminated value of " + attribute);
      std::string value;
      if (!decode(end, value, true)) return fail("bad character or entity in the value of " + attribute);
      p_ = end + 1;
      e->attributes[attribute] = value;
    }
    for (;;) {  // content
      if (p_ >= s_.size()) return fail("<" + e->name + "> is not closed");
      if (s_.compare(p_, 4, "<!--") == 0) {
        skip_misc();
        continue;
      }
      if (s_.compare(p_, 2, "</") == 0) {
        p_ += 2;
        if (name() != e->name) return fail("</...> does not close <" + e->name + ">");
        skip_space();
        if (p_ >= s_.size() || s_[p_] != '>') return fail("expected '>'");
        ++p_;
        return e;
      }
      if (s_[p_] == '<') {
        auto child = parse_element();
        if (!child) return nullptr;
        e->text += child->text;
        e->children.push_back(std::move(child));
        continue;
      }
      std::size_t end = s_.find('<', p_);
      if (end == std::string::npos) end = s_.size();
      if (s_.find('>', p_) < end) return fail("a bare '>' in text");
      if (!decode(end, e->text, false)) return fail("bad entity in text");
    }
  }

  const std::string& s_;
  std::size_t p_ = 0;
  std::string error_;
};

void collect(const element& e, const std::string& name, const std::string& cls, std::vector<const element*>& out) {
  if (e.name == name && (cls.empty() || (e.attributes.count("class") && e.attributes.at("class") == cls)))
    out.push_back(&e);
  for (const auto& c : e.children) collect(*c, name, cls, out);
}
std::vector<const element*> find_all(const element& root, const std::string& name, const std::string& cls = "") {
  std::vector<const element*> out;
  collect(root, name, cls, out);
  return out;
}
double number(const element& e, const std::string& attribute) {
  REQUIRE(e.attributes.count(attribute));
  return cli_test::to_double(e.attributes.at(attribute));
}

std::unique_ptr<element> parsed_svg(const std::string& svg) {
  xml_parser parser(svg);
  auto root = parser.document();
  INFO(parser.error());
  REQUIRE(root != nullptr);
  CHECK(root->name == "svg");
  CHECK(root->attributes["xmlns"] == "http://www.w3.org/2000/svg");
  return root;
}

struct point {
  double x, y;
};
std::vector<point> points_of(const element& polyline) {
  std::vector<point> points;
  const std::string& text = polyline.attributes.at("points");
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find(' ', from);
    if (end == std::string::npos) end = text.size();
    const std::string pair = text.substr(from, end - from);
    const std::size_t comma = pair.find(',');
    REQUIRE(comma != std::string::npos);
    points.push_back({cli_test::to_double(pair.substr(0, comma)), cli_test::to_double(pair.substr(comma + 1))});
    from = end + 1;
  }
  return points;
}

// A tick step is 1, 2 or 5 times a power of ten, and every tick is a whole multiple of it.
void check_round_ticks(const std::vector<double>& ticks) {
  REQUIRE(ticks.size() >= 3);
  const double step = ticks[1] - ticks[0];
  REQUIRE(step > 0);
  const double power = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double mantissa = step / power;
  CHECK((std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9));
  for (std::size_t k = 0; k < ticks.size(); ++k) {
    CHECK(std::fabs(ticks[k] / step - std::round(ticks[k] / step)) < 1e-6);
    if (k > 0) CHECK(std::fabs((ticks[k] - ticks[k - 1]) - step) < 1e-9 * std::fmax(1.0, std::fabs(step)));
  }
}

// The y axis: pixel to value, from the first and last tick, and the value of one pixel.
struct y_axis {
  double y0, v0, y1, v1;
  // in halves, so that v1 - v0 does not overflow near the largest double
  double half_value(double y) const { return v0 / 2 + (y - y0) / (y1 - y0) * (v1 / 2 - v0 / 2); }
  double value(double y) const { return 2 * half_value(y); }
  double per_pixel() const { return 2 * std::fabs((v1 / 2 - v0 / 2) / (y1 - y0)); }
};
y_axis axis_of(const element& root) {
  const auto lines = find_all(root, "line", "ytick");
  const auto labels = find_all(root, "text", "ytick-label");
  REQUIRE(lines.size() == labels.size());
  std::vector<double> values;
  for (const element* l : labels) values.push_back(cli_test::to_double(l->text));
  check_round_ticks(values);
  return {number(*lines.front(), "y1"), values.front(), number(*lines.back(), "y1"), values.back()};
}

std::string sgdr() { return golden::find("seed-sgdr").expr; }

std::size_t code_points(const std::string& line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}
// Braille characters other than the blank U+2800 (UTF-8 E2 A0 80 .. E2 A3 BF).
std::size_t braille_dots(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t k = 0; k + 2 < line.size(); ++k) {
    const auto a = static_cast<unsigned char>(line[k]), b = static_cast<unsigned char>(line[k + 1]),
               c = static_cast<unsigned char>(line[k + 2]);
    if (a == 0xE2 && b >= 0xA0 && b <= 0xA3 && !(b == 0xA0 && c == 0x80)) ++n;
  }
  return n;
}
bool is_braille_row(const std::string& line) { return line.find("\xE2\xA0") != std::string::npos || braille_dots(line) > 0; }

}  // namespace

TEST_CASE("cli plot: the XML checker rejects what is not well-formed") {
  for (const char* bad : {"<svg><g></svg>", "<svg a=1/>", "<svg a=\"x\" a=\"y\"/>", "<svg>a & b</svg>", "<svg>a < b</svg>",
                          "<svg/><svg/>", "<svg a=\"<\"/>", "<svg>&bogus;</svg>"}) {
    INFO(bad);
    const std::string text = bad;
    xml_parser parser(text);
    CHECK(parser.document() == nullptr);
  }
  const std::string good = "<?xml version=\"1.0\"?>\n<svg a='1' b=\"&lt;&amp;\"><t>x &gt; y</t><!-- c --></svg>\n";
  xml_parser parser(good);
  const auto root = parser.document();
  REQUIRE(root != nullptr);
  CHECK(root->attributes["b"] == "<&");
  CHECK(root->text == "x > y");
}

TEST_CASE("cli plot: SVG axes, round ticks, labels, title, and the line reaches check's min and max") {
  for (const char* to : {"1500", "10000000"}) {
    INFO("--to ", to);
    const auto r = run("plot " + cli_test::quote(sgdr()) + " --to " + to);
    REQUIRE(r.status == 0);
    const auto root = parsed_svg(r.out);
    const auto titles = find_all(*root, "text", "title");
    REQUIRE(titles.size() == 1);
    CHECK(titles[0]->text == lrsched::to_string(lrsched::parse(sgdr())));
    REQUIRE(find_all(*root, "text", "xlabel").size() == 1);
    CHECK(find_all(*root, "text", "xlabel")[0]->text == "Iteration");
    CHECK(find_all(*root, "text", "ylabel")[0]->text == "Learning rate");
    std::vector<double> x_ticks;
    for (const element* l : find_all(*root, "text", "xtick-label")) x_ticks.push_back(cli_test::to_double(l->text));
    check_round_ticks(x_ticks);
    CHECK(x_ticks.front() == 0);
    CHECK(x_ticks.back() <= cli_test::to_double(to));

    const y_axis axis = axis_of(*root);
    const auto lines = find_all(*root, "polyline", "series");
    REQUIRE(lines.size() == 1);
    const auto points = points_of(*lines[0]);
    CHECK(points.size() <= 2 * 800);  // min and max per pixel column at most, however long the range
    double top = points[0].y, bottom = points[0].y;
    for (const point& p : points) top = std::fmin(top, p.y), bottom = std::fmax(bottom, p.y);

    const auto check = run("check " + cli_test::quote(sgdr()) + " --to " + std::string(to));
    REQUIRE(check.status == 0);
    const auto max = cli_test::reported(check.out, "max"), min = cli_test::reported(check.out, "min");
    CHECK(std::fabs(axis.value(top) - max.value) <= axis.per_pixel());
    CHECK(std::fabs(axis.value(bottom) - min.value) <= axis.per_pixel());
    // every tick lies inside the frame, and the line inside the ticks
    CHECK(axis.value(top) <= std::fmax(axis.v0, axis.v1) + axis.per_pixel());
    CHECK(axis.value(bottom) >= std::fmin(axis.v0, axis.v1) - axis.per_pixel());
  }
}

TEST_CASE("cli plot: every discontinuity check reports over 10^7 iterations stays visible") {
  for (const std::string to : {"1500", "10000000"}) {
    INFO("--to ", to);
    const auto r = run("plot " + cli_test::quote(sgdr()) + " --to " + to);
    REQUIRE(r.status == 0);
    const auto root = parsed_svg(r.out);
    const y_axis axis = axis_of(*root);
    const auto points = points_of(*find_all(*root, "polyline", "series")[0]);
    const auto frame = find_all(*root, "rect", "frame");
    REQUIRE(frame.size() == 1);
    const double left = number(*frame[0], "x"), width = number(*frame[0], "width");

    const auto check = run("check " + cli_test::quote(sgdr()) + " --to " + to);
    std::size_t found = 0, listed = 0;
    bool in_list = false;
    for (const std::string& line : cli_test::lines_of(check.out)) {
      if (line.rfind("discontinuities: ", 0) == 0) in_list = true;
      if (!in_list || line.rfind("  ", 0) != 0 || line.find(" -> ") == std::string::npos) continue;
      // "  A -> B: before -> after"
      const std::size_t colon = line.find(": ");
      const std::int64_t after_at = static_cast<std::int64_t>(cli_test::to_double(line.substr(line.find(" -> ") + 4, colon - line.find(" -> ") - 4)));
      const std::string values = line.substr(colon + 2);
      const double before = cli_test::to_double(values.substr(0, values.find(" -> ")));
      const double after = cli_test::to_double(values.substr(values.find(" -> ") + 4));
      ++listed;
      // The points within a pixel of the jump span both values: a pixel column that covers many iterations
      // shows their min and max, so a jump inside it is part of its vertical extent.
      const double x = left + static_cast<double>(after_at) / cli_test::to_double(to) * width;
      bool any = false;
      double lo = 0, hi = 0;
      for (const point& p : points) {
        if (std::fabs(p.x - x) > 1.5) continue;
        const double v = axis.value(p.y);
        lo = any ? std::fmin(lo, v) : v, hi = any ? std::fmax(hi, v) : v, any = true;
      }
      const double pixel = axis.per_pixel();
      if (any && lo <= std::fmin(before, after) + pixel && hi >= std::fmax(before, after) - pixel) ++found;
    }
    CHECK(listed >= 2);  // the restarts at 250 and 750 at least
    CHECK(found == listed);
  }
}

TEST_CASE("cli plot: every pixel column of 10^7 iterations shows its min and its max") {
  // 10^4 triangles from 0 to 1 and back: each pixel column covers more than ten of them, so each must reach
  // both 0 and 1. Skipping points, or keeping one per column, would not.
  const auto r = run("plot 'cyclical(triangular(0, 1, 1000))' --to 9999999");
  REQUIRE(r.status == 0);
  const auto root = parsed_svg(r.out);
  const y_axis axis = axis_of(*root);
  const auto points = points_of(*find_all(*root, "polyline", "series")[0]);
  const auto frame = find_all(*root, "rect", "frame");
  const double left = number(*frame[0], "x"), width = number(*frame[0], "width");
  std::vector<int> reaches(static_cast<std::size_t>(width), 0);  // bit 1: 0 reached, bit 2: 1 reached
  for (const point& p : points) {
    const auto column = static_cast<std::size_t>(std::fmin(std::floor(p.x - left), width - 1));
    if (std::fabs(axis.value(p.y) - 0) <= axis.per_pixel()) reaches[column] |= 1;
    if (std::fabs(axis.value(p.y) - 1) <= axis.per_pixel()) reaches[column] |= 2;
  }
  std::size_t both = 0;
  for (int r2 : reaches) both += r2 == 3;
  CHECK(both == reaches.size());
}

TEST_CASE("cli plot: two schedules, two colours, a legend, escaped titles, and -o writes the file") {
  const std::string a = golden::find("seed-triangular").expr, b = golden::find("seed-cosine").expr;
  const auto r = run("plot " + cli_test::quote(a) + " " + cli_test::quote(b) + " --to 1500");
  REQUIRE(r.status == 0);
  const auto root = parsed_svg(r.out);
  const auto lines = find_all(*root, "polyline", "series");
  const auto legend = find_all(*root, "text", "legend");
  const auto swatches = find_all(*root, "line", "legend-line");
  REQUIRE(lines.size() == 2);
  REQUIRE(legend.size() == 2);
  REQUIRE(swatches.size() == 2);
  CHECK(lines[0]->attributes.at("stroke") != lines[1]->attributes.at("stroke"));
  CHECK(legend[0]->text == lrsched::to_string(lrsched::parse(a)));
  CHECK(legend[1]->text == lrsched::to_string(lrsched::parse(b)));
  CHECK(swatches[0]->attributes.at("stroke") == lines[0]->attributes.at("stroke"));
  CHECK(swatches[1]->attributes.at("stroke") == lines[1]->attributes.at("stroke"));

  const std::string title = "lr < 2 & \"SGDR\" 'x' > 0";
  const std::string file = std::string(LRSCHED_TEST_TMP) + "/plot-title.svg";
  const auto titled = run("plot " + cli_test::quote(sgdr()) + " --title " + cli_test::quote(title) + " -o " + file);
  REQUIRE(titled.status == 0);
  CHECK(titled.out.empty());
  const std::string svg = cli_test::slurp(file);
  const auto titled_root = parsed_svg(svg);
  CHECK(find_all(*titled_root, "text", "title")[0]->text == title);
  CHECK(svg.find("&lt; 2 &amp; &quot;SGDR&quot;") != std::string::npos);
  CHECK(find_all(*titled_root, "text", "legend").empty());  // one schedule: the title says it
}

TEST_CASE("cli plot --terminal: braille rows within 80 columns when not a terminal, COLUMNS respected") {
  const auto check = run("check " + cli_test::quote(sgdr()) + " --to 1500");
  const auto min = cli_test::reported(check.out, "min"), max = cli_test::reported(check.out, "max");
  for (const char* columns : {"", "COLUMNS=120", "COLUMNS=40"}) {
    INFO(columns);
    const std::size_t width = std::string(columns).empty() ? 80 : std::stoul(std::string(columns).substr(8));
    const auto r = run("plot " + cli_test::quote(sgdr()) + " --to 1500 --terminal", std::string("env -u COLUMNS ") + columns);
    REQUIRE(r.status == 0);
    const auto lines = cli_test::lines_of(r.out);
    std::vector<std::string> rows;
    for (const std::string& line : lines) {
      CHECK(code_points(line) <= width);
      if (is_braille_row(line)) rows.push_back(line);
    }
    REQUIRE(rows.size() == 16);
    for (const std::string& row : rows) CHECK(braille_dots(row) > 0);  // the line passes through every row
    CHECK(code_points(rows[0]) > width - 16);                          // as wide as it may be
    // y range: max on the top row, min on the bottom row (4 significant digits)
    const auto label = [](const std::string& row) { return cli_test::to_double(row.substr(row.find_first_not_of(' '), row.find(' ', row.find_first_not_of(' ')) - row.find_first_not_of(' '))); };
    CHECK(std::fabs(label(rows.front()) - max.value) <= 5e-4 * max.value);
    CHECK(std::fabs(label(rows.back()) - min.value) <= 5e-4 * min.value);
    // x range under the axis
    const std::string& under = lines.back();
    CHECK(under.find(" 0 ") != std::string::npos);
    CHECK(under.size() >= 4);
    CHECK(under.substr(under.size() - 4) == "1500");
  }
}

TEST_CASE("cli plot: bad usage") {
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"plot", "lrsched: error: plot needs an expression"},
      {"plot 'cosine(1, 2, 10)' --terminal -o x.svg", "lrsched: error: plot: --terminal draws on standard output"},
      {"plot 'cosine(1, 2, 10)' --to 1000000000000", "lrsched: error: plot covers at most 1000000000 iterations"},
      {"plot 'cosine(1, 2, 10)' -o /nonexistent/dir/x.svg", "lrsched: error: cannot write '/nonexistent/dir/x.svg'"},
      {"plot 'cosine(1, 2, 10)' 'cosin(1, 2, 10)'", "lrsched: error: column 1: unknown schedule 'cosin'"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = run(c.args);
    CHECK(r.status == 2);
    CHECK(r.err.rfind(c.message, 0) == 0);
  }
}

TEST_CASE("cli plot: values at the largest double give finite coordinates and round ticks") {
  const std::string expr = "'sequence(1.7976931348623157e308, 50, -1.7976931348623157e308)' --to 100";
  const auto r = run("plot " + expr);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("nan") == std::string::npos);
  CHECK(r.out.find("inf") == std::string::npos);
  const auto root = parsed_svg(r.out);
  const y_axis axis = axis_of(*root);  // checks the ticks are round
  REQUIRE(std::isfinite(axis.per_pixel()));
  for (const point& p : points_of(*find_all(*root, "polyline", "series")[0])) {
    CHECK(std::isfinite(p.y));
    CHECK(std::fabs(std::fabs(axis.half_value(p.y)) - 1.7976931348623157e308 / 2) <= axis.per_pixel() / 2);
  }
  const auto terminal = run("plot " + expr + " --terminal", "env -u COLUMNS");
  REQUIRE(terminal.status == 0);
  CHECK(terminal.out.find(" 1.798e+308 \u2524") != std::string::npos);
  CHECK(terminal.out.find("-1.798e+308 \u2524") != std::string::npos);
}

TEST_CASE("cli plot: ranges at the ends of int64 have exact integer ticks") {
  const struct {
    const char* range;
    const char* first_tick;
    const char* last_tick;
  } cases[] = {
      // 807 iterations: a tick every 100, on the multiples of 100 inside the range
      {"--from 9223372036854775000 --to 9223372036854775807", "9223372036854775000", "9223372036854775800"},
      {"--from -9223372036854775808 --to -9223372036854775000", "-9223372036854775800", "-9223372036854775000"},
      {"--from -7 --to 23", "-5", "20"},
  };
  for (const auto& c : cases) {
    INFO(c.range);
    const auto r = run(std::string("plot 'cosine(1, 2, 10)' ") + c.range);
    REQUIRE(r.status == 0);
    const auto root = parsed_svg(r.out);
    const auto labels = find_all(*root, "text", "xtick-label");
    REQUIRE(labels.size() >= 2);
    CHECK(labels.front()->text == c.first_tick);
    CHECK(labels.back()->text == c.last_tick);
    const auto terminal = run(std::string("plot 'cosine(1, 2, 10)' --terminal ") + c.range, "env -u COLUMNS");
    CHECK(terminal.status == 0);
    const auto check = run(std::string("check 'cosine(1, 2, 10)' ") + c.range);
    CHECK(check.status == 0);
  }
}

TEST_CASE("cli plot: a flat line at the largest double or at the smallest subnormal has finite coordinates") {
  for (const char* expr : {"1.7e308", "constant(-1.7976931348623157e308)", "constant(5e-324)", "constant(-5e-324)"}) {
    INFO(expr);
    const auto r = run(std::string("plot '") + expr + "' --to 100");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("nan") == std::string::npos);
    CHECK(r.out.find("inf") == std::string::npos);
    const auto root = parsed_svg(r.out);
    const y_axis axis = axis_of(*root);
    REQUIRE(std::isfinite(axis.per_pixel()));
    const auto points = points_of(*find_all(*root, "polyline", "series")[0]);
    REQUIRE(!points.empty());
    for (const point& p : points) {
      CHECK(std::isfinite(p.x));
      CHECK(std::isfinite(p.y));
      CHECK(p.y == points[0].y);  // flat
    }
  }
}

TEST_CASE("cli plot: near INT64_MAX the x axis still spreads the iterations over the plot") {
  // 101 iterations whose doubles are a handful of values: the positions come from exact integer distances
  const auto r = run("plot 'linear(0, 1, 100)' --from 9223372036854775707 --to 9223372036854775807");
  REQUIRE(r.status == 0);
  const auto points = points_of(*find_all(*parsed_svg(r.out), "polyline", "series")[0]);
  REQUIRE(points.size() == 101);
  CHECK(points.front().x == doctest::Approx(84));   // the left edge of the plot area
  CHECK(points.back().x == doctest::Approx(776));   // the right edge
  for (std::size_t k = 1; k < points.size(); ++k)
    CHECK(points[k].x - points[k - 1].x == doctest::Approx(6.92).epsilon(0.01));  // (776 - 84) / 100
}

TEST_CASE("cli plot --terminal: a huge COLUMNS is capped at 4096") {
  const auto r = run("plot 'cosine(1, 2, 10)' --terminal", "env COLUMNS=100000000");
  REQUIRE(r.status == 0);
  std::size_t widest = 0;
  for (const std::string& line : cli_test::lines_of(r.out)) widest = std::max(widest, code_points(line));
  CHECK(widest == 4096);
  const auto largest_int = run("plot 'cosine(1, 2, 10)' --terminal", "env COLUMNS=2147483647");
  CHECK(largest_int.status == 0);
  CHECK(largest_int.err.empty());
}

TEST_CASE("cli plot: a title must be printable UTF-8") {
  const struct {
    const char* title;
    const char* byte;
  } bad[] = {{"a\x01" "b", "2"}, {"\xff", "1"}, {"ok\xc3", "3"},           // a control character, not UTF-8, cut short
             {"\xc0\xaf", "1"}, {"\xed\xa0\x80", "1"}, {"x\x7f", "2"}};  // overlong, a surrogate, DEL
  for (const auto& b : bad) {
    INFO(b.title);
    for (const char* mode : {"", " --terminal"}) {
      const auto r = run(std::string("plot 'cosine(1, 2, 10)' --title ") + cli_test::quote(b.title) + mode);
      CHECK(r.status == 2);
      CHECK(r.err == std::string("lrsched: error: --title must be printable UTF-8 text, without control characters; byte ") +
                         b.byte + " is not\n");
      CHECK(r.out.empty());
    }
  }
  const auto accented = run("plot 'cosine(1, 2, 10)' --title 'taux d\xc3\xa9" "croissant \xe2\x86\x92 0'");
  REQUIRE(accented.status == 0);
  CHECK(find_all(*parsed_svg(accented.out), "text", "title")[0]->text == "taux d\xc3\xa9" "croissant \xe2\x86\x92 0");
}
