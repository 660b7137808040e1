// Quote: one direct quotation of an article — the quoted words (one part, or several when the
// attribution splits it or it runs on into the next paragraph), where its attribution is, and
// the speaker and addressee the coder resolved them to. resolve/quotes.h finds quotes; the
// coder (code/coder.h) resolves their speakers and links the events coded inside them.
#pragma once

#include <cstdint>
#include <vector>

#include "core/event.h"
#include "core/span.h"

namespace dateline {

struct Quote {
  std::vector<ByteSpan> parts;  // the quoted words without their marks, in text order
  ByteSpan span;                // first opening mark to last closing mark (or paragraph end)
  uint32_t sentence_begin = 0;  // the sentences the quote touches: [sentence_begin, sentence_end)
  uint32_t sentence_end = 0;
  // The attribution ("Wang told Tileuberdi", "said Li Mingjiang, associate professor at ..."):
  // the sentence it is in and token ranges (Document::tokens) of its phrases; begin == end when
  // a phrase is absent. A quote with no attribution of its own that follows a quote of the
  // previous paragraph takes that quote's speaker (`speaker_from`).
  bool attributed = false;
  uint32_t attribution_sentence = 0;  // unattributed: sentence_begin (so it never decreases from quote to quote)
  uint32_t speaker_begin = 0, speaker_end = 0;
  uint32_t addressee_begin = 0, addressee_end = 0;
  uint32_t appositive_begin = 0, appositive_end = 0;  // ", associate professor at ..." after the speaker
  int speaker_from = -1;                              // index of the quote whose speaker this one shares
  // Resolved by the coder: actor code and name ("" when the words name no actor it knows), the
  // words as written.
  ActorRef speaker, addressee;
};

}  // namespace dateline
