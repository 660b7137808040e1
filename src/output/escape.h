// Private to src/output and the store's export writers (store/export.cpp): the byte-level encoders
// the record writers share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "output/output.h"

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
// A signed integer.
void AppendInt(std::string& out, int64_t v);
// A coordinate, which the gazetteer holds to 5 decimals: written from its integer 1e-5 degrees
// as AppendDecimal would write it (trailing zeros dropped, at least one decimal) at a tenth of
// the cost of the shortest-round-trip conversion.
void AppendCoordinate(std::string& out, double degrees);
// YYYY-MM-DD.
void AppendDate(std::string& out, int year, int month, int day);

// A date as a JSON string ("YYYY-MM-DD"), or null when absent or invalid.
void AppendJsonDate(std::string& out, const std::optional<Date>& d);

// An event's location as a JSON object, or null: `name_key` names the place ("name" in the event
// record, "place_name" in PLOVER's), `with_precision` adds "precision" (the event record's).
void AppendLocationJson(std::string& out, const std::optional<EventRecord::Place>& place, std::string_view name_key,
                        bool with_precision);

}  // namespace dateline::output_internal
