// `dateline query`, `stats` and `export` over a small fixed corpus (tests/unit/store/data/README.md
// lists its eight events): filters, counts and mean Goldstein scores computed by hand, `code`'s
// records reproduced byte for byte, and the GDELT rows loaded by SQLite's own import. Against
// SQLite and PostgreSQL (.../sqlite, .../postgres): the same answers from both.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "store/export.h"
#include "store/query.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int status = -1;
  std::string out, err;
};

class QueryTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("dateline-query-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    corpus_ = testing::SourceDir() / "tests/unit/store/data/query_corpus.jsonl";
  }
  static void TearDownTestSuite() {
    fs::remove_all(dir_);
    databases_.clear();
  }
  // The fixed corpus ingested into a database of the test's backend, once per backend.
  void SetUp() override {
    std::string& db = databases_[GetParam()];
    if (db.empty()) {
      std::string skip;
      const std::string fresh = testing::NewDatabase(GetParam(), dir_, "events.db", &skip);
      if (fresh.empty()) GTEST_SKIP() << skip;
      const CommandRun ingest = Dateline("ingest " + corpus_.string() + " --db " + fresh);
      ASSERT_EQ(ingest.status, 0) << ingest.err;
      db = fresh;
    }
    db_ = db;
  }

  // Another fresh database of the test's backend.
  std::string NewDb(const std::string& name) {
    std::string skip;
    return testing::NewDatabase(GetParam(), dir_, name, &skip);
  }

  static CommandRun Dateline(const std::string& args) {
    const fs::path out = dir_ / "out.txt", err = dir_ / "err.txt";
    const std::string cmd = std::string(DATELINE_BINARY) + " " + args + " </dev/null >" + out.string() + " 2>" +
                            err.string();
    const int raw = std::system(cmd.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, testing::ReadFile(out), testing::ReadFile(err)};
  }

  // The doc_ids of the events a filter selects, in order, joined by spaces.
  std::string Docs(const EventFilter& f) const {
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
    if (!reader.ok()) return "error: " + reader.status().message();
    std::string docs;
    Status s = (*reader)->ForEach(f, [&](const StoredEvent& e) {
      docs += (docs.empty() ? "" : " ") + e.doc_id;
      return true;
    });
    return s.ok() ? docs : "error: " + s.message();
  }

  // Stats rows as "period group events mean" lines (mean to three decimals).
  std::string StatsText(const EventFilter& f, StatsPeriod p, StatsGroup g) const {
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
    if (!reader.ok()) return "error: " + reader.status().message();
    Result<std::vector<StatsRow>> rows = (*reader)->Stats(f, p, g);
    if (!rows.ok()) return "error: " + rows.status().message();
    std::string text;
    for (const StatsRow& r : *rows) {
      char mean[32];
      std::snprintf(mean, sizeof mean, "%.3f", r.mean_goldstein.value_or(NAN));
      text += r.period + (r.group.empty() ? "" : " " + r.group) + " " + std::to_string(r.events) + " " + mean + "\n";
    }
    return text;
  }

  static fs::path dir_, corpus_;
  static std::map<testing::Backend, std::string> databases_;
  std::string db_;
};

fs::path QueryTest::dir_, QueryTest::corpus_;
std::map<testing::Backend, std::string> QueryTest::databases_;
INSTANTIATE_TEST_SUITE_P(Backend, QueryTest, testing::kBackends, testing::BackendName);

