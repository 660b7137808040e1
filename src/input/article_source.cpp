// ArticleSource: paths → Documents, one open file and one line (or one text article) in memory.
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <tuple>

#include "input/input.h"
#include "input/petrarch_xml.h"
#include "input/transcode.h"

namespace dateline {

namespace fs = std::filesystem;
using input_internal::kUtf8Bom;

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "petrarch-xml") return InputFormat::kPetrarchXml;
  return std::nullopt;
}

namespace {

// Buffered reads from a stream: lines of bounded length, or everything that is left.
class ChunkReader {
 public:
  enum class LineStatus { kLine, kTooLong, kEnd };

  // `bytes_read` (if not null) counts the bytes read from `in`.
  explicit ChunkReader(std::istream& in, uint64_t* bytes_read = nullptr)
      : in_(in), buffer_(kChunkBytes), bytes_read_(bytes_read) {}

  // The bytes buffered at the current position (reading the first chunk if none are).
  std::string_view Peek() {
    if (position_ == end_) Fill();
    return std::string_view(buffer_.data() + position_, end_ - position_);
  }

  // The next line, without its '\n', into *line. A line longer than max_bytes is not kept:
  // its bytes go to `overflow` (if not null) as they are read, and the result is kTooLong.
  LineStatus NextLine(std::string* line, uint64_t max_bytes, std::ostream* overflow) {
    line->clear();
    bool read_any = false;
    bool too_long = false;
    while (true) {
      if (position_ == end_ && !Fill()) {
        if (!read_any) return LineStatus::kEnd;
        return too_long ? LineStatus::kTooLong : LineStatus::kLine;
      }
      read_any = true;
      const char* begin = buffer_.data() + position_;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - position_));
      const size_t take = newline ? static_cast<size_t>(newline - begin) : end_ - position_;
      if (!too_long && line->size() + take > max_bytes) {
        too_long = true;
        if (overflow) overflow->write(line->data(), static_cast<std::streamsize>(line->size()));
        line->clear();
        line->shrink_to_fit();
      }
      if (!too_long) {
        line->append(begin, take);
      } else if (overflow) {
        overflow->write(begin, static_cast<std::streamsize>(take));
      }
      position_ += take;
      if (newline) {
        ++position_;
        return too_long ? LineStatus::kTooLong : LineStatus::kLine;
      }
    }
  }

  // Everything left, into *out. False (and *out incomplete) when that is more than max_bytes.
  bool ReadAll(std::string* out, uint64_t max_bytes) {
    out->clear();
    while (position_ < end_ || Fill()) {
      if (out->size() + (end_ - position_) > max_bytes) return false;
      out->append(buffer_.data() + position_, end_ - position_);
      position_ = end_;
    }
    return true;
  }

  bool failed() const { return in_.bad(); }

 private:
  static constexpr size_t kChunkBytes = 256 << 10;

  bool Fill() {
    position_ = end_ = 0;
    if (!in_.good()) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    if (bytes_read_) *bytes_read_ += end_;
    return end_ > 0;
  }

  std::istream& in_;
  std::vector<char> buffer_;
  uint64_t* bytes_read_;
  size_t position_ = 0;
  size_t end_ = 0;
};

std::string_view SkipBomAndBlanks(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r' ||
                        s.front() == '\f'))
    s.remove_prefix(1);
  return s;
}

bool IsBlankLine(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

bool LooksLikePetrarchXml(std::string_view head) {
  return head.find("<Sentences") != std::string_view::npos || head.find("<Sentence ") != std::string_view::npos;
}

// The format of one input: by extension (files), then by the first bytes.
InputFormat SniffFormat(const std::string& path, bool is_stdin, std::string_view head) {
  std::string extension = is_stdin ? std::string() : fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") return InputFormat::kJsonl;
  const std::string_view start = SkipBomAndBlanks(head);
  if ((extension == ".xml" || (is_stdin && start.starts_with("<"))) && LooksLikePetrarchXml(head))
    return InputFormat::kPetrarchXml;
  if (start.starts_with("{")) return InputFormat::kJsonl;
  return InputFormat::kText;
}

std::string ErrnoText() { return errno != 0 ? std::strerror(errno) : "unknown error"; }

}  // namespace

struct ArticleSource::State {
  State(std::vector<std::string> paths, InputOptions opts, std::ostream& log_stream, std::ostream* rejects_stream)
      : pending(paths.begin(), paths.end()), options(std::move(opts)), log(log_stream), rejects(rejects_stream) {}

