#include "output/escape.h"

#include <charconv>

#include "output/output.h"

namespace dateline {

namespace output_internal {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return len;
}

std::string_view ValidUtf8(std::string_view s, std::string& scratch) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return s;
  scratch.assign(s.data(), i);
  while (i < s.size()) {
    const size_t n = Utf8SequenceLength(s, i);
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

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  const auto flush = [&] { out.append(s.data() + run, i - run); };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t n = output_internal::Utf8SequenceLength(s, i);
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
