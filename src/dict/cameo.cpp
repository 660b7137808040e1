#include "dict/cameo.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/embedded.h"

namespace dateline {

namespace {

constexpr std::string_view kEmbeddedName = "cameo/codes.tsv";
constexpr size_t kFields = 8;
// Slots: 2-digit codes at 0..99, 3-digit at 100..1099, 4-digit at 1100..11099.
constexpr size_t kSlotCount = 100 + 1000 + 10000;

// The slot of a code of 2-4 ASCII digits, or -1.
int Slot(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return -1;
  int value = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  switch (code.size()) {
    case 2: return value;
    case 3: return 100 + value;
    default: return 1100 + value;
  }
}

Status LineError(std::string_view file, size_t line, const std::string& what) {
  return DataError(std::string(file) + ":" + std::to_string(line) + ": " + what);
}

std::string Quoted(std::string_view s) {
  std::string q;
  q.reserve(s.size() + 2);
  q += '"';
  q += s;
  q += '"';
  return q;
}

}  // namespace

Result<CameoTable> CameoTable::Parse(std::string_view bytes, std::string_view file_name) {
  CameoTable table;
  table.slots_.assign(kSlotCount, 0);
  std::vector<size_t> line_of;  // file line of each row, for messages about parents

  size_t line_no = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    std::string_view f[kFields];
    size_t n = 0;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      const std::string_view field = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
      if (n < kFields) f[n] = field;
      ++n;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n != kFields)
      return LineError(file_name, line_no,
                       "expected " + std::to_string(kFields) + " tab-separated fields, found " + std::to_string(n));

    CameoCode c;
    c.code = f[0];
    c.parent = f[1];
    c.plover = f[4];
    c.plover_mode = f[5];
    c.plover_context = f[6];
    c.name = f[7];

    const int slot = Slot(c.code);
    if (slot < 0) return LineError(file_name, line_no, "code " + Quoted(c.code) + " is not 2 to 4 digits");
    if (table.slots_[slot] != 0)
      return LineError(file_name, line_no,
                       "duplicate code " + std::string(c.code) + " (first on line " +
                           std::to_string(line_of[table.slots_[slot] - 1]) + ")");
    if (c.code.size() == 2 && !c.parent.empty())
      return LineError(file_name, line_no, "root " + std::string(c.code) + " has a parent");
    if (c.code.size() > 2 && (c.parent.empty() || !c.code.starts_with(c.parent) || c.parent.size() >= c.code.size()))
      return LineError(file_name, line_no,
                       "parent " + Quoted(c.parent) + " of " + std::string(c.code) + " is not a prefix of it");

    if (!f[2].empty()) {
      if (f[2].size() != 1 || f[2][0] < '0' || f[2][0] > '4')
        return LineError(file_name, line_no, "quad class " + Quoted(f[2]) + " is not 0 to 4");
      c.quad_class = static_cast<uint8_t>(f[2][0] - '0');
    }
    if (!f[3].empty()) {
      double g = 0;
      const auto [end, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), g);
      if (ec != std::errc() || end != f[3].data() + f[3].size())
        return LineError(file_name, line_no, "Goldstein score " + Quoted(f[3]) + " is not a number");
      if (!(g >= -10.0 && g <= 10.0))  // also rejects nan
        return LineError(file_name, line_no, "Goldstein score " + Quoted(f[3]) + " is outside -10 .. 10");
      c.goldstein = g;
    }
    if (c.plover.empty() && (!c.plover_mode.empty() || !c.plover_context.empty()))
      return LineError(file_name, line_no, "PLOVER mode or context without a PLOVER type");
    if (c.name.empty()) return LineError(file_name, line_no, "code " + std::string(c.code) + " has no name");

    table.codes_.push_back(c);
    line_of.push_back(line_no);
    if (table.codes_.size() >= 0xFFFF) return LineError(file_name, line_no, "more than 65534 codes");
    table.slots_[slot] = static_cast<uint16_t>(table.codes_.size());
  }

  for (size_t i = 0; i < table.codes_.size(); ++i) {
    const CameoCode& c = table.codes_[i];
    if (!c.parent.empty() && table.Find(c.parent) == nullptr)
      return LineError(file_name, line_of[i], "parent " + std::string(c.parent) + " of " + std::string(c.code) +
                                                  " is not in the table");
  }
  if (table.codes_.empty()) return DataError(std::string(file_name) + ": no codes");
  return table;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  const int slot = Slot(code);
  if (slot < 0 || slots_.empty()) return nullptr;
  const uint16_t row = slots_[slot];
  return row == 0 ? nullptr : &codes_[row - 1];
}

const CameoTable& CameoTable::Default() {
  static const CameoTable table = [] {
    const std::optional<std::string_view> bytes = EmbeddedFile(kEmbeddedName);
    if (!bytes) {
      std::fprintf(stderr, "dateline: internal error: %.*s is not compiled into the binary\n",
                   static_cast<int>(kEmbeddedName.size()), kEmbeddedName.data());
      std::abort();
    }
    Result<CameoTable> parsed = Parse(*bytes, "data/" + std::string(kEmbeddedName));
    if (!parsed.ok()) {
      std::fprintf(stderr, "dateline: internal error: %s\n", parsed.status().message().c_str());
      std::abort();
    }
    return parsed.take();
  }();
  return table;
}

}  // namespace dateline
