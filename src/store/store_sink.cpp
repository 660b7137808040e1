#include "store/store.h"

#include "store/identity.h"

namespace dateline {

StoreSink::StoreSink(EventStore& store, std::string version, std::ostream& log)
    : store_(store), version_(std::move(version)), log_(log), writer_([this] { WriterLoop(); }) {}

StoreSink::~StoreSink() {
  if (!finished_)
    if (Status s = Finish(); !s.ok()) log_ << "dateline: " << s.message() << "\n";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  writer_.join();
  if (!messages_.empty()) log_ << messages_;
}

Status StoreSink::Finish() {
  std::unique_lock<std::mutex> lock(mutex_);
  Drain(lock);
  if (finished_) return error_;
  finished_ = true;
  if (!error_.ok()) return error_;
  // The writer is idle and no batch will come: the store is this thread's.
  error_ = store_.Finish();
  return error_;
}

void StoreSink::Write(const Document& doc) { Take(Document(doc)); }

void StoreSink::Take(Document&& doc) {
  PreparedText text = PrepareText(doc, false);
  if (seen_hashes_.insert(ArticleIdentity::ContentKey(text.hash).low).second) text.sketch = ArticleSketch(text.cleaned);
  current_.push_back(Item{std::move(doc), std::move(text)});
}

Status StoreSink::EndBatch() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    // Room for the batch: at most one waits while another is stored.
    changed_.wait(lock, [&] { return queue_.empty() || !error_.ok(); });
    if (!messages_.empty()) {
      log_ << messages_;
      messages_.clear();
    }
    if (!error_.ok()) {
      current_.clear();
      return error_;
    }
    if (!current_.empty()) queue_.push_back(std::move(current_));
    current_.clear();
  }
  changed_.notify_all();
  if (after_batch_) after_batch_();
  return Status::Ok();
}

void StoreSink::Drain(std::unique_lock<std::mutex>& lock) const {
  changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || !error_.ok(); });
  changed_.wait(lock, [&] { return !busy_; });
  if (!messages_.empty()) {
    log_ << messages_;
    messages_.clear();
  }
}

StoreCounters StoreSink::counters() const {
  std::unique_lock<std::mutex> lock(mutex_);
  Drain(lock);
  return counters_;
}

StoreCounters StoreSink::counters_so_far() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counters_;
}

Status StoreSink::status() const {
  std::unique_lock<std::mutex> lock(mutex_);
  Drain(lock);
  return error_;
}

void StoreSink::WriterLoop() {
  for (;;) {
    std::vector<Item> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, everything stored
      batch = std::move(queue_.front());
      queue_.pop_front();
      if (!error_.ok()) {  // stopped: the rest is dropped
        changed_.notify_all();
        continue;
      }
      busy_ = true;
    }
    changed_.notify_all();
    StoreCounters delta;
    std::string messages;
    Status s = StoreBatch(batch, &delta, &messages);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      busy_ = false;
      messages_ += messages;
      if (s.ok()) {
        counters_.articles_added += delta.articles_added;
        counters_.articles_present += delta.articles_present;
        counters_.conflicts += delta.conflicts;
        counters_.duplicate_texts += delta.duplicate_texts;
        counters_.events_added += delta.events_added;
        counters_.quotes_added += delta.quotes_added;
        counters_.batches_committed += delta.batches_committed;
      } else if (error_.ok()) {
        error_ = s;
        queue_.clear();
      }
    }
    changed_.notify_all();
  }
}

Status StoreSink::StoreBatch(const std::vector<Item>& items, StoreCounters* c, std::string* messages) {
  if (Status s = store_.BeginBatch(); !s.ok()) return s;
  for (const Item& item : items) {
    const Document& doc = item.doc;
    Result<AddOutcome> added = store_.AddArticle(doc, item.text, version_);
    if (!added.ok()) {
      store_.RollbackBatch();
      return added.status();
    }
    switch (*added) {
      case AddOutcome::kAdded:
        ++c->articles_added;
        c->events_added += doc.events.size();
        c->quotes_added += doc.quotes.size();
        break;
      case AddOutcome::kPresent:
        ++c->articles_present;
        break;
      case AddOutcome::kConflict:
        ++c->conflicts;
        *messages += doc.id + ": already stored with different text; kept the first\n";
        break;
      case AddOutcome::kDuplicateText:
        ++c->duplicate_texts;
        break;
    }
  }
  if (Status s = store_.CommitBatch(); !s.ok()) {
    store_.RollbackBatch();
    return s;
  }
  ++c->batches_committed;
  return Status::Ok();
}

}  // namespace dateline
