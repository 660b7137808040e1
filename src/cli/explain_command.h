// `dateline explain "SENTENCE" [--date D] [dictionary flags]`: how the coder reads one text —
// its tokens with tags and lemmas, its clauses and comma segments (the shallow parse), every
// actor and agent found with the dictionary entries (file:line) that made it, for every word
// taken for a verb the patterns tried in order with why each one did or did not fire, and the
// events written.
//
//   const Pipeline pipeline(dict, coder_options);
//   return ExplainText(pipeline, "China offered help to Kazakhstan.", Date::Parse("2022-01-10"), std::cout);
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "core/date.h"

namespace dateline {

class Pipeline;

// Writes the explanation of `text` (coded as one article published on `date`) to `out`.
// Returns 0.
int ExplainText(const Pipeline& pipeline, const std::string& text, const std::optional<Date>& date, std::ostream& out);

}  // namespace dateline