  // What reading one line of JSON gave.
  enum class Step { kDocument, kSkipped, kEnd };

  std::optional<Document> Next();
  void Open(const std::string& path);
  void ExpandDirectory(const std::string& path);
  void ReadTextArticle(std::optional<Document>* out);
  Step ReadJsonLine(std::optional<Document>* out);
  Step ReadXmlSentence(std::optional<Document>* out);
  void LogXmlProblems();
  void Reject(const std::string& what);
  void CloseCurrent();
  void CannotRead(const std::string& path, const std::string& reason);
  // Counts `doc` and logs its diagnostics, then hands it to *out.
  void Emit(Document& doc, std::optional<Document>* out);

  std::deque<std::string> pending;
  InputOptions options;
  std::ostream& log;
  std::ostream* rejects;
  InputCounters counters;

  // The input being read.
  std::string path;
  std::unique_ptr<std::ifstream> file;
  std::unique_ptr<ChunkReader> reader;
  std::unique_ptr<PetrarchXmlReader> xml;  // instead of `reader` for PETRARCH XML
  InputFormat format = InputFormat::kAuto;
  uint64_t line_number = 0;
  std::string line;  // raw bytes of the current line
  std::string json;  // the current line as parsed: without a BOM, UTF-8, with simdjson's padding
  simdjson::dom::parser parser;
};

void ArticleSource::State::CannotRead(const std::string& p, const std::string& reason) {
  log << p << ": cannot read: " << reason << "\n";
  ++counters.unusable_files;
}

void ArticleSource::State::CloseCurrent() {
  xml.reset();
  reader.reset();
  file.reset();
  path.clear();
  line_number = 0;
}

void ArticleSource::State::Emit(Document& doc, std::optional<Document>* out) {
  ++counters.documents;
  for (const Diagnostic& d : doc.diagnostics) {
    ++counters.warnings;
    log << doc.id << (d.severity == Diagnostic::Severity::kError ? ": error: " : ": warning: ") << d.message << "\n";
  }
  out->emplace(std::move(doc));
}

void ArticleSource::State::ExpandDirectory(const std::string& dir) {
  struct Entry {
    std::string name;
    bool directory;
  };
  std::vector<Entry> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code type_ec;
    const fs::file_status own = it->symlink_status(type_ec);
    if (fs::is_directory(own)) {
      entries.push_back({std::move(name), true});
    } else if (fs::is_regular_file(it->status(type_ec))) {  // a file, or a link to one
      entries.push_back({std::move(name), false});
    }  // links to directories, sockets, devices...: not articles
  }
  if (ec) {
    CannotRead(dir, ec.message());
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  // Depth first, in name order: push in reverse onto the front of the queue.
  for (auto e = entries.rbegin(); e != entries.rend(); ++e) pending.push_front((fs::path(dir) / e->name).string());
}

void ArticleSource::State::Open(const std::string& p) {
  std::istream* stream;
  const bool is_stdin = p == "-";
  if (is_stdin) {
    stream = options.standard_input ? options.standard_input : &std::cin;
  } else {
    std::error_code ec;
    const fs::file_status status = fs::status(p, ec);
    if (ec) return CannotRead(p, ec.message());
    if (fs::is_directory(status)) return ExpandDirectory(p);
    errno = 0;
    file = std::make_unique<std::ifstream>(p, std::ios::binary);
    if (!*file) {
      const std::string reason = ErrnoText();
      file.reset();
      return CannotRead(p, reason);
    }
    stream = file.get();
  }
  path = p;
  reader = std::make_unique<ChunkReader>(*stream, &counters.bytes_read);
  format = options.format;
  if (format == InputFormat::kAuto) format = SniffFormat(p, is_stdin, reader->Peek());
  if (format == InputFormat::kPetrarchXml) {
    // The sniffer's peek is already out of the stream: hand it over, then read XML only.
    xml = std::make_unique<PetrarchXmlReader>(*stream, p, std::string(reader->Peek()), options.max_article_bytes);
    reader.reset();
  }
}

void ArticleSource::State::ReadTextArticle(std::optional<Document>* out) {
  std::string bytes;
  const bool complete = reader->ReadAll(&bytes, options.max_article_bytes);
  if (reader->failed()) {
    CannotRead(path, ErrnoText());
  } else if (!complete) {
    CannotRead(path, "longer than the article limit of " + std::to_string(options.max_article_bytes) + " bytes");
  } else {
    Document doc = DecodeArticle(path, bytes, options.decode);
    doc.publication_date = options.date;
    doc.origin = path;
    Emit(doc, out);
  }
  CloseCurrent();
}

