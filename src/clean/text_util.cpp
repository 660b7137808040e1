#include "clean/text_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dateline::clean_detail {

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(*pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

char32_t PrevCodePoint(std::string_view s, size_t end, size_t* start) {
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(end);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  *start = static_cast<size_t>(i);
  return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

bool IsSpace(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '\v': case '\f':
    case 0x00A0: case 0x200B: case 0x200C: case 0x200D: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

std::string_view Trim(std::string_view s, size_t* lead) {
  size_t b = 0;
  while (b < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[b]);
    if (c < 0x80) {
      if (!IsAsciiSpaceByte(c)) break;
      ++b;
      continue;
    }
    size_t next = b;
    if (!IsSpace(NextCodePoint(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    const unsigned char c = static_cast<unsigned char>(s[e - 1]);
    if (c < 0x80) {
      if (!IsAsciiSpaceByte(c)) break;
      --e;
      continue;
    }
    size_t start = 0;
    if (!IsSpace(PrevCodePoint(s, e, &start))) break;
    e = start;
  }
  if (lead) *lead = b;
  return s.substr(b, e - b);
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  AppendWords(s, &words);
  return words;
}

void AppendWords(std::string_view s, std::vector<std::string_view>* out) {
  ForEachWord(s, [out](std::string_view w) {
    out->push_back(w);
    return true;
  });
}

size_t CountWords(std::string_view s, size_t limit) {
  size_t count = 0;
  if (limit == 0) return 0;
  ForEachWord(s, [&](std::string_view) { return ++count < limit; });
  return count;
}

namespace {

bool IsAsciiAlnum(unsigned char b) { return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }
bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

}  // namespace

static bool IsAlnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }

std::string_view StripPunct(std::string_view w) {
  size_t b = 0;
  while (b < w.size()) {
    const unsigned char c = static_cast<unsigned char>(w[b]);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) break;
      ++b;
      continue;
    }
    size_t next = b;
    if (IsAlnum(NextCodePoint(w, &next))) break;
    b = next;
  }
  size_t e = w.size();
  while (e > b) {
    const unsigned char c = static_cast<unsigned char>(w[e - 1]);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) break;
      --e;
      continue;
    }
    size_t start = 0;
    if (IsAlnum(PrevCodePoint(w, e, &start))) break;
    e = start;
  }
  return w.substr(b, e - b);
}

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; }
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t pos = 0;
  return IsUpper(NextCodePoint(w, &pos));
}

bool StartsLower(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  size_t pos = 0;
  return IsLower(NextCodePoint(w, &pos));
}

bool AllCaps(std::string_view w) {
  size_t pos = 0, letters = 0;
  while (pos < w.size()) {
    const unsigned char b = static_cast<unsigned char>(w[pos]);
    if (b < 0x80) {
      if (b >= 'a' && b <= 'z') return false;
      if (b >= 'A' && b <= 'Z') ++letters;
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(w, &pos);
    if (IsLower(c)) return false;
    if (IsLetter(c)) ++letters;
  }
  return letters > 0;
}

size_t LetterCount(std::string_view w) {
  size_t pos = 0, letters = 0;
  while (pos < w.size()) {
    const unsigned char b = static_cast<unsigned char>(w[pos]);
    if (b < 0x80) {
      letters += IsAsciiLetter(b);
      ++pos;
    } else if (IsLetter(NextCodePoint(w, &pos))) {
      ++letters;
    }
  }
  return letters;
}

bool HasLetter(std::string_view w) {
  size_t pos = 0;
  while (pos < w.size()) {
    const unsigned char b = static_cast<unsigned char>(w[pos]);
    if (b < 0x80) {
      if (IsAsciiLetter(b)) return true;
      ++pos;
    } else if (IsLetter(NextCodePoint(w, &pos))) {
      return true;
    }
  }
  return false;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

std::string_view AsciiLowerInto(std::string_view s, char* buf, size_t capacity, bool* fits) {
  *fits = s.size() <= capacity;
  if (!*fits) return {};
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return std::string_view(buf, s.size());
}

static void Append(std::string* out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  out->append(buf, static_cast<size_t>(n));
}

std::string ToLower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) Append(&out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(NextCodePoint(s, &pos)))));
  return out;
}

std::string Capitalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  bool first = true;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (IsLetter(c)) {
      c = static_cast<char32_t>(first ? u_toupper(static_cast<UChar32>(c)) : u_tolower(static_cast<UChar32>(c)));
      first = false;
    }
    Append(&out, c);
  }
  return out;
}

}  // namespace dateline::clean_detail
