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
// sets and synsets of single words become word sets, of phrases phrase sets. PETRARCH's "^"
// skips one phrase, "%" is a compound actor, and PETRARCH-2's "{...}" and "(...)" slots keep
// their words together (determiners, and in a noun phrase adjectives, may come between) and
// in the verb's own clause. A PETRARCH verb entry written as an inflected form ("LEFT") heads
// that form only. What the coder cannot yet use (negation markers) is reported in the
// builder's problems with its place, and the pattern is skipped.
//
// The families' coding conventions are set on the builder as well (Dictionary's accessors say
// which): PETRARCH codes a lone agent as "---AGENT", codes modal acts as stated, lets an
// adverbial clause's verb yield to its main verb and takes a subject whose head names no actor
// from its modifiers; PETRARCH-1 reads a passive only with its
// "by" agent and matches pattern words as written; PETRARCH-2 folds a complement's act into
// the act toward its subject; TABARI and PETRARCH-1 split joint codes ("FRO/BIL/SAM") and let
// the nearest word before the verb stand a few words away; TABARI's exact verbs take every
// regular ending.
#pragma once

#include "dict/dictionary.h"
#include "dict/source.h"

namespace dateline {

void AddSource(const DictionarySource& src, DictionaryDialect dialect, DictionaryBuilder* builder);

}  // namespace dateline