TEST_P(QueryTest, FiltersSelectTheHandPickedEvents) {
  EXPECT_EQ(Docs({}), "q1 q2 q3 q4 q5 q6 q7 q8");
  EventFilter f;
  f.actor = "CHN";  // either side, prefix: CHNGOV and CHNCRM too
  EXPECT_EQ(Docs(f), "q1 q2 q3 q4 q7 q8");
  f = {};
  f.source = "CHN";
  EXPECT_EQ(Docs(f), "q1 q3 q7");
  f = {};
  f.target = "KAZ";
  EXPECT_EQ(Docs(f), "q1 q3");
  f = {};
  f.dyad_source = "CHN", f.dyad_target = "KAZ";
  EXPECT_EQ(Docs(f), "q1 q3");
  f.dyad_both = true;
  EXPECT_EQ(Docs(f), "q1 q2 q3 q8");
  f = {};
  f.code = "11";
  EXPECT_EQ(Docs(f), "q1 q5 q7");
  f.code = "111";
  EXPECT_EQ(Docs(f), "q1 q5");
  f = {};
  f.root = "05";
  EXPECT_EQ(Docs(f), "q2 q6");
  f = {};
  f.quad_class = 3;
  EXPECT_EQ(Docs(f), "q1 q3 q5 q7");
  f.quad_class = 4;
  EXPECT_EQ(Docs(f), "q8");
  f = {};
  f.plover = "accuse";
  EXPECT_EQ(Docs(f), "q1 q5 q7");
  f = {};
  f.from = "2024-03-06", f.to = "2024-03-11";
  EXPECT_EQ(Docs(f), "q2 q3 q4");
  f = {};
  f.country = "kaz";
  EXPECT_EQ(Docs(f), "q2 q8");
  f = {};
  f.place = "moscow";
  EXPECT_EQ(Docs(f), "q4");
  f = {};
  f.text = "railway";
  EXPECT_EQ(Docs(f), "q2");
  f.text = "sanctions OR elections";
  EXPECT_EQ(Docs(f), "q3 q5");
  f = {};
  f.actor = "CHN", f.from = "2024-04-01";
  EXPECT_EQ(Docs(f), "q7 q8");
  f = {};
  f.limit = 2;
  EXPECT_EQ(Docs(f), "q1 q2");
  // Values are parameters, never SQL.
  f = {};
  f.actor = "CHN' OR 1=1 --";
  EXPECT_EQ(Docs(f), "");
  f = {};
  f.text = "\"unbalanced";
  EXPECT_EQ(Docs(f).rfind("error: ", 0), 0u);
}

TEST_P(QueryTest, StatsCountAndAveragePerPeriodAndGroup) {
  // Days: only those with events.
  EXPECT_EQ(StatsText({}, StatsPeriod::kDay, StatsGroup::kNone),
            "2024-03-04 1 -2.000\n2024-03-06 1 3.400\n2024-03-10 1 -5.800\n2024-03-11 1 1.000\n"
            "2024-04-02 2 0.700\n2024-04-15 1 -2.000\n2024-04-16 1 -5.000\n");
  // ISO weeks from Monday: (-2.0 + 3.4 - 5.8) / 3, 1.0, (-2.0 + 3.4) / 2, (-2.0 - 5.0) / 2.
  EXPECT_EQ(StatsText({}, StatsPeriod::kWeek, StatsGroup::kNone),
            "2024-03-04 3 -1.467\n2024-03-11 1 1.000\n2024-04-01 2 0.700\n2024-04-15 2 -3.500\n");
  // Months: (-2.0 + 3.4 - 5.8 + 1.0) / 4 and (-2.0 + 3.4 - 2.0 - 5.0) / 4.
  EXPECT_EQ(StatsText({}, StatsPeriod::kMonth, StatsGroup::kNone), "2024-03 4 -0.850\n2024-04 4 -1.400\n");
  EventFilter f;
  f.dyad_source = "CHN", f.dyad_target = "KAZ", f.dyad_both = true;
  EXPECT_EQ(StatsText(f, StatsPeriod::kMonth, StatsGroup::kDyad),
            "2024-03 CHN:KAZ 2 -3.900\n2024-03 KAZ:CHN 1 3.400\n2024-04 KAZCOP:CHNCRM 1 -5.000\n");
  EXPECT_EQ(StatsText({}, StatsPeriod::kMonth, StatsGroup::kQuad),
            "2024-03 1 2 2.200\n2024-03 3 2 -3.900\n2024-04 1 1 3.400\n2024-04 3 2 -2.000\n2024-04 4 1 -5.000\n");
  EXPECT_EQ(StatsText({}, StatsPeriod::kMonth, StatsGroup::kPlover),
            "2024-03 ACCUSE 1 -2.000\n2024-03 CONSULT 1 1.000\n2024-03 SUPPORT 1 3.400\n2024-03 THREATEN 1 -5.800\n"
            "2024-04 ACCUSE 2 -2.000\n2024-04 COERCE 1 -5.000\n2024-04 SUPPORT 1 3.400\n");
  EXPECT_EQ(StatsText({}, StatsPeriod::kMonth, StatsGroup::kRoot),
            "2024-03 04 1 1.000\n2024-03 05 1 3.400\n2024-03 11 1 -2.000\n2024-03 13 1 -5.800\n"
            "2024-04 05 1 3.400\n2024-04 11 2 -2.000\n2024-04 17 1 -5.000\n");

  const CommandRun csv = Dateline("stats --db " + db_ + " --by week --per quad --format csv");
  EXPECT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "week,quad_class,events,mean_goldstein\n2024-03-04,1,1,3.400\n2024-03-04,3,2,-3.900\n"
            "2024-03-11,1,1,1.000\n2024-04-01,1,1,3.400\n2024-04-01,3,1,-2.000\n2024-04-15,3,1,-2.000\n"
            "2024-04-15,4,1,-5.000\n");
  const CommandRun table = Dateline("stats --db " + db_ + " --by month --actor KAZ");
  EXPECT_EQ(table.status, 0) << table.err;
  EXPECT_EQ(table.out, "month    events  mean_goldstein\n2024-03       3          -1.467\n2024-04       1          -5.000\n");
}

