// PETRARCH XML: a tolerant reader for the small subset of XML that PETRARCH story files and
// validation files use, and the <Sentence> reader built on it.
//
//   std::ifstream in("GigaWord.sample.PETR.xml", std::ios::binary);
//   PetrarchXmlReader reader(in, "GigaWord.sample.PETR.xml");
//   while (std::optional<PetrarchItem> item = reader.Next()) {
//     for (const std::string& p : reader.TakeProblems()) std::cerr << p << "\n";   // "file:line: ..."
//     if (item->kind == PetrarchItem::Kind::kSentence) use(item->sentence);
//   }
//
// The files look like this (story files have no <Validation>, <Environment> or <EventCoding>):
//
//   <Validation>
//   <Environment> <Verbfile>PETR_Validate_verbs_2_02.txt</Verbfile> <Include>DEMO ACTOR</Include>
//                 <Config option="stop_on_error" value="True"></Config> </Environment>
//   <Sentences>
//   <Config option="require_dyad" value="false" />
//   <Sentence date="19950101" id="DEMO-01" category="DEMO" evaluate="true">
//   <!-- comment -->
//   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064" />
//   <Text> Arnor is about to restore ... </Text>
//   <Parse> (ROOT (S ... or CoNLL-U lines ... </Parse>
//   </Sentence>
//   </Sentences></Validation>
//
// Why not an XML library: these files are not well-formed XML. PETRARCH-2's validation file has
// "<PLEvent {json}>" lines, and a header comment that contains "<!-- ... -->" and so ends early;
// attributes are written `id ="x"` and `sourcecode='"INJURY TOLL"'`. A conforming parser stops at
// the first of these. This reader reads what a forgiving human reader would, and reports what it
// had to forgive (TakeProblems), so one bad record never costs the rest of the file.
//
// What XmlReader understands: start tags with attributes (double or single quotes, blanks around
// '='), self-closing tags, end tags, text, CDATA sections, comments, processing instructions and
// <!DOCTYPE ...> (both skipped). Character references in text and attribute values are decoded:
// the five XML entities, &#DDD; &#xHHH;, and the HTML named references of the input stage
// (input.h), so sloppy files with &eacute; still read. A '&' that starts no known reference stays
// as written, like "AT&T". A '<' that starts no tag is read as text (and reported).
// Memory: text is returned in pieces of at most 1 MiB, so a long text costs no more; a tag or a
// CDATA section longer than `max_item_bytes` is reported and skipped.
#pragma once

#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace dateline {

struct XmlAttribute {
  std::string name;
  std::string value;  // character references decoded
};

struct XmlItem {
  enum class Kind : uint8_t {
    kStartTag,   // name, attributes, self_closing
    kEndTag,     // name
    kText,       // text: character data (references decoded) or a CDATA section as written
    kMalformed,  // markup that could not be read; skipped. name: the tag's name when one was read
    kEnd,        // end of input
  };
  Kind kind = Kind::kEnd;
  std::string name;
  std::vector<XmlAttribute> attributes;
  bool self_closing = false;
  std::string text;
  uint64_t line = 0;    // 1-based line where the item starts
  std::string problem;  // non-empty when the reader forgave something here (always for kMalformed)

  // The value of attribute `name` (exact, case-sensitive), or nullptr.
  const std::string* Attribute(std::string_view attribute_name) const;
};

// Pull reader: one item at a time from a stream, bounded memory.
class XmlReader {
 public:
  // `already_read`: bytes taken from `in` before (a format sniffer's peek); they come first.
  XmlReader(std::istream& in, std::string already_read = {}, uint64_t max_item_bytes = 64ull << 20);

  XmlItem Next();
  // True when the stream reported a read error (not the normal end).
  bool stream_failed() const { return in_.bad(); }

 private:
  bool Fill();
  bool Ensure(size_t n);
  size_t Find(std::string_view delimiter, size_t from, bool* too_long);
  void Consume(size_t n);
  bool SkipPast(std::string_view delimiter);
  XmlItem ReadText();
  XmlItem ReadMarkup();
  XmlItem ReadStartTag();
  XmlItem ReadEndTag();

  std::istream& in_;
  std::string buffer_;
  size_t position_ = 0;
  uint64_t line_ = 1;
  uint64_t max_item_bytes_;
};

// Decodes character references in `raw` (see above). Exposed for tests.
std::string DecodeXmlCharacterData(std::string_view raw);

