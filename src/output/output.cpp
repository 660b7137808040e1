#include "output/output.h"

#include <xxhash.h>

#include <cmath>
#include <cstring>

#include "output/escape.h"

namespace dateline {

using namespace output_internal;

namespace {

using OffsetPair = EventFields::Offsets;
using ResolvedEvent = EventFields;

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

ResolvedEvent Resolve(const Document& doc, const Event& e, const CameoTable& cameo) {
  ResolvedEvent r;
  EventIdHex(doc, e, r.id);
  if (e.sentence < doc.sentences.size()) {
    const ByteSpan s = doc.sentences[e.sentence].span;
    r.sentence_text = SafeView(doc, s);
    r.sentence = ToInput(doc, s);
  }
  r.source_span = ToInput(doc, e.source.span);
  r.target_span = ToInput(doc, e.target.span);
  r.verb_span = ToInput(doc, e.verb_span);
  if (e.source.span) r.source_text = SafeView(doc, *e.source.span);
  if (e.target.span) r.target_text = SafeView(doc, *e.target.span);
  r.cameo = cameo.Find(e.code);
  r.root = CameoTable::Root(e.code);
  if (e.date.valid())
    r.date = e.date;
  else if (doc.publication_date && doc.publication_date->valid())
    r.date = doc.publication_date;
  return r;
}

// --- JSON -------------------------------------------------------------------------------------

// Appends ,"key": — every field but an object's first.
void Key(std::string& b, std::string_view key) {
  b += ",\"";
  b += key;
  b += "\":";
}

void JsonStrings(std::string& b, const std::vector<std::string>& items) {
  b += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) b += ',';
    AppendJsonString(b, items[i]);
  }
  b += ']';
}

void JsonDate(std::string& b, const std::optional<Date>& d) {
  if (!d || !d->valid()) {
    b += "null";
    return;
  }
  b += '"';
  AppendDate(b, d->year, d->month, d->day);
  b += '"';
}

void JsonPair(std::string& b, const std::optional<OffsetPair>& p) {
  if (!p) {
    b += "null";
    return;
  }
  b += '[';
  AppendUint(b, p->start);
  b += ',';
  AppendUint(b, p->end);
  b += ']';
}

// --- TSV / CSV --------------------------------------------------------------------------------

class FlatRow {
 public:
  // `scratch` and `joined` are work buffers, kept by the caller so that rows reuse their capacity.
  FlatRow(std::string& out, OutputFormat format, std::string& scratch, std::string& joined)
      : out_(out), csv_(format == OutputFormat::kCsv), scratch_(scratch), joined_(joined) {}

