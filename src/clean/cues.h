// Private to src/clean: the cue patterns that mark lines as not article text, compiled once into
// one RE2::Set ("add patterns, compile once, match many").
//
//   CueMatcher cues;
//   if (!cues.ok()) return Status(StatusCode::kInternal, cues.error());
//   for (const Cue* cue : cues.Match(line)) ...   // strong cues first, then in table order
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::clean_detail {

enum class Reason : uint8_t { kPrompt, kStandards, kCopyright, kCredits, kRelated, kSignature, kByline, kMeta };
const char* ReasonName(Reason r);

enum class Strength : uint8_t {
  kStrong,  // removes the line even when it reads as a sentence
  kWeak,    // removes the line only when it does not read as a sentence and is short
};

// A test beyond the pattern, run by the cleaner when the pattern matches.
enum class Check : uint8_t {
  kNone,
  kCredits,          // ParseCredits must accept the line
  kCapitalizedNext,  // the word after the first one is capitalised ("Copyright Reuters")
};

struct Cue {
  std::string_view pattern;  // RE2 syntax, matched case-insensitively against the trimmed line
  Reason reason;
  Strength strength;
  Check check = Check::kNone;
};

class CueMatcher {
 public:
  CueMatcher();
  CueMatcher(const CueMatcher&) = delete;
  CueMatcher& operator=(const CueMatcher&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // The cues whose pattern matches `line`, strong ones first, each group in table order.
  // *out_of_memory is set when RE2 ran out of its memory budget on the line (the result is then
  // empty). REQUIRES: ok().
  std::vector<const Cue*> Match(std::string_view line, bool* out_of_memory) const;

 private:
  RE2::Set set_;
  std::string error_;
};

}  // namespace dateline::clean_detail
