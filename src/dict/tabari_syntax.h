// Private to dict/tabari_*.cpp: the pieces of TABARI syntax shared by the file readers (lines,
// comments, "[...]" code blocks, dates, phrases and patterns). The conventions are described in
// dict/tabari_reader.h. Every parser returns false with `*error` set to what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "dict/source.h"

namespace dateline::tabari {

// Splits a file into lines at "\n", "\r\n" or a lone "\r"; numbers them from 1.
class LineCursor {
 public:
  explicit LineCursor(std::string_view bytes) : bytes_(bytes) {}
  bool Next(std::string_view* line, uint32_t* number);

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  uint32_t number_ = 0;
};

// Appends "file:line: message" problems for one file.
class ProblemLog {
 public:
  ProblemLog(std::string file, std::vector<std::string>* out) : file_(std::move(file)), out_(out) {}
  void Add(uint32_t line, std::string_view message);

 private:
  std::string file_;
  std::vector<std::string>* out_;
};

// Checks one line's bytes. A control character other than tab makes the line unusable: returns
// false with `*error` set. Invalid UTF-8 is repaired with U+FFFD into `*scratch` (which `*line` then
// views) and described in `*warning`; the line stays usable.
bool CheckLineBytes(std::string_view* line, std::string* scratch, std::string* warning, std::string* error);

std::string_view Trim(std::string_view s);
// Lower-case (ASCII) with curly apostrophes (U+2018, U+2019) made straight: how words are stored.
std::string Fold(std::string_view s);
bool IsBlank(char c);
std::string Upper(std::string_view s);

// A dictionary line without its comment: the text before the first ';' and the comment after it.
struct Commented {
  std::string_view body;
  std::string_view comment;  // trimmed
};
Commented SplitComment(std::string_view line);

// Splits "PHRASE [A] [B <990101]" into the phrase text and the inside of each "[...]" block.
// Fails on a missing ']' or '[', or on text after a block that is not another block.
struct CodedText {
  std::string_view phrase;              // trimmed text before the first '['
  std::vector<std::string_view> codes;  // inner text of each block, untrimmed
};
bool SplitCodes(std::string_view body, CodedText* out, std::string* error);

// "YYMMDD" (00-30 -> 20xx, 31-99 -> 19xx) or "YYYYMMDD".
std::optional<Date> ParseDate(std::string_view digits);

// The inside of an actor code block: "ISR", "---", "- - -", "GME/GMW", "###", "EGY < 911231",
// "UNO 920101-991231", "HOBREB > 990816". A range that ends before it begins is returned as written
// (TABARI does not check it; it never applies): callers report it.
bool ParseActorCode(std::string_view inner, DatedCode* out, std::string* error);

// Which code syntax a verb-file code block follows.
enum class CodeContext : uint8_t { kVerb, kTime, kAttribution };
// The inside of a verb, pattern, time-shift or attribution code block. `*code` is "" for the null
// code. Verb codes: letters, digits and ':' '!' '?' ("013:012", "031!", "023?"), or ###, +++;
// time-shift codes: a signed integer, ###, +++.
bool ParseVerbCode(std::string_view inner, CodeContext context, std::string* code, std::string* error);

// Agent code "~GOV" / "NGO~" (blanks allowed around it).
bool ParseAgentCode(std::string_view inner, std::string* code, bool* prefix, std::string* error);

// How a phrase may use the pattern tokens.
enum class PhraseKind : uint8_t {
  kPlain,    // actor, agent, noun, adjective, verb root, verb form: words only
  kSynset,   // synset member: words, "&NAME" references, and the tokens $ and +
};
// A phrase in TABARI spelling -> Words (see tabari_reader.h for the conventions).
bool ParsePhrase(std::string_view text, PhraseKind kind, std::vector<Word>* words, std::string* error);

// The text of a pattern after its leading '-', without the code block.
bool ParsePattern(std::string_view text, std::vector<PatternToken>* tokens, std::string* error);

// Words and alternatives of `tokens` that name synsets, without '&', in order.
void CollectSynsetNames(const std::vector<PatternToken>& tokens, std::vector<std::string>* names);
void CollectSynsetNames(const std::vector<Word>& words, std::vector<std::string>* names);

}  // namespace dateline::tabari
