#include "store/export.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/date.h"
#include "core/embedded.h"
#include "output/escape.h"

namespace dateline {

using namespace output_internal;

namespace {

void Key(std::string& b, std::string_view key) {
  b += ",\"";
  b += key;
  b += "\":";
}

// --- GDELT --------------------------------------------------------------------------------------

const std::unordered_map<std::string, std::string>& FipsTable() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    const std::optional<std::string_view> bytes = EmbeddedFile("geo/fips.tsv");
    if (!bytes) return t;
    std::string_view rest = *bytes;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      t.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return t;
  }();
  return table;
}

constexpr std::array<std::string_view, 39> kRoleTypes = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO",
    "NGO", "IMG", "INT", "MNC", "NGM", "PKO", "UIS", "SET", "REL", "RES", "UNK"};
constexpr std::array<std::string_view, 30> kReligions = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "ENG", "GNS", "HIN", "ITR", "JAN",
    "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO"};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// A CAMEO actor code split into GDELT's actor fields: three-letter parts, the first a country
// when it is one, then role types (up to three), religions (up to two) and a known group.
struct ActorParts {
  std::string country, known_group, religion1, religion2;
  std::string types[3];
};

ActorParts SplitActor(std::string_view code) {
  ActorParts p;
  int types = 0;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    const std::string_view part = code.substr(i, 3);
    if (i == 0 && FipsTable().count(std::string(part))) {
      p.country = part;
    } else if (In(kReligions, part)) {
      (p.religion1.empty() ? p.religion1 : p.religion2) = part;
    } else if (In(kRoleTypes, part)) {
      if (types < 3) p.types[types++] = part;
    } else if (p.known_group.empty()) {
      p.known_group = part;
    }
  }
  return p;
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return u;
}

// GDELT's geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
std::string_view GeoType(const StoredEvent& e) {
  const bool us = e.location_country == "USA";
  if (e.location_precision == "country") return "1";
  if (e.location_precision == "admin1") return us ? "2" : "5";
  return us ? "3" : "4";
}

void Tab(std::string& b) { b += '\t'; }
void Field(std::string& b, std::string_view s) {
  b += '\t';
  AppendTsvField(b, s);
}

}  // namespace

// --- code's records ------------------------------------------------------------------------------

EventRecord MakeEventRecord(const StoredEvent& e) {
  EventRecord r;
  r.event_id = e.event_id;
  r.doc_id = e.doc_id;
  r.outlet = e.outlet;
  r.url = e.url;
  r.sentence = e.sentence;
  if (e.date) r.date = Date::Parse(*e.date);
  r.date_precision = e.date_precision;
  r.historical = e.historical;
  r.mode = e.mode;
  r.source = {e.source, e.source_name, e.source_country, e.source_text};
  r.target = {e.target, e.target_name, e.target_country, e.target_text};
  r.code = e.code;
  r.root = e.root;
  r.quad_class = e.quad_class;
  r.goldstein = e.goldstein;
  r.plover = e.plover;
  r.plover_mode = e.plover_mode;
  r.plover_context = e.plover_context;
  if (e.has_location)
    r.location = EventRecord::Place{e.location_name, e.location_country, e.location_admin1, e.location_lat,
                                    e.location_lon, e.location_geonames_id, e.location_precision};
  r.issues.items = e.issues;
  if (e.quote_id) r.quote_id = *e.quote_id;
  r.evidence_text = e.evidence_text;
  r.evidence = {e.evidence_start, e.evidence_end};
  const auto span = [](const std::optional<int64_t>& start,
                       const std::optional<int64_t>& end) -> std::optional<EventRecord::Span> {
    if (!start || !end) return std::nullopt;
    return EventRecord::Span{*start, *end};
  };
  r.source_span = span(e.source_span_start, e.source_span_end);
  r.target_span = span(e.target_span_start, e.target_span_end);
  r.verb_span = span(e.verb_span_start, e.verb_span_end);
  r.rules.items = e.rules;
  r.version = e.version;
  if (e.publication_date) r.publication_date = Date::Parse(*e.publication_date);
  return r;
}

// --- table ---------------------------------------------------------------------------------------

