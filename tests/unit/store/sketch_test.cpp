// The article sketch (one-permutation MinHash, store/dedupe.h): its estimate of the Jaccard
// similarity of two articles' word-bigram sets, and the schema-4 migration that recomputes the
// sketches a version-3 database stored with the older 128-function MinHash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "store/dedupe.h"
#include "store/schema.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// A text of `n` distinct words w<offset> .. w<offset+n-1>: n - 1 distinct bigrams.
std::string Words(int offset, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "w" + std::to_string(offset + i) + " ";
  return text;
}

// Texts sharing a run of words have a known bigram Jaccard similarity; the estimate stays near
// it for short texts (most bins filled by densification) and long ones alike.
TEST(Sketch, EstimatesTheJaccardSimilarityOfWordBigrams) {
  struct Case {
    int length, shift;  // two texts of `length` words, the second starting `shift` words later
  };
  double worst = 0;
  for (const Case c : {Case{30, 3}, Case{30, 10}, Case{30, 20}, Case{200, 20}, Case{200, 100}, Case{600, 150},
                       Case{600, 450}}) {
    // Bigrams: length - 1 each, length - 1 - shift shared.
    const double shared = c.length - 1 - c.shift, each = c.length - 1;
    const double truth = shared / (2 * each - shared);
    double sum = 0;
    const int trials = 20;
    for (int t = 0; t < trials; ++t) {
      const int base = 100000 * (t + 1);  // other words each trial: other hashes
      sum += EstimatedJaccard(ArticleSketch(Words(base, c.length)), ArticleSketch(Words(base + c.shift, c.length)));
    }
    const double mean = sum / trials;
    worst = std::max(worst, std::fabs(mean - truth));
    EXPECT_NEAR(mean, truth, 0.06) << c.length << " words shifted by " << c.shift;
  }
  std::cout << "largest error of the mean estimate over 20 trials: " << worst << "\n";
  // Word case and punctuation do not matter; word order does.
  EXPECT_EQ(ArticleSketch("France criticized MALI, on Monday."), ArticleSketch("france Criticized mali on monday"));
  EXPECT_NE(ArticleSketch("France criticized Mali on Monday"), ArticleSketch("Mali criticized France on Monday"));
  // One word: one "bigram" of its own; no word: the empty sketch.
  EXPECT_EQ(EstimatedJaccard(ArticleSketch("Kazakhstan"), ArticleSketch("kazakhstan")), 1.0);
  EXPECT_LT(EstimatedJaccard(ArticleSketch("Kazakhstan"), ArticleSketch("Kyrgyzstan")), 0.1);
  Sketch empty;
  empty.fill(0xffff);
  EXPECT_EQ(ArticleSketch(" ,.; "), empty);
  // The estimate counts equal positions, whatever the values (high bits, zeros) of the others.
  Sketch a = ArticleSketch(Words(0, 50)), b = a;
  EXPECT_EQ(EstimatedJaccard(a, b), 1.0);
  b[0] ^= 0x8000;
  b[77] ^= 0x0001;
  b[127] = static_cast<uint16_t>(b[127] == 0 ? 1 : 0);
  EXPECT_EQ(EstimatedJaccard(a, b), 125.0 / 128);
  Sketch zeros{}, ones;
  ones.fill(0xffff);
  EXPECT_EQ(EstimatedJaccard(zeros, ones), 0.0);
  EXPECT_EQ(EstimatedJaccard(zeros, zeros), 1.0);
}

