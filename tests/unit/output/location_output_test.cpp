// RecordWriter: the event's `location` object (JSON) and the flat location.* columns.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "output/output.h"

namespace dateline {
namespace {

constexpr std::string_view kText = "China criticized Japan in Almaty.";

Document MakeDoc(std::optional<Location> location) {
  Document doc("doc-1", std::string(kText));
  doc.sentences.push_back({ByteSpan{0, static_cast<uint32_t>(kText.size())}, 0, 0, 0, false});
  Event e;
  e.source = {"CHN", "China", "CHN", ByteSpan{0, 5}};
  e.target = {"JPN", "Japan", "JPN", ByteSpan{17, 22}};
  e.code = "111";
  e.date = Date{2022, 1, 7};
  e.location = std::move(location);
  doc.events.push_back(e);
  return doc;
}

Location Almaty() {
  Location l;
  l.name = "Almaty";
  l.country = "KAZ";
  l.lat = 43.25654;
  l.lon = 76.92848;
  l.geonames_id = 1526384;
  l.precision = LocationPrecision::kCity;
  return l;
}

std::string Write(OutputFormat format, const Document& doc) {
  std::ostringstream out;
  OutputOptions o;
  o.format = format;
  o.version = "dateline test";
  RecordWriter w(out, o);
  w.Write(doc);
  return out.str();
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == s.npos ? s.npos : at - start));
    if (at == s.npos) return out;
    start = at + 1;
  }
}

// The flat row's value of each location.* column.
std::vector<std::string> FlatLocation(const Document& doc) {
  const std::vector<std::string> lines = Split(Write(OutputFormat::kTsv, doc), '\n');
  EXPECT_GE(lines.size(), 2u);
  const std::vector<std::string> header = Split(lines[0], '\t'), row = Split(lines[1], '\t');
  std::vector<std::string> out;
  for (std::string_view col : {"location.name", "location.country", "location.admin1", "location.lat",
                               "location.lon", "location.geonames_id", "location.precision"}) {
    const auto it = std::find(header.begin(), header.end(), col);
    EXPECT_NE(it, header.end()) << col;
    out.push_back(it == header.end() ? "?" : row[static_cast<size_t>(it - header.begin())]);
  }
  return out;
}

TEST(OutputLocation, JsonObject) {
  const std::string line = Write(OutputFormat::kJsonl, MakeDoc(Almaty()));
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(simdjson::padded_string(line)).value();
  simdjson::dom::element loc = root["location"].value();
  std::vector<std::string> keys;
  simdjson::dom::object object;
  ASSERT_EQ(loc.get(object), simdjson::SUCCESS);
  for (auto field : object) keys.emplace_back(field.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"name", "country", "admin1", "lat", "lon", "geonames_id", "precision"}));
  EXPECT_EQ(loc["name"].get_string().value(), "Almaty");
  EXPECT_EQ(loc["country"].get_string().value(), "KAZ");
  EXPECT_EQ(loc["admin1"].get_string().value(), "");
  EXPECT_DOUBLE_EQ(loc["lat"].get_double().value(), 43.25654);
  EXPECT_DOUBLE_EQ(loc["lon"].get_double().value(), 76.92848);
  EXPECT_EQ(loc["geonames_id"].get_uint64().value(), 1526384u);
  EXPECT_EQ(loc["precision"].get_string().value(), "city");
}

TEST(OutputLocation, JsonCountryWithoutCoordinatesOrId) {
  Location kaz;
  kaz.name = "Kazakhstan";
  kaz.country = "KAZ";
  kaz.precision = LocationPrecision::kCountry;
  const std::string line = Write(OutputFormat::kJsonl, MakeDoc(kaz));
  EXPECT_NE(line.find("\"location\":{\"name\":\"Kazakhstan\",\"country\":\"KAZ\",\"admin1\":\"\",\"lat\":null,"
                      "\"lon\":null,\"geonames_id\":null,\"precision\":\"country\"}"),
            std::string::npos)
      << line;
}

TEST(OutputLocation, JsonNullWhenUnknown) {
  const std::string line = Write(OutputFormat::kJsonl, MakeDoc(std::nullopt));
  EXPECT_NE(line.find("\"location\":null"), std::string::npos) << line;
}

TEST(OutputLocation, FlatColumns) {
  EXPECT_EQ(FlatLocation(MakeDoc(Almaty())),
            (std::vector<std::string>{"Almaty", "KAZ", "", "43.25654", "76.92848", "1526384", "city"}));
  Location texas;
  texas.name = "Texas";
  texas.country = "USA";
  texas.admin1 = "Texas";
  texas.lat = 31.1;
  texas.lon = -97.5;
  texas.precision = LocationPrecision::kAdmin1;
  EXPECT_EQ(FlatLocation(MakeDoc(texas)),
            (std::vector<std::string>{"Texas", "USA", "Texas", "31.1", "-97.5", "", "admin1"}));
  EXPECT_EQ(FlatLocation(MakeDoc(std::nullopt)), (std::vector<std::string>(7, "")));
}

}  // namespace
}  // namespace dateline