namespace {
// Display width: code points (the table's text is mostly ASCII; wide characters are rare).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Clip(std::string_view s, size_t max) {
  if (Width(s) <= max) return std::string(s);
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n > max - 1) break;
    out += s[i];
  }
  return out + "\xE2\x80\xA6";  // …
}
}  // namespace

void WriteEventTable(std::ostream& out, const std::vector<StoredEvent>& events) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"date", "source", "target", "code", "quad", "goldstein", "plover", "place", "doc_id", "sentence"});
  for (const StoredEvent& e : events) {
    const EventRecord r = MakeEventRecord(e);
    std::string date, quad, goldstein, sentence;
    if (r.date) AppendDate(date, r.date->year, r.date->month, r.date->day);
    if (r.quad_class) AppendInt(quad, *r.quad_class);
    if (r.goldstein) AppendDecimal(goldstein, *r.goldstein);
    AppendInt(sentence, r.sentence);
    rows.push_back({date, std::string(r.source.code), std::string(r.target.code), std::string(r.code), quad, goldstein,
                    std::string(r.plover), r.location ? Clip(r.location->name, 24) : "", Clip(r.doc_id, 32), sentence});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], Width(row[c]));
  std::string line;
  for (const auto& row : rows) {
    line.clear();
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - Width(row[c]) + 2, ' ');
    }
    out << line << '\n';
  }
}

// --- GDELT ---------------------------------------------------------------------------------------

const std::vector<std::string_view>& GdeltColumns() {
  // GDELT 2.0 event table, in GDELT's order (the GDELT Event Codebook V2.0).
  static const std::vector<std::string_view> kColumns = {
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
      "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
      "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
      "NumMentions", "NumSources", "NumArticles", "AvgTone",
      "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
      "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
      "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
      "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
      "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
      "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
      "DATEADDED", "SOURCEURL"};
  return kColumns;
}

std::string_view FipsCountryCode(std::string_view alpha3) {
  const auto& t = FipsTable();
  const auto it = t.find(std::string(alpha3));
  return it == t.end() ? std::string_view() : std::string_view(it->second);
}

int64_t GdeltEventId(const StoredEvent& e) {
  std::string key = e.event_id;
  key += '\x1f';
  key += e.doc_id;
  key += '\x1f';
  key += std::to_string(e.event_index);
  return static_cast<int64_t>(XXH3_64bits(key.data(), key.size()) & 0x7FFFFFFFFFFFFFFFull);
}

