#include "input/entities.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "input/input.h"

namespace dateline::input_internal {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t cp;
};

// U+00A0 .. U+00FF, in code point order.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
    "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
    "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
    "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
    "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

// The rest: markup, typographic punctuation, symbols, and Latin Extended letters of names in
// the news (Vučić, Łukaszenka, Erdoğan).
constexpr NamedReference kOtherNames[] = {
    {"quot", 0x22},    {"amp", 0x26},     {"apos", 0x27},    {"lt", 0x3C},      {"gt", 0x3E},
    {"OElig", 0x152},  {"oelig", 0x153},  {"Scaron", 0x160}, {"scaron", 0x161}, {"Yuml", 0x178},
    {"fnof", 0x192},   {"circ", 0x2C6},   {"tilde", 0x2DC},  {"ensp", 0x2002},  {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D},   {"lrm", 0x200E},   {"rlm", 0x200F},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},  {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E}, {"frasl", 0x2044}, {"euro", 0x20AC},
    {"trade", 0x2122}, {"larr", 0x2190},  {"uarr", 0x2191},  {"rarr", 0x2192},  {"darr", 0x2193},
    {"harr", 0x2194},  {"minus", 0x2212}, {"asymp", 0x2248}, {"ne", 0x2260},    {"le", 0x2264},
    {"ge", 0x2265},    {"infin", 0x221E}, {"Delta", 0x394},  {"Omega", 0x3A9},  {"alpha", 0x3B1},
    {"beta", 0x3B2},   {"gamma", 0x3B3},  {"delta", 0x3B4},  {"mu", 0x3BC},     {"pi", 0x3C0},
    {"sigma", 0x3C3},  {"omega", 0x3C9},  {"Abreve", 0x102}, {"abreve", 0x103}, {"Cacute", 0x106},
    {"cacute", 0x107}, {"Ccaron", 0x10C}, {"ccaron", 0x10D}, {"Ecaron", 0x11A}, {"ecaron", 0x11B},
    {"Gbreve", 0x11E}, {"gbreve", 0x11F}, {"Idot", 0x130},   {"inodot", 0x131}, {"Lstrok", 0x141},
    {"lstrok", 0x142}, {"Nacute", 0x143}, {"nacute", 0x144}, {"Rcaron", 0x158}, {"rcaron", 0x159},
    {"Sacute", 0x15A}, {"sacute", 0x15B}, {"Scedil", 0x15E}, {"scedil", 0x15F}, {"Zdot", 0x17B},
    {"zdot", 0x17C},   {"Zcaron", 0x17D}, {"zcaron", 0x17E},
};

constexpr auto kNamedReferences = [] {
  std::array<NamedReference, std::size(kLatin1Names) + std::size(kOtherNames)> table{};
  for (size_t i = 0; i < std::size(kLatin1Names); ++i) table[i] = {kLatin1Names[i], static_cast<char32_t>(0xA0 + i)};
  for (size_t i = 0; i < std::size(kOtherNames); ++i) table[std::size(kLatin1Names) + i] = kOtherNames[i];
  std::sort(table.begin(), table.end(), [](const NamedReference& a, const NamedReference& b) { return a.name < b.name; });
  return table;
}();

constexpr size_t kLongestName = 8;  // no name in the table is longer; stop scanning a run of letters here

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A numeric reference's code point as the character it stands for, or 0 when it stands for none
// we accept (NUL, surrogates, beyond U+10FFFF, C0 controls other than tab and line ends).
char32_t NumericCharacter(uint32_t v) {
  if (v >= 0x80 && v <= 0x9F) return Windows1252ToUnicode(static_cast<uint8_t>(v));  // as browsers do
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  if (v < 0x20 && v != '\t' && v != '\n' && v != '\r') return 0;
  if (v == '\r') return '\n';
  return v;
}

}  // namespace

size_t NamedReferenceCount() { return kNamedReferences.size(); }

bool MatchCharacterReference(std::string_view s, size_t pos, char32_t* cp, size_t* length) {
  size_t i = pos + 1;
  char32_t result = 0;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    uint32_t value = 0;
    for (; i < s.size(); ++i) {
      const int d = hex ? HexValue(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
      if (d < 0) break;
      if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);  // saturates above
    }
    if (i == digits_begin || i >= s.size() || s[i] != ';') return false;
    result = NumericCharacter(value);
    if (result == 0) return false;
  } else {
    const size_t name_begin = i;
    while (i < s.size() && i - name_begin <= kLongestName && IsAsciiAlnum(s[i])) ++i;
    if (i == name_begin || i >= s.size() || s[i] != ';') return false;
    const std::string_view name = s.substr(name_begin, i - name_begin);
    auto it = std::lower_bound(kNamedReferences.begin(), kNamedReferences.end(), name,
                               [](const NamedReference& r, std::string_view n) { return r.name < n; });
    if (it == kNamedReferences.end() || it->name != name) return false;
    result = it->cp;
  }
  *cp = result == 0xA0 ? U' ' : result;  // a no-break space is just a space to every later stage
  *length = i + 1 - pos;
  return true;
}

}  // namespace dateline::input_internal
