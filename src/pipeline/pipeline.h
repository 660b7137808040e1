// Pipeline: the stages in order, and the runner that streams articles through them.
//
//   Pipeline pipeline(DefaultDictionary(), CoderOptions{});
//   Document doc = DecodeArticle("id", bytes);
//   pipeline.Process(doc);                  // clean → sentences → tokens → tags → events
//
//   ArticleSource source(paths, input_options, std::cerr, rejects);
//   RecordWriter writer(std::cout, output_options);
//   RunSummary summary = RunPipeline(source, pipeline, writer, RunOptions{.threads = 2}, std::cerr);
//
// The stages are immutable, so one Pipeline serves every thread. RunPipeline reads articles in
// batches, codes a batch on `threads` workers, and writes it in input order: memory is bounded
// by the batch (three batches in flight with several threads: while one is coded, the one
// before it is written and the one after it read; the worker threads live for the whole run
// and wait between batches), and the output is the same whatever the
// thread count. With several threads the input stage's warnings for a batch may come before
// the coding diagnostics of the batch before it on the log.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "code/coder.h"
#include "core/stage.h"
#include "dict/dictionary.h"

namespace dateline {

class ArticleSource;
class PlaceResolver;
class RecordSink;

// The stages before coding — clean → sentences → tokens → tags — which need no dictionary, so
// that they can run while the dictionaries load.
class TextStages {
 public:
  TextStages();
  ~TextStages();
  // Runs them on doc; false when one could not run (recorded as a diagnostic on doc).
  bool Process(Document& doc) const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

class Pipeline {
 public:
  Pipeline(const Dictionary& dict, CoderOptions coder_options);
  ~Pipeline();

  // Runs every stage on doc. A stage that cannot run is recorded as a diagnostic on doc.
  void Process(Document& doc) const;
  // The coding stage alone, for a document the text stages have processed.
  void Code(Document& doc) const;
  // The same as Process, recording what the coder tried into *trace (for `dateline explain`).
  void Explain(Document& doc, CoderTrace* trace) const;
  const Dictionary& dictionary() const { return dict_; }

 private:
  const Dictionary& dict_;
  TextStages text_;
  std::unique_ptr<EventCoder> coder_;
  std::unique_ptr<PlaceResolver> places_;  // after the coder: each event's location
};

// Documents read, and run through the text stages, before the pipeline existed (while the
// dictionaries loaded): RunPipeline codes them first, in order, then reads on.
struct PreparedDocuments {
  std::vector<Document> docs;
  std::vector<uint8_t> text_ok;             // per document: the text stages ran
  std::vector<size_t> input_diagnostics;    // per document: diagnostics the input stage printed
};

struct RunOptions {
  int threads = 1;
  size_t batch_documents = 256;  // per thread
  PreparedDocuments* prepared = nullptr;
  // When the run began, for its rate (set when documents were prepared before RunPipeline).
  std::optional<std::chrono::steady_clock::time_point> started;
};

struct RunSummary {
  uint64_t documents = 0;
  uint64_t sentences = 0;
  uint64_t events = 0;  // event records written
  uint64_t quotes = 0;  // quote records written (0 without --quotes)
  uint64_t warnings = 0;
  uint64_t rejects = 0;
  uint64_t unusable_files = 0;
  double seconds = 0;
  std::string sink_error;  // why the sink stopped the run (its EndBatch failed); "" when it did not
};

// Diagnostics that the stages add to a document are printed on `log` as "doc_id@offset: warning: ...".
// The sink receives every document in input order, and EndBatch after each batch; when EndBatch
// fails the run stops after that batch (nothing more is written) and RunSummary::sink_error says why.
RunSummary RunPipeline(ArticleSource& source, const Pipeline& pipeline, RecordSink& writer, RunOptions options,
                       std::ostream& log);

// "documents 3, sentences 40, events 12, quotes 0, warnings 0, rejects 0, 0.01 s, 4000 sentences/s"
void PrintSummary(std::ostream& out, const RunSummary& s);

}  // namespace dateline