void AppendGdeltRow(std::string& b, const StoredEvent& e) {
  AppendInt(b, GdeltEventId(e));
  // Dates: SQLDATE YYYYMMDD, MonthYear YYYYMM, Year, FractionDate YYYY.FFFF with GDELT's
  // fraction (month * 30 + day) / 365.
  int y = 0, m = 0, d = 0;
  const bool dated = e.date && std::sscanf(e.date->c_str(), "%d-%d-%d", &y, &m, &d) == 3;
  char buf[32];
  if (dated) {
    std::snprintf(buf, sizeof buf, "\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f", y, m, d, y, m, y,
                  y + (m * 30 + d) / 365.0);
    b += buf;
  } else {
    b += "\t\t\t\t";
  }
  const auto actor = [&](const std::string& code, const std::string& name) {
    const ActorParts p = SplitActor(code);
    Field(b, code);
    Field(b, Upper(name));
    Field(b, p.country);
    Field(b, p.known_group);
    Tab(b);  // EthnicCode: dateline's dictionaries have none
    Field(b, p.religion1);
    Field(b, p.religion2);
    for (const std::string& t : p.types) Field(b, t);
  };
  actor(e.source, e.source_name);
  actor(e.target, e.target_name);
  // IsRootEvent: GDELT's "in the lead paragraph"; here the headline or the first sentence after it.
  Field(b, e.sentence <= 1 ? "1" : "0");
  Field(b, e.code);
  Field(b, e.code.substr(0, std::min<size_t>(3, e.code.size())));
  Field(b, e.root);
  Tab(b);
  if (e.quad_class) AppendInt(b, *e.quad_class);
  Tab(b);
  if (e.goldstein) AppendDecimal(b, *e.goldstein);
  // NumMentions, NumSources, NumArticles: the event's cluster's counts; AvgTone empty.
  for (const int64_t n : {e.num_mentions, e.num_sources, e.num_articles}) {
    Tab(b);
    AppendInt(b, n);
  }
  Tab(b);
  // Actor1Geo_* and Actor2Geo_*: dateline places the event, not each actor.
  for (int i = 0; i < 16; ++i) Tab(b);
  if (e.has_location) {
    const std::string_view fips = FipsCountryCode(e.location_country);
    Field(b, GeoType(e));
    Field(b, e.location_name);
    Field(b, fips);
    Field(b, !fips.empty() && !e.location_admin1.empty() && e.location_precision != "country"
                 ? std::string(fips) + e.location_admin1
                 : std::string());
    Tab(b);  // ADM2Code
    Tab(b);
    if (e.location_lat) AppendCoordinate(b, *e.location_lat);
    Tab(b);
    if (e.location_lon) AppendCoordinate(b, *e.location_lon);
    Tab(b);
    if (e.location_precision == "country")
      b += fips;  // GDELT's FeatureID of a country is its FIPS code
    else if (e.location_geonames_id)
      AppendInt(b, *e.location_geonames_id);  // a GeoNames id (GDELT: GNS/GNIS), docs/export-gdelt.md
  } else {
    for (int i = 0; i < 8; ++i) Tab(b);
  }
  // DATEADDED: the article's publication date at 00:00:00 (dateline keeps no ingest time).
  Tab(b);
  if (e.publication_date && e.publication_date->size() == 10) {
    const std::string& p = *e.publication_date;
    b += p.substr(0, 4) + p.substr(5, 2) + p.substr(8, 2) + "000000";
  }
  Field(b, !e.url.empty() ? e.url : e.outlet);
  b += '\n';
}

// --- PLOVER --------------------------------------------------------------------------------------

bool AppendPloverJson(std::string& b, const EventRecord& r) {
  if (r.plover.empty()) return false;
  b += "{\"id\":";
  AppendJsonString(b, r.event_id);
  Key(b, "date"), AppendJsonDate(b, r.date);
  Key(b, "date_precision"), AppendJsonString(b, r.date_precision);
  Key(b, "event_type"), AppendJsonString(b, r.plover);
  Key(b, "mode"), AppendJsonString(b, r.plover_mode);
  Key(b, "context");
  b += '[';
  bool first = true;
  for (size_t from = 0; from < r.plover_context.size();) {
    size_t semi = r.plover_context.find(';', from);
    if (semi == std::string_view::npos) semi = r.plover_context.size();
    if (semi > from) {
      if (!first) b += ',';
      first = false;
      AppendJsonString(b, r.plover_context.substr(from, semi - from));
    }
    from = semi + 1;
  }
  b += ']';
  Key(b, "status"), AppendJsonString(b, r.mode);
  Key(b, "actor"), AppendJsonString(b, r.source.code);
  Key(b, "actor_name"), AppendJsonString(b, r.source.name);
  Key(b, "actor_country"), AppendJsonString(b, r.source.country);
  Key(b, "actor_text"), AppendJsonString(b, r.source.text);
  Key(b, "recipient"), AppendJsonString(b, r.target.code);
  Key(b, "recipient_name"), AppendJsonString(b, r.target.name);
  Key(b, "recipient_country"), AppendJsonString(b, r.target.country);
  Key(b, "recipient_text"), AppendJsonString(b, r.target.text);
  Key(b, "location"), AppendLocationJson(b, r.location, "place_name", /*with_precision=*/false);
  Key(b, "source_text"), AppendJsonString(b, r.evidence_text);
  Key(b, "doc_id"), AppendJsonString(b, r.doc_id);
  Key(b, "url"), AppendJsonString(b, r.url);
  Key(b, "outlet"), AppendJsonString(b, r.outlet);
  Key(b, "story_date"), AppendJsonDate(b, r.publication_date);
  Key(b, "cameo_code"), AppendJsonString(b, r.code);
  Key(b, "version"), AppendJsonString(b, r.version);
  b += "}\n";
  return true;
}

}  // namespace dateline
