// Quotes: finds the direct quotations of an article and their attributions, in token terms.
//
//   std::vector<Quote> quotes;
//   FindQuotes(doc, &quotes);   // doc: through the tagger
//   quotes[0].parts             // the quoted words, marks excluded
//   quotes[0].speaker_begin     // "Wang" in "..., ” Wang told Tileuberdi."
//
// A quotation is the text between double quote marks (curly “ ”, straight ", PTB `` ''). Its
// attribution is a speech verb ("say", "tell", "add", "warn" ...) with the speaker's noun phrase
// next to the quote: after it (“...,” said X / “...,” X said / “...,” according to X), before it
// (X told Y: “...”), or between two parts of one quotation (“...,” he said. “...”). Parts join
// into one quote across an attribution and across paragraphs when a paragraph ends inside the
// quotation and the next opens with a mark (wire style). Scare quotes are not quotations: a quoted
// fragment counts only with an attribution next to it and at least three words, or, without one,
// when it opens a sentence with at least five words (it then takes the speaker of a quote in the
// paragraph before, if there is one). Which actors the phrases name is the coder's business
// (code/coref.h): this stage only marks where they are. Single marks are left alone (apostrophes
// and quotes within quotes).
#pragma once

#include <vector>

#include "core/document.h"
#include "core/quote.h"

namespace dateline {

// Fills *out (cleared first) with the document's quotations, in text order. `speaker`,
// `addressee` are left for the coder.
void FindQuotes(const Document& doc, std::vector<Quote>* out);

// Whether `lemma` is a verb that attributes speech ("say", "tell", "add", "warn" ...).
bool IsSpeechVerb(std::string_view lemma);

}  // namespace dateline
