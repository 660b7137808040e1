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
// one-sided events) is the pipeline's business. Event records go through EventRecord (below), the
// view `dateline query` and `export` write stored events through too. Each Write() formats into one reusable buffer and
// hands it to the stream in a single write; check the stream's state for I/O errors. A
// RecordWriter is not thread-safe: give each output stream one writer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
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

// --- The event record ---------------------------------------------------------------------------
//
// One event record of docs/output-format.md as a flat, non-owning view: every field of the
// contract, in the contract's order, strings as views, nullable values as optionals. It is built
// from a coded Document (MakeEventRecord below, for `dateline code` and the store's rows) or from
// a stored row (store/export.h, for `dateline query` and `export`), and AppendEventJson and
// AppendEventFlat are the only writers of event records: the field list, order, escaping, number
// formats and null rules are written once, so both commands write the same bytes.
//
//   EventRecordBuffer buffer;   // reused from event to event
//   for (const Event& e : doc.events) AppendEventJson(out, MakeEventRecord(doc, e, version, buffer));
struct EventRecord {
  struct Actor {
    std::string_view code;     // source, target: "" when the side is absent
    std::string_view name;     // source_name, target_name
    std::string_view country;  // source_country, target_country
    std::string_view text;     // source_text, target_text: the words that named it
    friend bool operator==(const Actor&, const Actor&) = default;
  };
  struct Place {  // location
    std::string_view name, country, admin1;
    std::optional<double> lat, lon;          // null only without a gazetteer of places
    std::optional<int64_t> geonames_id;      // cities
    std::string_view precision;              // "city", "admin1", "country"
    friend bool operator==(const Place&, const Place&) = default;
  };
  struct Span {  // input byte offsets, half-open
    int64_t start = 0;
    int64_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
  };
  struct Strings {  // issues, rules: viewed where they are kept
    std::span<const std::string> items;
    friend bool operator==(const Strings& a, const Strings& b) { return std::ranges::equal(a.items, b.items); }
  };

  std::string_view event_id, doc_id, outlet, url;
  int64_t sentence = 0;
  std::optional<Date> date;
  std::string_view date_precision;  // "day", "week", "month", "year"
  bool historical = false;
  std::string_view mode;            // "asserted", "future", "hypothetical", "negated"
  Actor source, target;
  std::string_view code, root;
  std::optional<int64_t> quad_class;
  std::optional<double> goldstein;
  std::string_view plover, plover_mode, plover_context;
  std::optional<Place> location;
  Strings issues;
  std::optional<std::string_view> quote_id;
  std::string_view evidence_text;   // evidence.text
  Span evidence;                    // evidence.start, evidence.end
  std::optional<Span> source_span, target_span, verb_span;  // evidence.*_span
  Strings rules;
  std::string_view version;
  // Not written in the event record: the article's publication date (PLOVER's story_date).
  std::optional<Date> publication_date;

  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

// The values MakeEventRecord composes rather than views — the event id and the quote id —, kept
// by the caller and reused from event to event, so that building a record allocates nothing once
// the quote id's capacity suffices. A record is valid until its buffer builds the next one.
struct EventRecordBuffer {
  char event_id[16];
  std::string quote_id;
};

// The record of event `e` of the coded `doc`, with the run's `version` string. Views point into
// doc, e, version, buffer and the CAMEO table.
EventRecord MakeEventRecord(const Document& doc, const Event& e, std::string_view version, EventRecordBuffer& buffer,
                            const CameoTable& cameo = CameoTable::Default());

// Appends the event record as one JSON line, '\n'-terminated.
void AppendEventJson(std::string& out, const EventRecord& r);

// The work buffers of the flat writer, kept by the caller so that rows reuse their capacity.
struct FlatScratch {
  std::string utf8;    // a value with invalid UTF-8 repaired
  std::string joined;  // a list joined with '|'
};
// Appends the header row of the flat output (FlatColumns()) in `format` (kTsv or kCsv).
void AppendFlatHeader(std::string& out, OutputFormat format);
// Appends the event record as one flat row in `format` (kTsv or kCsv), '\n'-terminated.
void AppendEventFlat(std::string& out, const EventRecord& r, OutputFormat format, FlatScratch& scratch);

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

  std::ostream& out_;
  OutputOptions opts_;
  const CameoTable& cameo_;
  std::string buf_;  // the records of one Write(), handed to the stream at once
  EventRecordBuffer record_;
  FlatScratch flat_;
  uint64_t events_written_ = 0;
  uint64_t quotes_written_ = 0;
};

// The deterministic id of an event: XXH3-64 of its doc_id, sentence, source, target and code, as
// 16 lower-case hex digits. The same input and dictionaries give the same id.
std::string EventId(const Document& doc, const Event& e);

// "doc_id#qN": the id of the document's quote N.
std::string QuoteId(const Document& doc, uint32_t quote);
// A quotation's text as the quote record writes it: its parts joined by a space.
std::string QuoteText(const Document& doc, const Quote& q);
// Input offsets of a span of doc's text.
EventRecord::Span InputOffsets(const Document& doc, ByteSpan s);
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
