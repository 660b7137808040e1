// Event: one coded "who did what to whom" record, with the spans that produced it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/span.h"

namespace dateline {

enum class Mode : uint8_t { kAsserted, kFuture, kHypothetical, kNegated };
const char* ModeName(Mode m);

// One side of an event, resolved to a CAMEO actor code.
struct ActorRef {
  std::string code;     // "CHNGOV", "IGOUNO"; empty when the side is absent
  std::string name;     // canonical name: "Xi Jinping", "China"
  std::string country;  // CAMEO/ISO alpha-3 country, "" for organisations without one
  std::optional<ByteSpan> span;  // the words in the sentence (Document::text offsets)
  bool empty() const { return code.empty(); }
};

struct Event {
  uint32_t sentence = 0;  // index into Document::sentences
  ActorRef source, target;
  std::string code;  // CAMEO event code, e.g. "036"
  std::optional<ByteSpan> verb_span;
  Date date;
  DatePrecision date_precision = DatePrecision::kDay;
  bool historical = false;
  Mode mode = Mode::kAsserted;
  std::vector<std::string> rules;   // "verb data/verbs.dl:12", "actor data/actors.dl:40"
  std::vector<std::string> issues;  // issue/theme tags
  std::optional<uint32_t> quote;    // index of the quote it came from
};

}  // namespace dateline
