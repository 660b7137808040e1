// sentence/: splits the headline and the paragraphs of a Document into sentences.
//
//   SentenceSplitter splitter;                 // or SentenceSplitter({.max_bytes = 2000})
//   splitter.Run(doc);                          // after the clean stage set headline/paragraphs
//   for (const Sentence& s : doc.sentences) std::cout << doc.view(s.span) << "\n";
//
// Output: doc.sentences, replaced. The headline, when set, is sentence 0 with headline = true
// (and paragraph = 0); then the sentences of every paragraph, in order, with Sentence::paragraph
// its index in doc.paragraphs. A sentence never crosses a paragraph; spans are trimmed of white
// space; token ranges are left empty for the Tokenizer.
//
// A sentence ends after . ! ? or an ellipsis (and any closing quotes or brackets after it) that
// is followed by white space, unless:
//   - the next word starts in lower case, or the next character is , ; : ) — a fragment such
//     as "Wang told Tileuberdi. , cited by the ministry." stays one sentence;
//   - the period ends an abbreviation (ClassifyAbbreviation in token/token.h): titles and
//     initials ("Gen.", "S. Rajaratnam") never end a sentence, months and "No." not before a
//     number, others ("U.S.", "Inc.") only before a word that starts sentences ("He", "The");
//   - it lies inside a short pair of parentheses.
// A sentence longer than the limits is cut (at a ; or , if possible, else at a space) and a
// warning is recorded on the document.
#pragma once

#include <cstdint>

#include "core/stage.h"

namespace dateline {

class Lexicon;

struct SentenceSplitterOptions {
  uint32_t max_bytes = 5000;  // a longer sentence is cut, with a warning
  uint32_t max_words = 400;   // white-space separated words; a longer sentence is cut, with a warning
};

class SentenceSplitter final : public Stage {
 public:
  SentenceSplitter();
  // REQUIRES: max_bytes >= 16 and max_words >= 4. The lexicon tells which capitalized words
  // start sentences; it must outlive the splitter (default: Lexicon::Default()).
  explicit SentenceSplitter(SentenceSplitterOptions options, const Lexicon* lexicon = nullptr);

  Status Run(Document& doc) const override;
  std::string_view name() const override { return "sentence"; }

 private:
  SentenceSplitterOptions options_;
  const Lexicon& lexicon_;
};

}  // namespace dateline
