// RunPipeline: batches, workers and the order of the output.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <sstream>

#include "input/input.h"
#include "output/output.h"

namespace dateline {
namespace {

struct Outcome {
  std::string out, log;
  RunSummary summary;
};

// `prepare`: that many documents are first read and run through the text stages, as `code`
// does while the dictionaries load, and handed to the run as PreparedDocuments.
Outcome RunOn(const std::string& jsonl, int threads, size_t batch_documents, size_t prepare = 0) {
  std::istringstream in(jsonl);
  std::ostringstream out, log;
  InputOptions input;
  input.format = InputFormat::kJsonl;
  input.standard_input = &in;
  ArticleSource source({"-"}, input, log, nullptr);
  PreparedDocuments prepared;
  const TextStages text;
  for (size_t i = 0; i < prepare; ++i) {
    std::optional<Document> doc = source.Next();
    if (!doc) break;
    prepared.input_diagnostics.push_back(doc->diagnostics.size());
    prepared.text_ok.push_back(text.Process(*doc));
    prepared.docs.push_back(std::move(*doc));
  }
  RecordWriter writer(out, OutputOptions{});
  Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  RunOptions options;
  options.threads = threads;
  options.batch_documents = batch_documents;
  options.prepared = &prepared;
  Outcome r;
  r.summary = RunPipeline(source, pipeline, writer, options, log);
  r.out = out.str();
  r.log = log.str();
  return r;
}

// Many small batches: with several threads one batch is written and the next read while a
// third is coded; the records still come out in input order, and every document is counted.
TEST(RunPipeline, ManyBatchesOnSeveralThreadsGiveTheOneThreadOutput) {
  const char* texts[] = {"France criticized Mali.", "Mali criticized France.", "Germany praised Poland.",
                         "Russia attacked Ukraine. Ukraine accused Russia.", "China visited Kazakhstan."};
  std::string jsonl;
  for (int i = 0; i < 101; ++i)
    jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2025-03-03\",\"text\":\"" + texts[i % 5] + "\"}\n";
  jsonl += "not json\n";  // an input warning along the way
  const Outcome one = RunOn(jsonl, 1, 4);
  EXPECT_EQ(one.summary.documents, 101u);
  EXPECT_GE(one.summary.events, 90u);
  for (int threads : {2, 3}) {
    for (size_t batch : {1, 4, 500}) {
      const Outcome many = RunOn(jsonl, threads, batch);
      EXPECT_EQ(many.out, one.out) << threads << " threads, batches of " << batch;
      EXPECT_EQ(many.summary.documents, one.summary.documents);
      EXPECT_EQ(many.summary.sentences, one.summary.sentences);
      EXPECT_EQ(many.summary.events, one.summary.events);
      EXPECT_EQ(many.summary.rejects, 1u);
    }
  }
}

// Documents prepared before the run (read, and run through the text stages, while the
// dictionaries loaded) are coded first and in order; the run then reads on from the source.
// A prepared document keeps the diagnostics the text stages gave it for the log.
TEST(RunPipeline, PreparedDocumentsComeFirstAndGiveTheSameOutput) {
  std::string jsonl;
  for (int i = 0; i < 30; ++i)
    jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2025-03-03\",\"text\":\"" +
             (i % 2 ? "France criticized Mali." : "Russia attacked Ukraine. Ukraine accused Russia.") + "\"}\n";
  const Outcome plain = RunOn(jsonl, 1, 4);
  for (int threads : {1, 2}) {
    const Outcome early = RunOn(jsonl, threads, 4, /*prepare=*/7);
    EXPECT_EQ(early.out, plain.out) << threads << " threads";
    EXPECT_EQ(early.summary.documents, 30u);
    EXPECT_EQ(early.summary.sentences, plain.summary.sentences);
  }
}

// The workers wait between batches for the whole run; with no input at all they are started
// and stopped without a batch, and the run ends.
TEST(RunPipeline, WorkersStopWhenThereIsNoInput) {
  for (int threads : {2, 4}) {
    const Outcome none = RunOn("", threads, 4);
    EXPECT_EQ(none.summary.documents, 0u);
    EXPECT_EQ(none.out, "");
  }
}

}  // namespace
}  // namespace dateline
