#include "output/escape.h"

#include <cmath>

#include "core/utf8.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "output/output.h"

namespace dateline {

namespace output_internal {


std::string_view ValidUtf8(std::string_view s, std::string& scratch) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = utf8::SequenceLength(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return s;
  scratch.assign(s.data(), i);
  while (i < s.size()) {
    const size_t n = utf8::SequenceLength(s, i);
    if (n == 0) {
      scratch += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      scratch.append(s.data() + i, n);
      i += n;
    }
  }
  return scratch;
}

void AppendTsvField(std::string& out, std::string_view s) {
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      out.append(s.data() + run, i - run);
      out += ' ';
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
}

void AppendCsvField(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      out.append(s.data() + run, i + 1 - run);
      out += '"';
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void AppendUint(std::string& out, uint64_t v) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

void AppendDecimal(std::string& out, double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  const std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  out += s;
  if (s.find('.') == std::string_view::npos) out += ".0";
}

void AppendInt(std::string& out, int64_t v) {
  if (v < 0) out += '-', v = -v;
  AppendUint(out, static_cast<uint64_t>(v));
}

void AppendCoordinate(std::string& out, double degrees) {
  long long v = std::llround(degrees * 1e5);
  if (v < 0) out += '-', v = -v;
  AppendUint(out, static_cast<uint64_t>(v / 100000));
  char frac[6] = {'.', '0', '0', '0', '0', '0'};
  long long f = v % 100000;
  for (int i = 5; i >= 1; --i, f /= 10) frac[i] = static_cast<char>('0' + f % 10);
  size_t n = 6;
  while (n > 2 && frac[n - 1] == '0') --n;
  out.append(frac, n);
}

void AppendDate(std::string& out, int year, int month, int day) {
  char buf[10] = {
      static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
      static_cast<char>('0' + year / 10 % 10),   static_cast<char>('0' + year % 10),
      '-',
      static_cast<char>('0' + month / 10 % 10),  static_cast<char>('0' + month % 10),
      '-',
      static_cast<char>('0' + day / 10 % 10),    static_cast<char>('0' + day % 10)};
  out.append(buf, sizeof buf);
}

}  // namespace output_internal

namespace {

// Whether the eight bytes at p are all printable ASCII other than '"' and '\\': bytes a JSON string
// holds as they are. Exact: each test finds a qualifying byte iff the block has one.
bool IsPlainBlock(const char* p) {
  constexpr uint64_t kEachByte = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  const auto any_below = [](uint64_t v, uint8_t n) { return ((v - kEachByte * n) & ~v & kHighBits) != 0; };
  return (x & kHighBits) == 0 && !any_below(x, 0x20) && !any_below(x ^ (kEachByte * '"'), 1) &&
         !any_below(x ^ (kEachByte * '\\'), 1);
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  const auto flush = [&] { out.append(s.data() + run, i - run); };
  while (i < s.size()) {
    if (i + 8 <= s.size() && IsPlainBlock(s.data() + i)) {  // eight bytes copied as they are
      i += 8;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t n = utf8::SequenceLength(s, i);
      if (n != 0) {
        i += n;
        continue;
      }
      flush();
      out += "\\ufffd";
      run = ++i;
      continue;
    }
    flush();
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    run = ++i;
  }
  flush();
  out += '"';
}

}  // namespace dateline
