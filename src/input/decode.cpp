// DecodeArticle: bytes → normalized UTF-8 with an exact offset map.
//
// One pass over the input, one "unit" at a time: a byte or UTF-8 sequence, a CR LF pair, or a
// character reference. Each unit appends one character to the text. Units that keep their
// length (ASCII, valid UTF-8, a lone CR) keep text and input in step; the others (a widened
// Windows-1252 byte, U+FFFD for one bad byte, CR LF, a reference) put them out of step, and the
// next unit then records an anchor. Entities and line ends are ASCII, so they are found the same
// way whatever the encoding.
//
// Most input is plain: runs of units that keep their length are copied at once, and the scans for
// binary content, the encoding and such runs test eight bytes at a time.
//
// Windows-1252 uses a hand table rather than ICU's converter: it is a fixed one-byte-per-character
// code, so the table is the whole conversion, and the offset of every character is its byte.
// input_test.cpp checks the table against ICU's "windows-1252" converter.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "input/entities.h"
#include "input/input.h"

#include "core/utf8.h"
#include "input/transcode.h"

namespace dateline {

using utf8::AppendUtf8;
using input_internal::kUtf8Bom;
using utf8::SequenceLength;

namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Eight bytes at a time: nearly all input is ASCII text without control characters, and these
// tests let the scans below skip such a block with a few instructions. Each test is exact
// (true iff some byte of the block qualifies).
constexpr uint64_t kEachByte = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// Some byte of x is below n. REQUIRES: n <= 128.
bool AnyByteBelow(uint64_t x, uint8_t n) { return ((x - kEachByte * n) & ~x & kHighBits) != 0; }
// Some byte of x equals c.
bool AnyByteIs(uint64_t x, uint8_t c) { return AnyByteBelow(x ^ (kEachByte * c), 1); }
bool AnyByteHigh(uint64_t x) { return (x & kHighBits) != 0; }

bool IsControlByte(uint8_t b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
}

// Input offset that makes `bytes` binary (the first NUL, or the first control character when
// there are too many), or nullopt for text.
std::optional<size_t> FindBinary(std::string_view bytes, double max_control_ratio) {
  size_t controls = 0;
  std::optional<size_t> first_control;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i + 8 <= bytes.size()) {  // a block without a byte below 0x20 or 0x7F holds no control byte
      const uint64_t block = Load8(bytes.data() + i);
      if (!AnyByteBelow(block, 0x20) && !AnyByteIs(block, 0x7F)) {
        i += 7;
        continue;
      }
    }
    const uint8_t b = static_cast<uint8_t>(bytes[i]);
    if (b == 0) return i;
    if (IsControlByte(b)) {
      if (!first_control) first_control = i;
      ++controls;
    }
  }
  if (controls > 0 && static_cast<double>(controls) > max_control_ratio * static_cast<double>(bytes.size()))
    return first_control;
  return std::nullopt;
}

bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') continue;
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

namespace input_internal {


std::string TranscodeToUtf8(std::string_view bytes, SourceEncoding encoding, uint32_t* repairs) {
  if (encoding == SourceEncoding::kAuto) encoding = DetectEncoding(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size();) {
    const uint8_t b = static_cast<uint8_t>(bytes[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
    } else if (encoding == SourceEncoding::kWindows1252) {
      AppendUtf8(out, Windows1252ToUnicode(b));
      ++i;
    } else if (const size_t n = SequenceLength(bytes, i); n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
    } else {
      AppendUtf8(out, kReplacementCharacter);
      ++*repairs;
      ++i;
    }
  }
  return out;
}

}  // namespace input_internal

char32_t Windows1252ToUnicode(uint8_t b) {
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
  };
  if (b >= 0x80 && b <= 0x9F) return kHigh[b - 0x80];
  return b;  // ASCII and 0xA0..0xFF are Latin-1
}

SourceEncoding DetectEncoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return SourceEncoding::kUtf8;
  bool valid_multibyte = false;
  bool invalid = false;
  for (size_t i = 0; i < bytes.size();) {
    if (i + 8 <= bytes.size() && !AnyByteHigh(Load8(bytes.data() + i))) {
      i += 8;
      continue;
    }
    if (static_cast<uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = SequenceLength(bytes, i);
    if (n == 0) {
      invalid = true;
      ++i;
    } else {
      valid_multibyte = true;
      i += n;
    }
    if (invalid && valid_multibyte) return SourceEncoding::kUtf8;  // damaged UTF-8: repair
  }
  return invalid ? SourceEncoding::kWindows1252 : SourceEncoding::kUtf8;
}

