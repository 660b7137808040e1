// Coreference across an article's sentences: what pronouns, bare surnames, titles ("the
// minister"), generic actors ("Authorities", "the country") and quote speakers stand for.
//
//   ArticleMemory memory;
//   for each sentence si:
//     ... find mentions; resolve "the president" with ResolveTitle, "the country" with
//     AddCountryReferences, pronouns with memory.ResolvePronoun(p, si, act_of_state) ...
//     ResolveQuoteSpeakers(doc, dict, si, mentions, memory, &doc.quotes, &speakers);
//     memory.Remember(m, si, subject) for each resolved mention and speaker;
//
// The memory holds the article's resolved mentions, sentence by sentence. Antecedents are the
// most recent compatible mention, subjects first: compatible in number and gender where known
// (the dictionary's person entries give gender), a person for "he"/"she", a country, organisation
// or group for "it" and "they"; a title fits a person introduced with it ("the president" → "Kazakh
// President Kassym-Jomart Tokayev"); and an act of state (roots 03-20) goes only to a state
// actor, an organisation or an armed group ("Hezbollah said it fired ..."), never to a quoted analyst (a quote's speaker the dictionaries do not know is remembered
// as a person without a code, so that "he said" finds him and "he sent police" does not).
// A title no mention fits stands for the government of the country the article is about (the
// country its mentions name most, subjects counting double), or for nothing.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "code/mentions.h"
#include "core/document.h"
#include "core/quote.h"
#include "dict/dictionary.h"

namespace dateline {

class ArticleMemory {
 public:
  // Remembers a resolved mention of sentence `sentence`. Pronouns are not remembered; mentions
  // without a code only when they are persons (quote speakers the dictionaries do not know).
  void Remember(const Mention& m, uint32_t sentence, bool subject);
  // Both ends of a person's name can stand alone later: "Wang" for Wang Yi, "Tokayev".
  void RememberSurnames(const Mention& m, uint32_t first_word, uint32_t last_word);
  const Mention* BySurname(uint32_t word) const;

  // Whether `c` can be what pronoun `p` stands for: number, gender, person or not ("it" is
  // a country or an organisation), and for an act of state a state actor, an organisation or
  // an armed group.
  static bool Compatible(const Mention& p, const Mention& c, bool act_of_state);

  // The most recent compatible antecedent of a pronoun: recent sentences first, subjects first.
  // May be a person without a code (a quote's speaker): that stands for no actor.
  // Mentions coded `exclude` are passed over (the other side of the pronoun's own event).
  const Mention* ResolvePronoun(const Mention& p, uint32_t sentence, bool act_of_state,
                                std::string_view exclude = {}) const;

  // The members of the compound that remembered mention `a` belongs to (`a` alone if none).
  void CompoundOf(const Mention* a, std::vector<const Mention*>* out) const;

  // The country the article last spoke of, for a generic agent ("Authorities").
  std::string RecentCountry(uint32_t sentence) const;

  // A country other than `shorter`'s the article named by a longer name ending with the same
  // words ("Congo" after "the Democratic Republic of Congo"); nullptr if none.
  const Mention* LongerCountryName(const Document& doc, const Mention& shorter) const;

  // The members of the most recent compound (two or more actors joined by "and") remembered
  // as a subject in the two sentences before `sentence`; empty when there is none.
  void RecentCompoundSubject(uint32_t sentence, std::vector<const Mention*>* out) const;

  // The most recent person whose title, as written, holds every word of `title` ("foreign
  // minister" fits "Kazakh Foreign Minister Mukhtar Tileuberdi"), subjects first.
  const Mention* ResolveTitle(const Document& doc, const std::vector<std::string_view>& title, uint32_t sentence) const;

  // The country the article is about so far: the one its remembered mentions name most, a
  // subject counting twice; ties go to the one named first. "" before any.
  std::string MainCountry() const;

  // What "the country" stands for in sentence `sentence`: the country of the most recent state
  // subject of the two sentences before, else the main country.
  std::string SubjectCountry(uint32_t sentence) const;

 private:
  struct Item {
    Mention mention;  // resolved
    uint32_t sentence;
    bool subject;
  };
  std::vector<Item> items_;
  std::unordered_map<uint32_t, Mention> by_surname_;
};

// A singular title after "the" ("the president", "the foreign minister", "the general"),
// mentions[mi]: resolves it in place to the person it fits and returns true. Where no person
// fits and its own sentence names no country before it ("Russia said the minister ..." is left
// to the caller's rule for generic agents), it becomes the main country's government (its own
// agent code: "the general" → KAZMIL) and true is returned. Returns false, changing nothing,
// when it is not such a title, or when the article has named no country yet.
bool ResolveTitle(const Document& doc, const Dictionary& dict, const ArticleMemory& memory, uint32_t sentence,
                  std::vector<Mention>* mentions, size_t mi);

// A country named by a short name that is not its canonical one ("Congo", canonically the
// Republic of Congo) stands for the country the article named with a longer name ending with
// the same words ("the Democratic Republic of Congo"): the mention takes that country.
void AdoptLongerCountryNames(const Document& doc, const ArticleMemory& memory, std::vector<Mention>* mentions);

// "The three leaders", "both governments", "the two countries": a plural generic agent after
// "both", or after "the" with or without a number, as mentions[mi], stands for the members of
// the compound the article named as a subject in the two sentences before (as many as the
// number says). Replaces it by one resolved mention per member (sharing a new compound id from
// *next_compound) and returns true; false, changing nothing, otherwise.
bool ResolvePluralGeneric(const Document& doc, const ArticleMemory& memory, const Sentence& s, uint32_t sentence,
                          std::vector<Mention>* mentions, size_t mi, int* next_compound);

// A generic agent after a possessive pronoun ("its troops", "their officials", "his
// government", adjectives between allowed): the country of what the pronoun stands for (the
// article's most recent compatible subject; a person's own country), "" when it stands for
// nothing or there is no such pronoun.
std::string PossessorCountry(const Document& doc, const ArticleMemory& memory, uint32_t sentence, const Mention& m);

// "The country", "the nation" as the subject of a verb, in sentence `s` (index `si`): inserts a
// resolved mention for each (in text order) where no mention covers its words.
void AddCountryReferences(const Document& doc, const Dictionary& dict, const ArticleMemory& memory,
                          const Sentence& s, uint32_t si, std::vector<Mention>* mentions);

// Resolves the speaker and addressee of every quote attributed in sentence `si`, from that
// sentence's resolved mentions (a pronoun: the sentence's earlier actors outside the quote,
// then `memory`). A speaker phrase that names a person the dictionaries do not know gives a
// person mention without a code, appended to *speakers for the caller to remember.
void ResolveQuoteSpeakers(const Document& doc, uint32_t si, const std::vector<Mention>& mentions,
                          const ArticleMemory& memory, std::vector<Quote>* quotes, std::vector<Mention>* speakers);

// After the last sentence: quotes that continue an earlier one take its speaker and addressee,
// and each event whose verb lies inside a quote's words links to it (Event::quote).
void LinkQuotes(Document& doc);

}  // namespace dateline
