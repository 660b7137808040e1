// The GDELT row of hand-made stored events: actor codes split into GDELT's parts, US places,
// missing values left empty, and the stable GLOBALEVENTID; the EventRecord view of a stored
// event and the PLOVER record written from it. (query_test.cpp checks the rows of a real
// database, event_record_test.cpp that a stored event's record is the coded event's.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "store/export.h"
#include "test_util.h"

namespace dateline {
namespace {

std::vector<std::string> GdeltFields(const StoredEvent& e) {
  std::string line;
  AppendGdeltRow(line, e);
  EXPECT_EQ(line.back(), '\n');
  line.pop_back();
  std::vector<std::string> fields;
  size_t from = 0;
  for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
    fields.push_back(line.substr(from, tab - from));
  fields.push_back(line.substr(from));
  return fields;
}

StoredEvent Base() {
  StoredEvent e;
  e.event_id = "0123456789abcdef";
  e.doc_id = "doc-1";
  e.event_index = 0;
  e.source = "IRQSHIREBMIL";
  e.source_name = "Kata'ib Hezbollah";
  e.target = "USAGOV";
  e.target_name = "United States";
  e.code = "190";
  e.root = "19";
  e.sentence = 3;
  return e;
}

TEST(GdeltExport, SplitsActorCodesIntoGdeltsParts) {
  const std::vector<std::string> f = GdeltFields(Base());
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[5], "IRQSHIREBMIL");
  EXPECT_EQ(f[6], "KATA'IB HEZBOLLAH");
  EXPECT_EQ(f[7], "IRQ");
  EXPECT_EQ(f[8], "");      // no known group
  EXPECT_EQ(f[10], "SHI");  // religion
  EXPECT_EQ(f[11], "");
  EXPECT_EQ(f[12], "REB");
  EXPECT_EQ(f[13], "MIL");
  EXPECT_EQ(f[14], "");
  EXPECT_EQ(f[15], "USAGOV");
  EXPECT_EQ(f[17], "USA");
  EXPECT_EQ(f[22], "GOV");
  EXPECT_EQ(f[25], "0");  // not in the lead
  EXPECT_EQ(f[27], "190");
}

TEST(GdeltExport, LeavesMissingValuesEmpty) {
  StoredEvent e = Base();
  e.outlet = "BBC Monitoring";  // no url: the outlet, as GDELT does
  const std::vector<std::string> f = GdeltFields(e);
  for (int c : {1, 2, 3, 4, 29, 30, 34, 59}) EXPECT_EQ(f[c], "") << GdeltColumns()[c];  // no date, no scores
  for (int c = 35; c < 59; ++c) EXPECT_EQ(f[c], "") << GdeltColumns()[c];                 // no place
  EXPECT_EQ(f[60], "BBC Monitoring");
}

TEST(GdeltExport, UsPlacesAndAdm1Codes) {
  StoredEvent e = Base();
  e.has_location = true;
  e.location_name = "Sacramento";
  e.location_country = "USA";
  e.location_admin1 = "CA";
  e.location_precision = "city";
  e.location_lat = 38.58157;
  e.location_lon = -121.4944;
  e.location_geonames_id = 5389489;
  std::vector<std::string> f = GdeltFields(e);
  EXPECT_EQ(f[51], "3");  // US city
  EXPECT_EQ(f[53], "US");
  EXPECT_EQ(f[54], "USCA");
  EXPECT_EQ(f[56], "38.58157");
  EXPECT_EQ(f[57], "-121.4944");
  EXPECT_EQ(f[58], "5389489");
  e.location_precision = "admin1";
  EXPECT_EQ(GdeltFields(e)[51], "2");
  e.location_country = "DEU";
  EXPECT_EQ(GdeltFields(e)[51], "5");
  EXPECT_EQ(GdeltFields(e)[53], "GM");
  EXPECT_EQ(GdeltFields(e)[54], "GMCA");
}

TEST(GdeltExport, GlobalEventIdIsStablePositiveAndPerEvent) {
  StoredEvent a = Base(), b = Base();
  EXPECT_EQ(GdeltEventId(a), GdeltEventId(b));
  EXPECT_GT(GdeltEventId(a), 0);
  b.event_index = 1;  // the same event id twice in one article (e.g. --all-modes)
  EXPECT_NE(GdeltEventId(a), GdeltEventId(b));
  b = Base();
  b.article_id = 99;  // another database's rowid: the id does not depend on it
  EXPECT_EQ(GdeltEventId(a), GdeltEventId(b));
}

TEST(StoredEventRecord, ViewsTheRowsFields) {
  StoredEvent e = Base();
  e.date = "2024-03-04";
  e.publication_date = "2024-03-05";
  e.issues = {"SECURITY"};
  e.source_span_start = 10, e.source_span_end = 14;
  e.target_span_start = 20;  // half a span: none
  e.location_name = "ignored";  // without has_location: no place
  const EventRecord r = MakeEventRecord(e);
  EXPECT_EQ(r.event_id, "0123456789abcdef");
  EXPECT_EQ(r.source.code, "IRQSHIREBMIL");
  EXPECT_EQ(r.source.name, "Kata'ib Hezbollah");
  EXPECT_EQ(r.target.code, "USAGOV");
  EXPECT_EQ(r.sentence, 3);
  EXPECT_EQ(r.date, (Date{2024, 3, 4}));
  EXPECT_EQ(r.publication_date, (Date{2024, 3, 5}));
  ASSERT_EQ(r.issues.items.size(), 1u);
  EXPECT_EQ(r.issues.items[0], "SECURITY");
  EXPECT_EQ(r.source_span, (EventRecord::Span{10, 14}));
  EXPECT_FALSE(r.target_span.has_value());
  EXPECT_FALSE(r.location.has_value());
  EXPECT_FALSE(r.quote_id.has_value());
  e.date = "2024-02-30";  // not a date: null, as a date never stored would be
  EXPECT_FALSE(MakeEventRecord(e).date.has_value());
}

TEST(PloverExport, WritesTheRecordsPloverFields) {
  StoredEvent e = Base();
  std::string line;
  EXPECT_FALSE(AppendPloverJson(line, MakeEventRecord(e)));  // no PLOVER type: nothing
  EXPECT_EQ(line, "");
  e.plover = "ASSAULT";
  e.plover_context = "military;;terrorism";
  e.date = "2024-03-04";
  e.mode = "asserted";
  ASSERT_TRUE(AppendPloverJson(line, MakeEventRecord(e)));
  EXPECT_EQ(line.back(), '\n');
  for (const char* part : {"{\"id\":\"0123456789abcdef\",\"date\":\"2024-03-04\"", "\"event_type\":\"ASSAULT\"",
                           "\"context\":[\"military\",\"terrorism\"]", "\"actor\":\"IRQSHIREBMIL\"",
                           "\"location\":null", "\"story_date\":null", "\"cameo_code\":\"190\""})
    EXPECT_NE(line.find(part), std::string::npos) << part << "\n" << line;
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// data/geo/fips.tsv was written by hand (no Debian package carries FIPS 10-4): a sample checked
// by hand against the published list, where FIPS and ISO differ most, must agree with it.
TEST(GdeltExport, FipsCodesMatchACheckedSample) {
  std::istringstream lines(testing::ReadFile(testing::SourceDir() / "tests/unit/store/data/fips_sample.tsv"));
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_EQ(FipsCountryCode(line.substr(0, tab)), line.substr(tab + 1)) << line;
    ++checked;
  }
  EXPECT_GE(checked, 90);
}

}  // namespace
}  // namespace dateline
