#include "resolve/gazetteer.h"

#include <algorithm>
#include <cstring>

#include <xxhash.h>

#include "core/embedded.h"

namespace dateline {

using namespace geo;

uint64_t Gazetteer::Hash(std::string_view folded) { return XXH3_64bits(folded.data(), folded.size()); }

Result<Gazetteer> Gazetteer::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(GazetteerHeader) || reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0)
    return DataError("gazetteer: too short or misaligned");
  Gazetteer g;
  g.header_ = reinterpret_cast<const GazetteerHeader*>(bytes.data());
  const GazetteerHeader& h = *g.header_;
  if (h.magic != kGazetteerMagic || h.version != kGazetteerVersion)
    return DataError("gazetteer: not a version " + std::to_string(kGazetteerVersion) + " gazetteer");
  const uint64_t need = sizeof h + uint64_t{h.keys} * 8 + (uint64_t{h.keys} + 1) * 4 + uint64_t{h.postings} * 4 +
                        uint64_t{h.places} * sizeof(PlaceRecord) + uint64_t{h.admin1s} * sizeof(Admin1Record) +
                        uint64_t{h.countries} * sizeof(CountryRecord) + h.strings;
  if (bytes.size() < need) return DataError("gazetteer: truncated");
  const char* p = bytes.data() + sizeof h;
  g.key_hash_ = {reinterpret_cast<const uint64_t*>(p), h.keys};
  p += uint64_t{h.keys} * 8;
  g.key_begin_ = {reinterpret_cast<const uint32_t*>(p), h.keys + size_t{1}};
  p += (uint64_t{h.keys} + 1) * 4;
  g.postings_ = {reinterpret_cast<const uint32_t*>(p), h.postings};
  p += uint64_t{h.postings} * 4;
  g.places_ = {reinterpret_cast<const PlaceRecord*>(p), h.places};
  p += uint64_t{h.places} * sizeof(PlaceRecord);
  g.admin1s_ = {reinterpret_cast<const Admin1Record*>(p), h.admin1s};
  p += uint64_t{h.admin1s} * sizeof(Admin1Record);
  g.countries_ = {reinterpret_cast<const CountryRecord*>(p), h.countries};
  p += uint64_t{h.countries} * sizeof(CountryRecord);
  g.strings_ = {p, h.strings};
  if (h.strings == 0 || g.strings_.back() != '\0') return DataError("gazetteer: strings not terminated");
  // Every index must lie inside its table: the reader trusts them afterwards.
  if (g.key_begin_.front() != 0 || g.key_begin_.back() != h.postings)
    return DataError("gazetteer: postings do not add up");
  for (size_t k = 0; k + 1 < g.key_begin_.size(); ++k)
    if (g.key_begin_[k] > g.key_begin_[k + 1] || (k + 1 < g.key_hash_.size() && g.key_hash_[k] >= g.key_hash_[k + 1]))
      return DataError("gazetteer: keys out of order");
  for (uint32_t x : g.postings_)
    if (x >= h.places) return DataError("gazetteer: a posting past the places");
  for (const PlaceRecord& r : g.places_)
    if (r.country >= h.countries || r.name >= h.strings || (r.admin1 != kNone && r.admin1 >= h.admin1s))
      return DataError("gazetteer: a place record out of range");
  for (const Admin1Record& a : g.admin1s_)
    if (a.name >= h.strings || a.code >= h.strings || (a.place != kNone && a.place >= h.places)) return DataError("gazetteer: an admin1 record out of range");
  for (const CountryRecord& c : g.countries_)
    if (c.place >= h.places || c.name >= h.strings || c.code[3] != '\0')
      return DataError("gazetteer: a country record out of range");
  g.bucket_.assign(65537, 0);
  size_t k = 0;
  for (uint32_t b = 0; b <= 65536; ++b) {
    while (k < g.key_hash_.size() && (g.key_hash_[k] >> 48) < b) ++k;
    g.bucket_[b] = static_cast<uint32_t>(k);
  }
  return g;
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer kDefault = [] {
    if (std::optional<std::string_view> bytes = EmbeddedFile("geo/gazetteer.bin")) {
      Result<Gazetteer> g = FromBytes(*bytes);
      if (g.ok()) return g.take();
    }
    return Gazetteer();
  }();
  return kDefault;
}

std::span<const uint32_t> Gazetteer::Find(uint64_t hash) const {
  if (key_hash_.empty()) return {};
  const uint32_t top = static_cast<uint32_t>(hash >> 48);
  const uint64_t* first = key_hash_.data() + bucket_[top];
  const uint64_t* last = key_hash_.data() + bucket_[top + 1];
  const uint64_t* it = std::lower_bound(first, last, hash);
  if (it == last || *it != hash) return {};
  const size_t k = static_cast<size_t>(it - key_hash_.data());
  return postings_.subspan(key_begin_[k], key_begin_[k + 1] - key_begin_[k]);
}

std::string_view Gazetteer::admin1_name(uint32_t place) const {
  const PlaceRecord& r = places_[place];
  return r.admin1 == kNone ? std::string_view() : str(admin1s_[r.admin1].name);
}

uint32_t Gazetteer::admin1_place(uint32_t place) const {
  const PlaceRecord& r = places_[place];
  return r.admin1 == kNone ? kNone : admin1s_[r.admin1].place;
}

std::optional<uint16_t> Gazetteer::FindCountry(std::string_view code) const {
  for (size_t i = 0; i < countries_.size(); ++i)
    if (code == countries_[i].code) return static_cast<uint16_t>(i);
  return std::nullopt;
}

}  // namespace dateline
