// The PETRARCH-2 internal coding ontology (PICO): "CAMEO:EXPRESSION#comment".
#include <map>

#include "dict/petrarch_reader.h"
#include "dict/petrarch_text.h"

namespace dateline {

using petrarch_internal::DictLine;
using petrarch_internal::FileContext;
using petrarch_internal::IsBlank;
using petrarch_internal::Quote;
using petrarch_internal::ReadLines;
using petrarch_internal::Trim;

namespace {

constexpr int kMaxTerms = 16;

// "0x1000-0xFFFF", "-0xFFFF+0x2040+0x300", "0": signed hexadecimal or decimal terms, blanks
// allowed between them.
bool Evaluate(std::string_view expr, int64_t* value, std::string* error) {
  const std::string_view s = Trim(expr);
  if (s.empty()) {
    *error = "no value; expected CODE:0xHHHH";
    return false;
  }
  int64_t total = 0;
  size_t i = 0;
  int terms = 0;
  auto skip_blanks = [&] {
    while (i < s.size() && IsBlank(s[i])) ++i;
  };
  while (i < s.size()) {
    int sign = 1;
    if (s[i] == '+' || s[i] == '-') {
      sign = s[i] == '-' ? -1 : 1;
      ++i;
      skip_blanks();
    } else if (terms > 0) {
      *error = "unexpected " + Quote(s.substr(i)) + " in the value " + Quote(s) + "; expected '+' or '-' between numbers";
      return false;
    }
    int base = 10;
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
      base = 16;
      i += 2;
    }
    const size_t start = i;
    int64_t term = 0;
    while (i < s.size()) {
      const char c = s[i];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else break;
      term = term * base + d;
      if (term > 0xFFFFFFFFll) {
        *error = "a number in " + Quote(s) + " is too large; expected at most 0xFFFFFFFF";
        return false;
      }
      ++i;
    }
    if (i == start || (i < s.size() && !IsBlank(s[i]) && s[i] != '+' && s[i] != '-')) {
      *error = "the value " + Quote(s) + " is not a sum of numbers; expected e.g. 0x1000 or -0xFFFF+0x0070";
      return false;
    }
    if (++terms > kMaxTerms) {
      *error = "the value " + Quote(s) + " has more than " + std::to_string(kMaxTerms) + " terms";
      return false;
    }
    total += sign * term;
    skip_blanks();
  }
  *value = total;
  return true;
}

bool CameoKey(std::string_view key) {
  if (key == "---") return true;
  if (key.size() < 2 || key.size() > 4) return false;
  for (char c : key)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<PicoParts> DecodePico(int64_t value) {
  PicoParts p;
  int64_t base = value;
  if (value < 0) {
    p.negation = -1;
    base = value + 0xFFFF;
  } else if (value > 0xFFFF) {
    p.negation = 1;
    base = value - 0xFFFF;
  }
  if (base < 0 || base > 0xFFFF) return std::nullopt;
  p.base = static_cast<uint32_t>(base);
  p.category = static_cast<int>((p.base >> 12) & 0xF);
  p.reduce_yield = static_cast<int>((p.base >> 8) & 0xF);
  p.action = static_cast<int>((p.base >> 4) & 0xF);
  p.topic = static_cast<int>(p.base & 0xF);
  return p;
}

void ReadPetrarchOntology(std::string name, std::string_view bytes, DictionaryDialect dialect, DictionarySource* src,
                          PetrarchExtras* extras) {
  FileContext ctx(std::move(name), src);
  if (petrarch_internal::RefuseDialect(dialect, ctx, "PETRARCH ontology")) return;
  if (dialect == DictionaryDialect::kPetrarch1)
    ctx.Problem(0, "PETRARCH-1 has no internal coding ontology; expected a PETRARCH-2 file (read as PETRARCH-2)");
  std::map<std::string, uint32_t> seen;
  for (const DictLine& line : ReadLines(bytes, ctx)) {
    if (line.invalid) continue;
    const std::string_view body = Trim(line.text);
    const size_t colon = body.find(':');
    const std::string_view key = Trim(body.substr(0, colon));
    if (colon == std::string_view::npos || !CameoKey(key)) {
      ctx.Problem(line.number, "the line " + Quote(body) + " is not an ontology entry; expected 'CAMEO:0xHHHH' such as '010:0x1000'");
      continue;
    }
    PetrarchOntologyEntry e;
    e.cameo = key == "---" ? std::string() : std::string(key);
    e.expression = std::string(Trim(body.substr(colon + 1)));
    e.comment = line.comment;
    e.where = ctx.Place(line.number);
    std::string error;
    if (!Evaluate(e.expression, &e.value, &error)) {
      ctx.Problem(line.number, error + " (entry skipped)");
      continue;
    }
    if (!DecodePico(e.value))
      ctx.Problem(line.number, "the value " + Quote(e.expression) +
                                   " is not a 16-bit code with at most one 0xFFFF negation; expected -0xFFFF..0x1FFFE (kept)");
    auto [it, fresh] = seen.emplace(std::string(key), line.number);
    if (!fresh)
      ctx.Problem(line.number, "the CAMEO code " + std::string(key) + " was mapped already at line " + std::to_string(it->second) +
                                   "; expected each code once (both kept)");
    OptionRecord o;
    o.command = "ONTOLOGY";
    o.key = std::string(key);
    o.value = e.expression;
    o.raw = std::string(line.raw);
    o.where = e.where;
    src->options.push_back(std::move(o));
    if (extras) extras->ontology.push_back(std::move(e));
  }
}

}  // namespace dateline
