// Private to the PETRARCH readers: lines without comments, words, codes, dates, and the place
// where problems are written.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dict/source.h"

namespace dateline::petrarch_internal {

// Where a reader writes: the file's index and name, and the problem list with its cap.
class FileContext {
 public:
  FileContext(std::string name, DictionarySource* src);
  ~FileContext();  // writes the "N more problems" line, if any
  FileContext(const FileContext&) = delete;
  FileContext& operator=(const FileContext&) = delete;

  void Problem(uint32_t line, std::string_view what);
  SourcePlace Place(uint32_t line) const { return SourcePlace{file_, line}; }
  const std::string& name() const { return name_; }
  DictionarySource* src() const { return src_; }

 private:
  std::string name_;
  DictionarySource* src_;
  uint16_t file_;
  size_t reported_ = 0, dropped_ = 0;
};

// One physical line with its comments removed.
struct DictLine {
  uint32_t number = 0;   // 1-based
  std::string text;      // comments removed, trailing blanks trimmed, leading blanks kept
  std::string comment;   // text of the '#' or ';' comment, trimmed
  std::string_view raw;  // the line as written (without its line end), viewing the input
  bool invalid = false;  // not valid UTF-8 or holds control characters: already reported; the
                         // reader only lets it end what it would end (an actor record, a block)
};

// Splits `bytes` into lines and removes "#", ";" and "<!-- -->" comments. Blank lines and lines
// that held only a comment are left out; lines whose text is not valid UTF-8 (or holds control
// characters other than tab) are reported and marked invalid; an unclosed "<!--" is reported.
std::vector<DictLine> ReadLines(std::string_view bytes, FileContext& ctx);

// The same comment rules, without reporting: for dialect detection.
std::vector<DictLine> ReadLinesQuietly(std::string_view bytes);
// Calls fn with the text of each line ReadLinesQuietly would return, without building them.
void ForEachLineText(std::string_view bytes, const std::function<void(std::string_view)>& fn);

std::string_view Trim(std::string_view s);
bool IsBlank(char c);
std::string Upper(std::string_view s);

// A word as dict/source.h keeps it: ASCII lower-cased, curly apostrophes (U+2018, U+2019) made
// straight.
std::string FoldWord(std::string_view s);

// Splits a phrase written with blanks and underscores into words. A final '_' marks a word
// exact, a final '=' marks no_endings. `blank_is_gap`: a blank lets words come in between
// (consecutive = false). Characters in `forbidden` may not appear. Returns false, with a message
// in *error, when no word is found or a forbidden character is.
// With `marked`, a word written with a leading '+' ("LINE_+CALL") has the '+' removed and its
// index appended to *marked.
bool ParseWords(std::string_view s, bool blank_is_gap, std::string_view forbidden,
                std::vector<Word>* out, std::string* error, std::vector<size_t>* marked = nullptr);

// The contents of "[...]" as a code: trimmed, "---" made "". nullopt when the code is empty or
// holds a blank.
std::optional<std::string> ParseCode(std::string_view inside);

// "950601" or "19950601" (two-digit years 00-30 are 20YY, 31-99 19YY). nullopt when malformed
// or not a calendar date.
std::optional<Date> ParseDictDate(std::string_view s);

// "'x'" for messages, with control characters and long text shortened.
std::string Quote(std::string_view s);

// The TABARI and dateline dialects have readers of their own: reports that once and returns
// true.
bool RefuseDialect(DictionaryDialect dialect, FileContext& ctx, const char* reader);

}  // namespace dateline::petrarch_internal
