// The two ways to an event record agree: the record `dateline code` writes for an event of a
// coded Document (MakeEventRecord(doc, event, ...)) equals, field by field, the record `dateline
// query` writes for the event's stored row (MakeEventRecord(StoredEvent)) — nulls, a code outside
// the CAMEO table, places of each precision, quotes, lists, and the publication date that only
// PLOVER writes. query_test.cpp checks the same through the writers' bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "store/export.h"
#include "store/query.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kVersion = "dateline test";

// A record as text, for failure messages: its JSON line and its publication date.
std::string Show(const EventRecord& r) {
  std::string s;
  AppendEventJson(s, r);
  return s + "publication_date " + (r.publication_date ? r.publication_date->ToString() : "null") + "\n";
}

// Expects the records of doc's events to equal those of its stored rows.
void ExpectSameRecords(const Document& doc, const std::vector<StoredEvent>& stored) {
  ASSERT_EQ(stored.size(), doc.events.size()) << doc.id;
  EventRecordBuffer buffer;
  for (size_t i = 0; i < stored.size(); ++i) {
    const EventRecord from_doc = MakeEventRecord(doc, doc.events[i], kVersion, buffer);
    const EventRecord from_store = MakeEventRecord(stored[i]);
    EXPECT_TRUE(from_doc == from_store) << doc.id << " event " << i << "\ncode:  " << Show(from_doc)
                                        << "query: " << Show(from_store);
  }
}

class EventRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline-record-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Every stored event, by doc_id, in event order.
  std::map<std::string, std::vector<StoredEvent>> ReadAll(const fs::path& db) {
    std::map<std::string, std::vector<StoredEvent>> events;
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db.string());
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    if (!reader.ok()) return events;
    Status s = (*reader)->ForEach({}, [&](const StoredEvent& e) {
      events[e.doc_id].push_back(e);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return events;
  }

  fs::path dir_;
};

// Events that leave fields null or empty in each way the contract allows, and lists that need escapes.
Document HandMadeDoc() {
  constexpr std::string_view kText = "China, \"firmly\" criticized\tJapan in Almaty.\nIt said so.";
  const auto span = [&](std::string_view word) {
    const size_t at = kText.find(word);
    return ByteSpan{static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
  };
  OffsetMap offsets;
  offsets.Add(0, 3);  // a dropped BOM
  Document doc("doc,1 \"hand\"", std::string(kText), std::move(offsets));
  doc.outlet = "Reuters";
  doc.publication_date = Date{2022, 1, 10};
  doc.sentences.push_back({span("China, \"firmly\" criticized\tJapan in Almaty."), 0, 0, 0, false});
  doc.sentences.push_back({span("It said so."), 0, 0, 1, false});
  Event e;
  e.source = {"CHN", "China", "CHN", span("China")};
  e.target = {"JPN", "Japan", "JPN", span("Japan")};
  e.code = "111";
  e.verb_span = span("criticized");
  e.date = Date{2022, 1, 7};
  e.date_precision = DatePrecision::kWeek;
  e.historical = true;
  e.rules = {"verb data/dict/verbs.dl:12", "actor a|b.dl:3"};
  e.issues = {"SECURITY", "TRADE"};
  e.quote = 0;
  Event escaped = e;  // lists whose JSON holds escapes, read back by the parser rather than split
  escaped.issues = {"a \"quoted\" issue", "back\\slash", "line\nbreak", "", "[x,y]"};
  escaped.rules = {"verb it's \"quoted\".dl:1"};
  escaped.quote = 1;
  Location almaty;
  almaty.name = "Almaty";
  almaty.country = "KAZ";
  almaty.admin1 = "Almaty Oblysy";
  almaty.lat = 43.25667;
  almaty.lon = 76.92861;
  almaty.geonames_id = 1526384;
  almaty.precision = LocationPrecision::kCity;
  e.location = almaty;
  doc.events.push_back(e);
  doc.events.push_back(escaped);

  Event bare;  // outside the CAMEO table, one-sided, undated, no place, no spans, no lists
  bare.sentence = 1;
  bare.source = {"IGOUNO", "United Nations", "", std::nullopt};
  bare.code = "999";
  bare.mode = Mode::kNegated;
  doc.events.push_back(bare);

  Event unscored = bare;  // a CAMEO code without a Goldstein score; a country-level place without coordinates
  unscored.code = "155";
  unscored.issues = {"", "a,b", "[c]", " "};  // split at the quotes: empty strings, commas and brackets inside
  Location kazakhstan;
  kazakhstan.name = "Kazakhstan";
  kazakhstan.country = "KAZ";
  unscored.location = kazakhstan;
  doc.events.push_back(unscored);
  return doc;
}

TEST_F(EventRecordTest, StoredRecordEqualsTheDocumentsRecord) {
  const fs::path db = dir_ / "events.db";
  const Document doc = HandMadeDoc();
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db.string());
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->BeginBatch().ok());
    Result<AddOutcome> added = (*store)->AddArticle(doc, PrepareText(doc), kVersion);
    ASSERT_TRUE(added.ok()) << added.status().message();
    ASSERT_EQ(*added, AddOutcome::kAdded);
    ASSERT_TRUE((*store)->CommitBatch().ok());
  }
  const std::vector<StoredEvent> stored = ReadAll(db)[doc.id];
  ExpectSameRecords(doc, stored);

  // Without a publication date the undated events' date is null on both paths.
  Document undated = HandMadeDoc();
  undated.id = "undated";
  undated.publication_date.reset();
  EventRecordBuffer buffer;
  EXPECT_FALSE(MakeEventRecord(undated, undated.events[2], kVersion, buffer).date.has_value());
  StoredEvent row = stored[2];
  row.date.reset();
  row.publication_date.reset();
  EXPECT_FALSE(MakeEventRecord(row).date.has_value());
  EXPECT_FALSE(MakeEventRecord(row).publication_date.has_value());
}

// The documents `dateline code` codes, compared as they come with the rows `dateline ingest`
// stored for the same input.
class CompareSink : public RecordSink {
 public:
  explicit CompareSink(const std::map<std::string, std::vector<StoredEvent>>& stored) : stored_(stored) {}
  void Write(const Document& doc) override {
    const auto it = stored_.find(doc.id);
    ExpectSameRecords(doc, it == stored_.end() ? std::vector<StoredEvent>() : it->second);
    events_ += doc.events.size();
  }
  uint64_t events_written() const override { return events_; }
  uint64_t quotes_written() const override { return 0; }

 private:
  const std::map<std::string, std::vector<StoredEvent>>& stored_;
  uint64_t events_ = 0;
};

TEST_F(EventRecordTest, StoredRecordsOfWireStoriesEqualTheDocumentsRecords) {
  const fs::path db = dir_ / "wire.db";
  const std::string jsonl = testing::WireCorpus(150, 5);
  testing::IngestJsonl(jsonl, db.string());
  const std::map<std::string, std::vector<StoredEvent>> stored = ReadAll(db);
  ASSERT_GT(stored.size(), 100u);

  std::ostringstream log;
  CompareSink sink(stored);
  (void)testing::RunJsonl(jsonl, sink, log, 1, RunOptions{}.batch_documents);
  uint64_t rows = 0;
  for (const auto& [doc_id, events] : stored) rows += events.size();
  EXPECT_EQ(sink.events_written(), rows);
  EXPECT_GT(rows, 300u);
}

}  // namespace
}  // namespace dateline