// ---------------------------------------------------------------------------------------------
// PETRARCH files.

struct PetrarchSentence {
  uint64_t line = 0;                       // of the <Sentence> tag
  std::vector<XmlAttribute> attributes;    // of the <Sentence> tag
  std::optional<std::string> text;         // <Text> content as written (untrimmed); nullopt: none
  uint64_t text_line = 0;
  bool text_too_long = false;              // <Text> was longer than the limit; `text` is cut there
  std::vector<std::vector<XmlAttribute>> event_codings;  // attributes of each <EventCoding>
  bool closed = true;                      // false: the file ended or another <Sentence> began first

  const std::string* Attribute(std::string_view name) const;
};

// An element outside any <Sentence> that configures what follows: a <Config option= value=>, or
// any child of <Environment> (<Verbfile>name</Verbfile>, <Include>DEMO ACTOR</Include>, ...).
struct PetrarchSetting {
  uint64_t line = 0;
  std::string name;                      // "Config", "Verbfile", "Include", ...
  std::vector<XmlAttribute> attributes;
  std::string text;                      // content, as written
  bool in_environment = false;           // inside <Environment>

  const std::string* Attribute(std::string_view name) const;
};

struct PetrarchItem {
  enum class Kind : uint8_t { kSentence, kSetting };
  Kind kind = Kind::kSentence;
  PetrarchSentence sentence;  // kSentence
  PetrarchSetting setting;    // kSetting
};

// Reads <Sentence> elements and settings, in file order. <Parse> and every other element are
// skipped without being kept, so memory is bounded by one sentence. Structure is recovered
// forgivingly, and each repair is a problem "source_name:line: what":
//   - a start tag inside <Text> closes the <Text> ("<Text> at line 4 not closed before <Parse>");
//   - a <Sentence> inside an open <Sentence> closes the first one (which is still returned,
//     closed = false); so does the end of the file;
//   - an end tag closes the open elements above its start tag; one without a start is ignored;
//   - malformed markup is skipped, except "<PLEvent {...}>" lines, which PETRARCH-2 validation
//     files document as ignored, and which are skipped silently.
// A sentence is returned whatever it lacks (id, text): the caller decides what it can use.
class PetrarchXmlReader {
 public:
  PetrarchXmlReader(std::istream& in, std::string source_name, std::string already_read = {},
                    uint64_t max_text_bytes = 64ull << 20);

  // The next sentence or setting; nullopt at the end of the input.
  std::optional<PetrarchItem> Next();
  // Problems found since the last call, "source_name:line: message", in file order.
  std::vector<std::string> TakeProblems();
  bool stream_failed() const { return xml_.stream_failed(); }
  // Number of <Sentence> start tags seen so far.
  uint64_t sentences_seen() const { return sentences_seen_; }

 private:
  struct Open {
    std::string name;
    uint64_t line;
  };
  void Handle(XmlItem& item);
  void StartSentence(XmlItem& item);
  void FinishSentence(bool closed);
  void CloseText(std::string_view why, uint64_t line);
  void FinishSetting();
  void PopTo(size_t depth, std::string_view before, uint64_t line, bool end_tag_closes_last);
  void Problem(uint64_t line, std::string message);
  bool InEnvironment() const;

  XmlReader xml_;
  std::string name_;
  uint64_t max_text_bytes_;
  std::vector<Open> stack_;
  std::optional<PetrarchSentence> sentence_;
  size_t sentence_depth_ = 0;  // stack_ size below the open <Sentence>
  bool in_text_ = false;
  std::optional<PetrarchSetting> setting_;
  size_t setting_depth_ = 0;
  std::deque<PetrarchItem> ready_;
  std::vector<std::string> problems_;
  uint64_t sentences_seen_ = 0;
  bool done_ = false;
};

// A PETRARCH <Text> as one line of text: blanks at both ends removed, and every CR and LF inside
// replaced by a space. Hard wrapping is layout, and a <Sentence> is one sentence; the result has
// the same length as the trimmed content, so byte offsets into it are offsets into the file's
// text after its leading blanks.
std::string PetrarchSentenceText(std::string_view text);

// "YYYYMMDD" (PETRARCH) or "YYYY-MM-DD" → date; nullopt when invalid.
std::optional<Date> ParsePetrarchDate(std::string_view s);

}  // namespace dateline
