// Writing events read from the store (store/query.h) in the formats of `dateline query` and
// `dateline export`: the event records `dateline code` writes (a stored event viewed as the
// EventRecord that src/output's writers write: the same fields and bytes), an aligned table for
// terminals, GDELT 2.0's event table (61 tab-separated columns, docs/export-gdelt.md) and PLOVER
// JSON records (docs/query.md).
//
//   std::string line;
//   AppendEventJson(line, MakeEventRecord(event));   // code's JSON line
//   AppendGdeltRow(line, event);                     // one TSV line, '\n'-terminated
//   out << line;
//
// The Append functions append one '\n'-terminated line to `out`.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "output/output.h"
#include "store/query.h"

namespace dateline {

// The event record `dateline code` writes for this event, as the view its writers read
// (output/output.h: AppendEventJson, AppendEventFlat). Views point into `e`. A stored date that
// is not a valid YYYY-MM-DD reads as null.
EventRecord MakeEventRecord(const StoredEvent& e);

// An aligned, human-readable table of the events' main fields (date, actors, code, scores,
// place, document), column widths from the rows given.
void WriteEventTable(std::ostream& out, const std::vector<StoredEvent>& events);

// GDELT 2.0's 61 event-table column names, in GDELT's order.
const std::vector<std::string_view>& GdeltColumns();
// The GDELT row of an event (no header: GDELT files have none).
void AppendGdeltRow(std::string& out, const StoredEvent& e);
// GLOBALEVENTID: XXH3-64 of event_id, doc_id and event_index, top bit cleared (a positive
// 63-bit integer, the same for the same input whatever the database).
int64_t GdeltEventId(const StoredEvent& e);
// The FIPS 10-4 country code of an ISO 3166 alpha-3 (or CAMEO) country code, "" when unknown
// (data/geo/fips.tsv).
std::string_view FipsCountryCode(std::string_view alpha3);

// A PLOVER-style JSON record. Events without a PLOVER type (CAMEO roots 01 and 02) have none:
// returns false and appends nothing.
bool AppendPloverJson(std::string& out, const EventRecord& r);

}  // namespace dateline
