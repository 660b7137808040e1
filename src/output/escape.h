// Private to src/output: the byte-level encoders the record writers share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::output_internal {

// `s` itself when it is well-formed UTF-8; otherwise a copy in `scratch` with every byte that
// does not belong to a well-formed sequence replaced by U+FFFD.
std::string_view ValidUtf8(std::string_view s, std::string& scratch);

// A field of the flat formats: TSV replaces tab, LF and CR by a space; CSV quotes the value when
// it holds a comma, a double quote, LF or CR (RFC 4180), doubling the quotes inside.
void AppendTsvField(std::string& out, std::string_view s);
void AppendCsvField(std::string& out, std::string_view s);

void AppendUint(std::string& out, uint64_t v);
// Shortest round-trip decimal without an exponent, always with a fraction: 3.4, -10.0, 0.0.
void AppendDecimal(std::string& out, double v);
// YYYY-MM-DD.
void AppendDate(std::string& out, int year, int month, int day);

}  // namespace dateline::output_internal
