// An article's identity (doc_id and content hash) is kept unique by the store, not by unique
// indexes (SQLite's schema version 4; PostgreSQL's): two connections that ingest into one database
// in turns, each with its own in-memory tables, still store an article once. Against SQLite and
// PostgreSQL (.../sqlite, .../postgres).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/identity.h"
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

class StoreIdentity : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backend, StoreIdentity, testing::kBackends, testing::BackendName);

TEST_P(StoreIdentity, TwoConnectionsInTurnStoreEachArticleOnce) {
  const std::string db = db_;
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
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// The in-memory identity both backends keep: the four answers, past several growths of its
// tables, and content hashes not in ContentHash's form.
TEST(ArticleIdentity, TellsStoredDocIdsAndTextsApart) {
  ArticleIdentity identity;
  for (int i = 0; i < 20000; ++i) identity.Add("doc-" + std::to_string(i), ContentHash("text " + std::to_string(i)));
  EXPECT_EQ(identity.size(), 20000u);
  auto find = [&](const std::string& id, const std::string& text) {
    const std::optional<AddOutcome> o = identity.Find(id, ContentHash(text));
    return o ? static_cast<int>(*o) : -1;
  };
  for (int i = 0; i < 20000; i += 997) {
    const std::string n = std::to_string(i);
    EXPECT_EQ(find("doc-" + n, "text " + n), static_cast<int>(AddOutcome::kPresent)) << i;
    EXPECT_EQ(find("doc-" + n, "other " + n), static_cast<int>(AddOutcome::kConflict)) << i;
    EXPECT_EQ(find("new-" + n, "text " + n), static_cast<int>(AddOutcome::kDuplicateText)) << i;
    EXPECT_EQ(find("new-" + n, "other " + n), -1) << i;
  }
  // White space does not make another text (ContentHash normalises it).
  EXPECT_EQ(find("new", "text  7"), static_cast<int>(AddOutcome::kDuplicateText));
  // A hash that is not 32 hex digits (a row made by hand) is a key of its own.
  identity.Add("odd", "not-a-hash");
  EXPECT_EQ(identity.Find("odd", "not-a-hash"), AddOutcome::kPresent);
  EXPECT_EQ(identity.Find("odd2", "not-a-hash"), AddOutcome::kDuplicateText);
  EXPECT_EQ(identity.Find("odd2", "not-a-hasx"), std::nullopt);
  identity.Clear();
  EXPECT_EQ(identity.size(), 0u);
  EXPECT_EQ(find("doc-1", "text 1"), -1);
}

}  // namespace
}  // namespace dateline
