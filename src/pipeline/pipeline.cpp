#include "pipeline/pipeline.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iomanip>
#include <mutex>
#include <thread>

#include "clean/clean.h"
#include "input/input.h"
#include "output/output.h"
#include "resolve/places.h"
#include "sentence/sentence.h"
#include "token/token.h"

namespace dateline {

TextStages::TextStages() {
  stages_.push_back(std::make_unique<Cleaner>());
  stages_.push_back(std::make_unique<SentenceSplitter>());
  stages_.push_back(std::make_unique<Tokenizer>());
  stages_.push_back(std::make_unique<Tagger>());
}

TextStages::~TextStages() = default;

namespace {

bool RunStage(const Stage& stage, Status s, Document& doc) {
  if (s.ok()) return true;
  doc.diagnostics.push_back(
      {Diagnostic::Severity::kError, 0, std::string(stage.name()) + " stage failed: " + s.message()});
  return false;
}

}  // namespace

bool TextStages::Process(Document& doc) const {
  for (const auto& stage : stages_)
    if (!RunStage(*stage, stage->Run(doc), doc)) return false;
  return true;
}

Pipeline::Pipeline(const Dictionary& dict, CoderOptions coder_options)
    : dict_(dict),
      coder_(std::make_unique<EventCoder>(dict, coder_options)),
      places_(std::make_unique<PlaceResolver>(dict)) {}

Pipeline::~Pipeline() = default;

void Pipeline::Code(Document& doc) const {
  if (RunStage(*coder_, coder_->Run(doc), doc)) RunStage(*places_, places_->Run(doc), doc);
}

void Pipeline::Explain(Document& doc, CoderTrace* trace) const {
  if (text_.Process(doc) && RunStage(*coder_, coder_->Explain(doc, trace), doc)) RunStage(*places_, places_->Run(doc), doc);
}

void Pipeline::Process(Document& doc) const {
  if (text_.Process(doc)) Code(doc);
}

RunSummary RunPipeline(ArticleSource& source, const Pipeline& pipeline, RecordSink& writer, RunOptions options,
                       std::ostream& log) {
  const auto start = options.started ? *options.started : std::chrono::steady_clock::now();
  RunSummary summary;
  const int threads = options.threads < 1 ? 1 : options.threads;
  const size_t batch_size = options.batch_documents * static_cast<size_t>(threads);
  struct Batch {
    std::vector<Document> docs;
    std::vector<size_t> known_diagnostics;  // per document: diagnostics the input stage already printed
    std::vector<uint8_t> prepared;          // per document: 0 read here, 1 text stages run, 2 they failed
  };
  PreparedDocuments* prepared = options.prepared;
  size_t next_prepared = 0;
  auto read = [&](Batch* b) {
    b->prepared.clear();
    while (b->docs.size() < batch_size) {
      std::optional<Document> doc;
      uint8_t state = 0;
      size_t known = 0;
      if (prepared && next_prepared < prepared->docs.size()) {
        state = prepared->text_ok[next_prepared] ? 1 : 2;
        known = prepared->input_diagnostics[next_prepared];
        doc.emplace(std::move(prepared->docs[next_prepared++]));
        if (next_prepared == prepared->docs.size()) {
          prepared->docs.clear();
          prepared->docs.shrink_to_fit();
          next_prepared = 0;
          prepared = nullptr;
        }
      } else {
        doc = source.Next();
        if (doc) known = doc->diagnostics.size();
      }
      if (!doc) break;
      // Diagnostics the text stages of a prepared document added are printed with its records.
      b->known_diagnostics.push_back(known);
      b->prepared.push_back(state);
      b->docs.push_back(std::move(*doc));
    }
  };
  auto process = [&pipeline](Batch& b, size_t i) {
    if (b.prepared[i] == 0) pipeline.Process(b.docs[i]);
    else if (b.prepared[i] == 1) pipeline.Code(b.docs[i]);
  };
  auto write = [&](Batch* b) {
    const bool any = !b->docs.empty();
    if (!summary.sink_error.empty()) {  // the sink failed: the rest is coded but not written
      b->docs.clear();
      b->known_diagnostics.clear();
      return;
    }
    for (size_t i = 0; i < b->docs.size(); ++i) {
      Document& d = b->docs[i];
      summary.sentences += d.sentences.size();
      for (size_t k = b->known_diagnostics[i]; k < d.diagnostics.size(); ++k) {
        const Diagnostic& g = d.diagnostics[k];
        log << d.id << "@" << g.input_offset << ": "
            << (g.severity == Diagnostic::Severity::kError ? "error: " : "warning: ") << g.message << "\n";
        ++summary.warnings;
      }
      writer.Take(std::move(d));  // the batch is cleared next: a sink that keeps documents need not copy
    }
    b->docs.clear();
    b->known_diagnostics.clear();
    if (any) {
      Status s = writer.EndBatch();
      if (!s.ok()) summary.sink_error = s.message();
    }
  };

  if (threads == 1) {
    Batch batch;
    for (read(&batch); !batch.docs.empty() && summary.sink_error.empty(); read(&batch)) {
      for (size_t i = 0; i < batch.docs.size(); ++i) process(batch, i);
      write(&batch);
    }
  } else {
    // While threads - 1 workers code a batch, this thread writes the batch before it and reads
    // the one after it, then joins the coding: reading and writing leave no core idle. The
    // workers live for the whole run and wait between batches (no thread started per batch).
    struct Crew {
      std::mutex mutex;
      std::condition_variable start, done;
      uint64_t generation = 0;  // batches handed out so far
      int busy = 0;             // workers still coding the current batch
      bool stop = false;
      Batch* batch = nullptr;
      std::atomic<size_t> next{0};
    } crew;
    auto code = [&crew, &process] {
      for (size_t i; (i = crew.next.fetch_add(1, std::memory_order_relaxed)) < crew.batch->docs.size();)
        process(*crew.batch, i);
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
      workers.emplace_back([&crew, &code] {
        uint64_t seen = 0;
        for (;;) {
          {
            std::unique_lock<std::mutex> lock(crew.mutex);
            crew.start.wait(lock, [&] { return crew.stop || crew.generation != seen; });
            if (crew.stop) return;
            seen = crew.generation;
          }
          code();
          std::lock_guard<std::mutex> lock(crew.mutex);
          if (--crew.busy == 0) crew.done.notify_one();
        }
      });
    Batch coded, coding, next;
    read(&coding);
    while (!coding.docs.empty() && summary.sink_error.empty()) {
      {
        std::lock_guard<std::mutex> lock(crew.mutex);
        crew.batch = &coding;
        crew.next.store(0, std::memory_order_relaxed);
        crew.busy = threads - 1;
        ++crew.generation;
      }
      crew.start.notify_all();
      write(&coded);
      read(&next);
      code();
      {
        std::unique_lock<std::mutex> lock(crew.mutex);
        crew.done.wait(lock, [&] { return crew.busy == 0; });
      }
      std::swap(coded, coding);
      std::swap(coding, next);
    }
    write(&coded);
    {
      std::lock_guard<std::mutex> lock(crew.mutex);
      crew.stop = true;
    }
    crew.start.notify_all();
    for (std::thread& w : workers) w.join();
  }

  const InputCounters& in = source.counters();
  summary.documents = in.documents;
  summary.rejects = in.rejects;
  summary.warnings += in.warnings;
  summary.unusable_files = in.unusable_files;
  summary.events = writer.events_written();
  summary.quotes = writer.quotes_written();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

void PrintSummary(std::ostream& out, const RunSummary& s) {
  const double rate = s.seconds > 0 ? static_cast<double>(s.sentences) / s.seconds : 0.0;
  out << "summary: documents " << s.documents << ", sentences " << s.sentences << ", events " << s.events
      << ", quotes " << s.quotes << ", warnings " << s.warnings << ", rejects " << s.rejects;
  if (s.unusable_files) out << ", unusable files " << s.unusable_files;
  out << ", elapsed " << std::fixed << std::setprecision(3) << s.seconds << " s, " << std::setprecision(0) << rate
      << " sentences/s\n";
}

}  // namespace dateline