void ArticleSource::State::Reject(const std::string& what) {
  log << path << ":" << line_number << ": " << what << "\n";
  if (rejects) *rejects << line << "\n";
  ++counters.rejects;
}

ArticleSource::State::Step ArticleSource::State::ReadJsonLine(std::optional<Document>* out) {
  const ChunkReader::LineStatus status = reader->NextLine(&line, options.max_article_bytes, rejects);
  if (status == ChunkReader::LineStatus::kEnd) {
    if (reader->failed()) CannotRead(path, ErrnoText());
    return Step::kEnd;
  }
  ++line_number;
  if (status == ChunkReader::LineStatus::kTooLong) {  // its bytes are already in `rejects`
    log << path << ":" << line_number << ": malformed JSON line: longer than the limit of "
        << options.max_article_bytes << " bytes\n";
    if (rejects) *rejects << "\n";
    ++counters.rejects;
    return Step::kSkipped;
  }
  std::string_view raw = line;
  if (line_number == 1 && raw.starts_with(kUtf8Bom)) raw.remove_prefix(kUtf8Bom.size());
  if (IsBlankLine(raw)) return Step::kSkipped;

  // simdjson wants UTF-8; a line in Windows-1252 (or damaged) is decoded first.
  uint32_t line_repairs = 0;
  SourceEncoding line_encoding = SourceEncoding::kUtf8;
  if (simdjson::validate_utf8(raw.data(), raw.size())) {
    json.assign(raw);
  } else {
    line_encoding = DetectEncoding(raw);
    json = input_internal::TranscodeToUtf8(raw, line_encoding, &line_repairs);
  }
  json.reserve(json.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (simdjson::error_code err = parser.parse(json.data(), json.size(), false).get(root)) {
    Reject(std::string("malformed JSON line: ") + simdjson::error_message(err));
    return Step::kSkipped;
  }
  simdjson::dom::object object;
  if (root.get(object)) {
    Reject("malformed JSON line: not an object");
    return Step::kSkipped;
  }
  std::optional<simdjson::dom::element> id, text, date, title, url, outlet;
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key == "id") id = field.value;
    else if (field.key == "text") text = field.value;
    else if (field.key == "date") date = field.value;
    else if (field.key == "title") title = field.value;
    else if (field.key == "url") url = field.value;
    else if (field.key == "outlet") outlet = field.value;
  }
  std::string_view id_value, text_value;
  for (auto [name, element, value] : {std::tuple{"id", &id, &id_value}, std::tuple{"text", &text, &text_value}}) {
    if (!*element || (*element)->is_null()) {
      Reject(std::string("missing field ") + name);
      return Step::kSkipped;
    }
    if ((*element)->get(*value)) {
      Reject(std::string("malformed JSON line: field ") + name + " is not a string");
      return Step::kSkipped;
    }
  }
  if (id_value.empty()) {
    Reject("malformed JSON line: field id is empty");
    return Step::kSkipped;
  }
  std::string_view title_value, url_value, outlet_value;
  for (auto [name, element, value] : {std::tuple{"title", &title, &title_value}, std::tuple{"url", &url, &url_value},
                                      std::tuple{"outlet", &outlet, &outlet_value}}) {
    if (*element && !(*element)->is_null() && (*element)->get(*value)) {
      Reject(std::string("malformed JSON line: field ") + name + " is not a string");
      return Step::kSkipped;
    }
  }

  Document doc = DecodeArticle(std::string(id_value), text_value, options.decode);
  {
    char number[24];
    const std::to_chars_result end = std::to_chars(number, number + sizeof number, line_number);
    doc.origin.reserve(path.size() + 1 + static_cast<size_t>(end.ptr - number));
    doc.origin.append(path).append(1, ':').append(number, end.ptr);
  }
  if (line_encoding == SourceEncoding::kWindows1252) {
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, 0, "line " + std::to_string(line_number) +
                                                                      " is not UTF-8; read as Windows-1252"});
  } else if (line_repairs > 0) {
    doc.invalid_utf8_repairs += line_repairs;
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, 0,
                               std::to_string(line_repairs) + " invalid UTF-8 bytes in line " +
                                   std::to_string(line_number) + " replaced by U+FFFD"});
  }
  // Metadata gets the same entity decoding as the text.
  DecodeOptions metadata_options = options.decode;
  metadata_options.encoding = SourceEncoding::kUtf8;
  if (!title_value.empty()) doc.title = DecodeArticle("", title_value, metadata_options).text();
  doc.url = std::string(url_value);
  doc.outlet = std::string(outlet_value);
  doc.publication_date = options.date;
  if (date && !date->is_null()) {
    std::string_view date_value;
    std::optional<Date> parsed;
    if (!date->get(date_value)) parsed = Date::Parse(date_value);
    if (parsed) {
      doc.publication_date = parsed;
    } else {
      doc.publication_date.reset();
      doc.diagnostics.push_back({Diagnostic::Severity::kWarning, 0,
                                 "invalid date " + simdjson::minify(*date) + " ignored"});
    }
  }
  Emit(doc, out);
  return Step::kDocument;
}

