#include "output/output.h"

#include <xxhash.h>

#include <cmath>
#include <cstring>
#include <span>

#include "output/escape.h"

namespace dateline {

using namespace output_internal;

namespace {

using OffsetPair = EventRecord::Span;

// doc.view(span), or "" for a span outside the text (a defect upstream; never throw while writing).
std::string_view SafeView(const Document& doc, ByteSpan s) {
  if (s.begin > s.end || s.end > doc.text().size()) return {};
  return doc.view(s);
}

OffsetPair ToInput(const Document& doc, ByteSpan s) { return {doc.input_offset(s.begin), doc.input_offset(s.end)}; }

std::optional<OffsetPair> ToInput(const Document& doc, const std::optional<ByteSpan>& s) {
  if (!s) return std::nullopt;
  return ToInput(doc, *s);
}

void EventIdHex(const Document& doc, const Event& e, char out[16]) {
  // Each field is prefixed by its byte length (32-bit little-endian), so that no two different
  // field tuples hash the same bytes; the sentence index is a 32-bit little-endian number.
  const std::string_view strings[] = {doc.id, e.source.code, e.target.code, e.code};
  size_t total = 4 + 4;
  for (std::string_view s : strings) total += 4 + s.size();
  char stack[512];
  std::string heap;
  char* key = stack;
  if (total > sizeof stack) {
    heap.resize(total);
    key = heap.data();
  }
  size_t n = 0;
  const auto put32 = [&](uint32_t v) {
    for (int k = 0; k < 4; ++k) key[n++] = static_cast<char>((v >> (8 * k)) & 0xFF);
  };
  const auto put = [&](std::string_view s) {
    put32(static_cast<uint32_t>(s.size()));
    std::memcpy(key + n, s.data(), s.size());
    n += s.size();
  };
  put(strings[0]);
  put32(4);
  put32(e.sentence);
  put(strings[1]);
  put(strings[2]);
  put(strings[3]);
  uint64_t h = XXH3_64bits(key, n);
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xF];
}

// --- JSON -------------------------------------------------------------------------------------

// Appends ,"key": — every field but an object's first.
void Key(std::string& b, std::string_view key) {
  b += ",\"";
  b += key;
  b += "\":";
}

// ,"key": joined at compile time, so that a literal key is one append: Key<"doc_id">(b). The
// writers append some forty keys per event record.
template <size_t N>
struct KeyText {
  char text[N + 3] = {};  // the key's N - 1 characters between ," and ":
  consteval KeyText(const char (&key)[N]) {
    text[0] = ',';
    text[1] = '"';
    for (size_t i = 0; i + 1 < N; ++i) text[2 + i] = key[i];
    text[N + 1] = '"';
    text[N + 2] = ':';
  }
};
template <KeyText K>
void Key(std::string& b) {
  b.append(K.text, sizeof K.text);
}

void JsonStrings(std::string& b, std::span<const std::string> items) {
  b += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) b += ',';
    AppendJsonString(b, items[i]);
  }
  b += ']';
}

void JsonSpan(std::string& b, const std::optional<EventRecord::Span>& p) {
  if (!p) {
    b += "null";
    return;
  }
  b += '[';
  AppendInt(b, p->start);
  b += ',';
  AppendInt(b, p->end);
  b += ']';
}

// --- TSV / CSV --------------------------------------------------------------------------------

class FlatRow {
 public:
  FlatRow(std::string& out, OutputFormat format, FlatScratch& scratch)
      : out_(out), csv_(format == OutputFormat::kCsv), scratch_(scratch) {}