TEST_P(QueryTest, QueryWritesCodesRecordsByteForByte) {
  for (const char* format : {"jsonl", "csv", "tsv"}) {
    const CommandRun code = Dateline(std::string("code --format ") + format + " " + corpus_.string());
    const CommandRun query = Dateline(std::string("query --db ") + db_ + " --format " + format);
    ASSERT_EQ(code.status, 0) << code.err;
    EXPECT_EQ(query.status, 0) << query.err;
    EXPECT_EQ(query.out, code.out) << format;
  }
  // Not a terminal: JSON Lines by default; the table on request.
  const CommandRun plain = Dateline("query --db " + db_ + " --plover COERCE");
  EXPECT_EQ(plain.out.rfind("{\"type\":\"event\"", 0), 0u) << plain.out;
  const CommandRun table = Dateline("query --db " + db_ + " --dyad CHN:KAZ --format table");
  EXPECT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("date        source  target  code  quad  goldstein  plover    place  doc_id  sentence\n"
                           "2024-03-04  CHN     KAZ     111   3     -2.0       ACCUSE    China  q1      0\n"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("(2 events)"), std::string::npos);

  EXPECT_EQ(Dateline("query --db " + db_ + " --dyad CHN").status, 2);
  EXPECT_EQ(Dateline("query --db " + db_ + " --both").status, 2);
  EXPECT_EQ(Dateline("query --db " + db_ + " --from 2024-3-1").status, 2);
  EXPECT_EQ(Dateline("query --db " + db_ + " --format xml").status, 2);
  EXPECT_EQ(Dateline("stats --db " + db_ + " --by year").status, 2);
  if (testing::IsPostgres(db_)) {
    const std::string absent = db_.substr(0, db_.rfind('/') + 1) + "absent";
    const CommandRun run = Dateline("query --db " + absent);
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find(absent + ": cannot connect"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
  } else {
    EXPECT_EQ(Dateline("query --db " + (dir_ / "absent.db").string()).status, 1);
    EXPECT_FALSE(fs::exists(dir_ / "absent.db"));  // read-only: nothing created
  }
  // A database that is not an event store.
  const std::string empty = NewDb("empty.db");
  if (!testing::IsPostgres(empty)) std::ofstream(empty) << "";
  const CommandRun not_store = Dateline("query --db " + empty);
  EXPECT_EQ(not_store.status, 1);
  EXPECT_NE(not_store.err.find(empty + ": not a dateline event database"), std::string::npos) << not_store.err;
}

// The same on generated wire stories: 300 articles of several sentences, places of every precision.
TEST_P(QueryTest, QueryReproducesCodeOnWireStories) {
  const fs::path wire = dir_ / "wire.jsonl";
  const std::string wire_db = NewDb("wire.db");
  std::ofstream(wire, std::ios::binary) << testing::WireCorpus(300, 11);
  ASSERT_EQ(Dateline("ingest " + wire.string() + " --db " + wire_db + " --batch 50").status, 0);
  for (const char* format : {"jsonl", "tsv"}) {
    const CommandRun code = Dateline(std::string("code --format ") + format + " " + wire.string());
    const CommandRun query = Dateline(std::string("query --db ") + wire_db + " --format " + format);
    ASSERT_EQ(code.status, 0) << code.err;
    EXPECT_GT(code.out.size(), 10000u);
    EXPECT_TRUE(query.out == code.out) << format;
  }
  EXPECT_NE(testing::ReadFile(dir_ / "out.txt").find("\tcity\t"), std::string::npos);  // cities, with GeoNames ids
}

TEST_P(QueryTest, GdeltRowsFollowGdeltsConventions) {
  EXPECT_EQ(GdeltColumns().size(), 61u);
  EXPECT_EQ(GdeltColumns()[0], "GLOBALEVENTID");
  EXPECT_EQ(GdeltColumns()[15], "Actor2Code");
  EXPECT_EQ(GdeltColumns()[25], "IsRootEvent");
  EXPECT_EQ(GdeltColumns()[35], "Actor1Geo_Type");
  EXPECT_EQ(GdeltColumns()[51], "ActionGeo_Type");
  EXPECT_EQ(GdeltColumns()[60], "SOURCEURL");
  EXPECT_EQ(FipsCountryCode("DEU"), "GM");
  EXPECT_EQ(FipsCountryCode("GBR"), "UK");
  EXPECT_EQ(FipsCountryCode("KAZ"), "KZ");
  EXPECT_EQ(FipsCountryCode("CHN"), "CH");
  EXPECT_EQ(FipsCountryCode("XYZ"), "");

  const CommandRun run = Dateline("export --db " + db_ + " --format gdelt");
  ASSERT_EQ(run.status, 0) << run.err;
  std::map<std::string, std::vector<std::string>> by_url;  // SOURCEURL -> fields
  std::istringstream lines(run.out);
  std::string line;
  std::set<std::string> ids;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    size_t from = 0;
    for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
      fields.push_back(line.substr(from, tab - from));
    fields.push_back(line.substr(from));
    ASSERT_EQ(fields.size(), 61u) << line;
    ids.insert(fields[0]);
    by_url[fields[60]] = fields;
  }
  EXPECT_EQ(ids.size(), 8u);
  const auto& q1 = by_url.at("https://example.org/q1");
  EXPECT_EQ(q1[1], "20240304");
  EXPECT_EQ(q1[2], "202403");
  EXPECT_EQ(q1[3], "2024");
  EXPECT_EQ(q1[4], "2024.2575");  // 2024 + (3 * 30 + 4) / 365
  EXPECT_EQ(q1[5], "CHN");
  EXPECT_EQ(q1[6], "CHINA");
  EXPECT_EQ(q1[7], "CHN");
  EXPECT_EQ(q1[15], "KAZ");
  EXPECT_EQ(q1[25], "1");
  EXPECT_EQ(q1[26], "111");
  EXPECT_EQ(q1[27], "111");
  EXPECT_EQ(q1[28], "11");
  EXPECT_EQ(q1[29], "3");
  EXPECT_EQ(q1[30], "-2.0");
  EXPECT_EQ(q1[31] + q1[32] + q1[33], "111");
  EXPECT_EQ(q1[34], "");
  EXPECT_EQ(q1[51], "1");    // a country
  EXPECT_EQ(q1[53], "CH");   // FIPS, not ISO
  EXPECT_EQ(q1[58], "CH");   // a country's feature id is its FIPS code
  EXPECT_EQ(q1[59], "20240304000000");
  const auto& q3 = by_url.at("https://example.org/q3");
  EXPECT_EQ(q3[26], "1312");
  EXPECT_EQ(q3[27], "131");
  EXPECT_EQ(q3[28], "13");
  const auto& q7 = by_url.at("https://example.org/q7");
  EXPECT_EQ(q7[5], "CHNGOV");
  EXPECT_EQ(q7[7], "CHN");
  EXPECT_EQ(q7[12], "GOV");
  EXPECT_EQ(q7[15], "IGOUNO");
  EXPECT_EQ(q7[17], "");     // no country
  EXPECT_EQ(q7[18], "UNO");  // known group
  EXPECT_EQ(q7[22], "IGO");  // type
  const auto& q8 = by_url.at("https://example.org/q8");
  EXPECT_EQ(q8[5], "KAZCOP");
  EXPECT_EQ(q8[12], "COP");
  EXPECT_EQ(q8[15], "CHNCRM");
  EXPECT_EQ(q8[22], "CRM");
  EXPECT_EQ(q8[29], "4");
  EXPECT_EQ(q8[51], "4");    // a world city
  EXPECT_EQ(q8[52], "Almaty");
  EXPECT_EQ(q8[53], "KZ");
  EXPECT_EQ(q8[56], "43.25667");
  EXPECT_EQ(q8[57], "76.92861");
  EXPECT_EQ(q8[58], "1526384");
  for (int c = 35; c < 51; ++c) EXPECT_EQ(q8[c], "") << GdeltColumns()[c];
  EXPECT_EQ(by_url.count("TASS"), 1u);  // q4 has no url: the outlet
  EXPECT_EQ(by_url.at("TASS")[53], "RS");

  // Filters apply; --output writes a file.
  const fs::path file = dir_ / "q.gdelt.tsv";
  EXPECT_EQ(Dateline("export --db " + db_ + " --format gdelt --root 05 --output " + file.string()).status, 0);
  const std::string two = testing::ReadFile(file);
  EXPECT_EQ(std::count(two.begin(), two.end(), '\n'), 2);
}

