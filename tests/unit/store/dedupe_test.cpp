// Deduplication in the event store: near-duplicate articles grouped into stories (MinHash with
// LSH banding), events clustered across articles, the one-a-day view (against SQLite and
// PostgreSQL: .../sqlite, .../postgres), and the migration of a version-2 SQLite database to
// version 3.
#include "store/dedupe.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/schema.h"
#include "store/store.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using testing::DumpStore;
using testing::DumpTable;
using testing::QueryInt;

class DedupeTest : public testing::BackendTest {
 protected:
  StoreCounters Ingest(const std::string& jsonl, const std::string& db, int threads = 1, size_t batch = 8) {
    return testing::IngestJsonl(jsonl, db, threads, batch);
  }
};
INSTANTIATE_TEST_SUITE_P(Backend, DedupeTest, testing::kBackends, testing::BackendName);

class SqliteDedupeTest : public DedupeTest {
  testing::Backend backend() const override { return testing::Backend::kSqlite; }
};

std::string Json(const std::string& id, const std::string& outlet, const std::string& date, const std::string& text) {
  std::string out = "{\"id\":\"" + id + "\",\"outlet\":\"" + outlet + "\",\"url\":\"https://x.org/" + id + "\"";
  if (!date.empty()) out += ",\"date\":\"" + date + "\"";
  return out + ",\"text\":\"" + text + "\"}\n";
}

// A corpus of stories, each published once and re-published 0-4 times with small edits
// (synonyms, two sentences swapped, a sentence added or removed, another outlet, a credit line).
// Stories come in pairs on the same topic: the same two countries and the same date, sentences
// built from the same pools of subjects, verbs and phrases, but other events: similar, yet
// different stories.
struct PlantedCorpus {
  std::string jsonl;
  std::map<std::string, int> story_of;  // doc_id -> planted story
};