  void Str(std::string_view s) {
    Sep();
    s = ValidUtf8(s, scratch_.utf8);
    if (csv_)
      AppendCsvField(out_, s);
    else
      AppendTsvField(out_, s);
  }
  void Empty() { Sep(); }
  void Int(int64_t v) {
    Sep();
    AppendInt(out_, v);
  }
  void Int(const std::optional<int64_t>& v) { v ? Int(*v) : Empty(); }
  void Decimal(const std::optional<double>& v) {
    Sep();
    if (v) AppendDecimal(out_, *v);
  }
  void Coordinate(const std::optional<double>& v) {
    Sep();
    if (v) AppendCoordinate(out_, *v);
  }
  void Bool(bool v) {
    Sep();
    out_ += v ? "true" : "false";
  }
  void DateValue(const std::optional<Date>& d) {
    Sep();
    if (d && d->valid()) AppendDate(out_, d->year, d->month, d->day);
  }
  // Elements joined with '|'; a '|' inside an element becomes a space, so the join stays unambiguous.
  void List(std::span<const std::string> items) {
    std::string& joined = scratch_.joined;
    joined.clear();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) joined += '|';
      const size_t from = joined.size();
      joined += items[i];
      for (size_t k = from; k < joined.size(); ++k)
        if (joined[k] == '|') joined[k] = ' ';
    }
    Str(joined);
  }
  void Span(const std::optional<EventRecord::Span>& p) {
    if (p) {
      Int(p->start);
      Int(p->end);
    } else {
      Empty();
      Empty();
    }
  }
  void End() { out_ += '\n'; }

 private:
  void Sep() {
    if (!first_) out_ += csv_ ? ',' : '\t';
    first_ = false;
  }

  std::string& out_;
  bool csv_;
  bool first_ = true;
  FlatScratch& scratch_;
};

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "jsonl" || name == "json") return OutputFormat::kJsonl;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

const std::vector<std::string_view>& FlatColumns() {
  static const std::vector<std::string_view> kColumns = {
      "type", "schema_version", "event_id", "doc_id", "outlet", "url", "sentence", "date", "date_precision",
      "historical", "mode", "source", "target", "source_name", "target_name", "source_country",
      "target_country", "source_text", "target_text", "code", "root", "quad_class", "goldstein", "plover",
      "plover_mode", "plover_context", "location.name", "location.country", "location.admin1", "location.lat",
      "location.lon", "location.geonames_id", "location.precision", "issues", "quote_id", "evidence.text",
      "evidence.start", "evidence.end", "evidence.source_span.start", "evidence.source_span.end",
      "evidence.target_span.start", "evidence.target_span.end", "evidence.verb_span.start",
      "evidence.verb_span.end", "rules", "version"};
  return kColumns;
}

std::string QuoteId(const Document& doc, uint32_t quote) { return doc.id + "#q" + std::to_string(quote); }

std::string QuoteText(const Document& doc, const Quote& q) {
  // The parts of a quotation split by its attribution or a paragraph break, joined by a space.
  std::string text;
  for (const ByteSpan& p : q.parts) {
    if (!text.empty()) text += ' ';
    text += SafeView(doc, p);
  }
  return text;
}

EventRecord::Span InputOffsets(const Document& doc, ByteSpan s) { return ToInput(doc, s); }

std::string_view ArticleTitle(const Document& doc) {
  return doc.title.empty() && doc.headline ? SafeView(doc, *doc.headline) : std::string_view(doc.title);
}

std::string EventId(const Document& doc, const Event& e) {
  char id[16];
  EventIdHex(doc, e, id);
  return std::string(id, sizeof id);
}