Document DecodeArticle(std::string id, std::string_view bytes, DecodeOptions opts) {
  if (bytes.size() >= std::numeric_limits<uint32_t>::max()) {
    Document doc(std::move(id), std::string());
    doc.diagnostics.push_back({Diagnostic::Severity::kError, 0,
                               "article too large: " + std::to_string(bytes.size()) +
                                   " bytes; offsets are 32-bit"});
    return doc;
  }
  const size_t start = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  if (std::optional<size_t> at = FindBinary(bytes.substr(start), opts.max_control_ratio)) {
    OffsetMap map;
    map.Add(0, static_cast<uint32_t>(bytes.size()));  // the empty text stands for all of the input
    Document doc(std::move(id), std::string(), std::move(map));
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, static_cast<uint32_t>(start + *at), "binary content"});
    return doc;
  }
  SourceEncoding encoding = opts.encoding;
  if (encoding == SourceEncoding::kAuto) encoding = DetectEncoding(bytes);

  std::string text;
  text.reserve(bytes.size() + bytes.size() / 8);
  OffsetMap map;
  uint32_t repairs = 0;
  std::optional<size_t> first_repair;
  bool out_of_step = start > 0;  // the previous unit changed length: the next one needs an anchor

  const bool utf8 = encoding != SourceEncoding::kWindows1252;
  for (size_t i = start; i < bytes.size();) {
    if (!out_of_step) {
      // A run of units that keep their length (ASCII other than CR and '&', and under UTF-8 the
      // valid sequences) needs no anchor and no decoding: copy it at once. A '&' that starts no
      // reference is a one-byte unit of the loop below.
      size_t j = i;
      while (j < bytes.size()) {
        if (j + 8 <= bytes.size()) {
          const uint64_t block = Load8(bytes.data() + j);
          if (!AnyByteHigh(block) && !AnyByteIs(block, '\r') && !AnyByteIs(block, '&')) {
            j += 8;
            continue;
          }
        }
        const uint8_t c = static_cast<uint8_t>(bytes[j]);
        if (c < 0x80) {
          if (c == '\r' || c == '&') break;
          ++j;
        } else {
          const size_t n = utf8 ? SequenceLength(bytes, j) : 0;
          if (n == 0) break;
          j += n;
        }
      }
      if (j > i) {
        text.append(bytes.data() + i, j - i);
        i = j;
        continue;
      }
    }
    if (out_of_step) map.Add(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(i));
    const size_t text_before = text.size();
    const size_t unit_begin = i;
    const uint8_t b = static_cast<uint8_t>(bytes[i]);
    char32_t cp;
    size_t ref_length;
    if (b == '\r') {
      text.push_back('\n');
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
    } else if (b == '&' && opts.decode_entities && input_internal::MatchCharacterReference(bytes, i, &cp, &ref_length)) {
      AppendUtf8(text, cp);
      i += ref_length;
    } else if (b < 0x80) {
      text.push_back(static_cast<char>(b));
      ++i;
    } else if (encoding == SourceEncoding::kWindows1252) {
      AppendUtf8(text, Windows1252ToUnicode(b));
      ++i;
    } else if (const size_t n = SequenceLength(bytes, i); n > 0) {
      text.append(bytes.substr(i, n));
      i += n;
    } else {
      AppendUtf8(text, kReplacementCharacter);
      if (!first_repair) first_repair = i;
      ++repairs;
      ++i;
    }
    out_of_step = (text.size() - text_before) != (i - unit_begin);
    // A unit that changed length gets an anchor at its start too: offsets inside a widened
    // character then map to its first input byte.
    if (out_of_step) map.Add(static_cast<uint32_t>(text_before), static_cast<uint32_t>(unit_begin));
  }
  if (out_of_step) map.Add(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(bytes.size()));

  const bool blank = IsBlank(text);
  Document doc(std::move(id), std::move(text), std::move(map));
  doc.invalid_utf8_repairs = repairs;
  if (repairs > 0) {
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, static_cast<uint32_t>(*first_repair),
                               std::to_string(repairs) + " invalid UTF-8 byte" + (repairs == 1 ? "" : "s") +
                                   " replaced by U+FFFD, the first at input byte " +
                                   std::to_string(*first_repair)});
  }
  if (blank) doc.diagnostics.push_back({Diagnostic::Severity::kWarning, 0, "empty document"});
  return doc;
}

}  // namespace dateline
