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
  std::vector<Document> batch;
  std::vector<size_t> known_diagnostics;  // diagnostics the input stage already printed
  batch.reserve(batch_size);

  auto code_batch = [&] {
    if (threads == 1 || batch.size() < 2) {
      for (Document& d : batch) pipeline.Process(d);
    } else {
      std::atomic<size_t> next{0};
      std::vector<std::thread> workers;
      for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
          for (size_t i; (i = next.fetch_add(1)) < batch.size();) pipeline.Process(batch[i]);
        });
      for (std::thread& w : workers) w.join();
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      const Document& d = batch[i];
      writer.Write(d);
      summary.sentences += d.sentences.size();
      for (size_t k = known_diagnostics[i]; k < d.diagnostics.size(); ++k) {
        const Diagnostic& g = d.diagnostics[k];
        log << d.id << "@" << g.input_offset << ": "
            << (g.severity == Diagnostic::Severity::kError ? "error: " : "warning: ") << g.message << "\n";
        ++summary.warnings;
      }
    }
    batch.clear();
    known_diagnostics.clear();
  };

  while (std::optional<Document> doc = source.Next()) {
    known_diagnostics.push_back(doc->diagnostics.size());
    batch.push_back(std::move(*doc));
    if (batch.size() >= batch_size) code_batch();
  }
  code_batch();

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