EventRecord MakeEventRecord(const Document& doc, const Event& e, std::string_view version, EventRecordBuffer& buffer,
                            const CameoTable& cameo) {
  EventIdHex(doc, e, buffer.event_id);
  if (e.quote) {
    // QuoteId's "<doc_id>#q<n>", composed in the buffer's capacity.
    buffer.quote_id.assign(doc.id);
    buffer.quote_id += "#q";
    AppendUint(buffer.quote_id, *e.quote);
  }
  const CameoCode* c = cameo.Find(e.code);  // none for codes outside the table
  const ByteSpan* sentence = e.sentence < doc.sentences.size() ? &doc.sentences[e.sentence].span : nullptr;
  const bool published = doc.publication_date && doc.publication_date->valid();
  const auto words = [&](const ActorRef& a) { return a.span ? SafeView(doc, *a.span) : std::string_view(); };
  const auto place = [](const std::optional<Location>& l) -> std::optional<EventRecord::Place> {
    if (!l) return std::nullopt;
    return EventRecord::Place{l->name,
                              l->country,
                              l->admin1,
                              l->lat,
                              l->lon,
                              l->geonames_id ? std::optional<int64_t>(*l->geonames_id) : std::nullopt,
                              LocationPrecisionName(l->precision)};
  };
  // One initialisation per field, in the record's order (no default-then-assign on the hot path).
  return EventRecord{
      .event_id = std::string_view(buffer.event_id, sizeof buffer.event_id),
      .doc_id = doc.id,
      .outlet = doc.outlet,
      .url = doc.url,
      .sentence = e.sentence,
      // The event's date, else the publication date.
      .date = e.date.valid() ? std::optional<Date>(e.date) : published ? doc.publication_date : std::nullopt,
      .date_precision = PrecisionName(e.date_precision),
      .historical = e.historical,
      .mode = ModeName(e.mode),
      .source = {e.source.code, e.source.name, e.source.country, words(e.source)},
      .target = {e.target.code, e.target.name, e.target.country, words(e.target)},
      .code = e.code,
      .root = CameoTable::Root(e.code),
      .quad_class = c && c->quad_class != 0 ? std::optional<int64_t>(c->quad_class) : std::nullopt,
      .goldstein = c ? c->goldstein : std::nullopt,
      .plover = c ? c->plover : std::string_view(),
      .plover_mode = c ? c->plover_mode : std::string_view(),
      .plover_context = c ? c->plover_context : std::string_view(),
      .location = place(e.location),
      .issues = {e.issues},
      .quote_id = e.quote ? std::optional<std::string_view>(buffer.quote_id) : std::nullopt,
      .evidence_text = sentence ? SafeView(doc, *sentence) : std::string_view(),
      .evidence = sentence ? ToInput(doc, *sentence) : OffsetPair{},
      .source_span = ToInput(doc, e.source.span),
      .target_span = ToInput(doc, e.target.span),
      .verb_span = ToInput(doc, e.verb_span),
      .rules = {e.rules},
      .version = version,
      .publication_date = published ? doc.publication_date : std::nullopt,
  };
}

namespace output_internal {

void AppendJsonDate(std::string& b, const std::optional<Date>& d) {
  if (!d || !d->valid()) {
    b += "null";
    return;
  }
  b += '"';
  AppendDate(b, d->year, d->month, d->day);
  b += '"';
}

void AppendLocationJson(std::string& b, const std::optional<EventRecord::Place>& place, std::string_view name_key,
                        bool with_precision) {
  if (!place) {
    b += "null";
    return;
  }
  const EventRecord::Place& l = *place;
  b += "{\"";
  b += name_key;
  b += "\":";
  AppendJsonString(b, l.name);
  Key<"country">(b), AppendJsonString(b, l.country);
  Key<"admin1">(b), AppendJsonString(b, l.admin1);
  Key<"lat">(b);
  if (l.lat) AppendCoordinate(b, *l.lat); else b += "null";
  Key<"lon">(b);
  if (l.lon) AppendCoordinate(b, *l.lon); else b += "null";
  Key<"geonames_id">(b);
  if (l.geonames_id) AppendInt(b, *l.geonames_id); else b += "null";
  if (with_precision) Key<"precision">(b), AppendJsonString(b, l.precision);
  b += '}';
}

}  // namespace output_internal