PlantedCorpus MakePlantedCorpus(int stories, uint32_t seed) {
  static const char* kCountries[] = {"France", "Germany", "China", "Russia", "Japan", "India", "Brazil", "Kenya",
                                     "Egypt", "Turkey", "Iran", "Mexico", "Canada", "Poland", "Ukraine",
                                     "Kazakhstan", "Nigeria", "Israel", "Pakistan", "Australia"};
  static const char* kCities[] = {"Geneva", "Vienna", "Doha", "Oslo", "Astana", "Cairo", "Ankara", "Nairobi",
                                  "Lima", "Hanoi", "Dakar", "Baku", "Tbilisi", "Riga", "Minsk", "Accra"};
  static const char* kPeople[] = {"Anna Kowalski", "Li Wei", "Omar Haddad", "Maria Santos", "Ivan Petrov",
                                  "Kenji Sato", "Amina Bello", "David Cohen", "Ravi Sharma", "Elena Rossi",
                                  "Tomas Novak", "Sara Lind", "Ahmed Karim", "Lucia Perez", "Hans Weber"};
  static const char* kSubjects[] = {"{A}", "{B}", "{P}", "officials in {C}", "the foreign ministry of {A}",
                                    "a spokesman for {B}", "diplomats in {C}", "the government of {A}",
                                    "the prime minister of {B}", "lawmakers in {C}"};
  static const char* kVerbs[] = {"accused", "met with", "signed a trade deal with", "warned", "criticized",
                                 "praised", "urged", "threatened", "called on", "rejected a proposal by",
                                 "agreed to hold talks with", "sent troops toward", "expelled diplomats of",
                                 "imposed sanctions on", "offered aid to", "thanked", "condemned",
                                 "demanded compensation from", "cut oil supplies to", "invited"};
  static const char* kPhrases[] = {"over the disputed border", "after {N} days of talks", "on {D}", "in {C}",
                                   "despite objections from {C2}", "citing security concerns",
                                   "for the {N}th time this year", "amid rising food prices",
                                   "ahead of a summit in {C2}", "following an attack near {C}",
                                   "in a televised address", "at a news conference in {C}",
                                   "during a visit to {C2}", "after {M} soldiers were wounded",
                                   "in a letter seen by reporters", "without giving details",
                                   "as protests spread to {C2}", "over the detention of {M} fishermen",
                                   "before the vote in parliament", "in a rare joint statement"};
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static const char* kOutlets[] = {"Reuters", "AFP", "AP", "Xinhua", "TASS", "DPA", "Kyodo", "Anadolu"};
  static const std::vector<std::pair<std::string, std::string>> kSynonyms = {
      {"accused", "charged"}, {"officials", "authorities"}, {"warned", "cautioned"}, {"criticized", "faulted"},
      {"talks", "negotiations"}, {"urged", "pressed"}, {"praised", "lauded"}, {"threatened", "menaced"},
      {"summit", "meeting"}, {"attack", "assault"}, {"address", "speech"}, {"soldiers", "troops"},
      {"protests", "demonstrations"}, {"vote", "ballot"}, {"details", "specifics"}, {"visit", "trip"}};
  std::mt19937 rng(seed);
  auto pick = [&](auto& array) { return std::string(array[rng() % (sizeof array / sizeof array[0])]); };
  PlantedCorpus corpus;
  int doc = 0;
  std::string a, b, date;
  for (int s = 0; s < stories; ++s) {
    if (s % 2 == 0) {  // a new topic for this story and the next
      a = pick(kCountries);
      b = pick(kCountries);
      while (b == a) b = pick(kCountries);
      date = "2025-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
    }
    const std::map<std::string, std::string> slots = {
        {"{A}", a}, {"{B}", b}, {"{C}", pick(kCities)}, {"{C2}", pick(kCities)}, {"{D}", pick(kDays)},
        {"{P}", pick(kPeople)}, {"{N}", std::to_string(2 + rng() % 97)}, {"{M}", std::to_string(2 + rng() % 40)}};
    auto fill = [&](std::string t) {
      for (const auto& [slot, value] : slots)
        for (size_t at; (at = t.find(slot)) != std::string::npos;) t.replace(at, slot.size(), value);
      return t;
    };
    auto sentence = [&] {
      std::string t = pick(kSubjects) + " " + pick(kVerbs) + " " + (rng() % 2 ? "{B}" : "{A}") + " " + pick(kPhrases);
      if (rng() % 2) t += " " + pick(kPhrases);
      t = fill(t + ".");
      t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
      return t;
    };
    std::vector<std::string> sentences;
    const size_t used = 5 + rng() % 3;
    for (size_t i = 0; i < used; ++i) sentences.push_back(sentence());
    const std::string spare = sentence();
    auto emit = [&](const std::vector<std::string>& body, const std::string& outlet, const std::string& extra) {
      std::string text;
      for (const std::string& line : body) text += (text.empty() ? "" : " ") + line;
      text += extra;
      const std::string id = "doc-" + std::to_string(doc++);
      corpus.jsonl += Json(id, outlet, date, text);
      corpus.story_of[id] = s;
    };
    emit(sentences, pick(kOutlets), "");
    const int copies = static_cast<int>(rng() % 5);
    for (int c = 0; c < copies; ++c) {
      std::vector<std::string> body = sentences;
      const int edits = 1 + static_cast<int>(rng() % 3);
      std::string extra;
      for (int e = 0; e < edits; ++e) {
        switch (rng() % 5) {
          case 0: {  // synonyms: up to three words replaced
            int replaced = 0;
            for (const auto& [word, synonym] : kSynonyms) {
              if (replaced == 3) break;
              for (std::string& line : body) {
                const size_t at = line.find(" " + word + " ");
                if (at != std::string::npos) {
                  line.replace(at + 1, word.size(), synonym);
                  ++replaced;
                  break;
                }
              }
            }
            break;
          }
          case 1:  // two sentences swapped
            std::swap(body[1 + rng() % (body.size() - 1)], body[1 + rng() % (body.size() - 1)]);
            break;
          case 2:  // a sentence added
            body.insert(body.begin() + 1 + static_cast<long>(rng() % (body.size() - 1)), spare);
            break;
          case 3:  // a sentence removed (not the lead)
            if (body.size() > 4) body.erase(body.begin() + 1 + static_cast<long>(rng() % (body.size() - 1)));
            break;
          case 4:  // a credit line
            extra = "\\n\\nReporting by " + pick(kPeople) + "; editing by " + pick(kPeople);
            break;
        }
      }
      emit(body, pick(kOutlets), extra);
    }
  }
  return corpus;
}