// A version-3 database (sketches of the older MinHash, a stories table) migrated to 4: every
// article's sketch is ArticleSketch of its text; stories (now a view) and clusters are unchanged.
TEST(SketchMigration, AVersionThreeDatabaseGetsItsSketchesRecomputed) {
  const fs::path dir = fs::temp_directory_path() / ("dateline-sketch-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "events.db").string();
  (void)testing::IngestJsonl(testing::WireCorpus(60), db, 1, 16);
  ASSERT_GT(testing::QueryInt(db, "SELECT count(*) FROM stories"), 0);
  // Make it a version-3 database whose sketches are not those of the current function.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle,
                         "UPDATE articles SET sketch = zeroblob(256); DROP TABLE store_state; DROP VIEW stories;"
                         "CREATE TABLE stories (story_id INTEGER PRIMARY KEY, first_article_id INTEGER NOT NULL);"
                         "INSERT INTO stories SELECT article_id, article_id FROM articles WHERE story_id = article_id;"
                         "PRAGMA user_version = 3;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  const std::string stories = testing::DumpTable(handle, "stories", "story_id") +
                              testing::DumpTable(handle, "event_clusters", "cluster_id");
  sqlite3_close(handle);
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), CurrentStoreVersion());
  }
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT text, sketch FROM articles", -1, &st, nullptr), SQLITE_OK);
  int checked = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const std::string text(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                           static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    const std::string blob(static_cast<const char*>(sqlite3_column_blob(st, 1)),
                           static_cast<size_t>(sqlite3_column_bytes(st, 1)));
    EXPECT_EQ(blob, SketchBytes(ArticleSketch(text)));
    ++checked;
  }
  sqlite3_finalize(st);
  EXPECT_EQ(checked, 60);
  EXPECT_EQ(testing::DumpTable(handle, "stories", "story_id") + testing::DumpTable(handle, "event_clusters", "cluster_id"),
            stories);
  sqlite3_close(handle);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// The story index compares a new article with the recent articles only: two generations of
// `generation` articles. An older near-duplicate is out of reach; and an index rebuilt from the
// articles FirstNeeded names answers as the index that saw them all.
TEST(StoryWindow, ANewArticleIsComparedWithTheRecentGenerationsOnly) {
  auto text = [](int story) { return Words(1000 * story, 40); };  // one text per story
  StoryIndex index(kStoryThreshold, /*generation=*/4);
  for (int id = 1; id <= 10; ++id) EXPECT_EQ(index.Add(id, ArticleSketch(text(id))), id);  // ten stories
  // Stored: 1-10, generations 0 (1-4), 1 (5-8), 2 (9-10); the index holds 1 and 2: ids 5-10.
  EXPECT_EQ(index.FirstNeeded(11), 5);
  EXPECT_EQ(index.Find(ArticleSketch(text(6))), 6);   // in the window: the same story
  EXPECT_EQ(index.Find(ArticleSketch(text(2))), 0);   // out of it: a story of its own
  EXPECT_EQ(index.Add(11, ArticleSketch(text(9))), 9);
  EXPECT_EQ(index.Add(12, ArticleSketch(text(5))), 5);
  // 13 starts generation 3, so 5-8 retire once it is stored; it still saw them.
  EXPECT_EQ(index.Add(13, ArticleSketch(text(7))), 7);
  EXPECT_EQ(index.Find(ArticleSketch(text(8))), 0);
  EXPECT_EQ(index.Find(ArticleSketch(text(10))), 10);
  EXPECT_EQ(StoryIndex(kStoryThreshold, 4).FirstNeeded(1), 1);
  EXPECT_EQ(StoryIndex(kStoryThreshold, 4).FirstNeeded(9), 1);   // stored 1-8: generations 0 and 1
  EXPECT_EQ(StoryIndex(kStoryThreshold, 4).FirstNeeded(10), 5);  // stored 1-9

  // Rebuilt from the stored articles FirstNeeded names, an index agrees with the one that saw all.
  StoryIndex all(kStoryThreshold, 4);
  std::vector<int64_t> stories;
  for (int id = 1; id <= 30; ++id) stories.push_back(all.Add(id, ArticleSketch(text(id % 7))));
  StoryIndex loaded(kStoryThreshold, 4);
  for (int id = static_cast<int>(loaded.FirstNeeded(31)); id <= 30; ++id)
    loaded.Insert(id, stories[static_cast<size_t>(id - 1)], ArticleSketch(text(id % 7)));
  for (int story = 0; story < 9; ++story)
    EXPECT_EQ(loaded.Find(ArticleSketch(text(story))), all.Find(ArticleSketch(text(story)))) << story;
}

}  // namespace
}  // namespace dateline