TEST_P(QueryTest, GdeltExportLoadsIntoSqliteWithGdeltsColumnNames) {
  const std::string suffix = testing::IsPostgres(db_) ? "-postgres" : "-sqlite";
  const fs::path tsv = dir_ / "events.gdelt.tsv", gdelt_db = dir_ / ("gdelt" + suffix + ".db"), script = dir_ / "load.sql";
  ASSERT_EQ(Dateline("export --db " + db_ + " --format gdelt --output " + tsv.string()).status, 0);
  std::string create = "CREATE TABLE events (";
  for (size_t i = 0; i < GdeltColumns().size(); ++i)
    create += std::string(i ? ", " : "") + std::string(GdeltColumns()[i]) +
              (i == 0 ? " INTEGER PRIMARY KEY" : i == 30 || i == 4 ? " REAL" : " TEXT");
  create += ");\n";
  std::ofstream(script) << create << ".mode tabs\n.import " << tsv.string() << " events\n";
  const std::string cmd = "sqlite3 -bail " + gdelt_db.string() + " < " + script.string() + " > " +
                          (dir_ / "load.err").string() + " 2>&1";
  const int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << testing::ReadFile(dir_ / "load.err");
  EXPECT_EQ(testing::ReadFile(dir_ / "load.err"), "");  // no warnings either (e.g. a wrong column count)

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(gdelt_db.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::string v = "error";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      v = t ? reinterpret_cast<const char*>(t) : "<null>";
    }
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM events"), "8");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM events WHERE GLOBALEVENTID > 0"), "8");
  EXPECT_EQ(scalar("SELECT SQLDATE FROM events WHERE SOURCEURL = 'https://example.org/q2'"), "20240306");
  EXPECT_EQ(scalar("SELECT Actor1Code || '>' || Actor2Code FROM events WHERE EventCode = '173'"), "KAZCOP>CHNCRM");
  EXPECT_EQ(scalar("SELECT ActionGeo_CountryCode FROM events WHERE SOURCEURL = 'https://example.org/q5'"), "FR");
  EXPECT_EQ(scalar("SELECT printf('%.1f', SUM(GoldsteinScale)) FROM events"), "-9.0");
  sqlite3_close(db);
}

