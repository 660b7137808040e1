// Part-of-speech tags: the Penn Treebank set, as the lexicon (festlex-poslex, WSJ) uses it.
#pragma once

#include <cstdint>
#include <string_view>

namespace dateline {

enum class Tag : uint8_t {
  kUnknown = 0,
  NN, NNS, NNP, NNPS,                // nouns
  VB, VBD, VBG, VBN, VBP, VBZ, MD,   // verbs and modals
  JJ, JJR, JJS,                      // adjectives
  RB, RBR, RBS, RP,                  // adverbs, particles
  IN, TO, DT, PDT, CC, CD, EX, FW, LS, UH, SYM,
  PRP, PRPS, WDT, WP, WPS, WRB, POS, // PRPS = PRP$, WPS = WP$
  PUNCT,                             // . , ; : ! ? ( ) - and quote marks
  kCount
};

std::string_view TagName(Tag t);        // "NN", "PRP$", ...
Tag TagFromName(std::string_view name);  // case-insensitive; kUnknown if none

inline bool IsNoun(Tag t) { return t >= Tag::NN && t <= Tag::NNPS; }
inline bool IsProperNoun(Tag t) { return t == Tag::NNP || t == Tag::NNPS; }
inline bool IsVerb(Tag t) { return t >= Tag::VB && t <= Tag::VBZ; }
inline bool IsAdjective(Tag t) { return t >= Tag::JJ && t <= Tag::JJS; }
inline bool IsAdverb(Tag t) { return t >= Tag::RB && t <= Tag::RBS; }

}  // namespace dateline
