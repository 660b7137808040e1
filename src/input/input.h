// Input stage: raw article bytes in, Documents out.
//
//   // One article from bytes (a file's contents, or the decoded `text` field of a JSON line):
//   Document doc = DecodeArticle("reuters-1", bytes);
//   doc.text();             // valid UTF-8, LF line ends, HTML entities decoded
//   doc.input_offset(17);   // byte offset in `bytes` of the character at text offset 17
//
//   // A stream of articles from files, directories, and "-" (stdin):
//   ArticleSource source({"news/", "extra.jsonl"}, InputOptions{}, std::cerr, &rejects_file);
//   while (std::optional<Document> doc = source.Next()) pipeline.Run(*doc);
//   if (source.counters().unusable_files > 0) return 1;
//
// Decoding rules (DecodeArticle):
//   - a UTF-8 byte-order mark is dropped;
//   - encoding (SourceEncoding::kAuto): bytes that are valid UTF-8 stay as they are; bytes with
//     invalid sequences and NO valid multi-byte UTF-8 sequence are Windows-1252 (every byte one
//     character); bytes with both valid multi-byte sequences and invalid ones are UTF-8 with
//     damage: each byte that starts no valid sequence becomes U+FFFD and is counted in
//     Document::invalid_utf8_repairs. A BOM means UTF-8.
//   - CR LF and lone CR become LF;
//   - HTML character references are decoded: the named ones that occur in news text (all of
//     Latin-1, typographic punctuation, a few symbols), &#DDD; and &#xHHH;. The ';' is required,
//     so "AT&T" and "&c" stay as written. &nbsp; (and &#160;) become a plain space. Numeric
//     references 128..159 mean Windows-1252 characters, as in browsers (&#150; is an en dash).
//     A reference that is unknown or not a valid character stays as written.
//   - binary content (a NUL byte, or more than DecodeOptions::max_control_ratio of the bytes
//     ASCII control characters other than \t \n \r \f) gives an empty text and a warning
//     "binary content"; a text that is empty or only whitespace gives a warning "empty document".
//
// The offset map is exact for every character start: doc.input_offset(o) is the first input
// byte of the unit (byte, UTF-8 sequence, CR LF pair, entity) that produced the character at o,
// and doc.input_offset(text().size()) is bytes.size().
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dateline {

enum class SourceEncoding : uint8_t { kAuto, kUtf8, kWindows1252 };

struct DecodeOptions {
  SourceEncoding encoding = SourceEncoding::kAuto;  // kAuto: DetectEncoding()
  bool decode_entities = true;
  double max_control_ratio = 0.10;  // more control characters than this → "binary content"
};

// The encoding DecodeArticle would choose under kAuto (see the rules above). Never kAuto.
SourceEncoding DetectEncoding(std::string_view bytes);

// Decodes one article. Never fails: problems become Document::diagnostics (warnings), and an
// input longer than 4 GiB - 1 (offsets are 32-bit) gives an empty text and an error diagnostic.
Document DecodeArticle(std::string id, std::string_view bytes, DecodeOptions opts = {});

// The character Windows-1252 byte `b` stands for. 0x81 0x8D 0x8F 0x90 0x9D, unassigned in
// Windows-1252, map to the C1 controls of the same value (as WHATWG and Windows do).
char32_t Windows1252ToUnicode(uint8_t b);

// ---------------------------------------------------------------------------------------------
// Reading articles from files.

enum class InputFormat : uint8_t { kAuto, kText, kJsonl, kPetrarchXml };

// "auto", "text", "jsonl", "petrarch-xml" → format; nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<Date> date;  // publication date of plain-text articles and of JSON lines without one
  // Longest article (plain-text file) or JSON line accepted. A longer JSON line is rejected;
  // a longer text file is reported as unusable. Memory use is bounded by this.
  uint64_t max_article_bytes = 64ull << 20;
  DecodeOptions decode;
  std::istream* standard_input = nullptr;  // what "-" reads; nullptr means std::cin
};

struct InputCounters {
  uint64_t documents = 0;       // returned by Next()
  uint64_t rejects = 0;         // JSON lines that gave no document
  uint64_t warnings = 0;        // diagnostics on returned documents
  uint64_t unusable_files = 0;  // paths that could not be read at all
  uint64_t bytes_read = 0;      // bytes read from plain-text and JSON Lines inputs (read ahead by up to 256 KiB)
};

// Streams Documents from a list of paths, one file open at a time.
//
//   - a directory is walked recursively, entries in byte order of their names, skipping names
//     that start with '.'; symbolic links to directories are not followed;
//   - "-" is standard input;
//   - format (kAuto): .jsonl .ndjson .json, or a first non-blank byte '{' → JSON Lines; .xml
//     containing "<Sentences" or "<Sentence " → PETRARCH XML, each <Sentence> one Document (id,
//     date and text from the record; see input/petrarch_xml.h; repairs of broken XML are
//     reported with file:line and counted as warnings); anything else → one plain-text
//     article, id = the path as given.
//   - JSON Lines: fields id and text (strings, required), date (YYYY-MM-DD or an ISO-8601
//     date-time), title, url, outlet (strings or null). Evidence offsets are byte offsets in
//     the UTF-8 of the decoded `text` field. origin = "path:line". A bad line is reported on
//     `log` as "path:LINE: malformed JSON line: what" or "path:LINE: missing field text",
//     copied verbatim with '\n' to `rejects` (if not null), counted, and skipped. Blank lines
//     are skipped silently. A line that is not valid UTF-8 is decoded by the DecodeArticle
//     rules (Windows-1252 or repair) before it is parsed.
//   - an unreadable path: "path: cannot read: reason" on `log`, counted in unusable_files.
//   - each diagnostic of a returned document is printed as "doc_id: warning: message".
//
// `log`, `rejects` and InputOptions::standard_input must outlive the ArticleSource.
class ArticleSource {
 public:
  ArticleSource(std::vector<std::string> paths, InputOptions opts, std::ostream& log, std::ostream* rejects);
  ~ArticleSource();
  ArticleSource(ArticleSource&&) noexcept;
  ArticleSource& operator=(ArticleSource&&) noexcept;

  // The next document; nullopt when every path has been read.
  std::optional<Document> Next();
  const InputCounters& counters() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dateline
