// An article's identity in the SQLite store (doc_id and content hash) is kept unique by the store,
// not by unique indexes (schema version 4): two connections that ingest into one database in
// turns, each with its own in-memory tables, still store an article once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// Codes one JSON Lines article with the default dictionaries and adds it to `store` in a batch
// of its own.
Result<AddOutcome> AddOne(EventStore& store, const std::string& id, const std::string& text) {
  std::istringstream in("{\"id\":\"" + id + "\",\"date\":\"2025-03-03\",\"text\":\"" + text + "\"}\n");
  std::ostringstream log;
  InputOptions input;
  input.format = InputFormat::kJsonl;
  input.standard_input = &in;
  ArticleSource source({"-"}, input, log, nullptr);
  std::optional<Document> doc = source.Next();
  if (!doc) return Status(StatusCode::kInternal, "no document: " + log.str());
  const Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  pipeline.Process(*doc);
  if (Status s = store.BeginBatch(); !s.ok()) return s;
  Result<AddOutcome> added = store.AddArticle(*doc, PrepareText(*doc), "dateline test");
  if (!added.ok()) {
    store.RollbackBatch();
    return added;
  }
  if (Status s = store.CommitBatch(); !s.ok()) return s;
  return added;
}

TEST(StoreIdentity, TwoConnectionsInTurnStoreEachArticleOnce) {
  const fs::path dir = fs::temp_directory_path() / ("dateline-identity-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "events.db").string();
  Result<std::unique_ptr<EventStore>> a = OpenStore(db);
  Result<std::unique_ptr<EventStore>> b = OpenStore(db);
  ASSERT_TRUE(a.ok() && b.ok());
  auto outcome = [](const Result<AddOutcome>& r) { return r.ok() ? static_cast<int>(*r) : -1; };
  // b opened before a stored anything: its tables are empty, and it must notice a's articles.
  EXPECT_EQ(outcome(AddOne(**a, "x", "France criticized Mali.")), static_cast<int>(AddOutcome::kAdded));
  EXPECT_EQ(outcome(AddOne(**b, "x", "France criticized Mali.")), static_cast<int>(AddOutcome::kPresent));
  EXPECT_EQ(outcome(AddOne(**b, "x", "France praised Mali.")), static_cast<int>(AddOutcome::kConflict));
  EXPECT_EQ(outcome(AddOne(**b, "y", "France criticized Mali.")), static_cast<int>(AddOutcome::kDuplicateText));
  EXPECT_EQ(outcome(AddOne(**b, "z", "China praised Kazakhstan.")), static_cast<int>(AddOutcome::kAdded));
  EXPECT_EQ(outcome(AddOne(**a, "z", "China praised Kazakhstan.")), static_cast<int>(AddOutcome::kPresent));
  EXPECT_EQ(outcome(AddOne(**a, "w", "China praised Kazakhstan.")), static_cast<int>(AddOutcome::kDuplicateText));
  EXPECT_EQ(outcome(AddOne(**a, "v", "Russia accused Ukraine.")), static_cast<int>(AddOutcome::kAdded));
  a->reset();
  b->reset();
  EXPECT_EQ(testing::QueryInt(db, "SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(testing::QueryInt(db, "SELECT count(DISTINCT article_id) FROM articles"), 3);
  // Article ids stay consecutive although the two connections took turns.
  EXPECT_EQ(testing::QueryInt(db, "SELECT max(article_id) FROM articles"), 3);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline
