#include "pipeline/pipeline.h"

#include <atomic>
#include <chrono>
#include <iomanip>
#include <thread>

#include "clean/clean.h"
#include "input/input.h"
#include "output/output.h"
#include "sentence/sentence.h"
#include "token/token.h"

namespace dateline {

Pipeline::Pipeline(const Dictionary& dict, CoderOptions coder_options) : dict_(dict) {
  stages_.push_back(std::make_unique<Cleaner>());
  stages_.push_back(std::make_unique<SentenceSplitter>());
  stages_.push_back(std::make_unique<Tokenizer>());
  stages_.push_back(std::make_unique<Tagger>());
  stages_.push_back(std::make_unique<EventCoder>(dict, coder_options));
}

Pipeline::~Pipeline() = default;

void Pipeline::Explain(Document& doc, CoderTrace* trace) const {
  for (const auto& stage : stages_) {
    const auto* coder = dynamic_cast<const EventCoder*>(stage.get());
    Status s = coder ? coder->Explain(doc, trace) : stage->Run(doc);
    if (!s.ok()) {
      doc.diagnostics.push_back({Diagnostic::Severity::kError, 0,
                                 std::string(stage->name()) + " stage failed: " + s.message()});
      return;
    }
  }
}

void Pipeline::Process(Document& doc) const {
  for (const auto& stage : stages_) {
    Status s = stage->Run(doc);
    if (!s.ok()) {
      doc.diagnostics.push_back({Diagnostic::Severity::kError, 0,
                                 std::string(stage->name()) + " stage failed: " + s.message()});
      return;
    }
  }
}

RunSummary RunPipeline(ArticleSource& source, const Pipeline& pipeline, RecordWriter& writer, RunOptions options,
                       std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  RunSummary summary;
  const int threads = options.threads < 1 ? 1 : options.threads;
  const size_t batch_size = options.batch_documents * static_cast<size_t>(threads);
  struct Batch {
    std::vector<Document> docs;
    std::vector<size_t> known_diagnostics;  // per document: diagnostics the input stage already printed
  };
  auto read = [&](Batch* b) {
    while (b->docs.size() < batch_size) {
      std::optional<Document> doc = source.Next();
      if (!doc) break;
      b->known_diagnostics.push_back(doc->diagnostics.size());
      b->docs.push_back(std::move(*doc));
    }
  };
  auto write = [&](Batch* b) {
    for (size_t i = 0; i < b->docs.size(); ++i) {
      const Document& d = b->docs[i];
      writer.Write(d);
      summary.sentences += d.sentences.size();
      for (size_t k = b->known_diagnostics[i]; k < d.diagnostics.size(); ++k) {
        const Diagnostic& g = d.diagnostics[k];
        log << d.id << "@" << g.input_offset << ": "
            << (g.severity == Diagnostic::Severity::kError ? "error: " : "warning: ") << g.message << "\n";
        ++summary.warnings;
      }
    }
    b->docs.clear();
    b->known_diagnostics.clear();
  };

  if (threads == 1) {
    Batch batch;
    for (read(&batch); !batch.docs.empty(); read(&batch)) {
      for (Document& d : batch.docs) pipeline.Process(d);
      write(&batch);
    }
  } else {
    // While threads - 1 workers code a batch, this thread writes the batch before it and reads
    // the one after it, then joins the coding: reading and writing leave no core idle.
    Batch coded, coding, next;
    read(&coding);
    while (!coding.docs.empty()) {
      std::atomic<size_t> next_doc{0};
      auto code = [&] {
        for (size_t i; (i = next_doc.fetch_add(1)) < coding.docs.size();) pipeline.Process(coding.docs[i]);
      };
      std::vector<std::thread> workers;
      for (int t = 1; t < threads; ++t) workers.emplace_back(code);
      write(&coded);
      read(&next);
      code();
      for (std::thread& w : workers) w.join();
      std::swap(coded, coding);
      std::swap(coding, next);
    }
    write(&coded);
  }

  const InputCounters& in = source.counters();
  summary.documents = in.documents;
  summary.rejects = in.rejects;
  summary.warnings += in.warnings;
  summary.unusable_files = in.unusable_files;
  summary.events = writer.events_written();
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
