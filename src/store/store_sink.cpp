#include "store/store.h"

namespace dateline {

StoreSink::StoreSink(EventStore& store, std::string version, std::ostream& log)
    : store_(store), version_(std::move(version)), log_(log) {}

void StoreSink::Write(const Document& doc) {
  if (!error_.ok()) return;
  if (!in_batch_) {
    error_ = store_.BeginBatch();
    if (!error_.ok()) return;
    in_batch_ = true;
  }
  Result<AddOutcome> added = store_.AddArticle(doc, version_);
  if (!added.ok()) {
    error_ = added.status();
    store_.RollbackBatch();
    in_batch_ = false;
    return;
  }
  switch (*added) {
    case AddOutcome::kAdded:
      ++counters_.articles_added;
      counters_.events_added += doc.events.size();
      counters_.quotes_added += doc.quotes.size();
      break;
    case AddOutcome::kPresent:
      ++counters_.articles_present;
      break;
    case AddOutcome::kConflict:
      ++counters_.conflicts;
      log_ << doc.id << ": already stored with different text; kept the first\n";
      break;
    case AddOutcome::kDuplicateText:
      ++counters_.duplicate_texts;
      break;
  }
}

Status StoreSink::EndBatch() {
  if (!error_.ok()) return error_;
  if (in_batch_) {
    in_batch_ = false;
    error_ = store_.CommitBatch();
    if (!error_.ok()) {
      store_.RollbackBatch();
      return error_;
    }
    ++counters_.batches_committed;
  }
  if (after_batch_) after_batch_();
  return Status::Ok();
}

}  // namespace dateline