TEST_P(QueryTest, CsvAndPloverExports) {
  const CommandRun csv = Dateline("export --db " + db_ + " --format csv --actor IGO");
  EXPECT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("type,schema_version,event_id,doc_id,", 0), 0u);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 2);  // header and q7
  EXPECT_NE(csv.out.find(",q7,AP,https://example.org/q7,"), std::string::npos) << csv.out;

  const CommandRun plover = Dateline("export --db " + db_ + " --format plover --code 173");
  EXPECT_EQ(plover.status, 0) << plover.err;
  EXPECT_EQ(std::count(plover.out.begin(), plover.out.end(), '\n'), 1);
  for (const char* part : {"\"event_type\":\"COERCE\"", "\"status\":\"asserted\"", "\"actor\":\"KAZCOP\"",
                           "\"recipient\":\"CHNCRM\"", "\"place_name\":\"Almaty\"", "\"geonames_id\":1526384",
                           "\"source_text\":\"Kazakh police arrested Chinese smugglers in Almaty.\"",
                           "\"doc_id\":\"q8\"", "\"story_date\":\"2024-04-16\"", "\"cameo_code\":\"173\""})
    EXPECT_NE(plover.out.find(part), std::string::npos) << part << "\n" << plover.out;
  const CommandRun all = Dateline("export --db " + db_ + " --format plover");
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 8);  // every event has a PLOVER type here
  EXPECT_EQ(Dateline("export --db " + db_ + " --format xml").status, 2);
}

}  // namespace
}  // namespace dateline
