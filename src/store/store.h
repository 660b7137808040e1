// The event store: coded articles kept once, with their events and quotes, in a database.
//
//   Result<std::unique_ptr<EventStore>> store = OpenStore("events.db");   // created and migrated
//   if (!store.ok()) { std::cerr << store.status().message() << "\n"; return 2; }
//   StoreSink sink(**store, "dateline 0.1.0 dict abc123", std::cerr);
//   RunSummary summary = RunPipeline(source, pipeline, sink, run, std::cerr);  // one transaction per batch
//   std::cerr << sink.counters().articles_added << " articles stored\n";
//
// Identity: an article is its doc_id, and its content hash (ContentHash of its decoded text) is
// unique too. Adding an article whose doc_id is stored already changes nothing: with the same
// text it is `kPresent` (a rerun), with different text it is a `kConflict` — the first text is
// kept and the conflict reported. An article with a new doc_id but the text of a stored one is
// `kDuplicateText` and is not stored (near-duplicates are a later stage's business). So adding
// the same articles again, in any batches, leaves the database as it was.
//
// Crash safety: a batch (its articles, events and quotes) is committed in one transaction, and
// batches are committed in input order; a process killed at any moment leaves the batches
// committed before it and nothing of the one in progress. Running the same input again skips
// what is stored and adds the rest, giving the rows an uninterrupted run gives.
//
// EventStore is the backend interface (SQLite now; a server database later implements the same
// calls). docs/store.md describes the schema.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"
#include "output/output.h"

namespace dateline {

enum class AddOutcome {
  kAdded,          // stored, with its events and quotes
  kPresent,        // the same doc_id with the same text is stored already: nothing changed
  kConflict,       // the same doc_id with different text is stored: the first is kept
  kDuplicateText,  // another doc_id with the same text is stored: not stored again
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // A batch: everything added between BeginBatch and CommitBatch is stored together or not at all.
  virtual Status BeginBatch() = 0;
  // Adds a coded article with its events (Document::events, all of them) and quotes. `version`
  // is the events' "version" field. Only between BeginBatch and CommitBatch.
  [[nodiscard]] virtual Result<AddOutcome> AddArticle(const Document& doc, std::string_view version) = 0;
  virtual Status CommitBatch() = 0;
  // Drops the batch in progress (after an error).
  virtual void RollbackBatch() = 0;

  // The schema version of the open database.
  virtual int schema_version() const = 0;
};

// Opens (creating it if absent) the database at `location` — for now a SQLite file path — and
// migrates its schema to the current version.
Result<std::unique_ptr<EventStore>> OpenStore(const std::string& location);

// The content hash of an article: XXH3-128 of its text with each run of white space made one
// space and the ends trimmed, as 32 lower-case hex digits.
std::string ContentHash(std::string_view text);

// The article's cleaned text as stored: the headline and the body paragraphs (no dateline, no
// removed lines), separated by blank lines.
std::string CleanedText(const Document& doc);

struct StoreCounters {
  uint64_t articles_added = 0;
  uint64_t articles_present = 0;
  uint64_t conflicts = 0;
  uint64_t duplicate_texts = 0;
  uint64_t events_added = 0;
  uint64_t quotes_added = 0;
  uint64_t batches_committed = 0;
};

// A RecordSink that stores each batch in one transaction: RunPipeline's write step calls Write
// for each document and EndBatch to commit. Conflicts are reported on `log` as
// "doc_id: already stored with different text; kept the first". The first error stops the
// sink: later documents are ignored, EndBatch returns the error.
class StoreSink : public RecordSink {
 public:
  StoreSink(EventStore& store, std::string version, std::ostream& log);
  void Write(const Document& doc) override;
  Status EndBatch() override;
  // Events and quotes of the articles added (not of those skipped).
  uint64_t events_written() const override { return counters_.events_added; }
  uint64_t quotes_written() const override { return counters_.quotes_added; }

  const StoreCounters& counters() const { return counters_; }
  // Called after each committed batch (for progress lines).
  void set_after_batch(std::function<void()> f) { after_batch_ = std::move(f); }

 private:
  EventStore& store_;
  std::string version_;
  std::ostream& log_;
  StoreCounters counters_;
  bool in_batch_ = false;
  Status error_;
  std::function<void()> after_batch_;
};

}  // namespace dateline