// Pairwise precision and recall of the stories the store assigns against the planted ones.
TEST_P(DedupeTest, PlantedNearDuplicatesAreGroupedIntoStories) {
  const PlantedCorpus corpus = MakePlantedCorpus(300, 11);
  (void)Ingest(corpus.jsonl, db_, 2, 16);
  std::vector<std::pair<int, int64_t>> rows;  // planted story, assigned story
  std::vector<Sketch> sketches;
  const std::string hex = testing::IsPostgres(db_) ? "encode(sketch, 'hex')" : "hex(sketch)";
  std::istringstream lines(testing::QueryRows(db_, "SELECT doc_id, story_id, " + hex + " FROM articles ORDER BY article_id"));
  for (std::string line; std::getline(lines, line);) {
    const size_t a = line.find('\x1f'), b = line.find('\x1f', a + 1);
    ASSERT_NE(b, std::string::npos) << line;
    rows.emplace_back(corpus.story_of.at(line.substr(0, a)), std::stoll(line.substr(a + 1, b - a - 1)));
    std::string bytes;
    for (size_t i = b + 1; i + 1 < line.size(); i += 2) bytes += static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16));
    Sketch sketch{};
    EXPECT_TRUE(SketchFromBytes(bytes, &sketch));
    sketches.push_back(sketch);
  }
  // How well the threshold separates: the least similar copy of a story (to its first article)
  // and the most similar pair of different stories.
  double least_same = 1, most_different = 0;
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j) {
      const double jaccard = EstimatedJaccard(sketches[i], sketches[j]);
      if (rows[i].first != rows[j].first) most_different = std::max(most_different, jaccard);
      else if (rows[i].second == static_cast<int64_t>(i + 1)) least_same = std::min(least_same, jaccard);
    }
  std::cout << "estimated Jaccard: copies with their story's first article >= " << least_same
            << ", different stories <= " << most_different << " (threshold " << kStoryThreshold << ")\n";
  // Every story row names its first article, which belongs to it.
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM stories s JOIN articles a ON a.article_id = s.first_article_id "
                          "WHERE a.story_id = s.story_id"),
            QueryInt(db_, "SELECT count(DISTINCT story_id) FROM articles"));
  // Copies whose edits changed nothing are the same text: stored once.
  ASSERT_GT(rows.size(), corpus.story_of.size() * 9 / 10);
  long long tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j) {
      const bool truth = rows[i].first == rows[j].first, grouped = rows[i].second == rows[j].second;
      tp += truth && grouped;
      fp += !truth && grouped;
      fn += truth && !grouped;
    }
  const double precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0;
  const double recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0;
  std::cout << (testing::IsPostgres(db_) ? "PostgreSQL: " : "SQLite: ") << rows.size()
            << " articles, 300 planted stories: pairwise precision " << precision << ", recall "
            << recall << " (" << tp << " true pairs grouped, " << fp << " false, " << fn << " missed)\n";
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

TEST(Sketch, SimilarTextsHaveHighEstimatedJaccardAndDifferentOnesLow) {
  const Sketch a = ArticleSketch("France criticized Mali over the coup on Monday, officials in Paris said.");
  const Sketch b = ArticleSketch("France criticized Mali over the coup on Monday, officials in Paris stated.");
  const Sketch c = ArticleSketch("Brazil signed a trade agreement with Argentina in Lima after long talks.");
  EXPECT_GT(EstimatedJaccard(a, b), 0.6);
  EXPECT_LT(EstimatedJaccard(a, c), 0.1);
  Sketch back;
  ASSERT_TRUE(SketchFromBytes(SketchBytes(a), &back));
  EXPECT_EQ(back, a);
}

