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
// `kDuplicateText` and is not stored. So adding the same articles again, in any batches,
// leaves the database as it was.
//
// Deduplication (dedupe.h): a stored article joins the story of its most similar stored article
// (MinHash of word bigrams, estimated Jaccard >= 0.45) or starts one; each stored event joins the
// cluster of its (date, source, target, code) — (story, source, target, code) when undated —
// whose mention, article and source counts it raises. Both depend only on the stored articles and
// their order.
//
// Crash safety: a batch (its articles, events, quotes, stories and clusters) is committed in one
// transaction, and batches are committed in input order; a process killed at any moment leaves
// the batches committed before it and nothing of the one in progress. Running the same input
// again skips what is stored and adds the rest, giving the rows an uninterrupted run gives.
//
// EventStore is the backend interface, implemented for SQLite (sqlite_store.cpp) and PostgreSQL
// (pg_store.cpp). docs/store.md describes the schema.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "output/output.h"
#include "store/dedupe.h"

namespace dateline {

// What the store derives from an article's text before storing it: pure, so computed on the
// calling thread (StoreSink) while the writer thread stores the batch before.
struct PreparedText {
  std::string hash;     // ContentHash(doc.text())
  std::string cleaned;  // CleanedText(doc)
  std::optional<Sketch> sketch;  // ArticleSketch(cleaned); when absent the store computes it
};
// With `sketch` false the sketch is left out (for texts that will most likely not be stored).
PreparedText PrepareText(const Document& doc, bool sketch = true);

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
  // Adds a coded article with its events (Document::events, all of them) and quotes; `text` is
  // PrepareText(doc). `version` is the events' "version" field. Only between BeginBatch and
  // CommitBatch.
  [[nodiscard]] virtual Result<AddOutcome> AddArticle(const Document& doc, const PreparedText& text,
                                                      std::string_view version) = 0;
  virtual Status CommitBatch() = 0;
  // Drops the batch in progress (after an error).
  virtual void RollbackBatch() = 0;

  // Completes the work a backend defers across batches (SQLite: the full-text index of the
  // articles added since its last chunk), in a transaction of its own. Call it once after the
  // last batch; a store killed before it completes that work when it is next opened.
  virtual Status Finish() { return Status::Ok(); }

  // The schema version of the open database.
  virtual int schema_version() const = 0;
};

// Opens the database at `location` and creates or migrates its schema to the current version: a
// PostgreSQL connection URI (postgresql://user@host:port/dbname or postgres://...; the database
// must exist, pg_store.h) or else a SQLite file path (created if absent).
Result<std::unique_ptr<EventStore>> OpenStore(const std::string& location);

// `location` as messages show it: a PostgreSQL URI as postgresql://user@host:port/dbname (never
// its password), a path unchanged.
std::string StoreDisplayName(const std::string& location);

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

// A RecordSink that stores each batch in one transaction, on a writer thread of its own so that
// the database's work overlaps the coding of the next batch. RunPipeline's write step calls
// Write for each document (copied into the batch) and EndBatch, which hands the batch to the
// writer: at most one batch waits while another is stored (EndBatch blocks until there is
// room), and batches are stored in the order given. Conflicts are reported on `log` as
// "doc_id: already stored with different text; kept the first", by the calling thread. The
// first error stops the sink: later documents are ignored, EndBatch (or status()) returns it.
// counters(), events_written(), quotes_written() and status() first wait for the batches handed
// over to be stored; the destructor too.
class StoreSink : public RecordSink {
 public:
  StoreSink(EventStore& store, std::string version, std::ostream& log);
  ~StoreSink() override;
  StoreSink(const StoreSink&) = delete;
  StoreSink& operator=(const StoreSink&) = delete;

  void Write(const Document& doc) override;
  void Take(Document&& doc) override;
  Status EndBatch() override;
  // Events and quotes of the articles added (not of those skipped).
  uint64_t events_written() const override { return counters().events_added; }
  uint64_t quotes_written() const override { return counters().quotes_added; }

  StoreCounters counters() const;
  // The counters of the batches stored so far, without waiting (for progress lines).
  StoreCounters counters_so_far() const;
  // Ok, or the error that stopped the sink (after the batches handed over are stored).
  Status status() const;
  // Waits for the batches handed over, then finishes the store (EventStore::Finish): call it
  // after the run's last EndBatch. Returns status() or Finish's error. The destructor does it
  // when it was not called (reporting an error on `log`).
  Status Finish();
  // Called on the calling thread after each EndBatch (for progress lines).
  void set_after_batch(std::function<void()> f) { after_batch_ = std::move(f); }

 private:
  struct Item {
    Document doc;
    PreparedText text;
  };
  void WriterLoop();
  // Stores one batch in one transaction (on the writer thread).
  Status StoreBatch(const std::vector<Item>& items, StoreCounters* counters, std::string* messages);
  // Waits until the writer is idle and prints its messages; the lock held.
  void Drain(std::unique_lock<std::mutex>& lock) const;

  EventStore& store_;
  std::string version_;
  std::ostream& log_;
  std::function<void()> after_batch_;
  // Content hashes this sink has seen: a text seen before is a repeat, not stored again (nearly
  // always), so its sketch is not computed on the calling thread (the store computes it if needed).
  // 64 bits of each content hash: a collision only moves one sketch to the writer thread.
  std::unordered_set<uint64_t> seen_hashes_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<Item> current_;          // the batch being written (calling thread)
  std::deque<std::vector<Item>> queue_;  // handed over, not yet taken by the writer
  bool busy_ = false;                         // the writer is storing a batch
  bool closing_ = false;
  bool finished_ = false;
  StoreCounters counters_;
  Status error_;
  mutable std::string messages_;  // conflict lines, to print on the calling thread
  std::thread writer_;
};

}  // namespace dateline