void AppendEventJson(std::string& b, const EventRecord& r) {
  b += "{\"type\":\"event\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key<"event_id">(b), AppendJsonString(b, r.event_id);
  Key<"doc_id">(b), AppendJsonString(b, r.doc_id);
  Key<"outlet">(b), AppendJsonString(b, r.outlet);
  Key<"url">(b), AppendJsonString(b, r.url);
  Key<"sentence">(b), AppendInt(b, r.sentence);
  Key<"date">(b), AppendJsonDate(b, r.date);
  Key<"date_precision">(b), AppendJsonString(b, r.date_precision);
  Key<"historical">(b), b += r.historical ? "true" : "false";
  Key<"mode">(b), AppendJsonString(b, r.mode);
  Key<"source">(b), AppendJsonString(b, r.source.code);
  Key<"target">(b), AppendJsonString(b, r.target.code);
  Key<"source_name">(b), AppendJsonString(b, r.source.name);
  Key<"target_name">(b), AppendJsonString(b, r.target.name);
  Key<"source_country">(b), AppendJsonString(b, r.source.country);
  Key<"target_country">(b), AppendJsonString(b, r.target.country);
  Key<"source_text">(b), AppendJsonString(b, r.source.text);
  Key<"target_text">(b), AppendJsonString(b, r.target.text);
  Key<"code">(b), AppendJsonString(b, r.code);
  Key<"root">(b), AppendJsonString(b, r.root);
  Key<"quad_class">(b);
  if (r.quad_class) AppendInt(b, *r.quad_class); else b += "null";
  Key<"goldstein">(b);
  if (r.goldstein) AppendDecimal(b, *r.goldstein); else b += "null";
  Key<"plover">(b), AppendJsonString(b, r.plover);
  Key<"plover_mode">(b), AppendJsonString(b, r.plover_mode);
  Key<"plover_context">(b), AppendJsonString(b, r.plover_context);
  Key<"location">(b), AppendLocationJson(b, r.location, "name", /*with_precision=*/true);
  Key<"issues">(b), JsonStrings(b, r.issues.items);
  Key<"quote_id">(b);
  if (r.quote_id) AppendJsonString(b, *r.quote_id); else b += "null";
  b += ",\"evidence\":{\"text\":";
  AppendJsonString(b, r.evidence_text);
  Key<"start">(b), AppendInt(b, r.evidence.start);
  Key<"end">(b), AppendInt(b, r.evidence.end);
  Key<"source_span">(b), JsonSpan(b, r.source_span);
  Key<"target_span">(b), JsonSpan(b, r.target_span);
  Key<"verb_span">(b), JsonSpan(b, r.verb_span);
  b += '}';
  Key<"rules">(b), JsonStrings(b, r.rules.items);
  Key<"version">(b), AppendJsonString(b, r.version);
  b += "}\n";
}

void AppendFlatHeader(std::string& out, OutputFormat format) {
  FlatScratch scratch;
  FlatRow row(out, format, scratch);
  for (std::string_view column : FlatColumns()) row.Str(column);
  row.End();
}

void AppendEventFlat(std::string& out, const EventRecord& r, OutputFormat format, FlatScratch& scratch) {
  FlatRow row(out, format, scratch);
  row.Str("event");
  row.Int(kSchemaVersion);
  row.Str(r.event_id);
  row.Str(r.doc_id);
  row.Str(r.outlet);
  row.Str(r.url);
  row.Int(r.sentence);
  row.DateValue(r.date);
  row.Str(r.date_precision);
  row.Bool(r.historical);
  row.Str(r.mode);
  row.Str(r.source.code);
  row.Str(r.target.code);
  row.Str(r.source.name);
  row.Str(r.target.name);
  row.Str(r.source.country);
  row.Str(r.target.country);
  row.Str(r.source.text);
  row.Str(r.target.text);
  row.Str(r.code);
  row.Str(r.root);
  row.Int(r.quad_class);
  row.Decimal(r.goldstein);
  row.Str(r.plover);
  row.Str(r.plover_mode);
  row.Str(r.plover_context);
  if (r.location) {
    const EventRecord::Place& l = *r.location;
    row.Str(l.name);
    row.Str(l.country);
    row.Str(l.admin1);
    row.Coordinate(l.lat);
    row.Coordinate(l.lon);
    row.Int(l.geonames_id);
    row.Str(l.precision);
  } else {
    for (int i = 0; i < 7; ++i) row.Empty();  // location.*: null
  }
  row.List(r.issues.items);
  if (r.quote_id) row.Str(*r.quote_id); else row.Empty();
  row.Str(r.evidence_text);
  row.Int(r.evidence.start);
  row.Int(r.evidence.end);
  row.Span(r.source_span);
  row.Span(r.target_span);
  row.Span(r.verb_span);
  row.List(r.rules.items);
  row.Str(r.version);
  row.End();
}