// Hand-computed clusters: the same dated event in three articles of two outlets is one cluster;
// the same dyad and code on another date is another; undated events cluster within their story.
TEST_P(DedupeTest, EventsAreClusteredByDateDyadAndCode) {
  const std::string corpus =
      Json("a1", "Reuters", "2025-03-03", "France criticized Mali over the coup.") +
      Json("a2", "AFP", "2025-03-03", "Paris was angry. France criticized Mali over the coup in Bamako.") +
      Json("a3", "Reuters", "2025-03-03", "In a statement, France criticized Mali. China praised Kazakhstan.") +
      Json("a4", "AFP", "2025-03-04", "France criticized Mali again.") +
      Json("u1", "AP", "", "Germany condemned Poland over the new border fence and the arrests of journalists.") +
      Json("u2", "DPA", "", "Germany condemned Poland over the new border fence and the arrests of reporters.") +
      Json("u3", "AP", "", "Germany condemned Poland.");
  (void)Ingest(corpus, db_);
  auto cluster_of = [&](const std::string& doc, const std::string& source) {
    return testing::QueryRows(db_, "SELECT c.num_mentions, c.num_articles, c.num_sources, c.article_ids, c.sources "
                                   "FROM events e JOIN event_clusters c ON c.cluster_id = e.cluster_id WHERE e.doc_id = '" +
                                       doc + "' AND e.source LIKE '" + source + "%'");
  };
  const auto id = [&](const std::string& doc) {
    return std::to_string(QueryInt(db_, "SELECT article_id FROM articles WHERE doc_id = '" + doc + "'"));
  };
  EXPECT_EQ(cluster_of("a1", "FRA"), "3\x1f" "3\x1f" "2\x1f[" + id("a1") + "," + id("a2") + "," + id("a3") +
                                         "]\x1f[\"AFP\",\"Reuters\"]\n");
  EXPECT_EQ(cluster_of("a4", "FRA"), "1\x1f" "1\x1f" "1\x1f[" + id("a4") + "]\x1f[\"AFP\"]\n");
  EXPECT_EQ(cluster_of("a3", "CHN"), "1\x1f" "1\x1f" "1\x1f[" + id("a3") + "]\x1f[\"Reuters\"]\n");
  // u1 and u2 are one story; u3 another: undated events do not cluster across stories.
  EXPECT_EQ(QueryInt(db_, "SELECT count(DISTINCT story_id) FROM articles WHERE doc_id IN ('u1', 'u2')"), 1);
  EXPECT_EQ(cluster_of("u1", "DEU"), "2\x1f" "2\x1f" "2\x1f[" + id("u1") + "," + id("u2") + "]\x1f[\"AP\",\"DPA\"]\n");
  EXPECT_EQ(cluster_of("u3", "DEU"), "1\x1f" "1\x1f" "1\x1f[" + id("u3") + "]\x1f[\"AP\"]\n");
  // One a day: the first event of each cluster.
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events_one_a_day"), QueryInt(db_, "SELECT count(*) FROM event_clusters"));
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events_one_a_day WHERE source LIKE 'FRA%'"), 2);
  EXPECT_EQ(QueryInt(db_, "SELECT sum(num_mentions) FROM event_clusters"), QueryInt(db_, "SELECT count(*) FROM events"));
}

// Clusters continue across runs (the indexes are rebuilt from the database) and a rerun changes
// nothing.
TEST_P(DedupeTest, ClustersAndStoriesContinueAcrossRuns) {
  const std::string corpus = MakePlantedCorpus(60, 5).jsonl + testing::WireCorpus(300);
  const std::string whole = NewDb("whole.db");
  ASSERT_FALSE(whole.empty()) << skip_;
  (void)Ingest(corpus, whole, 2, 16);
  const size_t half = corpus.find('\n', corpus.size() / 2) + 1;
  (void)Ingest(corpus.substr(0, half), db_, 1, 8);
  (void)Ingest(corpus, db_, 2, 32);
  EXPECT_EQ(DumpStore(db_), DumpStore(whole));
  EXPECT_GT(QueryInt(db_, "SELECT count(*) FROM event_clusters WHERE num_articles > 1"), 0);
}

// A version-2 database with articles and events is migrated to version 3: stories and clusters
// as an ingest would have made them.
TEST_F(SqliteDedupeTest, AVersionTwoDatabaseIsMigratedWithStoriesAndClusters) {
  const std::string reference = (dir_ / "reference.db").string();
  (void)Ingest(MakePlantedCorpus(40, 3).jsonl + testing::WireCorpus(100), reference, 1, 16);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  std::string sql;
  for (const Migration& m : StoreMigrations())
    if (m.version <= 2) sql += std::string(m.sql);
  sql += "PRAGMA user_version = 2; ATTACH '" + reference + "' AS r;";
  const std::string articles =
      "article_id, doc_id, content_hash, title, url, outlet, publication_date, dateline_place, dateline_date, "
      "dateline_agency, reporters, editors, removed, sentences, text";
  sql += "INSERT INTO articles SELECT " + articles + " FROM r.articles;";
  std::string event_columns;
  sql += "INSERT INTO quotes SELECT * FROM r.quotes;";
  sql += "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  // events: every column but cluster_id (the last).
  {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('events') ORDER BY cid", -1, &st, nullptr),
              SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
      event_columns += (event_columns.empty() ? "" : ", ") + std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
  }
  ASSERT_EQ(sqlite3_exec(db, ("INSERT INTO events SELECT " + event_columns + " FROM r.events; DETACH r;").c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  ASSERT_EQ(QueryInt(db_, "PRAGMA user_version"), 2);
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  EXPECT_EQ(QueryInt(db_, "PRAGMA user_version"), CurrentStoreVersion());
  EXPECT_EQ(DumpStore(db_), DumpStore(reference));
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'delegates'"), 100);
}

}  // namespace
}  // namespace dateline