void ArticleSource::State::LogXmlProblems() {
  for (const std::string& problem : xml->TakeProblems()) {
    log << problem << "\n";
    ++counters.warnings;
  }
}

// One <Sentence> → one Document: id and date from its attributes, text from <Text> (see
// petrarch_xml.h). A sentence without an id or a <Text> is reported and counted as a reject.
ArticleSource::State::Step ArticleSource::State::ReadXmlSentence(std::optional<Document>* out) {
  while (true) {
    std::optional<PetrarchItem> item = xml->Next();
    LogXmlProblems();
    if (!item) {
      if (xml->stream_failed()) CannotRead(path, ErrnoText());
      else if (xml->sentences_seen() == 0) log << path << ": no <Sentence> elements in this PETRARCH XML file\n";
      return Step::kEnd;
    }
    if (item->kind != PetrarchItem::Kind::kSentence) continue;  // <Config>, <Environment>: not articles
    const PetrarchSentence& sentence = item->sentence;
    const std::string where = path + ":" + std::to_string(sentence.line);
    const std::string* id = sentence.Attribute("id");
    if (!id || id->empty()) {
      log << where << ": <Sentence> without an id attribute; skipped\n";
      ++counters.rejects;
      return Step::kSkipped;
    }
    if (!sentence.text) {
      log << where << ": <Sentence id=\"" << *id << "\"> has no <Text>; skipped\n";
      ++counters.rejects;
      return Step::kSkipped;
    }
    if (sentence.text_too_long) {  // the reader has said so
      ++counters.rejects;
      return Step::kSkipped;
    }
    // XML references are decoded already: decoding HTML entities again would turn "&amp;lt;" into "<".
    DecodeOptions decode = options.decode;
    decode.decode_entities = false;
    Document doc = DecodeArticle(*id, PetrarchSentenceText(*sentence.text), decode);
    doc.origin = where;
    doc.publication_date = options.date;
    if (const std::string* date = sentence.Attribute("date"); date && !date->empty()) {
      if (std::optional<Date> parsed = ParsePetrarchDate(*date)) {
        doc.publication_date = parsed;
      } else {
        doc.diagnostics.push_back({Diagnostic::Severity::kWarning, 0, "invalid date \"" + *date + "\" ignored"});
      }
    }
    if (const std::string* source = sentence.Attribute("source")) doc.outlet = *source;
    Emit(doc, out);
    return Step::kDocument;
  }
}

std::optional<Document> ArticleSource::State::Next() {
  while (true) {
    if (xml) {
      std::optional<Document> doc;
      const Step step = ReadXmlSentence(&doc);
      if (step == Step::kDocument) return doc;
      if (step == Step::kEnd) CloseCurrent();
      continue;
    }
    if (reader) {
      std::optional<Document> doc;
      if (format == InputFormat::kText) {
        ReadTextArticle(&doc);
        if (doc) return doc;
        continue;
      }
      const Step step = ReadJsonLine(&doc);
      if (step == Step::kDocument) return doc;
      if (step == Step::kEnd) CloseCurrent();
      continue;
    }
    if (pending.empty()) return std::nullopt;
    const std::string next = std::move(pending.front());
    pending.pop_front();
    Open(next);
  }
}

ArticleSource::ArticleSource(std::vector<std::string> paths, InputOptions opts, std::ostream& log, std::ostream* rejects)
    : state_(std::make_unique<State>(std::move(paths), std::move(opts), log, rejects)) {}
ArticleSource::~ArticleSource() = default;
ArticleSource::ArticleSource(ArticleSource&&) noexcept = default;
ArticleSource& ArticleSource::operator=(ArticleSource&&) noexcept = default;

std::optional<Document> ArticleSource::Next() { return state_->Next(); }
const InputCounters& ArticleSource::counters() const { return state_->counters; }

}  // namespace dateline