RecordWriter::RecordWriter(std::ostream& out, OutputOptions opts, const CameoTable& cameo)
    : out_(out), opts_(std::move(opts)), cameo_(cameo) {
  if (opts_.format == OutputFormat::kJsonl) return;
  AppendFlatHeader(buf_, opts_.format);
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void RecordWriter::Write(const Document& doc) {
  buf_.clear();
  if (opts_.format == OutputFormat::kJsonl) {
    if (opts_.articles) WriteArticleJson(doc);
    if (opts_.quotes) {
      for (uint32_t q = 0; q < doc.quotes.size(); ++q) WriteQuoteJson(doc, q);
      quotes_written_ += doc.quotes.size();
    }
    for (const Event& e : doc.events) AppendEventJson(buf_, MakeEventRecord(doc, e, opts_.version, record_, cameo_));
  } else {
    for (const Event& e : doc.events)
      AppendEventFlat(buf_, MakeEventRecord(doc, e, opts_.version, record_, cameo_), opts_.format, flat_);
  }
  events_written_ += doc.events.size();
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

void RecordWriter::WriteQuoteJson(const Document& doc, uint32_t index) {
  const Quote& q = doc.quotes[index];
  std::string& b = buf_;
  b += "{\"type\":\"quote\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key<"quote_id">(b), AppendJsonString(b, QuoteId(doc, index));
  Key<"doc_id">(b), AppendJsonString(b, doc.id);
  Key<"text">(b), AppendJsonString(b, QuoteText(doc, q));
  auto actor = [&](const char* key, const ActorRef& a) {
    Key(b, key);
    b += "{\"code\":";
    AppendJsonString(b, a.code);
    Key<"name">(b), AppendJsonString(b, a.name);
    Key<"text">(b), AppendJsonString(b, a.span ? doc.view(*a.span) : std::string_view());
    b += '}';
  };
  actor("speaker", q.speaker);
  actor("addressee", q.addressee);
  Key<"sentences">(b);
  b += '[';
  for (uint32_t si = q.sentence_begin; si < q.sentence_end; ++si) {
    if (si != q.sentence_begin) b += ',';
    AppendUint(b, si);
  }
  b += ']';
  const OffsetPair span = ToInput(doc, q.span);
  b += ",\"evidence\":{\"start\":";
  AppendUint(b, span.start);
  Key<"end">(b), AppendUint(b, span.end);
  b += "}}\n";
}

void RecordWriter::WriteArticleJson(const Document& doc) {
  std::string& b = buf_;
  b += "{\"type\":\"article\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key<"doc_id">(b), AppendJsonString(b, doc.id);
  // The title given with the article, else the headline the cleaner found in its text.
  Key<"title">(b), AppendJsonString(b, ArticleTitle(doc));
  Key<"dateline">(b);
  const Dateline& d = doc.dateline;
  if (d.span.empty() && d.place.empty() && d.agency.empty() && !d.date) {
    b += "null";
  } else {
    b += "{\"place\":";
    AppendJsonString(b, d.place);
    Key<"date">(b), AppendJsonDate(b, d.date);
    Key<"agency">(b), AppendJsonString(b, d.agency);
    b += '}';
  }
  Key<"reporters">(b), JsonStrings(b, doc.reporters);
  Key<"editors">(b), JsonStrings(b, doc.editors);
  Key<"outlet">(b), AppendJsonString(b, doc.outlet);
  Key<"url">(b), AppendJsonString(b, doc.url);
  Key<"publication_date">(b), AppendJsonDate(b, doc.publication_date);
  Key<"sentences">(b), AppendUint(b, doc.sentences.size());
  Key<"removed">(b);
  b += '[';
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    if (i) b += ',';
    b += "{\"text\":";
    AppendJsonString(b, SafeView(doc, doc.removed[i].span));
    Key<"reason">(b), AppendJsonString(b, doc.removed[i].reason);
    b += '}';
  }
  b += "]}\n";
}

}  // namespace dateline