  void Str(std::string_view s) {
    Sep();
    s = ValidUtf8(s, scratch_);
    if (csv_)
      AppendCsvField(out_, s);
    else
      AppendTsvField(out_, s);
  }
  void Empty() { Sep(); }
  void Uint(uint64_t v) {
    Sep();
    AppendUint(out_, v);
  }
  void Decimal(double v) {
    Sep();
    AppendDecimal(out_, v);
  }
  void Coordinate(double v) {
    Sep();
    AppendCoordinate(out_, v);
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
  void List(const std::vector<std::string>& items) {
    joined_.clear();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) joined_ += '|';
      const size_t from = joined_.size();
      joined_ += items[i];
      for (size_t k = from; k < joined_.size(); ++k)
        if (joined_[k] == '|') joined_[k] = ' ';
    }
    Str(joined_);
  }
  void Pair(const std::optional<OffsetPair>& p) {
    if (p) {
      Uint(p->start);
      Uint(p->end);
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
  std::string& scratch_;
  std::string& joined_;
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

EventFields ResolveEventFields(const Document& doc, const Event& e, const CameoTable& cameo) {
  return Resolve(doc, e, cameo);
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

EventFields::Offsets InputOffsets(const Document& doc, ByteSpan s) { return ToInput(doc, s); }

std::string_view ArticleTitle(const Document& doc) {
  return doc.title.empty() && doc.headline ? SafeView(doc, *doc.headline) : std::string_view(doc.title);
}

std::string EventId(const Document& doc, const Event& e) {
  char id[16];
  EventIdHex(doc, e, id);
  return std::string(id, sizeof id);
}

RecordWriter::RecordWriter(std::ostream& out, OutputOptions opts, const CameoTable& cameo)
    : out_(out), opts_(std::move(opts)), cameo_(cameo) {
  if (opts_.format == OutputFormat::kJsonl) return;
  FlatRow row(buf_, opts_.format, scratch_, joined_);
  for (std::string_view column : FlatColumns()) row.Str(column);
  row.End();
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
    for (const Event& e : doc.events) WriteEventJson(doc, e);
  } else {
    for (const Event& e : doc.events) WriteEventFlat(doc, e);
  }
  events_written_ += doc.events.size();
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

void RecordWriter::WriteQuoteJson(const Document& doc, uint32_t index) {
  const Quote& q = doc.quotes[index];
  std::string& b = buf_;
  b += "{\"type\":\"quote\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key(b, "quote_id"), AppendJsonString(b, QuoteId(doc, index));
  Key(b, "doc_id"), AppendJsonString(b, doc.id);
  Key(b, "text"), AppendJsonString(b, QuoteText(doc, q));
  auto actor = [&](const char* key, const ActorRef& a) {
    Key(b, key);
    b += "{\"code\":";
    AppendJsonString(b, a.code);
    Key(b, "name"), AppendJsonString(b, a.name);
    Key(b, "text"), AppendJsonString(b, a.span ? doc.view(*a.span) : std::string_view());
    b += '}';
  };
  actor("speaker", q.speaker);
  actor("addressee", q.addressee);
  Key(b, "sentences");
  b += '[';
  for (uint32_t si = q.sentence_begin; si < q.sentence_end; ++si) {
    if (si != q.sentence_begin) b += ',';
    AppendUint(b, si);
  }
  b += ']';
  const OffsetPair span = ToInput(doc, q.span);
  b += ",\"evidence\":{\"start\":";
  AppendUint(b, span.start);
  Key(b, "end"), AppendUint(b, span.end);
  b += "}}\n";
}

void RecordWriter::WriteEventJson(const Document& doc, const Event& e) {
  const ResolvedEvent r = Resolve(doc, e, cameo_);
  std::string& b = buf_;
  b += "{\"type\":\"event\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key(b, "event_id");
  b += '"';
  b.append(r.id, sizeof r.id);
  b += '"';
  Key(b, "doc_id"), AppendJsonString(b, doc.id);
  Key(b, "outlet"), AppendJsonString(b, doc.outlet);
  Key(b, "url"), AppendJsonString(b, doc.url);
  Key(b, "sentence"), AppendUint(b, e.sentence);
  Key(b, "date"), JsonDate(b, r.date);
  Key(b, "date_precision"), AppendJsonString(b, PrecisionName(e.date_precision));
  Key(b, "historical"), b += e.historical ? "true" : "false";
  Key(b, "mode"), AppendJsonString(b, ModeName(e.mode));
  Key(b, "source"), AppendJsonString(b, e.source.code);
  Key(b, "target"), AppendJsonString(b, e.target.code);
  Key(b, "source_name"), AppendJsonString(b, e.source.name);
  Key(b, "target_name"), AppendJsonString(b, e.target.name);
  Key(b, "source_country"), AppendJsonString(b, e.source.country);
  Key(b, "target_country"), AppendJsonString(b, e.target.country);
  Key(b, "source_text"), AppendJsonString(b, r.source_text);
  Key(b, "target_text"), AppendJsonString(b, r.target_text);
  Key(b, "code"), AppendJsonString(b, e.code);
  Key(b, "root"), AppendJsonString(b, r.root);
  Key(b, "quad_class");
  if (r.cameo && r.cameo->quad_class != 0)
    AppendUint(b, r.cameo->quad_class);
  else
    b += "null";
  Key(b, "goldstein");
  if (r.cameo && r.cameo->goldstein)
    AppendDecimal(b, *r.cameo->goldstein);
  else
    b += "null";
  Key(b, "plover"), AppendJsonString(b, r.cameo ? r.cameo->plover : std::string_view());
  Key(b, "plover_mode"), AppendJsonString(b, r.cameo ? r.cameo->plover_mode : std::string_view());
  Key(b, "plover_context"), AppendJsonString(b, r.cameo ? r.cameo->plover_context : std::string_view());
  Key(b, "location");
  if (e.location) {
    const Location& l = *e.location;
    b += "{\"name\":";
    AppendJsonString(b, l.name);
    Key(b, "country"), AppendJsonString(b, l.country);
    Key(b, "admin1"), AppendJsonString(b, l.admin1);
    Key(b, "lat");
    if (l.lat) AppendCoordinate(b, *l.lat); else b += "null";
    Key(b, "lon");
    if (l.lon) AppendCoordinate(b, *l.lon); else b += "null";
    Key(b, "geonames_id");
    if (l.geonames_id) AppendUint(b, *l.geonames_id); else b += "null";
    Key(b, "precision"), AppendJsonString(b, LocationPrecisionName(l.precision));
    b += '}';
  } else {
    b += "null";
  }
  Key(b, "issues"), JsonStrings(b, e.issues);
  Key(b, "quote_id");
  if (e.quote)
    AppendJsonString(b, QuoteId(doc, *e.quote));
  else
    b += "null";
  b += ",\"evidence\":{\"text\":";
  AppendJsonString(b, r.sentence_text);
  Key(b, "start"), AppendUint(b, r.sentence.start);
  Key(b, "end"), AppendUint(b, r.sentence.end);
  Key(b, "source_span"), JsonPair(b, r.source_span);
  Key(b, "target_span"), JsonPair(b, r.target_span);
  Key(b, "verb_span"), JsonPair(b, r.verb_span);
  b += '}';
  Key(b, "rules"), JsonStrings(b, e.rules);
  Key(b, "version"), AppendJsonString(b, opts_.version);
  b += "}\n";
}

void RecordWriter::WriteEventFlat(const Document& doc, const Event& e) {
  const ResolvedEvent r = Resolve(doc, e, cameo_);
  FlatRow row(buf_, opts_.format, scratch_, joined_);
  row.Str("event");
  row.Uint(kSchemaVersion);
  row.Str(std::string_view(r.id, sizeof r.id));
  row.Str(doc.id);
  row.Str(doc.outlet);
  row.Str(doc.url);
  row.Uint(e.sentence);
  row.DateValue(r.date);
  row.Str(PrecisionName(e.date_precision));
  row.Bool(e.historical);
  row.Str(ModeName(e.mode));
  row.Str(e.source.code);
  row.Str(e.target.code);
  row.Str(e.source.name);
  row.Str(e.target.name);
  row.Str(e.source.country);
  row.Str(e.target.country);
  row.Str(r.source_text);
  row.Str(r.target_text);
  row.Str(e.code);
  row.Str(r.root);
  if (r.cameo && r.cameo->quad_class != 0)
    row.Uint(r.cameo->quad_class);
  else
    row.Empty();
  if (r.cameo && r.cameo->goldstein)
    row.Decimal(*r.cameo->goldstein);
  else
    row.Empty();
  row.Str(r.cameo ? r.cameo->plover : std::string_view());
  row.Str(r.cameo ? r.cameo->plover_mode : std::string_view());
  row.Str(r.cameo ? r.cameo->plover_context : std::string_view());
  if (e.location) {
    const Location& l = *e.location;
    row.Str(l.name);
    row.Str(l.country);
    row.Str(l.admin1);
    if (l.lat) row.Coordinate(*l.lat); else row.Empty();
    if (l.lon) row.Coordinate(*l.lon); else row.Empty();
    if (l.geonames_id) row.Uint(*l.geonames_id); else row.Empty();
    row.Str(LocationPrecisionName(l.precision));
  } else {
    for (int i = 0; i < 7; ++i) row.Empty();  // location.*: null
  }
  row.List(e.issues);
  if (e.quote)
    row.Str(QuoteId(doc, *e.quote));
  else
    row.Empty();
  row.Str(r.sentence_text);
  row.Uint(r.sentence.start);
  row.Uint(r.sentence.end);
  row.Pair(r.source_span);
  row.Pair(r.target_span);
  row.Pair(r.verb_span);
  row.List(e.rules);
  row.Str(opts_.version);
  row.End();
}

void RecordWriter::WriteArticleJson(const Document& doc) {
  std::string& b = buf_;
  b += "{\"type\":\"article\",\"schema_version\":";
  AppendUint(b, kSchemaVersion);
  Key(b, "doc_id"), AppendJsonString(b, doc.id);
  // The title given with the article, else the headline the cleaner found in its text.
  Key(b, "title"), AppendJsonString(b, ArticleTitle(doc));
  Key(b, "dateline");
  const Dateline& d = doc.dateline;
  if (d.span.empty() && d.place.empty() && d.agency.empty() && !d.date) {
    b += "null";
  } else {
    b += "{\"place\":";
    AppendJsonString(b, d.place);
    Key(b, "date"), JsonDate(b, d.date);
    Key(b, "agency"), AppendJsonString(b, d.agency);
    b += '}';
  }
  Key(b, "reporters"), JsonStrings(b, doc.reporters);
  Key(b, "editors"), JsonStrings(b, doc.editors);
  Key(b, "outlet"), AppendJsonString(b, doc.outlet);
  Key(b, "url"), AppendJsonString(b, doc.url);
  Key(b, "publication_date"), JsonDate(b, doc.publication_date);
  Key(b, "sentences"), AppendUint(b, doc.sentences.size());
  Key(b, "removed");
  b += '[';
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    if (i) b += ',';
    b += "{\"text\":";
    AppendJsonString(b, SafeView(doc, doc.removed[i].span));
    Key(b, "reason"), AppendJsonString(b, doc.removed[i].reason);
    b += '}';
  }
  b += "]}\n";
}

}  // namespace dateline
