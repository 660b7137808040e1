// Compiles dictionary sources (dict/source.h) of any family into the one Dictionary the coder
// matches with: TABARI, PETRARCH-1 and PETRARCH-2 files meet the same matchers as the project's
// own.
//
//   DictionarySource src;
//   LoadTabariProject("Validate.project", &src);
//   DictionaryBuilder builder;
//   AddSource(src, DictionaryDialect::kTabari, &builder);
//   Result<Dictionary> dict = std::move(builder).Build();
//
// How each family's conventions become match modes:
//   - TABARI: a word without "_" is a stem; with "_", the last word of a phrase still takes the
//     regular endings (-s -es -ed -en -ing 's); "=" means exactly this word.
//   - PETRARCH: whole words; the last word of an actor or agent phrase takes the regular endings
//     (PETRARCH generates the plurals).
// Verb patterns: the words before "*" are matched before the verb, the rest after it; between
// two tokens not joined by "_" up to six words may stand (TABARI's default skipping); "{A | B}"
// sets and synsets of single words become word sets. What the coder cannot yet use (multi-word
// alternatives, noun- and prepositional-phrase slots, "%") is reported in the builder's problems
// with its place, and the pattern is skipped.
#pragma once

#include "dict/dictionary.h"
#include "dict/source.h"

namespace dateline {

void AddSource(const DictionarySource& src, DictionaryDialect dialect, DictionaryBuilder* builder);

}  // namespace dateline
