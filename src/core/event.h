// Event: one coded "who did what to whom" record, with the spans that produced it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/span.h"

namespace dateline {

enum class Mode : uint8_t { kAsserted, kFuture, kHypothetical, kNegated };
const char* ModeName(Mode m);

// One side of an event, resolved to a CAMEO actor code.
struct ActorRef {
  std::string code;     // "CHNGOV", "IGOUNO"; empty when the side is absent
  std::string name;     // canonical name: "Xi Jinping", "China"
  std::string country;  // CAMEO/ISO alpha-3 country, "" for organisations without one
  std::optional<ByteSpan> span;  // the words in the sentence (Document::text offsets)
  bool empty() const { return code.empty(); }
};

// Where an event happened (resolve/places.h): a city, an admin1 region (state, province) or a
// country. Coordinates are absent only when the build had no gazetteer of places.
enum class LocationPrecision : uint8_t { kCity, kAdmin1, kCountry };
const char* LocationPrecisionName(LocationPrecision p);

struct Location {
  std::string name;     // "Almaty", "Texas", "Kazakhstan"
  std::string country;  // CAMEO/ISO alpha-3 code: "KAZ"
  std::string admin1;   // admin1 region name where known ("Texas"), else ""
  std::optional<double> lat, lon;
  std::optional<uint32_t> geonames_id;  // cities only
  LocationPrecision precision = LocationPrecision::kCountry;
};

struct Event {
  uint32_t sentence = 0;  // index into Document::sentences
  ActorRef source, target;
  std::string code;  // CAMEO event code, e.g. "036"
  std::optional<ByteSpan> verb_span;
  Date date;
  DatePrecision date_precision = DatePrecision::kDay;
  bool historical = false;
  Mode mode = Mode::kAsserted;
  std::vector<std::string> rules;   // "verb data/verbs.dl:12", "actor data/actors.dl:40"
  std::vector<std::string> issues;  // issue/theme tags
  std::optional<uint32_t> quote;    // index of the quote it came from
  std::optional<Location> location; // filled after coding (resolve/places.h); none when unknown
};

}  // namespace dateline
