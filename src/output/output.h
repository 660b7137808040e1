// Output: writes a coded Document as records — JSON Lines (event, quote and article records, schema
// version 1) or flat TSV/CSV (event records only). docs/output-format.md describes every field;
// docs/event.schema.json is the JSON Schema of the records.
//
//   OutputOptions opts;
//   opts.format = OutputFormat::kJsonl;
//   opts.articles = true;
//   opts.version = "dateline 0.1.0 dict 3f9a2c1";
//   RecordWriter writer(std::cout, opts);
//   for (Document& doc : docs) writer.Write(doc);   // article record, then one line per event
//   std::cerr << writer.events_written() << " events\n";
//
// The writer writes every event in Document::events: choosing which events to write (modes,
// one-sided events) is the pipeline's business. Each Write() formats into one reusable buffer and
// hands it to the stream in a single write; check the stream's state for I/O errors. A
// RecordWriter is not thread-safe: give each output stream one writer.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/event.h"
#include "core/status.h"
#include "dict/cameo.h"

namespace dateline {

enum class OutputFormat { kJsonl, kTsv, kCsv };

// "jsonl" (also "json"), "tsv", "csv"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct OutputOptions {
  OutputFormat format = OutputFormat::kJsonl;
  bool articles = false;  // JSON Lines only: an article record before each document's events
  bool quotes = false;    // JSON Lines only: the document's quote records, after its article record, before its events
  std::string version;    // the records' "version": "dateline 0.1.0 dict abc123"
};

// The schema version written in every JSON record.
inline constexpr int kSchemaVersion = 1;

// Where RunPipeline puts coded documents: it calls Write for each document of a batch in input
// order, then EndBatch, all on one thread. A sink that returns an error from EndBatch stops the
// run (RunSummary::sink_error). RecordWriter writes records to a stream; the event store
// (src/store) stores them, one transaction per batch.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void Write(const Document& doc) = 0;
  // The same, for a document the caller no longer needs (RunPipeline's): a sink that keeps
  // documents (the event store's, for its writer thread) takes it instead of copying it.
  virtual void Take(Document&& doc) { Write(doc); }
  // The batch's documents have all been written: a place to commit them.
  virtual Status EndBatch() { return Status::Ok(); }
  virtual uint64_t events_written() const = 0;
  virtual uint64_t quotes_written() const = 0;
};

class RecordWriter : public RecordSink {
 public:
  // For TSV and CSV the header row is written here, so an output without events still has it.
  RecordWriter(std::ostream& out, OutputOptions opts, const CameoTable& cameo = CameoTable::Default());

  // Writes the records of one document: its article record (JSON Lines with opts.articles), its
  // quote records in text order (JSON Lines with opts.quotes), then one record per event, in
  // Document::events order.
  void Write(const Document& doc) override;

  uint64_t events_written() const override { return events_written_; }
  uint64_t quotes_written() const override { return quotes_written_; }

 private:
  void WriteArticleJson(const Document& doc);
  void WriteQuoteJson(const Document& doc, uint32_t index);
  void WriteEventJson(const Document& doc, const Event& e);
  void WriteEventFlat(const Document& doc, const Event& e);

  std::ostream& out_;
  OutputOptions opts_;
  const CameoTable& cameo_;
  std::string buf_;      // the records of one Write(), handed to the stream at once
  std::string scratch_;  // work buffers of the flat formats
  std::string joined_;
  uint64_t events_written_ = 0;
  uint64_t quotes_written_ = 0;
};

// The deterministic id of an event: XXH3-64 of its doc_id, sentence, source, target and code, as
// 16 lower-case hex digits. The same input and dictionaries give the same id.
std::string EventId(const Document& doc, const Event& e);

// An event's record values that are derived rather than copied from the Document or the Event,
// computed as every writer computes them. Views point into doc, e and the CAMEO table.
struct EventFields {
  struct Offsets {
    uint32_t start = 0;
    uint32_t end = 0;
  };
  char id[16];                        // event_id, 16 hex digits (not NUL-terminated)
  std::string_view sentence_text;     // evidence.text
  Offsets sentence;                   // evidence.start, evidence.end (input offsets)
  std::optional<Offsets> source_span, target_span, verb_span;
  std::string_view source_text, target_text;
  const CameoCode* cameo = nullptr;   // quad_class, goldstein, plover*: null when the code has no row
  std::string_view root;
  std::optional<Date> date;           // the event's date, else the publication date
};
EventFields ResolveEventFields(const Document& doc, const Event& e, const CameoTable& cameo = CameoTable::Default());

// "doc_id#qN": the id of the document's quote N.
std::string QuoteId(const Document& doc, uint32_t quote);
// A quotation's text as the quote record writes it: its parts joined by a space.
std::string QuoteText(const Document& doc, const Quote& q);
// Input offsets of a span of doc's text.
EventFields::Offsets InputOffsets(const Document& doc, ByteSpan s);
// The article record's title: the title given with the article, else the headline found in it.
std::string_view ArticleTitle(const Document& doc);

// The columns of the TSV/CSV output, in order: the event record's fields with nested objects
// flattened to dotted names ("location.lat", "evidence.source_span.start").
const std::vector<std::string_view>& FlatColumns();

// Appends `s` to `out` as a JSON string, quotes included: '"' and '\' escaped, \n \r \t \b \f by
// their short escapes, other control characters as \u00XX, valid UTF-8 as is, and each byte of
// an invalid UTF-8 sequence as U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace dateline
