#include "code/coder.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string_view>
#include <unordered_map>

#include "code/clauses.h"
#include "code/coref.h"
#include "code/mentions.h"
#include "dict/phrase.h"
#include "resolve/quotes.h"
#include "resolve/temporal.h"

namespace dateline {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool IsBe(std::string_view w) {
  return w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" || w == "am" ||
         w == "'s" || w == "'re";
}
bool IsHave(std::string_view w) { return w == "have" || w == "has" || w == "had" || w == "having"; }
bool IsDo(std::string_view w) { return w == "do" || w == "does" || w == "did"; }
bool IsNegation(std::string_view w) { return w == "not" || w == "n't" || w == "never" || w == "no" || w == "neither" || w == "nor"; }
// "would" is the future of reported speech ("indicated it would act"); "could", "might" and
// "may" leave the act open. Obligation ("should", "must") and ability ("can") are coded as
// asserted, as the field's coders do.
bool IsFutureModal(std::string_view w) { return w == "will" || w == "shall" || w == "'ll" || w == "would" || w == "'d"; }
bool IsHypotheticalModal(std::string_view w) { return w == "could" || w == "might" || w == "may"; }
// Words tagged IN that open a clause rather than a prepositional phrase.
bool IsComplementizer(std::string_view w) {
  return w == "that" || w == "whether" || w == "if" || w == "because" || w == "although" || w == "though" ||
         w == "while" || w == "as" || w == "since" || w == "unless" || w == "after" || w == "before" || w == "when";
}

// Words that open a subordinate clause whatever follows them (unlike "after" or "since", also
// prepositions).
bool OpensSubordinateClause(std::string_view w) {
  return w == "if" || w == "unless" || w == "because" || w == "although" || w == "though" || w == "whereas";
}

// Verbs that report what someone says: "X said it would ...".
bool IsReportingVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {"say", "state", "announce", "add", "declare", "confirm",
                                                "insist", "claim", "stress", "reiterate", "assert"};
  for (std::string_view v : kVerbs)
    if (v == lemma) return true;
  return false;
}

// Words that, after a form of "be", make "to VERB" an imminent or intended act.
bool IsReadinessWord(std::string_view w) {
  return w == "about" || w == "ready" || w == "set" || w == "poised" || w == "prepared" || w == "due" ||
         w == "willing" || w == "going" || w == "expected" || w == "scheduled" || w == "determined";
}

// Verbs after which "to VERB" states an intention: the infinitive is a future act of the subject.
bool IsIntentionVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {"plan", "intend", "aim", "prepare", "vow", "pledge", "promise",
                                                "decide", "agree", "expect", "seek", "hope", "want", "offer"};
  for (std::string_view v : kVerbs)
    if (lemma == v) return true;
  return false;
}

// Verbs of belief, fear and wish: an act in their complement ("experts say China fears that
// Russia will attack", "analysts believe Iran wants to strike") is someone's opinion of what may
// happen, not an act reported as done or announced.
bool IsBeliefVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {"fear", "believe", "think", "suspect", "worry", "hope",
                                                "wish", "doubt", "speculate", "assume", "imagine", "reckon"};
  for (std::string_view v : kVerbs)
    if (lemma == v) return true;
  return false;
}

// An act of state: material and verbal conflict or cooperation beyond mere statements (roots 03-20).
bool ActOfState(std::string_view code) { return code.size() >= 2 && code.substr(0, 2) >= "03"; }

struct SentenceContext {
  const Document* doc;
  const Dictionary* dict;
  const Sentence* sentence;
  uint32_t index;
  const SentenceWords* words;
  std::vector<Mention>* mentions;
  std::vector<int> mention_at;  // token offset -> mention index, -1
  Clauses clauses;
  const std::vector<uint8_t>* removed = nullptr;  // token offset -> taken out before coding (TABARI)
  // Country adjectives that name no actor ("Chinese subsidies"): a target slot may take one.
  const std::vector<Mention>* modifiers = nullptr;

  uint32_t b() const { return sentence->token_begin; }
  uint32_t e() const { return sentence->token_end; }
  const Token& tok(uint32_t i) const { return doc->tokens[i]; }
  std::string_view text(uint32_t i) const { return doc->folded_view(doc->tokens[i].span); }
  int mention(uint32_t i) const { return mention_at[i - b()]; }
  bool gone(uint32_t i) const { return removed && !removed->empty() && (*removed)[i - b()]; }
};

bool Transparent(const Token& t) { return t.has(Token::kOpenQuote) || t.has(Token::kCloseQuote); }
bool Premodifier(const Token& t) {
  return t.tag == Tag::DT || t.tag == Tag::PDT || IsAdjective(t.tag) || t.tag == Tag::CD || t.tag == Tag::PRPS ||
         t.tag == Tag::VBG || Transparent(t) || t.tag == Tag::RB;
}

int ModifierStartingNear(const SentenceContext& c, uint32_t pos, uint32_t limit);

// Nouns of a relation with another party: "relations with", "talks with", "a deal with".
bool IsRelationNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "relations", "relationship", "ties", "talks", "negotiations", "dialogue", "cooperation", "agreement",
      "agreements", "deal", "deals", "accord", "pact", "treaty", "partnership", "alliance", "trade", "contacts",
      "meeting", "meetings", "summit", "dispute", "disputes", "conflict", "tensions", "war", "truce", "ceasefire",
      "coordination", "consultations", "contact", "contacts", "links", "engagement", "exchanges", "normalization",
      "normalisation", "rapprochement", "reconciliation", "peace", "standoff", "clashes", "fighting", "hostilities",
      "negotiation", "friendship", "rivalry", "feud", "row", "spat"};
  for (std::string_view n : kNouns)
    if (w == n) return true;
  return false;
}

// A mention that names a country as a place: "Sudan", "Nigeria's", "Kyiv" — not a person or a
// role.
bool IsCountryPlace(const Mention& m) {
  return m.agent.empty() && !m.person && !m.generic && !m.pronoun && m.compound < 0 && m.code.size() == 3 &&
         m.code == m.country;
}

// A role without a country of its own, singular, before a common noun: it modifies the noun
// ("militant hideouts in Afghanistan", "an army base in Somalia").
bool RoleModifyingANoun(const SentenceContext& c, const Mention& m, uint32_t limit) {
  const bool countryless = m.generic || std::any_of(m.rules.begin(), m.rules.end(), [](const Mention::Rule& r) {
                             return r.kind == Mention::Rule::kResolveGeneric;
                           });
  const uint32_t after = m.token_end;
  return countryless && !m.plural && after < limit && c.mention(after) < 0 &&
         (c.tok(after).tag == Tag::NN || c.tok(after).tag == Tag::NNS);
}

// Finds a mention starting at `pos` after at most 3 premodifiers ("the", "neighboring").
// The actor of the noun phrase starting at `pos`: after determiners and adjectives, the first
// mention inside the phrase — "the Prince of Dol Amroth" is Dol Amroth's. Returns -1 when the
// phrase names no actor.
int MentionStartingNear(const SentenceContext& c, uint32_t pos, uint32_t limit) {
  bool after_of = false;
  for (uint32_t k = pos, n = 0; k < limit && n <= 6; ++k, ++n) {
    const int m = c.mention(k);
    if (m >= 0) {
      const Mention& mm = (*c.mentions)[m];
      if (mm.token_begin != k) return -1;
      // A role without a country modifying a noun is no actor of its own: "militant hideouts
      // in Afghanistan", "an army base in Somalia".
      // ... unless its noun phrase names no other actor: "dispersed an opposition rally".
      if (RoleModifyingANoun(c, mm, limit)) {
        const int owner = MentionStartingNear(c, mm.token_end, limit);
        if (owner >= 0) return owner;
      }
      return m;
    }
    const Token& t = c.tok(k);
    if (Premodifier(t)) continue;
    // A noun modifying the next one: "earthquake survivors in Afghanistan".
    if ((t.tag == Tag::NN || t.tag == Tag::NNS) && k + 1 < limit && c.mention(k + 1) < 0 &&
        (c.tok(k + 1).tag == Tag::NN || c.tok(k + 1).tag == Tag::NNS))
      continue;
    // A participle before its noun: "a jailed Lithuanian journalist", "suspected hideouts".
    if (t.tag == Tag::VBN && k + 1 < limit && c.tok(k + 1).tag != Tag::IN && c.tok(k + 1).tag != Tag::TO) continue;
    // A place the dictionary does not know before a person with a role: "Istanbul mayor Ekrem
    // Imamoglu". (Not before a bare role, which would take its country from elsewhere: the
    // unknown name is more likely its owner.)
    if (IsProperNoun(t.tag) && k + 1 < limit && c.mention(k + 1) >= 0) {
      const Mention& next = (*c.mentions)[c.mention(k + 1)];
      if (next.token_begin == k + 1 && next.person && !next.agent.empty()) continue;
    }
    // A head noun that names no actor, then "of" and the actor it belongs to, or "by",
    // "between", "from" or "with" and the actors behind it ("optimism about relations with
    // France", "tariffs on goods from Brazil") ("hailed the decision by the United States", "welcomed
    // the agreement between Ethiopia and Somalia"), or "in" and the country where the thing is
    // ("struck targets in southern Lebanon", "a camp in Nigeria's Borno state").
    // A country adjective before the head names the thing's owner ("the Iranian consulate in
    // Damascus", "a Russian refinery with drones"): no actor behind it is the slot's.
    if (IsNoun(t.tag) && !after_of && k + 1 < limit && c.mention(k + 1) < 0 && ModifierStartingNear(c, pos, k + 1) < 0) {
      const std::string_view prep = c.text(k + 1);
      // ("with" only after a relation: "relations with X", not "the border with X", a shared
      // place, nor "a refinery with drones", an instrument.)
      if (prep == "of" || prep == "by" || prep == "between" || prep == "from" ||
          (prep == "with" && IsRelationNoun(c.text(k)))) {
        after_of = true;
        ++k;
        ++n;
        continue;
      }
      if (prep == "in") {
        const int place = MentionStartingNear(c, k + 2, std::min(limit, k + 6));
        if (place >= 0 && IsCountryPlace((*c.mentions)[place])) return place;
      }
    }
    return -1;
  }
  return -1;
}

// PatternMatch::target of a country adjective (modifier k): kModifierTarget - k.
constexpr int kModifierTarget = -10;

// A country adjective naming no actor at `pos`, after at most 3 premodifiers; -1 if none.
int ModifierStartingNear(const SentenceContext& c, uint32_t pos, uint32_t limit) {
  if (!c.modifiers || c.modifiers->empty()) return -1;
  for (uint32_t k = pos, n = 0; k < limit && n <= 3; ++k, ++n) {
    if (c.mention(k) >= 0) return -1;
    for (size_t i = 0; i < c.modifiers->size(); ++i)
      if ((*c.modifiers)[i].token_begin == k) return static_cast<int>(i);
    if (!Premodifier(c.tok(k))) return -1;
  }
  return -1;
}

// The token at `pos` is `word`, as written or as its lemma.
bool WordIs(const SentenceContext& c, uint32_t pos, uint32_t word) {
  return c.words->word[pos - c.b()] == word ||
         (!c.dict->pattern_words_as_written() && c.words->lemma[pos - c.b()] == word);
}

// A word of a phrase set: exact as WordIs, or a stem (spelled with a leading '\x01') that
// begins the token.
bool MemberIs(const SentenceContext& c, uint32_t pos, uint32_t word) {
  const std::string_view w = c.dict->vocabulary().word(word);
  if (!w.empty() && w[0] == '\x01') {
    const std::string_view t = c.text(pos);
    return t.size() >= w.size() - 1 && t.compare(0, w.size() - 1, w.substr(1)) == 0;
  }
  return WordIs(c, pos, word);
}

bool MemberIs(const SentenceContext& c, uint32_t pos, uint32_t word);

// Whether element `el` could match at `pos` (skipping quote marks as MatchAfter does): exact for
// words and sets, always true for slots and skips.
bool CanBegin(const SentenceContext& c, const PatternElement& el, uint32_t pos, uint32_t limit) {
  while (pos < limit && (c.tok(pos).has(Token::kOpenQuote) || c.tok(pos).has(Token::kCloseQuote))) ++pos;
  switch (el.kind) {
    case PatternElement::kWord:
      return pos < limit && WordIs(c, pos, el.word);
    case PatternElement::kWordSet:
      if (pos >= limit) return false;
      for (uint32_t w : c.dict->word_sets()[el.word])
        if (WordIs(c, pos, w)) return true;
      return false;
    case PatternElement::kPhraseSet:
      if (pos >= limit) return false;
      for (const std::vector<uint32_t>& phrase : c.dict->phrase_sets()[el.word])
        if (!phrase.empty() && MemberIs(c, pos, phrase[0])) return true;
      return false;
    default:
      return true;
  }
}

struct PatternMatch {
  int source = -1, target = -1;
  int compound = -1;  // a mention of the compound actor a "%" element matched
  uint32_t end = 0;
  uint32_t words = 0;  // tokens the pattern's words and phrases took after the verb
  // Elements at the pattern's end left unmatched: a compound subject's "with +" ("China and
  // Russia held joint exercises" for "[hold] * exercises with +"), the members toward each other.
  uint8_t drop_tail = 0;
  bool reciprocal = false;
};

// A compound actor: mentions joined by a conjunction ("Gondor and Osgiliath"), or one phrase
// coded with several codes ("the Shire" [FRO/BIL/SAM]).
bool IsCompoundActor(const SentenceContext& c, int mi) {
  if (mi < 0) return false;
  const Mention& m = (*c.mentions)[mi];
  return m.compound >= 0 || m.code.find('/') != std::string::npos;
}

// The token after the last member of the compound that mention `mi` belongs to.
uint32_t CompoundEnd(const SentenceContext& c, int mi) {
  const std::vector<Mention>& ms = *c.mentions;
  uint32_t end = ms[mi].token_end;
  if (ms[mi].compound >= 0)
    for (const Mention& m : ms)
      if (m.compound == ms[mi].compound) end = std::max(end, m.token_end);
  return end;
}

bool MatchAfter(const SentenceContext& c, const std::vector<PatternElement>& els, size_t ei, uint32_t pos,
                uint32_t limit, PatternMatch* m) {
  while (pos < limit && (Transparent(c.tok(pos)) || c.gone(pos))) ++pos;
  const size_t n_els = els.size() - m->drop_tail;
  if (ei == n_els) {
    m->end = pos;
    return true;
  }
  const PatternElement& el = els[ei];
  switch (el.kind) {
    case PatternElement::kWord:
      if (pos < limit && WordIs(c, pos, el.word) && MatchAfter(c, els, ei + 1, pos + 1, limit, m)) {
        ++m->words;
        return true;
      }
      return false;
    case PatternElement::kWordSet:
      if (pos < limit) {
        for (uint32_t w : c.dict->word_sets()[el.word])
          if (WordIs(c, pos, w)) {
            if (!MatchAfter(c, els, ei + 1, pos + 1, limit, m)) return false;
            ++m->words;
            return true;
          }
      }
      return false;
    case PatternElement::kPhraseSet:
      for (const std::vector<uint32_t>& phrase : c.dict->phrase_sets()[el.word]) {
        if (pos + phrase.size() > limit) continue;
        bool ok = true;
        for (size_t k = 0; k < phrase.size() && ok; ++k) ok = MemberIs(c, pos + static_cast<uint32_t>(k), phrase[k]);
        if (ok && MatchAfter(c, els, ei + 1, pos + static_cast<uint32_t>(phrase.size()), limit, m)) {
          m->words += static_cast<uint32_t>(phrase.size());
          return true;
        }
      }
      return false;
    case PatternElement::kSkip:
      if (el.word == kDeterminersOnly || el.word == kModifiersOnly) {
        for (uint32_t n = 0; n <= 3 && pos + n <= limit; ++n) {
          if (n > 0) {
            const Tag t = c.tok(pos + n - 1).tag;
            const bool determiner = t == Tag::DT || t == Tag::PDT || t == Tag::PRPS;
            if (!determiner && !(el.word == kModifiersOnly && IsAdjective(t))) break;
          }
          if (MatchAfter(c, els, ei + 1, pos + n, limit, m)) return true;
        }
        return false;
      }
      // A skip stays inside its clause; only the pattern's own words lead into the next one
      // ("noted that +").
      // Before a PETRARCH-2 phrase slot it stays in the clause of what came before it: "{THE
      // NEATEST PLACE}" is the verb's own phrase, not one of its complement.
      for (uint32_t n = 0; n <= 6 && pos + n <= limit; ++n) {
        if (n > 0 && c.clauses.clause[pos + n - 1 - c.b()] != c.clauses.clause[pos - c.b()]) break;
        // ... nor into a conditional or concessive clause ("threatened to attack Israel if its
        // strikes ... continued").
        if (n > 0 && OpensSubordinateClause(c.text(pos + n - 1))) break;
        if (n > 0 && el.word == kBeforeSlot && pos > c.b() &&
            c.clauses.clause[pos + n - 1 - c.b()] != c.clauses.clause[pos - 1 - c.b()])
          break;
        // Try only the positions where the next element can begin (a cheap test for words).
        if (ei + 1 < n_els && !CanBegin(c, els[ei + 1], pos + n, limit)) continue;
        if (MatchAfter(c, els, ei + 1, pos + n, limit, m)) return true;
      }
      return false;
    case PatternElement::kPhraseSkip: {
      // One phrase: a noun phrase ("the Gondor", "their Ent populations"), or a preposition
      // and its noun phrase ("with the parliament"), actors and all.
      uint32_t k = pos;
      const int clause = pos < limit ? c.clauses.clause[pos - c.b()] : -1;
      if (k < limit && (c.tok(k).tag == Tag::IN || c.tok(k).tag == Tag::TO) && !IsComplementizer(c.text(k))) ++k;
      const uint32_t np = k;
      while (k < limit && c.clauses.clause[k - c.b()] == clause) {
        const Token& t = c.tok(k);
        if (c.mention(k) < 0 && !IsNoun(t.tag) && !Premodifier(t) && t.tag != Tag::POS) break;
        if (t.tag == Tag::RB && c.mention(k) < 0) break;
        ++k;
      }
      if (k == np) return false;
      return MatchAfter(c, els, ei + 1, k, limit, m);
    }
    case PatternElement::kCompound:
      if (c.dict->tabari_conventions()) {
        // TABARI: the compound's members act toward each other ("HAS * WITH %").
        const int mi = MentionStartingNear(c, pos, limit);
        if (!IsCompoundActor(c, mi)) return false;
        const int saved = m->compound;
        m->compound = mi;
        if (MatchAfter(c, els, ei + 1, CompoundEnd(c, mi), limit, m)) return true;
        m->compound = saved;
        return false;
      }
      [[fallthrough]];
    case PatternElement::kSource:
    case PatternElement::kTarget: {
      const int mi = MentionStartingNear(c, pos, limit);
      if (mi < 0 && el.kind == PatternElement::kTarget) {
        // "opened an investigation into Chinese subsidies": the adjective's country.
        const int md = ModifierStartingNear(c, pos, limit);
        if (md < 0) return false;
        const int saved_t = m->target;
        m->target = kModifierTarget - md;
        if (MatchAfter(c, els, ei + 1, (*c.modifiers)[md].token_end, limit, m)) return true;
        m->target = saved_t;
        return false;
      }
      if (mi < 0) return false;
      if (el.kind == PatternElement::kCompound && (*c.mentions)[mi].compound < 0) return false;
      const int saved_s = m->source, saved_t = m->target;
      (el.kind == PatternElement::kSource ? m->source : m->target) = mi;
      // A compound runs to its last member.
      const uint32_t end = el.kind == PatternElement::kCompound ? CompoundEnd(c, mi) : (*c.mentions)[mi].token_end;
      if (MatchAfter(c, els, ei + 1, end, limit, m)) return true;
      m->source = saved_s;
      m->target = saved_t;
      return false;
    }
    case PatternElement::kSkipActor: {
      // The actor right here (after its determiners), passed over whole.
      const int mi = MentionStartingNear(c, pos, limit);
      if (mi < 0) return false;
      return MatchAfter(c, els, ei + 1, CompoundEnd(c, mi), limit, m);
    }
  }
  return false;
}

// Matches the pattern's words before the head verb at `pos`, nearest first; adverbs, modals and
// auxiliaries between them are passed over unless they are the word sought ("NOT *"). On success
// *start is the position just before the earliest word matched (pos - 1 when none).
bool MatchBefore(const SentenceContext& c, const std::vector<PatternElement>& els, uint32_t pos, uint32_t floor,
                 int64_t* start, PatternMatch* bound) {
  int64_t k = static_cast<int64_t>(pos) - 1;
  *start = k;
  bool first = true;
  bool gap = false;  // words may stand between this element and the one matched before it
  bool adjacent = false;  // the nearest word is joined to the verb: no auxiliary between
  for (const PatternElement& el : els) {
    if (el.kind == PatternElement::kSkip) {
      if (el.word == kAdjacent) adjacent = true;
      else gap = true;
      continue;
    }
    // A lone hyphen or a quote mark between the pattern's words is passed over ("ANTI- + *":
    // "anti- Gondor parade"), and so are words taken out before coding (TABARI's COMMA).
    while (k >= floor && (Transparent(c.tok(static_cast<uint32_t>(k))) || c.text(static_cast<uint32_t>(k)) == "-" ||
                          c.gone(static_cast<uint32_t>(k))))
      --k;
    if (el.kind == PatternElement::kSkipActor) {
      // TABARI's "^": the actor that ends here (or a few words on) is passed over whole.
      int64_t q = k;
      for (int n = 0; q >= floor && c.mention(static_cast<uint32_t>(q)) < 0 && n < 4 && c.text(static_cast<uint32_t>(q)) != ",";
           ++n)
        --q;
      if (q < floor || c.mention(static_cast<uint32_t>(q)) < 0) return false;
      k = static_cast<int64_t>((*c.mentions)[c.mention(static_cast<uint32_t>(q))].token_begin) - 1;
      first = false;
      gap = false;
      continue;
    }
    if (el.kind == PatternElement::kSource || el.kind == PatternElement::kTarget) {
      // A slot before the verb binds the actor that ends there ("NOTED + *": "noted that
      // Cirith Ungol regretted"); with none there it stays for the subject to fill.
      int64_t q = k;
      if (first)
        while (q >= floor && (IsAdverb(c.tok(static_cast<uint32_t>(q)).tag) || c.tok(static_cast<uint32_t>(q)).tag == Tag::MD ||
                              IsBe(c.text(static_cast<uint32_t>(q))) || IsHave(c.text(static_cast<uint32_t>(q))) ||
                              IsDo(c.text(static_cast<uint32_t>(q)))))
          --q;
      for (int n = 0; q >= floor && c.mention(static_cast<uint32_t>(q)) < 0 && gap && n < 4 &&
                      c.text(static_cast<uint32_t>(q)) != ",";
           ++n)
        --q;
      if (q >= floor && c.mention(static_cast<uint32_t>(q)) >= 0) {
        const int mi = c.mention(static_cast<uint32_t>(q));
        (el.kind == PatternElement::kSource ? bound->source : bound->target) = mi;
        k = static_cast<int64_t>((*c.mentions)[mi].token_begin) - 1;
        first = false;
        gap = false;
      }
      continue;
    }
    if (el.kind == PatternElement::kPhraseSet) {
      // Before the verb a phrase set matches by its phrases' last words, read backwards; it may
      // stand as far from what follows it as a single word may.
      auto match_at = [&](int64_t end) -> int64_t {  // length of the phrase ending at `end`, or 0
        for (const std::vector<uint32_t>& phrase : c.dict->phrase_sets()[el.word]) {
          const int64_t len = static_cast<int64_t>(phrase.size());
          if (end - len + 1 < floor) continue;
          bool all = true;
          for (int64_t q = 0; q < len && all; ++q)
            all = MemberIs(c, static_cast<uint32_t>(end - len + 1 + q), phrase[static_cast<size_t>(q)]);
          if (all) return len;
        }
        return 0;
      };
      int64_t q = k, len = 0;
      for (int n = 0; q >= floor; ++n, --q) {
        if ((len = match_at(q)) > 0) break;
        const uint32_t u = static_cast<uint32_t>(q);
        const bool auxiliary = IsAdverb(c.tok(u).tag) || c.tok(u).tag == Tag::MD || IsBe(c.text(u)) || IsHave(c.text(u)) ||
                               IsDo(c.text(u));
        const bool passable = first ? !adjacent && (auxiliary || (c.dict->loose_words_before_verb() && n < 4 && c.text(u) != ","))
                                    : gap && n < 4 && c.text(u) != ",";
        if (!passable) break;
      }
      if (len == 0) return false;
      k = q - len;
      *start = k;
      first = false;
      gap = false;
      continue;
    }
    if (el.kind != PatternElement::kWord && el.kind != PatternElement::kWordSet) continue;
    auto is_element = [&](uint32_t u) {
      if (el.kind == PatternElement::kWord) return WordIs(c, u, el.word);
      for (uint32_t w : c.dict->word_sets()[el.word])
        if (WordIs(c, u, w)) return true;
      return false;
    };
    if (first && !adjacent) {
      while (k >= floor && !is_element(static_cast<uint32_t>(k)) &&
             (IsAdverb(c.tok(static_cast<uint32_t>(k)).tag) || c.tok(static_cast<uint32_t>(k)).tag == Tag::MD ||
              IsBe(c.text(static_cast<uint32_t>(k))) || IsHave(c.text(static_cast<uint32_t>(k))) ||
              IsDo(c.text(static_cast<uint32_t>(k)))))
        --k;
      // A word not joined to the verb may stand a few words before it, as between any two
      // words of a pattern ("INDICATED *": "indicated it deplored"; "NEITHER *": "Neither
      // Galadriel nor Gollum boycotted").
      // (TABARI and PETRARCH-1; PETRARCH-2 reads the words before a verb as its own.)
      for (int n = 0; c.dict->loose_words_before_verb() && n < 4 && k >= floor && !is_element(static_cast<uint32_t>(k)) &&
                      c.text(static_cast<uint32_t>(k)) != ",";
           ++n)
        --k;
    } else if (gap) {
      // Between the pattern's words a few others may stand ("INDICATED ... WOULD *": "indicated
      // it would act"), as in TABARI's default skipping; never across a comma.
      for (int n = 0; n < 4 && k >= floor && !is_element(static_cast<uint32_t>(k)) && c.text(static_cast<uint32_t>(k)) != ",";
           ++n)
        --k;
    }
    if (k < floor || !is_element(static_cast<uint32_t>(k))) return false;
    --k;
    *start = k;
    first = false;
    gap = false;
  }
  return true;
}

bool HasBeforeWords(const VerbPattern& p) {
  for (const PatternElement& el : p.before)
    if (el.kind == PatternElement::kWord || el.kind == PatternElement::kWordSet || el.kind == PatternElement::kPhraseSet)
      return true;
  return false;
}

bool HasCompoundBefore(const VerbPattern& p) {
  for (const PatternElement& el : p.before)
    if (el.kind == PatternElement::kCompound) return true;
  return false;
}

// The subject of the verb whose auxiliary chain starts at `pos`: the noun phrase to its left in
// the same clause, skipping prepositional phrases and subordinate segments. Returns the
// mention index, or -1 when the subject is not an actor (or there is none).
// A preposition of place: its phrase says where, not toward whom ("disputes in the South China
// Sea").
bool LocativePreposition(std::string_view w) {
  return w == "in" || w == "at" || w == "near" || w == "across" || w == "inside" || w == "within" ||
         w == "throughout" || w == "around" || w == "along" || w == "off";
}

// The first member of the compound mention `mi` belongs to.
int FirstOfCompound(const SentenceContext& c, int mi) {
  for (size_t k = 0; k < c.mentions->size(); ++k)
    if ((*c.mentions)[k].compound == (*c.mentions)[mi].compound) return static_cast<int>(k);
  return mi;
}

int FindSubject(const SentenceContext& c, uint32_t verb, int64_t pos) {
  const int clause = c.clauses.clause[verb - c.b()];
  const int segment = c.clauses.segment[verb - c.b()];
  int64_t j = pos;
  int fallback = -1;  // the first actor of a prepositional modifier of the subject
  // An apposition between subject and verb: "Gondor, the old foe, criticized ..."; or a
  // parenthetical prepositional phrase, whatever it holds: "Arnor's foreign minister, in
  // remarks published on Monday, urged ...".
  if (j > c.b() && c.text(static_cast<uint32_t>(j)) == ",") {
    bool has_verb = false;
    for (int64_t k = j - 1; k >= c.b() && k >= j - 12; --k) {
      const uint32_t u = static_cast<uint32_t>(k);
      if (c.clauses.clause[u - c.b()] != clause) break;
      if (c.text(u) == ",") {
        const Token& first = c.tok(u + 1);
        const bool prepositional =
            u + 1 < j && (first.tag == Tag::IN || first.tag == Tag::TO) && !IsComplementizer(c.text(u + 1));
        if ((!has_verb || prepositional) && k > c.b() && c.mention(u - 1) >= 0) j = k - 1;
        break;
      }
      // An infinitive or a participle stays inside the apposition's noun phrase ("Modi, the
      // first Indian prime minister to visit Ukraine, arrived"); a finite verb makes a clause.
      const Tag vt = c.tok(u).tag;
      if (vt == Tag::VBD || vt == Tag::VBZ || vt == Tag::VBP || vt == Tag::MD ||
          (vt == Tag::VB && !(u > c.b() && c.tok(u - 1).tag == Tag::TO)))
        has_verb = true;
    }
  }
  while (j >= c.b()) {
    const uint32_t k = static_cast<uint32_t>(j);
    if (c.clauses.clause[k - c.b()] != clause) break;
    if (c.clauses.segment[k - c.b()] != segment) {
      if (segment >= 0) break;  // a verb inside a segment looks only inside it
      --j;
      continue;
    }
    // A parenthesis after the subject ("the European Union (EU) agree") is an aside.
    if (c.text(k) == ")") {
      int64_t open = j - 1;
      while (open >= c.b() && open >= j - 8 && c.text(static_cast<uint32_t>(open)) != "(") --open;
      if (open >= c.b() && open >= j - 8 && c.text(static_cast<uint32_t>(open)) == "(") {
        j = open - 1;
        continue;
      }
    }
    const Token& t = c.tok(k);
    const int mi = c.mention(k);
    if (mi >= 0 || IsNoun(t.tag) || t.tag == Tag::PRP || t.tag == Tag::CD) {
      // Walk to the start of this noun phrase.
      int64_t start = mi >= 0 ? (*c.mentions)[mi].token_begin : j;
      // A personal pronoun is a phrase of its own: in "said on Monday it had", "Monday" ends
      // the adverbial before it and "it" is the subject.
      const bool personal_pronoun = t.tag == Tag::PRP || (mi >= 0 && (*c.mentions)[mi].pronoun);
      while (!personal_pronoun && start - 1 >= c.b() && c.clauses.clause[start - 1 - c.b()] == clause) {
        const Token& p = c.tok(static_cast<uint32_t>(start - 1));
        const int pm = c.mention(static_cast<uint32_t>(start - 1));
        if (pm >= 0) {
          start = (*c.mentions)[pm].token_begin;
          continue;
        }
        if (IsNoun(p.tag) || p.tag == Tag::DT || p.tag == Tag::PDT || IsAdjective(p.tag) || p.tag == Tag::CD ||
            p.tag == Tag::PRPS || p.tag == Tag::POS || Transparent(p)) {
          --start;
          continue;
        }
        break;
      }
      // A compound is one phrase: "in Fornost and Gondor" is a prepositional phrase as a whole.
      if (mi >= 0 && (*c.mentions)[mi].compound >= 0)
        for (const Mention& other : *c.mentions)
          if (other.compound == (*c.mentions)[mi].compound && other.token_begin < start) start = other.token_begin;
      const int64_t before = start - 1;
      if (before >= c.b() && (c.tok(static_cast<uint32_t>(before)).tag == Tag::IN ||
                              c.tok(static_cast<uint32_t>(before)).tag == Tag::TO) &&
          !IsComplementizer(c.text(static_cast<uint32_t>(before)))) {
        // "The information ministry of Gondor said": a head noun that names no actor, then
        // "of" and the actor it belongs to.
        if (mi >= 0 && c.text(static_cast<uint32_t>(before)) == "of" && before - 1 >= c.b() &&
            IsNoun(c.tok(static_cast<uint32_t>(before - 1)).tag) && c.mention(static_cast<uint32_t>(before - 1)) < 0 &&
            c.clauses.clause[before - 1 - c.b()] == clause)
          return mi;
        // "A car bomb planted by X killed ...", "an attack carried out by X killed ...": a
        // head noun that names no actor, a participle and its agent just before the verb: the
        // agent is the subject.
        if (mi >= 0 && c.text(static_cast<uint32_t>(before)) == "by" && !c.dict->tabari_conventions()) {
          int64_t v = before - 1;
          if (v > c.b() && c.text(static_cast<uint32_t>(v)) == "out") --v;  // "carried out by"
          bool next_to_verb = true;
          for (uint32_t k2 = (*c.mentions)[mi].token_end; k2 < verb && next_to_verb; ++k2)
            next_to_verb = c.tok(k2).tag == Tag::MD || c.tok(k2).tag == Tag::RB || IsBe(c.text(k2)) || IsHave(c.text(k2));
          if (next_to_verb && v > c.b() && c.tok(static_cast<uint32_t>(v)).tag == Tag::VBN &&
              c.clauses.clause[v - 1 - c.b()] == clause && IsNoun(c.tok(static_cast<uint32_t>(v - 1)).tag) &&
              c.mention(static_cast<uint32_t>(v - 1)) < 0)
            return mi;
        }
        // A prepositional phrase: its noun is not the subject — though for PETRARCH the first
        // actor of the subject's modifiers stands for a head that names none ("Resumption of
        // ties between Arnor and Gondor may spur ...").
        if (mi >= 0 && !LocativePreposition(c.text(static_cast<uint32_t>(before))))
          fallback = (*c.mentions)[mi].compound >= 0 ? FirstOfCompound(c, mi) : mi;
        j = before - 1;
        continue;
      }
      // The head of the phrase is its last word: is it an actor? Else an actor that modifies
      // it ("Arnorian troops" when "troops" is no agent) names the subject, as TABARI codes it.
      if (mi >= 0) return mi;
      for (int64_t k = j - 1; k >= start; --k)
        if (c.mention(static_cast<uint32_t>(k)) >= 0) return c.mention(static_cast<uint32_t>(k));
      return c.dict->subject_from_modifiers() ? fallback : -1;
    }
    // A participle with its agent modifies the subject: "M23 rebels backed by Rwanda seized".
    if (t.tag == Tag::VBN && k + 1 < c.e() && c.text(k + 1) == "by" && k > c.b() && IsNoun(c.tok(k - 1).tag)) {
      --j;
      continue;
    }
    if (IsVerb(t.tag) && !IsBe(c.text(k)) && !IsHave(c.text(k)) && !IsDo(c.text(k))) return -1;
    --j;
  }
  if (segment >= 0 && c.clauses.segment_relative[segment]) {
    // "Wang Yi, who is ...": the relative pronoun's antecedent stands just before the segment.
    const uint32_t seg_start = c.clauses.segment_start[segment];
    for (int64_t k = static_cast<int64_t>(seg_start) - 1; k >= c.b() && k >= static_cast<int64_t>(seg_start) - 2; --k) {
      const int mi = c.mention(static_cast<uint32_t>(k));
      if (mi >= 0) return mi;
    }
  }
  return -1;
}

// The first actor after `pos` in the verb's clause (outside segments the verb is not in); when
// the verb is followed at once by a "that"-complement, the complement's subject ("allowed that
// Mordor ..." is an act toward Mordor).
// The actor of the subject of the complement that the "that" at `that` opens: the first actor
// before the complement's verb ("that an arms embargo against Mordor would not work").
int ComplementSubject(const SentenceContext& c, uint32_t that) {
  const int clause = that + 1 < c.e() ? c.clauses.clause[that + 1 - c.b()] : -1;
  bool locative = false;  // inside a prepositional phrase of place
  for (uint32_t k = that + 1, n = 0; k < c.e() && n < 12; ++k, ++n) {
    if (c.clauses.clause[k - c.b()] != clause) break;
    const Tag t = c.tok(k).tag;
    if (t == Tag::IN || t == Tag::TO) locative = LocativePreposition(c.text(k));
    const int mi = c.mention(k);
    if (mi >= 0 && !locative) return mi;
    if (mi >= 0) k = (*c.mentions)[mi].token_end - 1;
    if (t == Tag::VBD || t == Tag::VBZ || t == Tag::VBP || t == Tag::MD) break;
  }
  return -1;
}

int FindObject(const SentenceContext& c, uint32_t verb, uint32_t pos) {
  const int clause = c.clauses.clause[verb - c.b()];
  const int segment = c.clauses.segment[verb - c.b()];
  {
    uint32_t k = verb + 1;
    while (k < c.e() && IsAdverb(c.tok(k).tag)) ++k;
    if (k + 1 < c.e() && c.text(k) == "that") {
      const int m = ComplementSubject(c, k);
      if (m >= 0) return m;
    }
  }
  bool prepositional_or_adverbs = true;
  {
    uint32_t k = pos;
    while (k < c.e() && IsAdverb(c.tok(k).tag)) ++k;
    if (k < c.e() && c.text(k) != "that" && c.tok(k).tag != Tag::IN) prepositional_or_adverbs = false;
  }
  // ", including X": the object goes on in the segment the comma sets off ("froze all foreign
  // aid, including to Ukraine"; "sanctions on several countries, including Iran").
  int including_segment = -2;
  for (uint32_t k = pos, n = 0; k < c.e() && n < 12; ++k, ++n) {
    if (k + 1 < c.e() && c.text(k) == "," && c.text(k + 1) == "including" && !c.dict->tabari_conventions() &&
        c.clauses.clause[k + 1 - c.b()] == clause) {
      including_segment = c.clauses.segment[k + 1 - c.b()];
      ++k;
      ++n;
      continue;
    }
    if (c.clauses.clause[k - c.b()] != clause) {
      // The verb phrase ends in a "that"-complement ("expressed hopes on Thursday that
      // Osgiliath ..."): the act is toward the complement's subject.
      // Only across adverbs and prepositional phrases: "noted the report that ..." is a noun's.
      if (c.text(k) == "that" && segment < 0 && prepositional_or_adverbs) return ComplementSubject(c, k);
      break;
    }
    if (c.clauses.segment[k - c.b()] != segment && c.clauses.segment[k - c.b()] != including_segment) {
      if (segment >= 0) break;
      continue;
    }
    // A comma ends the verb phrase ("... burned down its embassy, a senior official said").
    if (c.text(k) == "," ) break;
    // Another finite verb has its own object; a participle modifies a noun ("the roads
    // leading into Mordor").
    const Tag kt = c.tok(k).tag;
    if ((kt == Tag::VBD || kt == Tag::VBZ || kt == Tag::VBP || kt == Tag::MD) && c.mention(k) < 0) break;
    const int mi = c.mention(k);
    if (mi >= 0) {
      // "by X" right after the verb is its agent, not its object; after a participle that
      // modifies the object ("welcomed memos sent by Bree") it names whose the object is.
      if (k > c.b() && c.text(k - 1) == "by" && !(k >= verb + 3 && c.tok(k - 2).tag == Tag::VBN)) continue;
      // "rejected demands for military bases": a role modifying a noun is no object.
      if (RoleModifyingANoun(c, (*c.mentions)[mi], c.e())) {
        k = (*c.mentions)[mi].token_end - 1;
        continue;
      }
      // "along with X", "together with X": a partner of the subject, not the object.
      if (k > c.b() + 1 && c.text(k - 1) == "with" && (c.text(k - 2) == "along" || c.text(k - 2) == "together") &&
          !c.dict->tabari_conventions()) {
        k = CompoundEnd(c, mi) - 1;
        continue;
      }
      return mi;
    }
  }
  return -1;
}

// Agent of a passive verb: the actor after "by".
int FindByAgent(const SentenceContext& c, uint32_t verb) {
  const int clause = c.clauses.clause[verb - c.b()];
  for (uint32_t k = verb + 1, n = 0; k + 1 < c.e() && n < 12; ++k, ++n) {
    if (c.clauses.clause[k - c.b()] != clause) break;
    if (c.text(k) == "by") {
      const int mi = MentionStartingNear(c, k + 1, c.e());
      return mi;
    }
  }
  return -1;
}

// A country adjective that names the agent of a passive verb where no actor does: "killed by
// Russian shelling", "wounded by Israeli fire". Index into the sentence's modifiers, or -1.
int FindByModifier(const SentenceContext& c, uint32_t verb) {
  const int clause = c.clauses.clause[verb - c.b()];
  for (uint32_t k = verb + 1, n = 0; k + 1 < c.e() && n < 12; ++k, ++n) {
    if (c.clauses.clause[k - c.b()] != clause) break;
    if (c.text(k) == "by") return ModifierStartingNear(c, k + 1, c.e());
  }
  return -1;
}

// "Russia remained open to talks but accused Kyiv": a verb joined to an earlier one by a
// conjunction shares that verb's subject.
int CoordinatedSubject(const SentenceContext& c, uint32_t verb, int64_t pos) {
  if (pos < c.b()) return -1;
  const std::string_view conj = c.text(static_cast<uint32_t>(pos));
  if (conj != "and" && conj != "but" && conj != "or" && conj != "yet") return -1;
  const int clause = c.clauses.clause[verb - c.b()];
  const int segment = c.clauses.segment[verb - c.b()];
  for (int64_t k = pos - 1; k >= c.b(); --k) {
    const uint32_t u = static_cast<uint32_t>(k);
    if (c.clauses.clause[u - c.b()] != clause) break;
    if (c.clauses.segment[u - c.b()] != segment) continue;
    const Tag t = c.tok(u).tag;
    if (!(t == Tag::VBD || t == Tag::VBZ || t == Tag::VBP || t == Tag::MD)) continue;
    if (c.mention(u) >= 0) continue;
    // The earlier verb's own auxiliary chain, then its subject.
    int64_t j = k - 1;
    while (j >= c.b() && (IsAdverb(c.tok(static_cast<uint32_t>(j)).tag) || c.tok(static_cast<uint32_t>(j)).tag == Tag::MD ||
                          IsBe(c.text(static_cast<uint32_t>(j))) || IsHave(c.text(static_cast<uint32_t>(j))) ||
                          IsDo(c.text(static_cast<uint32_t>(j))) || IsNegation(c.text(static_cast<uint32_t>(j)))))
      --j;
    return FindSubject(c, u, j);
  }
  return -1;
}

// A coded compound ("the Shire" [FRO/BIL/SAM]) stands for each of its codes in turn.
void ExpandCodedCompounds(const Dictionary& dict, std::vector<std::optional<Mention>>* side) {
  if (!dict.split_joint_codes()) return;
  for (size_t k = 0; k < side->size(); ++k) {
    if (!(*side)[k] || (*side)[k]->code.find('/') == std::string::npos) continue;
    const Mention whole = *(*side)[k];
    std::vector<std::optional<Mention>> parts;
    size_t begin = 0;
    while (begin <= whole.code.size()) {
      size_t slash = whole.code.find('/', begin);
      if (slash == std::string::npos) slash = whole.code.size();
      if (slash > begin) {
        Mention part = whole;
        part.code = whole.code.substr(begin, slash - begin);
        parts.push_back(std::move(part));
      }
      begin = slash + 1;
    }
    side->erase(side->begin() + static_cast<long>(k));
    side->insert(side->begin() + static_cast<long>(k), parts.begin(), parts.end());
    k += parts.size() - 1;
  }
}

std::vector<int> CompoundMembers(const std::vector<Mention>& ms, int mi) {
  std::vector<int> out;
  if (mi < 0) return out;
  if (ms[mi].compound < 0) return {mi};
  for (size_t k = 0; k < ms.size(); ++k)
    if (ms[k].compound == ms[mi].compound) out.push_back(static_cast<int>(k));
  return out;
}

// The mediator of an act: "Israel and Iran accepted a ceasefire brokered by the United States",
// "restored relations in a deal brokered by China", "a Qatar-mediated truce". The mediator
// mediates (045) toward each party of the sentence's events (doc.events from `begin`) whose
// verb comes before the mediated thing; they carry over their mode and date.
void AddMediatorEvents(Document& doc, const SentenceContext& c, size_t begin) {
  const std::vector<Mention>& mentions = *c.mentions;
  const size_t acts = doc.events.size();
  auto ends_with = [](std::string_view w, std::string_view suffix) {
    return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  for (uint32_t k = c.b(); k < c.e(); ++k) {
    const std::string_view w = c.text(k);
    std::vector<int> mediators;
    if (ends_with(w, "-brokered") || ends_with(w, "-mediated")) {
      if (c.mention(k) >= 0) mediators.push_back(c.mention(k));
    } else if (c.tok(k).tag == Tag::VBN && (w == "brokered" || w == "mediated") && k + 1 < c.e() &&
               c.text(k + 1) == "by") {
      mediators = CompoundMembers(mentions, FindByAgent(c, k));
    }
    for (int mi : mediators) {
      const Mention& m = mentions[mi];
      if (m.pronoun || m.generic || m.code.empty()) continue;
      for (size_t e = begin; e < acts; ++e) {
        // The mediated act is the one whose verb the mediated thing follows: "accepted a
        // ceasefire brokered by X", not "a deal brokered by X collapsed after Y attacked Z".
        if (!doc.events[e].verb_span || doc.events[e].verb_span->begin > c.tok(k).span.begin) continue;
        for (int side = 0; side < 2; ++side) {
          // A copy: the push_back below may move the event the party belongs to.
          const Event act = doc.events[e];
          const ActorRef& party = side == 0 ? act.source : act.target;
          if (party.code.empty() || party.code == m.code || (!m.country.empty() && party.country == m.country))
            continue;
          bool seen = false;  // one event per party
          for (size_t d = acts; d < doc.events.size() && !seen; ++d)
            seen = doc.events[d].target.code == party.code && doc.events[d].source.code == m.code;
          if (seen) continue;
          Event ev;
          ev.sentence = act.sentence;
          ev.code = "045";
          ev.mode = act.mode;
          ev.date = act.date;
          ev.date_precision = act.date_precision;
          ev.historical = act.historical;
          ev.verb_span = c.tok(k).span;
          ev.source.code = m.code;
          ev.source.name = m.name;
          ev.source.country = m.country;
          ev.source.span = ByteSpan{doc.tokens[m.token_begin].span.begin, doc.tokens[m.token_end - 1].span.end};
          for (const Mention::Rule& r : m.rules) ev.rules.push_back(RuleText(*c.dict, r));
          ev.target = party;
          doc.events.push_back(std::move(ev));
        }
      }
    }
  }
}

// Keeps, of the events of one sentence (doc.events from `begin`, made by the verbs in
// `verbs`), the first verb's events in each clause delimited by a conjunction (kClause) or in
// the sentence (kSentence). A verb inside a subordinate segment counts only when its clause has
// no event outside segments.
// The number of words of a sentence as TABARI counts them: a comma is a word, other
// punctuation and a possessive "'s" are not.
int TabariWordCount(const Document& doc, const Sentence& s) {
  int n = 0;
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    const Token& t = doc.tokens[k];
    if (t.tag == Tag::POS) continue;
    if (t.has(Token::kPunct) && doc.folded_view(t.span) != ",") continue;
    ++n;
  }
  return n;
}

// TABARI's COMMA rule: the sentence is cut at commas (not those of a list of actors), and a
// phrase between two commas, or between a comma and the end or the beginning of the
// sentence, whose length in words lies within the limits is taken out before coding
// (", a senior official said on Saturday."; "Gollum, centre of a row between ..., called on").
void RemoveCommaPhrases(const SentenceContext& c, const CoderOptions::CommaLimits& limits, std::vector<uint8_t>* out) {
  out->assign(c.e() - c.b(), 0);
  if (limits.off) return;
  std::vector<uint32_t> commas;
  for (uint32_t k = c.b(); k < c.e(); ++k) {
    if (c.text(k) != ",") continue;
    // A comma of a list of actors ("Arnor, Osgiliath and Gondor") or inside one.
    const int left = k > c.b() ? c.mention(k - 1) : -1;
    int right = -1;
    for (uint32_t r = k + 1; r < c.e() && r <= k + 3 && right < 0; ++r) {
      right = c.mention(r);
      if (right < 0 && !Premodifier(c.tok(r))) break;
    }
    if (left >= 0 && right >= 0 && (*c.mentions)[left].compound >= 0 &&
        (*c.mentions)[left].compound == (*c.mentions)[right].compound)
      continue;
    commas.push_back(k);
  }
  if (commas.empty()) return;
  uint32_t end = c.e();
  while (end > c.b() && c.tok(end - 1).has(Token::kPunct) && c.text(end - 1) != ",") --end;  // final stop
  auto words = [&](uint32_t from, uint32_t to) {
    int n = 0;
    for (uint32_t k = from; k < to; ++k)
      if (!c.tok(k).has(Token::kPunct) && c.tok(k).tag != Tag::POS) ++n;
    return n;
  };
  auto remove = [&](uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k) (*out)[k - c.b()] = 1;
  };
  const int first = words(c.b(), commas.front());
  if (first >= limits.bmin && first <= limits.bmax) remove(c.b(), commas.front() + 1);
  for (size_t i = 0; i + 1 < commas.size(); ++i) {
    const int n = words(commas[i] + 1, commas[i + 1]);
    if (n >= limits.min && n <= limits.max) remove(commas[i], commas[i + 1] + 1);
  }
  const int last = words(commas.back() + 1, end);
  if (commas.back() < end && last >= limits.emin && last <= limits.emax) remove(commas.back(), end);
}

// Conjunction-delimited clauses (TABARI's): a coordinator that does not join two actors of a
// compound or two adjectives starts a new clause. *conj gets the clause id of each token.
void ConjunctionClauses(const SentenceContext& c, std::vector<int>* conj) {
  conj->assign(c.e() - c.b(), 0);
  int id = 0;
  for (uint32_t k = c.b(); k < c.e(); ++k) {
    const std::string_view w = c.text(k);
    if ((w == "and" || w == "but" || w == "or" || w == "nor") && k > c.b() && k + 1 < c.e()) {
      const int left = c.mention(k - 1), right = c.mention(k + 1);
      const bool compound = left >= 0 && right >= 0 && (*c.mentions)[left].compound >= 0 &&
                            (*c.mentions)[left].compound == (*c.mentions)[right].compound;
      const bool adjectives = IsAdjective(c.tok(k - 1).tag) && IsAdjective(c.tok(k + 1).tag);
      if (!compound && !adjectives) ++id;
    }
    (*conj)[k - c.b()] = id;
  }
}

// TABARI's default actor search: the first actor in tokens [begin, end) of conjunction clause
// `clause` whose code is not `other` ("" accepts any). Pronouns count (they are resolved
// later); agents standing alone do not.
int TabariReferent(const std::vector<Mention>& ms, int mi);

// `other` is the actor on the other side (-1 if none): an actor with one of its codes (any
// member's, for a compound) does not count.
int FirstActor(const SentenceContext& c, const std::vector<int>& conj, int clause, uint32_t begin, uint32_t end,
               int other) {
  const std::vector<Mention>& ms = *c.mentions;
  auto referent = [&](int mi) { return ms[mi].pronoun ? TabariReferent(ms, mi) : mi; };
  auto excluded = [&](const std::string& code) {
    if (other < 0) return false;
    const int o = referent(other);
    if (o < 0) return false;
    if (ms[o].compound < 0) return ms[o].code == code;
    for (const Mention& m : ms)
      if (m.compound == ms[o].compound && m.code == code) return true;
    return false;
  };
  for (uint32_t k = begin; k < end && k < c.e(); ++k) {
    if (conj[k - c.b()] != clause) continue;
    const int mi = c.mention(k);
    if (mi < 0) continue;
    const Mention& m = ms[mi];
    if (m.generic) continue;
    // A pronoun counts as the actor it stands for (when that is known in the sentence).
    const int ref = referent(mi);
    if (ref < 0) return mi;
    if (ms[ref].code.empty() || excluded(ms[ref].code)) continue;
    return mi;
  }
  return -1;
}

// TABARI's pronoun rule: HE, SHE, IT, HIM stand for the first actor of the sentence; THEY and
// THEM for its first compound actor, else its first actor. Returns a mention index (for a
// compound, its first member), or -1 when no actor comes before the pronoun (it then refers to
// an earlier sentence).
int TabariReferent(const std::vector<Mention>& ms, int mi) {
  int first = -1, first_compound = -1;
  for (int k = 0; k < static_cast<int>(ms.size()); ++k) {
    const Mention& m = ms[k];
    if (m.token_begin >= ms[mi].token_begin) break;
    if (m.pronoun || m.generic || m.code.empty()) continue;
    if (first < 0) first = k;
    if (first_compound < 0 && m.compound >= 0) first_compound = k;
  }
  if (ms[mi].plural && first_compound >= 0) return first_compound;
  return first;
}

void KeepFirstEvents(Document& doc, const SentenceContext& c, CodeBy code_by, size_t begin,
                     const std::vector<uint32_t>& verbs) {
  std::vector<int> conj;
  if (code_by == CodeBy::kClause) ConjunctionClauses(c, &conj);
  else conj.assign(c.e() - c.b(), 0);
  const int id = conj.empty() ? 0 : conj.back();
  // For each clause: the first verb outside segments that made an event, else the first verb.
  std::vector<int64_t> chosen(static_cast<size_t>(id) + 1, -1), fallback(static_cast<size_t>(id) + 1, -1);
  for (uint32_t v : verbs) {
    const int cl = conj[v - c.b()];
    if (c.clauses.segment[v - c.b()] < 0) {
      if (chosen[cl] < 0) chosen[cl] = v;
    } else if (fallback[cl] < 0) {
      fallback[cl] = v;
    }
  }
  std::vector<Event> kept(doc.events.begin(), doc.events.begin() + static_cast<long>(begin));
  bool any = false;
  for (size_t i = 0; i < verbs.size(); ++i) {
    const uint32_t v = verbs[i];
    const int cl = conj[v - c.b()];
    const int64_t want = chosen[cl] >= 0 ? chosen[cl] : fallback[cl];
    if (want != v) continue;
    if (code_by == CodeBy::kSentence && any && (kept.empty() || kept.back().sentence != doc.events[begin + i].sentence ||
                                                 verbs[i] != verbs[i - 1]))
      continue;
    kept.push_back(std::move(doc.events[begin + i]));
    any = true;
  }
  doc.events = std::move(kept);
}

// A verbal act (CAMEO roots 01-05 and 09-13: statements, appeals, intents, consultations,
// disapproval, rejections, threats ...), as opposed to a material one.
bool VerbalAct(std::string_view code) {
  if (code.size() < 2) return false;
  const std::string_view root = code.substr(0, 2);
  return (root >= "01" && root <= "05") || (root >= "09" && root <= "13");
}

// PETRARCH-2's nested events: an act toward the subject of a complement clause ("noted that
// Cirith Ungol regretted ...") takes that clause's own verbal act as its content, and the inner
// act is not an event of its own; a material act ("claimed that ISIL had attacked Iraq") stays
// one. Drops, of the events of one sentence (from `begin`), the verbal ones made in a
// complement whose subject is the target of an event of an earlier clause.
void FoldComplementEvents(Document& doc, const SentenceContext& c, size_t begin, std::vector<uint32_t>* verbs,
                          std::vector<std::pair<uint32_t, uint32_t>>* sides) {
  const size_t n = verbs->size();
  std::vector<bool> drop(n, false);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t target = (*sides)[i].second;
    if (target == kNone || target >= c.e()) continue;
    const int outer = c.clauses.clause[(*verbs)[i] - c.b()], inner = c.clauses.clause[target - c.b()];
    if (inner <= outer) continue;
    for (size_t j = 0; j < n; ++j)
      if (j != i && (*sides)[j].first == target && c.clauses.clause[(*verbs)[j] - c.b()] == inner &&
          VerbalAct(doc.events[begin + j].code))
        drop[j] = any = true;
  }
  if (!any) return;
  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    if (out != i) {
      doc.events[begin + out] = std::move(doc.events[begin + i]);
      (*verbs)[out] = (*verbs)[i];
      (*sides)[out] = (*sides)[i];
    }
    ++out;
  }
  doc.events.resize(begin + out);
  verbs->resize(out);
  sides->resize(out);
}

// Words that open an adverbial clause ("... after crowds burned down its embassy").
bool OpensAdverbialClause(std::string_view w) {
  return w == "after" || w == "before" || w == "when" || w == "while" || w == "because" || w == "since" ||
         w == "although" || w == "though" || w == "until" || w == "unless" || w == "whereas" || w == "once";
}

// PETRARCH's convention: a verb of an adverbial clause ("after crowds burned down its
// embassy") gives an event only when the verb it depends on gives none. Drops, of the events
// of one sentence (from `begin`, made by `verbs`), those of such verbs.
void DropSubordinateEvents(Document& doc, const SentenceContext& c, size_t begin, const std::vector<uint32_t>& verbs) {
  auto subordinate_at = [&](uint32_t v) -> int64_t {  // the opening word of v's adverbial clause, or -1
    for (int64_t k = static_cast<int64_t>(v) - 1; k >= c.b(); --k) {
      const uint32_t u = static_cast<uint32_t>(k);
      if (c.clauses.clause[u - c.b()] != c.clauses.clause[v - c.b()] || c.text(u) == ",") return -1;
      if (OpensAdverbialClause(c.text(u)) && (c.tok(u).tag == Tag::IN || c.tok(u).tag == Tag::WRB)) return k;
      if (std::find(verbs.begin(), verbs.end(), u) != verbs.end()) return -1;
    }
    return -1;
  };
  std::vector<bool> drop(verbs.size(), false);
  bool any = false;
  for (size_t i = 0; i < verbs.size(); ++i) {
    const int64_t opener = subordinate_at(verbs[i]);
    if (opener < 0) continue;
    for (size_t j = 0; j < verbs.size(); ++j)
      if (verbs[j] < opener && c.clauses.clause[verbs[j] - c.b()] == c.clauses.clause[verbs[i] - c.b()] &&
          subordinate_at(verbs[j]) < 0) {
        drop[i] = any = true;
        break;
      }
  }
  if (!any) return;
  size_t out = begin;
  for (size_t i = 0; i < verbs.size(); ++i) {
    if (drop[i]) continue;
    if (out != begin + i) doc.events[out] = std::move(doc.events[begin + i]);
    ++out;
  }
  doc.events.resize(out);
}

}  // namespace

// Adds to *issues the codes of the issue phrases in a sentence (longest match at each word; a
// null entry takes its words without a code).
void FindIssues(const Dictionary& dict, const SentenceWords& words, std::vector<std::string>* issues) {
  const size_t n = words.word.size();
  for (size_t i = 0; i < n;) {
    const IssuePhrase* best = nullptr;
    for (const uint32_t first : {words.word[i], words.lemma[i]}) {
      if (first == 0) continue;
      for (uint32_t pi : dict.IssuesStartingWith(first)) {  // longest first
        const IssuePhrase& p = dict.issue_phrases()[pi];
        if (i + p.words.size() > n || (best && best->words.size() >= p.words.size())) continue;
        bool ok = true;
        for (size_t k = 0; k < p.words.size() && ok; ++k)
          ok = words.word[i + k] == p.words[k] || words.lemma[i + k] == p.words[k];
        if (ok) {
          best = &p;
          break;
        }
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    if (!best->code.empty() && std::find(issues->begin(), issues->end(), best->code) == issues->end())
      issues->push_back(best->code);
    i += best->words.size();
  }
}

bool ApplyCoderOption(std::string_view option, CoderOptions* options) {
  std::string o;
  for (char ch : option) o += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto has = [&](std::string_view w) { return o.find(w) != std::string::npos; };
  auto bracketed = [&](size_t from) -> std::string {
    const size_t open = o.find('[', from), close = o.find(']', from);
    if (open == std::string::npos || close == std::string::npos || close < open) return {};
    return std::string(option.substr(open + 1, close - open - 1));
  };
  if (has("CONVERT AGENT")) {
    options->convert_agents = has("TRUE");
    return true;
  }
  if (has("CODE BY SENTENCE")) return options->code_by = CodeBy::kSentence, true;
  if (has("CODE BY CLAUSE")) return options->code_by = CodeBy::kClause, true;
  if (has("CODE ALL")) return options->code_by = CodeBy::kAll, true;
  if (o.rfind("DEFAULT:", 0) == 0) {
    if (has("OFF")) {
      options->default_source.clear();
      options->default_target.clear();
    }
    const size_t source_at = o.find("SOURCE"), target_at = o.find("TARGET");
    if (source_at != std::string::npos) {
      options->default_source = bracketed(source_at);
      const size_t prior = o.find("PRIOR", source_at);
      options->default_source_prior = prior != std::string::npos && (target_at == std::string::npos || prior < target_at);
    }
    if (target_at != std::string::npos) {
      options->default_target = bracketed(target_at);
      options->default_target_after = o.find("AFTER", target_at) != std::string::npos;
    }
    return true;
  }
  if (has("MINIMUM WORDS")) {
    const size_t eq = o.find('=');
    if (eq == std::string::npos) return false;
    options->minimum_words = std::atoi(o.c_str() + eq + 1);
    return true;
  }
  if (o.rfind("COMMA:", 0) == 0) {
    CoderOptions::CommaLimits& l = options->comma;
    l.off = has("OFF");
    // "MIN = 4 MAX = 6 EMIN = 3 ...": each name is followed by '=' and a number.
    auto value = [&](std::string_view name, int* out) {
      for (size_t at = o.find(name); at != std::string::npos; at = o.find(name, at + 1)) {
        const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(o[at - 1]));
        size_t k = at + name.size();
        while (k < o.size() && o[k] == ' ') ++k;
        if (!starts || k >= o.size() || o[k] != '=') continue;
        *out = std::atoi(o.c_str() + k + 1);
        return;
      }
    };
    value("MIN", &l.min);
    value("MAX", &l.max);
    value("EMIN", &l.emin);
    value("EMAX", &l.emax);
    value("BMIN", &l.bmin);
    value("BMAX", &l.bmax);
    return true;
  }
  if (has("REQUIRE_DYAD")) {
    options->one_sided = has("FALSE");
    return true;
  }
  return false;
}

Status EventCoder::Run(Document& doc) const { return Code(doc, nullptr); }

Status EventCoder::Explain(Document& doc, CoderTrace* trace) const { return Code(doc, trace); }

Status EventCoder::Code(Document& doc, CoderTrace* trace) const {
  doc.events.clear();
  FindQuotes(doc, &doc.quotes);
  std::vector<Mention> speakers;  // quote speakers of the sentence, remembered as its subjects
  const uint32_t with_id = dict_.vocabulary().Find("with");
  Date anchor;
  if (doc.publication_date) anchor = *doc.publication_date;
  else if (doc.dateline.date) anchor = *doc.dateline.date;

  const CodeBy code_by = options_.code_by ? *options_.code_by : static_cast<CodeBy>(dict_.default_code_by());
  std::vector<std::string> issues;  // the story's issue codes, in order of first appearance
  ArticleMemory memory;
  SentenceWords words;
  std::vector<Mention> mentions;
  std::vector<Mention> modifiers;  // country adjectives naming no actor ("Chinese subsidies")
  std::vector<uint32_t> candidates;
  candidates.reserve(64);
  std::vector<std::string_view> bases;
  std::vector<int> conj;  // TABARI conventions: conjunction clause of each token
  std::vector<uint8_t> removed;  // TABARI conventions: tokens of comma phrases taken out
  std::string scratch;

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.token_end <= s.token_begin) continue;
    LookUpWords(doc, s, dict_, &words);
    FindMentions(doc, s, dict_, words, anchor, &mentions, dict_.tabari_conventions() ? nullptr : &modifiers);
    // "Congo" after "the Democratic Republic of Congo" (code/coref.h).
    if (!dict_.tabari_conventions()) AdoptLongerCountryNames(doc, memory, &mentions);

    // Issues: the story's themes, from the issue phrases its sentences contain.
    if (!dict_.issue_phrases().empty()) FindIssues(dict_, words, &issues);

    // Discards: a phrase coded "###" (TABARI) or listed as a discard (PETRARCH) takes the
    // sentence out — or the whole story, for a story discard.
    {
      bool discard_sentence = false, discard_story = false;
      for (const Mention& m : mentions) {
        if (m.code == kStoryDiscardCode) discard_story = true;
        else if (m.code.rfind("###", 0) == 0) discard_sentence = true;
      }
      if (discard_story) {
        doc.discarded = true;
        doc.events.clear();
        doc.quotes.clear();
        for (Sentence& d : doc.sentences) d.discarded = true;
        return Status::Ok();
      }
      if (discard_sentence) {
        doc.sentences[si].discarded = true;
        continue;
      }
    }

    SentenceContext c{&doc, &dict_, &s, si, &words, &mentions, {}, {}};
    c.modifiers = &modifiers;
    c.mention_at.assign(s.token_end - s.token_begin, -1);
    for (size_t mi = 0; mi < mentions.size(); ++mi)
      for (uint32_t k = mentions[mi].token_begin; k < mentions[mi].token_end; ++k) c.mention_at[k - s.token_begin] = static_cast<int>(mi);
    // TABARI conventions: short sentences are not coded, and comma-delimited phrases of the
    // configured lengths are taken out (their actors and verbs with them).
    removed.clear();
    if (dict_.tabari_conventions()) {
      if (TabariWordCount(doc, s) < options_.minimum_words.value_or(8)) continue;
      RemoveCommaPhrases(c, options_.comma, &removed);
      if (std::find(removed.begin(), removed.end(), 1) != removed.end()) {
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                      [&](const Mention& m) { return removed[m.token_begin - s.token_begin] != 0; }),
                       mentions.end());
        std::fill(c.mention_at.begin(), c.mention_at.end(), -1);
        for (size_t mi = 0; mi < mentions.size(); ++mi)
          for (uint32_t k = mentions[mi].token_begin; k < mentions[mi].token_end; ++k)
            c.mention_at[k - s.token_begin] = static_cast<int>(mi);
        c.removed = &removed;
      }
    } else if (options_.minimum_words && TabariWordCount(doc, s) < *options_.minimum_words) {
      continue;
    }

    // Bare surnames of people named earlier in the article ("Wang told Tileuberdi").
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      if (c.mention(k) >= 0 || !doc.tokens[k].has(Token::kCapitalized)) continue;
      const Mention* p = memory.BySurname(words.word[k - s.token_begin]);
      if (!p) continue;
      Mention m = *p;
      m.token_begin = k;
      m.token_end = k + 1;
      m.surname = true;
      m.compound = -1;
      auto it = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& x) { return x.token_begin > k; });
      mentions.insert(it, std::move(m));
    }
    // "The country will send ...": the country the article speaks of (code/coref.h).
    if (!dict_.tabari_conventions() && !dict_.agents_compose_locally())
      AddCountryReferences(doc, dict_, memory, s, si, &mentions);
    std::fill(c.mention_at.begin(), c.mention_at.end(), -1);
    for (size_t mi = 0; mi < mentions.size(); ++mi)
      for (uint32_t k = mentions[mi].token_begin; k < mentions[mi].token_end; ++k) c.mention_at[k - s.token_begin] = static_cast<int>(mi);

    // Generic agents take the country attached to them ("Lawmakers in Fornost and Gondor":
    // one agent per country of the compound), else the country the sentence or the article
    // last named.
    {
      int next_compound = 0;
      for (const Mention& m : mentions) next_compound = std::max(next_compound, m.compound + 1);
      const size_t original = mentions.size();
      for (size_t mi = 0; mi < original; ++mi) {
        if (!mentions[mi].generic) continue;
        // The attachment follows the last member of the agent's own compound.
        size_t last = mi;
        if (mentions[mi].compound >= 0)
          for (size_t k = mi + 1; k < original; ++k)
            if (mentions[k].compound == mentions[mi].compound) last = k;
        std::vector<std::string> countries, bases;  // bases: the code each agent composes with
        // ... after the preposition and any determiners ("a delegation from the United States").
        bool attached_next = last + 1 < original && mentions[last + 1].token_begin >= mentions[last].token_end + 1;
        for (uint32_t k = attached_next ? mentions[last].token_end + 1 : 0; attached_next && k < mentions[last + 1].token_begin; ++k)
          attached_next = doc.tokens[k].tag == Tag::DT || doc.tokens[k].tag == Tag::PDT;
        // ... and, after a determiner, heads its noun phrase: not "a priest of the Moscow-backed
        // church".
        if (attached_next && mentions[last + 1].token_begin > mentions[last].token_end + 1 &&
            mentions[last + 1].token_end < s.token_end &&
            IsNoun(doc.tokens[mentions[last + 1].token_end].tag) && c.mention(mentions[last + 1].token_end) < 0)
          attached_next = false;
        // An organisation without a country ("a delegation from the Economic Community of West
        // African States", "the foreign ministers of the Group of 20"): the agent is its people,
        // coded as the organisation.
        if (attached_next && mentions[last + 1].country.empty() && !mentions[last + 1].code.empty() &&
            !mentions[last + 1].person && !mentions[last + 1].generic && !mentions[last + 1].pronoun &&
            mentions[last + 1].compound < 0 && mi == last && !dict_.tabari_conventions() &&
            !dict_.agents_compose_locally()) {
          const std::string_view prep = doc.folded_view(doc.tokens[mentions[last].token_end].span);
          if (prep == "of" || prep == "from") {
            Mention& m = mentions[mi];
            m.code = mentions[last + 1].code;
            m.name = mentions[last + 1].name;
            m.generic = false;
            m.rules.push_back({Mention::Rule::kResolveGeneric, {}});
            continue;
          }
        }
        if (attached_next && !mentions[last + 1].country.empty() && !mentions[last + 1].person && !mentions[last + 1].generic) {
          const std::string_view prep = doc.folded_view(doc.tokens[mentions[last].token_end].span);
          if (prep == "in" || prep == "of" || prep == "from") {
            const Mention& attached = mentions[last + 1];
            // TABARI composes the agent with the actor's whole code ("officials in the White
            // House": USAGOV + ELI); otherwise the country's.
            const bool whole = dict_.tabari_conventions();
            if (attached.compound < 0) {
              countries.push_back(attached.country);
              bases.push_back(whole ? attached.code : attached.country);
            } else {
              for (size_t k = last + 1; k < original; ++k)
                if (mentions[k].compound == attached.compound && !mentions[k].country.empty()) {
                  countries.push_back(mentions[k].country);
                  bases.push_back(whole ? mentions[k].code : mentions[k].country);
                }
            }
          }
        }
        // "Danish media and government": the modifier of the compound's first member is shared.
        if (countries.empty() && mentions[mi].compound >= 0) {
          const Mention* lead = nullptr;
          for (size_t k = 0; k < mi && !lead; ++k)
            if (mentions[k].compound == mentions[mi].compound && !mentions[k].generic && !mentions[k].agent.empty() &&
                !mentions[k].country.empty() && !mentions[k].person)
              lead = &mentions[k];
          if (lead) {
            // The lead's code less its head noun's agent: "Danish Islamist media and
            // government" shares DNKMUS.
            std::string base = lead->code;
            const std::string& head = lead->head_agent.empty() ? lead->agent : lead->head_agent;
            if (base.size() > head.size() && base.compare(base.size() - head.size(), head.size(), head) == 0)
              base.resize(base.size() - head.size());
            Mention& m = mentions[mi];
            m.code = base + m.agent;
            m.country = lead->country;
            m.name = lead->name;
            m.generic = false;
            m.rules.push_back({Mention::Rule::kResolveGeneric, {}});
            continue;
          }
        }
        if (countries.empty() && dict_.agents_compose_locally()) {
          // TABARI composes an agent only with an actor next to it; alone it is an actor of its
          // own under CONVERT AGENT, else nothing.
          if (options_.convert_agents) {
            mentions[mi].code = "~" + mentions[mi].code;
            mentions[mi].generic = false;
          } else if (!dict_.lone_agent_prefix().empty()) {
            mentions[mi].code = dict_.lone_agent_prefix() + mentions[mi].code;
            mentions[mi].generic = false;
          }
          continue;
        }
        // "foreign troops", "foreign fighters": not the country the story speaks of; nor are
        // "European governments" or "Western officials": a capitalised word before a state
        // agent that names no actor the dictionaries know names some other group of states.
        if (countries.empty() && !dict_.tabari_conventions() && mentions[mi].token_begin > s.token_begin) {
          const uint32_t before = mentions[mi].token_begin - 1;
          const std::string_view w = doc.view(doc.tokens[before].span);
          // (Only for state agents: "Masalit civilians" are still the story's country's.)
          const bool proper_modifier = mentions[mi].government() && before > s.token_begin && !w.empty() &&
                                       w[0] >= 'A' && w[0] <= 'Z' && c.mention(before) < 0 &&
                                       doc.tokens[before].tag != Tag::DT;
          if (c.text(before) == "foreign" || proper_modifier) continue;
        }
        // "The three leaders", "both governments": the members of the compound named as a
        // subject just before (code/coref.h).
        if (countries.empty() && !dict_.tabari_conventions() &&
            ResolvePluralGeneric(doc, memory, s, si, &mentions, mi, &next_compound))
          continue;
        // "The president", "the foreign minister": the person the title fits, else the
        // government of the country the article is about (code/coref.h).
        if (countries.empty() && !dict_.tabari_conventions() && ResolveTitle(doc, dict_, memory, si, &mentions, mi))
          continue;
        if (countries.empty()) {
          std::string country;
          for (size_t k = mi; country.empty() && k-- > 0;)
            if (!mentions[k].country.empty() && !mentions[k].person && !mentions[k].pronoun && !mentions[k].generic)
              country = mentions[k].country;
          if (country.empty() && !dict_.tabari_conventions()) country = PossessorCountry(doc, memory, si, mentions[mi]);
          if (country.empty()) country = memory.RecentCountry(si);
          // Else, for a crowd of people of no state ("protesters", "rebels"), where the
          // sentence says it happened: "Demonstrators protested outside the embassy in London",
          // "Protesters clashed with police in Nairobi". (Not a lone "gunman in Washington":
          // who he is, the place does not say.)
          const bool crowd = mentions[mi].plural && !mentions[mi].government();
          for (size_t k = mi + 1; country.empty() && crowd && k < original && !dict_.tabari_conventions(); ++k) {
            const Mention& place = mentions[k];
            if (place.country.empty() || place.person || place.pronoun || place.generic || !place.agent.empty() ||
                place.token_begin == s.token_begin)
              continue;
            uint32_t before = place.token_begin - 1;
            // "in the north of", "in northeastern Nigeria": determiners and adjectives.
            while (before > s.token_begin && (doc.tokens[before].tag == Tag::DT || doc.tokens[before].tag == Tag::JJ))
              --before;
            if (LocativePreposition(doc.folded_view(doc.tokens[before].span))) country = place.country;
          }
          if (country.empty()) continue;
          countries.push_back(country);
        }
        if (countries.size() > 1 && mentions[mi].compound < 0) mentions[mi].compound = next_compound++;
        const Mention generic = mentions[mi];
        for (size_t k = 0; k < countries.size(); ++k) {
          Mention resolved = generic;
          resolved.country = countries[k];
          const std::string& base = k < bases.size() ? bases[k] : countries[k];
          resolved.code = generic.agent_prefix ? generic.agent + base : base + generic.agent;
          const std::string_view cname = dict_.CountryName(countries[k]);
          resolved.name = cname.empty() ? countries[k] : std::string(cname);
          resolved.generic = false;
          resolved.rules.push_back({Mention::Rule::kResolveGeneric, {}});
          if (k == 0) mentions[mi] = std::move(resolved);
          else mentions.push_back(std::move(resolved));  // same words, same compound: one event each
        }
      }
    }

    c.clauses = FindClauses(doc, s);
    if (trace) {
      trace->actors.resize(si + 1);
      for (const Mention& m : mentions) {
        CoderTrace::Actor a{m.token_begin, m.token_end, m.code, m.name, m.pronoun, m.generic, m.compound, {}};
        for (const Mention::Rule& r : m.rules) a.rules.push_back(RuleText(dict_, r));
        trace->actors[si].push_back(std::move(a));
      }
    }
    if (dict_.tabari_conventions()) ConjunctionClauses(c, &conj);
    std::vector<bool> was_subject(mentions.size(), false);
    const size_t own_mentions = mentions.size();  // after them: modifiers taken as targets
    uint32_t covered_until = 0;  // a matched pattern's words are not coded again as verbs of their own
    const size_t sentence_events_begin = doc.events.size();
    std::vector<uint32_t> event_verbs;  // the verb token of each event of this sentence
    std::vector<uint8_t> event_rank;  // ... and its code's rank: 0 subordinate, 1 regular, 2 dominant
    // ... and the first tokens of its source and target (kNone when missing)
    std::vector<std::pair<uint32_t, uint32_t>> event_sides;
    // Takes back this sentence's events whose index `pred` picks (with what is kept of each).
    auto drop_events_at = [&](auto&& pred) {
      size_t out = 0;
      for (size_t e = 0; e < event_verbs.size(); ++e) {
        if (pred(e)) continue;
        if (out != e) {
          doc.events[sentence_events_begin + out] = std::move(doc.events[sentence_events_begin + e]);
          event_verbs[out] = event_verbs[e];
          event_sides[out] = event_sides[e];
          event_rank[out] = event_rank[e];
        }
        ++out;
      }
      doc.events.resize(sentence_events_begin + out);
      event_verbs.resize(out);
      event_sides.resize(out);
      event_rank.resize(out);
    };
    // ... those made by the verbs `pred` picks.
    auto drop_events_of = [&](auto&& pred) { drop_events_at([&](size_t e) { return pred(event_verbs[e]); }); };
    std::vector<TimeExpression> times;  // found once per sentence, when an event needs a date
    bool times_ready = false, times_future = false;
    // A compound actor may be the subject of a pattern ending "with +" used without its "with"
    // phrase ("China and Russia held joint exercises"): such patterns stay candidates.
    if (with_id != 0 && !dict_.tabari_conventions() &&
        std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) { return m.compound >= 0; })) {
      std::vector<uint32_t>& atoms = words.atoms.atoms;
      const auto at = std::lower_bound(atoms.begin(), atoms.end(), with_id);
      if (at == atoms.end() || *at != with_id) {
        atoms.insert(at, with_id);
        dict_.PrepareAtoms(&words.atoms);
      }
    }

    for (uint32_t v = s.token_begin; v < s.token_end; ++v) {
      const Token& vt = doc.tokens[v];
      if (c.mention(v) >= 0 || vt.has(Token::kPunct) || c.gone(v)) continue;
      // TABARI finds verbs by its dictionary, not by a tagger: a word that begins with a
      // verb's stem is that verb unless capitalized inside the sentence ("To Restore") or
      // after a determiner ("the restore"). Other dictionaries need a word tagged as a verb.
      const bool tagged_verb = IsVerb(vt.tag);
      const bool dictionary_verb =
          !tagged_verb && dict_.has_stems() && !(vt.has(Token::kCapitalized) && !vt.has(Token::kSentenceStart));
      if (!tagged_verb && !dictionary_verb) continue;
      // After a determiner ("its voice") the word is a noun unless a pattern names the words
      // before it ("RECENTLY RAISED ITS *").
      const bool needs_before_words =
          dictionary_verb && v > s.token_begin &&
          (doc.tokens[v - 1].tag == Tag::DT ||
           (!dict_.tabari_conventions() && (doc.tokens[v - 1].tag == Tag::PRPS || doc.tokens[v - 1].tag == Tag::POS)));
      // Patterns headed by the verb's lemma, and by stems its written form begins with, that
      // the sentence has the words for.
      candidates.clear();
      const uint32_t lemma = words.lemma[v - s.token_begin];
      auto add_candidates = [&](uint32_t head, bool stem_head, auto&& unwanted) {
        const size_t before = candidates.size();
        dict_.CandidatePatterns(head, stem_head, words.atoms, &candidates);
        candidates.erase(std::remove_if(candidates.begin() + static_cast<long>(before), candidates.end(),
                                        [&](uint32_t pi) { return unwanted(dict_.patterns()[pi]); }),
                         candidates.end());
      };
      if (tagged_verb) {
        // Entries written as this very form ("LEFT") first; else those of the lemma ("LEAVE").
        const uint32_t form = words.word[v - s.token_begin];
        if (form != 0 && form != lemma) add_candidates(form, false, [](const VerbPattern& p) { return !p.head_form; });
        if (candidates.empty()) add_candidates(lemma, false, [](const VerbPattern& p) { return p.head_form; });
      }
      for (uint32_t k = words.stems_begin[v - s.token_begin]; k < words.stems_begin[v - s.token_begin + 1]; ++k)
        dict_.CandidatePatterns(words.stems[k], /*stem_head=*/true, words.atoms, &candidates);
      if (dict_.verbs_take_endings()) {
        // TABARI words with regular endings ("DEPART_": "departing", "departen"), whatever the
        // tagger made of the word.
        const std::string_view form = LookupForm(doc.folded_view(vt.span), &scratch);
        StripRegularEndings(form, &bases);
        bases.push_back(form);
        for (std::string_view base : bases) {
          const uint32_t id = dict_.vocabulary().Find(base);
          if (id == 0) continue;
          add_candidates(id, false, [&](const VerbPattern& p) {
            return p.head_mode != WordMode::kEndings ||
                   !WordMatches(form, dict_.vocabulary().word(p.head), WordMode::kEndings);
          });
        }
      }
      if (candidates.empty()) {
        if (trace && tagged_verb) trace->verbs.push_back(CoderTrace::Verb{si, v, {}, "no pattern headed by this word", -1, -1});
        continue;
      }
      // Most specific first; among equals, patterns before a verb's own code, then in
      // dictionary order (the order of patterns()).
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

      // Auxiliary chain to the left: negation, modality, passive.
      bool negated = false, future = false, hypothetical = false, be = false, have = false, modal = false;
      // "be" is the auxiliary next to the verb: "had been attacked" is a passive, "has attacked" not.
      bool be_next = false;
      int64_t j = static_cast<int64_t>(v) - 1;
      while (j >= s.token_begin) {
        const std::string_view w = c.text(static_cast<uint32_t>(j));
        const Token& t = doc.tokens[j];
        if (t.tag == Tag::MD) modal = true;
        if (IsNegation(w)) negated = true;
        else if (IsFutureModal(w)) future = true;
        else if (IsHypotheticalModal(w)) hypothetical = true;
        else if (IsBe(w) && t.tag != Tag::POS) be_next = be_next || (!be && !have && !modal), be = true;
        else if (IsHave(w)) have = true;
        else if (IsDo(w)) {}
        else if (IsAdverb(t.tag) && c.mention(static_cast<uint32_t>(j)) < 0) {}
        // Coordinated adverbs: "was heavily and unjustly criticized".
        else if ((w == "and" || w == "or") && j + 1 < v && IsAdverb(doc.tokens[j + 1].tag) && j - 1 >= s.token_begin &&
                 IsAdverb(doc.tokens[j - 1].tag)) {}
        else break;
        --j;
      }
      bool infinitive_needs_pattern = false;
      uint32_t raising_verb = kNone;  // "was seen to break": "seen" is no act of its own
      // "to VERB": coded only after a verb of intention ("plans to visit") or a "be ... to" of
      // readiness ("is about to restore", "is ready to help"), as a future act of the subject.
      // A passive verb of perception or report before "to" ("was seen to break", "is said to
      // be about to restore") makes the infinitive the subject's own act, as stated.
      for (int hop = 0; hop < 3 && j >= s.token_begin && c.text(static_cast<uint32_t>(j)) == "to"; ++hop) {
        int64_t m = j - 1;
        bool intention = m >= s.token_begin && IsVerb(doc.tokens[m].tag) && IsIntentionVerb(doc.tokens[m].lemma);
        // ... but not an intention someone else ascribes to the subject: "accused France of
        // preparing to send troops", "suspected of planning to attack" (the accusation is the act).
        if (intention && doc.tokens[m].tag == Tag::VBG && m - 1 >= s.token_begin &&
            c.text(static_cast<uint32_t>(m - 1)) == "of")
          intention = false;
        bool readiness = false, raised = false;
        if (!intention && m >= s.token_begin) {
          int64_t k = m - 1;
          while (k >= s.token_begin && IsAdverb(doc.tokens[k].tag)) --k;
          const bool after_be = k >= s.token_begin && IsBe(c.text(static_cast<uint32_t>(k)));
          readiness = after_be && IsReadinessWord(c.text(static_cast<uint32_t>(m)));
          raised = after_be && !readiness && (doc.tokens[m].tag == Tag::VBN || doc.tokens[m].tag == Tag::VBD);
        }
        if (!intention && !readiness && !raised) {
          // Any other "to VERB" is coded only through a pattern that names the words before
          // it ("REFUSED TO *"), which then stand for the verb's own context — except under
          // TABARI's conventions, where every verb is coded (CODE BY CLAUSE then keeps the
          // first of its clause).
          infinitive_needs_pattern = !dict_.tabari_conventions();
          break;
        } else {
          if (!raised) future = true;
          else raising_verb = static_cast<uint32_t>(m);
          j = m - 1;
          while (j >= s.token_begin && (IsAdverb(doc.tokens[j].tag) || doc.tokens[j].tag == Tag::MD ||
                                        IsBe(c.text(static_cast<uint32_t>(j))) || IsHave(c.text(static_cast<uint32_t>(j))))) {
            const std::string_view w = c.text(static_cast<uint32_t>(j));
            if (IsNegation(w)) negated = true;
            if (IsHypotheticalModal(w)) hypothetical = true;
            --j;
          }
        }
      }
      // A gerund or participle modifier is no finite act — unless a modal makes it one ("it would
      // acting now", a slip the field's coders read as the verb), or TABARI codes it (every verb).
      if (vt.tag == Tag::VBG && !be && !modal && !dict_.tabari_conventions()) continue;
      if (v < covered_until) continue;          // inside the pattern of a verb already coded
      // A participle without "be" or "have": a reduced relative when "by" follows ("a move
      // disputed by the United States"); otherwise a past tense the tagger took for one.
      if (vt.tag == Tag::VBN && !be && !have && v + 1 < s.token_end && c.text(v + 1) == "by") continue;
      // ... and after a noun, with a finite verb before it in its clause: "approved the deal
      // negotiated with Hamas" (the tagger reads such a participle as VBN, a past tense as VBD).
      if (vt.tag == Tag::VBN && !be && !have && !dict_.tabari_conventions() && v > s.token_begin &&
          IsNoun(doc.tokens[v - 1].tag)) {
        bool finite_before = false;
        for (uint32_t k = v - 1; k > s.token_begin && !finite_before; --k) {
          const uint32_t p = k - 1;
          if (c.clauses.clause[p - s.token_begin] != c.clauses.clause[v - s.token_begin] ||
              c.clauses.segment[p - s.token_begin] != c.clauses.segment[v - s.token_begin])
            break;
          const Tag pt = doc.tokens[p].tag;
          finite_before = pt == Tag::VBD || pt == Tag::VBZ || pt == Tag::VBP || pt == Tag::MD;
        }
        if (finite_before) continue;
      }
      // (TABARI's dictionaries spell out "HAS BEEN ..." passives in their patterns.)
      const bool passive = vt.tag == Tag::VBN && be && (!have || (be_next && !dict_.tabari_conventions())) &&
                           (!dict_.passive_needs_agent() || FindByAgent(c, v) >= 0);
      // A clause opened by "if" or "whether" is hypothetical ("Whether Washington will impose
      // sanctions remains unclear"; but "whether or not" concedes: the act stands).
      for (int64_t k = j; k >= s.token_begin; --k) {
        if (c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin]) break;
        const std::string_view w = c.text(static_cast<uint32_t>(k));
        if (w == "if" || w == "unless") hypothetical = true;
        if (w == "whether" && !(static_cast<uint32_t>(k) + 1 < s.token_end && c.text(static_cast<uint32_t>(k) + 1) == "or"))
          hypothetical = true;
      }
      // In the complement of a verb of belief, fear or wish ("China fears (that) Russia will
      // attack"): the verbs between that one and this are only "that", auxiliaries, modals and
      // verbs of intention ("believe Iran wants to strike"). Not under the suites' conventions.
      // A belief verb followed by "to" states an intention ("hopes to sign"), and a comma ends
      // the search ("The minister, who believes in dialogue, met Putin").
      if (!hypothetical && !dict_.tabari_conventions() && dict_.hypothetical_modals()) {
        for (int64_t k = static_cast<int64_t>(v) - 1; k >= s.token_begin; --k) {
          const Token& t = doc.tokens[k];
          const std::string_view w = c.text(static_cast<uint32_t>(k));
          if (w == "," || w == ";" || w == ":" || w == "who" || w == "which") break;
          if (!IsVerb(t.tag) || IsBe(w) || IsHave(w) || IsDo(w)) continue;
          const bool to_follows = static_cast<uint32_t>(k) + 1 < s.token_end && c.text(static_cast<uint32_t>(k) + 1) == "to";
          if (IsBeliefVerb(t.lemma) && t.tag != Tag::VBN && !to_follows) hypothetical = true;
          else if ((IsIntentionVerb(t.lemma) || IsBeliefVerb(t.lemma)) && t.tag != Tag::VBN) continue;
          break;
        }
      }

      bool negation_near = false;
      for (int64_t k = static_cast<int64_t>(v) - 1; k >= s.token_begin && k >= static_cast<int64_t>(v) - 5 && !negation_near; --k) {
        const std::string_view w = c.text(static_cast<uint32_t>(k));
        if (w == "," || c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin]) break;
        negation_near = IsNegation(w);
      }
      // Try the patterns, most specific first.
      const uint32_t limit = s.token_end;
      int compound_subject = -2;  // the clause subject if it is a compound actor, else -1 (-2: not looked for)
      const VerbPattern* chosen = nullptr;
      PatternMatch pm, bound, trial_bound;
      int64_t before_start = j;
      CoderTrace::Verb* traced = nullptr;
      if (trace) {
        trace->verbs.push_back(CoderTrace::Verb{si, v, {}, {}, -1, -1});
        traced = &trace->verbs.back();
      }
      // Why pattern `pi` is passed over, for explain.
      auto pass_over = [&](uint32_t pi, const char* why) {
        if (traced) traced->tries.push_back({pi, why});
      };
      for (uint32_t pi : candidates) {
        const VerbPattern& p = dict_.patterns()[pi];
        // Among the most specific patterns that match, the one whose words take the most of
        // the sentence ("AUSTRIAN GOLD FLORIN" over "FLORIN").
        if (chosen && p.specificity < chosen->specificity) break;
        // A pattern that spells a negation out needs one here — past the words of a multi-word
        // verb too ("will not wire tap").
        if (p.negated && !negated && !negation_near) {
          pass_over(pi, "spells out a negation the sentence does not have");
          continue;
        }
        if ((infinitive_needs_pattern || needs_before_words) && !HasBeforeWords(p)) {
          pass_over(pi, needs_before_words ? "the word follows a determiner: only a pattern naming the words before it applies"
                                           : "\"to VERB\": only a pattern naming the words before it applies");
          continue;
        }
        PatternMatch trial;
        int64_t trial_start = j;
        if (passive) {
          // Passive voice: the subject is the target, "by X" the source; only the verb's
          // least specific (slot-only) patterns apply.
          if (p.specificity > 0 || HasCompoundBefore(p)) {
            pass_over(pi, "passive voice: only the verb's slot-only patterns apply");
            continue;
          }
          trial.end = v + 1;
        } else {
          // Manner adverbs right after the verb stand outside its pattern: "cooperated closely
          // with", "rejected outright".
          uint32_t after_verb = v + 1;
          while (after_verb < limit && after_verb < v + 3 && doc.tokens[after_verb].tag == Tag::RB &&
                 c.mention(after_verb) < 0 && c.text(after_verb).size() > 4 && c.text(after_verb).ends_with("ly"))
            ++after_verb;
          bool matched_after = MatchAfter(c, p.after, 0, v + 1, limit, &trial);
          if (!matched_after && after_verb > v + 1) {
            trial = PatternMatch{};
            matched_after = MatchAfter(c, p.after, 0, after_verb, limit, &trial);
          }
          if (!matched_after) {
            // "X and Y held joint exercises": a pattern ending "with +" ("[hold] * exercises
            // with +") without its "with" phrase, when the subject is a compound actor: its
            // members act toward each other.
            const size_t na = p.after.size();
            bool reciprocal = false;
            if (na >= 2 && p.after[na - 1].kind == PatternElement::kTarget && p.after[na - 2].kind == PatternElement::kWord &&
                p.after[na - 2].word == with_id && with_id != 0 && !dict_.tabari_conventions()) {
              if (compound_subject == -2) {
                const int subj = FindSubject(c, v, j);
                compound_subject = subj >= 0 && mentions[subj].compound >= 0 ? subj : -1;
              }
              if (compound_subject >= 0) {
                trial = PatternMatch{};
                trial.drop_tail = 2;
                reciprocal = MatchAfter(c, p.after, 0, v + 1, limit, &trial);
                // The verb alone ("[agree] with +") is no reciprocal act before an infinitive:
                // "X and Y agreed to strengthen ...".
                if (reciprocal && trial.words == 0 && v + 1 < limit && doc.tokens[v + 1].tag == Tag::TO) reciprocal = false;
                // ... nor when "with" comes right after the words matched: the pattern missed
                // its "with +" for another reason ("cooperated closely with Thailand").
                for (uint32_t k = trial.end; reciprocal && k < limit && k < trial.end + 3; ++k) {
                  if (c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin]) break;
                  if (words.word[k - s.token_begin] == with_id) reciprocal = false;
                }
                trial.reciprocal = reciprocal;
              }
            }
            if (!reciprocal) {
              pass_over(pi, "its words after the verb are not in the clause");
              continue;
            }
          }
          trial_bound = PatternMatch{};
          if (!MatchBefore(c, p.before, v, s.token_begin, &trial_start, &trial_bound)) {
            pass_over(pi, "its words before the verb are not there");
            continue;
          }
          if (!HasBeforeWords(p)) trial_start = j;
          // "% *": the subject must be a compound.
          if (HasCompoundBefore(p)) {
            int64_t k = std::min<int64_t>(trial_start, j);
            while (k >= s.token_begin && (IsAdverb(doc.tokens[k].tag) || doc.tokens[k].tag == Tag::MD ||
                                          IsBe(c.text(static_cast<uint32_t>(k))) || IsHave(c.text(static_cast<uint32_t>(k))) ||
                                          IsDo(c.text(static_cast<uint32_t>(k)))))
              --k;
            const int subj = FindSubject(c, v, k);
            if (subj < 0 || mentions[subj].compound < 0) {
              pass_over(pi, "\"%\": the subject is not a compound actor");
              continue;
            }
            if (dict_.tabari_conventions()) trial.compound = subj;  // TABARI: members toward each other
          }
        }
        if (chosen && trial.words <= pm.words) {
          pass_over(pi, "matches, but an equally specific pattern covers more words");
          continue;
        }
        if (traced && chosen)
          for (CoderTrace::Try& t : traced->tries)
            if (&dict_.patterns()[t.pattern] == chosen) t.verdict = "matches, but a pattern covering more words wins";
        pass_over(pi, "chosen");
        chosen = &p;
        pm = trial;
        bound = passive ? PatternMatch{} : trial_bound;
        before_start = trial_start;
      }
      // "threatened to respond to X": no pattern for the infinitive, the threat itself (the verb's
      // slot-only threat pattern, "[threaten] +"), toward the infinitive's object.
      if (!chosen && !passive && !dict_.tabari_conventions() && v + 2 < limit && doc.tokens[v + 1].tag == Tag::TO &&
          doc.tokens[v + 2].tag == Tag::VB && c.clauses.clause[v + 2 - s.token_begin] == c.clauses.clause[v - s.token_begin]) {
        for (uint32_t pi : candidates) {
          const VerbPattern& p = dict_.patterns()[pi];
          if (p.before.empty() && p.after.size() == 1 && p.after[0].kind == PatternElement::kTarget && !p.negated &&
              p.code.size() >= 2 && p.code.compare(0, 2, "13") == 0) {
            chosen = &p;
            pm = PatternMatch{};
            pm.end = v + 3;
            bound = PatternMatch{};
            before_start = j;
            pass_over(pi, "chosen: a threat to do what the infinitive after it says");
            break;
          }
        }
      }
      if (!chosen) {
        if (traced) traced->outcome = candidates.empty() ? "no pattern headed by this word" : "no pattern matched";
        continue;
      }
      if (pm.target <= kModifierTarget) {  // a country adjective took the target slot
        mentions.push_back((*c.modifiers)[kModifierTarget - pm.target]);
        was_subject.push_back(false);
        pm.target = static_cast<int>(mentions.size()) - 1;
      }
      if (chosen->negated) negated = false;  // the pattern itself encodes the negation
      covered_until = std::max(covered_until, pm.end);
      if (chosen->code.empty()) {  // a null-coded pattern: this use of the verb is no event
        if (traced) traced->outcome = "null-coded pattern: no event";
        continue;
      }
      if (chosen->code.rfind("###", 0) == 0) {  // a discard pattern: the sentence gives no events
        doc.sentences[si].discarded = true;
        while (!doc.events.empty() && doc.events.back().sentence == si) doc.events.pop_back();
        event_verbs.clear();
        event_rank.clear();
        event_sides.clear();
        break;
      }

      // Words the pattern matched before the verb ("REFUSED TO *", "PROPOSAL WAS *") belong
      // to the verb's phrase: the subject stands before them and their auxiliaries.
      // A verb among the words matched ("NOTED + *", "SAID $ *") is part of this pattern, not an
      // act of its own: its events go.
      auto drop_matched_verbs = [&] {
        drop_events_of([&](uint32_t verb) { return verb > before_start && verb < v; });
      };
      if (raising_verb != kNone) drop_events_of([&](uint32_t verb) { return verb == raising_verb; });
      uint32_t subject_anchor = v;  // where the subject is looked for: the verb, or the earliest word matched before it
      // ... unless an actor stands between those words and the verb: "Neither Galadriel nor
      // Gollum boycotted" ("NEITHER *").
      bool actor_between = false;
      for (int64_t k = before_start + 1; k <= j && !actor_between; ++k) {
        const int mk = c.mention(static_cast<uint32_t>(k));
        actor_between = mk >= 0 && mk != bound.source && mk != bound.target;
      }
      if (before_start < j && actor_between) {
        drop_matched_verbs();  // the verbs among the words matched are still part of this pattern
      } else if (before_start < j) {
        subject_anchor = static_cast<uint32_t>(before_start + 1);
        drop_matched_verbs();
        j = before_start;
        while (j >= s.token_begin && (IsAdverb(doc.tokens[j].tag) || doc.tokens[j].tag == Tag::MD ||
                                      IsBe(c.text(static_cast<uint32_t>(j))) || IsHave(c.text(static_cast<uint32_t>(j))) ||
                                      IsDo(c.text(static_cast<uint32_t>(j))))) {
          if (IsNegation(c.text(static_cast<uint32_t>(j))) && !chosen->negated) negated = true;
          --j;
        }
      }
      const bool coordinated = j >= s.token_begin && doc.tokens[j].tag == Tag::CC;
      int subject = coordinated ? CoordinatedSubject(c, v, j) : FindSubject(c, subject_anchor, j);
      // A slot written before the verb ("+ * MONEY $", "+ WAS * DEAD IN $") is the subject's
      // role; without one the subject is the source.
      PatternElement::Kind subject_role = PatternElement::kSource;
      for (const PatternElement& el : chosen->before)
        if (el.kind == PatternElement::kSource || el.kind == PatternElement::kTarget) subject_role = el.kind;
      // A slot bound before the verb: "NOTED + *" leaves the source to the subject of the words
      // before it; "SAID $ *" the target to the verb's object.
      if (bound.source >= 0 || bound.target >= 0) subject_role = PatternElement::kSource;
      if (bound.source >= 0 && pm.source < 0) pm.source = bound.source;
      if (bound.target >= 0 && pm.target < 0) pm.target = bound.target;
      if (bound.source >= 0 && bound.source == subject) subject = -1;
      if (bound.target >= 0 && bound.target == subject) subject = -1;
      int source = pm.source >= 0 ? pm.source : subject_role == PatternElement::kSource ? subject : -1;
      int target = pm.target >= 0 ? pm.target : subject_role == PatternElement::kTarget ? subject : -1;
      if (subject_role == PatternElement::kTarget && source < 0 && !passive) source = FindObject(c, v, pm.end);
      if (passive) {
        target = subject;
        source = FindByAgent(c, v);
        if (source < 0) {
          const int md = FindByModifier(c, v);
          if (md >= 0) {
            mentions.push_back((*c.modifiers)[md]);
            was_subject.push_back(false);
            source = static_cast<int>(mentions.size()) - 1;
          }
        }
        if (source < 0) source = FindObject(c, v, pm.end);
      } else if (target < 0) {
        // "[expel] * ambassador" in "expelled the Turkish ambassador": the actor whose name
        // holds the pattern's last word.
        // Else an actor among the words the pattern took: "[seize] * ship" in "seized an
        // Israel-linked container ship".
        if (chosen->target_in_words && pm.end > v + 1) {
          // Not the source's own generic agent ("Egypt expelled the ambassador"; "Russia
          // recalled its ambassador to France"): the target is named elsewhere, if at all.
          auto own = [&](int m) {
            return source >= 0 && (mentions[m].code == mentions[source].code ||
                                   (mentions[m].country == mentions[source].code && !mentions[m].country.empty()));
          };
          const int m = c.mention(pm.end - 1);
          if (m >= 0 && mentions[m].token_begin > v && m != source && !own(m)) target = m;
          // Only an actor the text names: a bare agent ("the Galaxy Leader") takes its country
          // from elsewhere; a capital there names a place ("the Minsk agreement").
          auto named = [&](int m) {
            if (mentions[m].capital) return false;
            for (const Mention::Rule& r : mentions[m].rules)
              if (r.kind == Mention::Rule::kActor) return true;
            return false;
          };
          for (uint32_t k = v + 1; k + 1 < pm.end && target < 0; ++k) {
            const int mk = c.mention(k);
            if (mk >= 0 && mentions[mk].token_begin == k && mk != source && named(mk) && !own(mk)) target = mk;
          }
          // A role right before the pattern's last word is whose that thing is: "dispersed an
          // opposition rally" for "[disperse] * rally".
          if (target < 0 && pm.end >= v + 3) {
            const int mk = c.mention(pm.end - 2);
            if (mk >= 0 && mentions[mk].token_end == pm.end - 1 && mentions[mk].token_begin > v && mk != source &&
                !own(mk) && !mentions[mk].capital)
              target = mk;
          }
        }
        if (target < 0) target = FindObject(c, v, pm.end);
        // No actor in the object: a country adjective in it names the country the act is
        // toward ("opened an investigation into Chinese subsidies", "recognised a Palestinian
        // state"), also among the words the pattern took ("captured the Ukrainian town" for
        // "[capture] * town").
        if (target < 0 && !modifiers.empty() && !dict_.tabari_conventions()) {
          const uint32_t until = (pm.end > v ? pm.end : v + 1) + 10;
          for (uint32_t k = v + 1; k < s.token_end && k < until && target < 0; ++k) {
            if (c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin] ||
                c.clauses.segment[k - s.token_begin] != c.clauses.segment[v - s.token_begin] || c.text(k) == ",")
              break;
            const Tag kt = doc.tokens[k].tag;
            // A participle before a noun modifies it ("a probe into alleged Russian interference").
            const bool premodifier = (kt == Tag::VBG || kt == Tag::VBN) && k + 1 < s.token_end &&
                                     (IsAdjective(doc.tokens[k + 1].tag) || IsNoun(doc.tokens[k + 1].tag));
            if (k >= pm.end && !premodifier &&
                (kt == Tag::VBD || kt == Tag::VBZ || kt == Tag::VBP || kt == Tag::MD || kt == Tag::VBG || kt == Tag::VBN))
              break;
            for (const Mention& md : modifiers)
              if (md.token_begin == k && (source < 0 || mentions[source].country != md.country)) {
                mentions.push_back(md);
                was_subject.push_back(false);
                target = static_cast<int>(mentions.size()) - 1;
                break;
              }
          }
        }
      }
      bool use_default_target = false;  // TABARI "DEFAULT: ... TARGET [X] AFTER" and no actor after
      if (!passive && dict_.tabari_conventions()) {
        // TABARI's dictionaries assume its default actor search: the source is the first actor
        // of the verb's clause before the verb; the target the first after it, else before it,
        // with another code. The shallow parse fills in where that finds none ("... and
        // promised aid": the subject of the verb the clause is coordinated with).
        const int parser_source = source, parser_target = target;
        source = pm.source;
        target = pm.target;
        const int clause = conj[v - s.token_begin];
        const uint32_t phrase_begin = static_cast<uint32_t>(j + 1);
        const uint32_t after_begin = pm.end > v ? pm.end : v + 1;
        if (source < 0) source = FirstActor(c, conj, clause, s.token_begin, phrase_begin, pm.target);
        const bool default_source = !options_.default_source.empty() && source < 0 && pm.source < 0;
        if (default_source && !options_.default_source_prior) {
          // No actor before the verb, no PRIOR: the search goes on after it.
          source = FirstActor(c, conj, clause, after_begin, s.token_end, pm.target);
        }
        const bool default_target_after = !options_.default_target.empty() && options_.default_target_after;
        if (target < 0) {
          target = FirstActor(c, conj, clause,
                              source >= 0 && mentions[source].token_begin >= after_begin ? CompoundEnd(c, source)
                                                                                          : after_begin,
                              s.token_end, source);
          if (target < 0 && !default_target_after) target = FirstActor(c, conj, clause, s.token_begin, phrase_begin, source);
        }
        if (source < 0 && !default_source) source = parser_source;
        if (target < 0 && !default_target_after) target = parser_target;
        if (target < 0 && default_target_after) use_default_target = true;
      }
      if (pm.reciprocal) target = -1;  // the compound's members toward each other
      if (subject >= 0) was_subject[subject] = true;
      if (traced) {
        traced->source = source;
        traced->target = target;
        traced->outcome = "pattern chosen";
      }

      // With PETRARCH-2's ontology a negated act is the act it negates into ("did not
      // criticize" is cooperation): coded as asserted, with that code.
      std::string code = chosen->code;
      if (negated && !chosen->negated) {
        std::string flipped = dict_.NegatedCode(code);
        if (!flipped.empty()) {
          code = std::move(flipped);
          negated = false;
        }
      }
      if (!dict_.hypothetical_modals()) hypothetical = false;
      Mode mode = Mode::kAsserted;
      if (negated) mode = Mode::kNegated;
      else if (hypothetical) mode = Mode::kHypothetical;
      else if (future) mode = Mode::kFuture;
      if ((mode == Mode::kNegated || mode == Mode::kHypothetical) && !options_.all_modes) {
        if (traced)
          traced->outcome = mode == Mode::kNegated ? "negated: written only with --all-modes"
                                                   : "hypothetical: written only with --all-modes";
        continue;
      }

      // Date: the nearest time expression in the clause, else in the sentence, else the anchor.
      Date date = anchor;
      DatePrecision precision = DatePrecision::kDay;
      {
        if (!times_ready || times_future != (mode == Mode::kFuture)) {
          times = FindTimeExpressions(doc, s, anchor, mode == Mode::kFuture);
          times_ready = true;
          times_future = mode == Mode::kFuture;
        }
        const TimeExpression* best = nullptr;
        int64_t best_score = INT64_MAX;
        for (const TimeExpression& t : times) {
          const int64_t distance = t.token_begin > v ? t.token_begin - v : v - t.token_end;
          const bool same_clause = c.clauses.clause[t.token_begin - s.token_begin] == c.clauses.clause[v - s.token_begin];
          const int64_t score = distance + (same_clause ? 0 : 100);
          if (score < best_score) {
            best_score = score;
            best = &t;
          }
        }
        if (best) {
          date = best->date;
          precision = best->precision;
        }
      }

      // The actor(s) mention `mi` stands for, appended to *out (nothing appended: none). A
      // plural pronoun whose antecedent is one of a compound stands for the whole compound
      // ("Elrond and Gondor urged ... then they requested ...").
      // A pronoun never stands for the other side of its own event ("They condemned Israel").
      auto other_side = [&](int mi) -> std::string_view {
        if (dict_.tabari_conventions()) return {};
        const int o = mi == source ? target : mi == target ? source : -1;
        if (o < 0 || mentions[o].pronoun || mentions[o].generic) return {};
        return mentions[o].code;
      };
      auto resolve_into = [&](int mi, std::vector<std::optional<Mention>>* out) {
        if (mi < 0) return;
        const Mention& m = mentions[mi];
        if (!m.pronoun) {
          if (m.generic && !options_.one_sided) out->push_back(std::nullopt);
          else out->push_back(m);
          return;
        }
        // First the sentence's own earlier actors ("Galadriel urged Bree ... and then she
        // asked Gondor"), subjects first, nearest first; then the sentences before. TABARI's
        // dictionaries assume its own rule (TabariReferent).
        const bool act_of_state = ActOfState(chosen->code);
        int found = dict_.tabari_conventions() ? TabariReferent(mentions, mi) : -1;
        // "Japan's foreign ministry said (that) it agreed": the subject of a reported clause is
        // the one who reports it.
        if (!dict_.tabari_conventions() && m.token_begin > s.token_begin) {
          int64_t k = static_cast<int64_t>(m.token_begin) - 1;
          if (k > s.token_begin && c.text(static_cast<uint32_t>(k)) == "that") --k;
          // An adverbial between the report and its clause: "said on Monday (that) it",
          // "said in a statement it". At most a few words, naming no actor.
          for (int64_t skipped = 0; k > s.token_begin && skipped < 5 && !IsVerb(doc.tokens[k].tag) &&
                                    c.mention(static_cast<uint32_t>(k)) < 0 && c.text(static_cast<uint32_t>(k)) != ",";
               ++skipped)
            --k;
          if (IsVerb(doc.tokens[k].tag) && IsReportingVerb(doc.tokens[k].lemma)) {
            const int reporter = FindSubject(c, static_cast<uint32_t>(k), k - 1);
            if (reporter >= 0 && reporter < mi && !mentions[reporter].pronoun && !mentions[reporter].generic &&
                !mentions[reporter].code.empty() && ArticleMemory::Compatible(m, mentions[reporter], act_of_state))
              found = reporter;
          }
        }
        for (int pass = 0; pass < 2 && found < 0 && !dict_.tabari_conventions(); ++pass)
          for (int k = mi - 1; k >= 0 && found < 0; --k) {
            const Mention& cand = mentions[k];
            if (cand.pronoun || cand.generic || cand.code.empty()) continue;
            if (pass == 0 && !was_subject[k]) continue;
            if (ArticleMemory::Compatible(m, cand, act_of_state)) found = k;
          }
        std::vector<const Mention*> antecedents;
        bool forwarded = false;
        if (found >= 0) {
          if (m.plural && mentions[found].compound >= 0) {
            for (int k : CompoundMembers(mentions, found))
              if (!mentions[k].pronoun && !mentions[k].code.empty()) antecedents.push_back(&mentions[k]);
          } else {
            antecedents.push_back(&mentions[found]);
          }
        } else if (const Mention* a = memory.ResolvePronoun(m, si, act_of_state, other_side(mi))) {
          forwarded = true;
          if (m.plural) memory.CompoundOf(a, &antecedents);
          else antecedents.push_back(a);
        }
        // A quote's speaker the dictionaries do not know stands for no actor.
        antecedents.erase(std::remove_if(antecedents.begin(), antecedents.end(),
                                         [](const Mention* a) { return a->code.empty(); }),
                          antecedents.end());
        if (antecedents.empty()) out->push_back(std::nullopt);
        for (const Mention* a : antecedents) {
          Mention r = *a;
          if (forwarded && dict_.tabari_conventions() && !r.agent.empty() && r.code.size() > r.agent.size() &&
              r.code.compare(r.code.size() - r.agent.size(), r.agent.size(), r.agent) == 0)
            r.code.resize(r.code.size() - r.agent.size());
          r.token_begin = m.token_begin;
          r.token_end = m.token_end;
          r.rules.push_back({Mention::Rule::kResolvePronoun, {}});
          out->push_back(std::move(r));
        }
      };

      std::vector<int> sources = CompoundMembers(mentions, source);
      std::vector<int> targets = CompoundMembers(mentions, target);
      // "spoke with Putin and then with Zelensky": the pattern's preposition repeated after a
      // coordinator takes another target.
      if (target >= 0 && pm.target == target && !dict_.tabari_conventions()) {
        uint32_t prep = 0;
        for (size_t e = 1; e < chosen->after.size(); ++e)
          if (chosen->after[e].kind == PatternElement::kTarget && chosen->after[e - 1].kind == PatternElement::kWord)
            prep = chosen->after[e - 1].word;
        uint32_t k = CompoundEnd(c, target);
        if (k + 1 < s.token_end && c.text(k) == "," && c.text(k + 1) == "and") ++k;  // ", and then with"
        if (prep != 0 && k < s.token_end && c.text(k) == "and") {
          ++k;
          while (k < s.token_end && IsAdverb(doc.tokens[k].tag)) ++k;
          if (k + 1 < s.token_end && WordIs(c, k, prep)) {
            for (int member : CompoundMembers(mentions, MentionStartingNear(c, k + 1, s.token_end)))
              if (member != source && std::find(targets.begin(), targets.end(), member) == targets.end())
                targets.push_back(member);
          }
        }
      }
      // "Niger withdrew from the court along with Mali and Burkina Faso", "X, together with Y,
      // condemned Z": the actors joined to the source share its act (toward a target: without
      // one, the partners are no compound acting on itself).
      if (source >= 0 && target >= 0 && !dict_.tabari_conventions()) {
        const int clause = c.clauses.clause[v - s.token_begin];
        for (uint32_t k = mentions[source].token_end; k + 2 < s.token_end; ++k) {
          if (c.clauses.clause[k - s.token_begin] != clause) break;
          if (c.text(k + 1) != "with" || (c.text(k) != "along" && c.text(k) != "together")) continue;
          const int partner = MentionStartingNear(c, k + 2, s.token_end);
          for (int member : CompoundMembers(mentions, partner))
            if (std::find(sources.begin(), sources.end(), member) == sources.end() &&
                std::find(targets.begin(), targets.end(), member) == targets.end())
              sources.push_back(member);
          break;
        }
      }
      std::vector<std::optional<Mention>> src_resolved, tgt_resolved;
      for (int si2 : sources) resolve_into(si2, &src_resolved);
      for (int ti : targets) resolve_into(ti, &tgt_resolved);
      ExpandCodedCompounds(dict_, &src_resolved);
      ExpandCodedCompounds(dict_, &tgt_resolved);
      if (src_resolved.empty()) src_resolved.push_back(std::nullopt);
      if (tgt_resolved.empty()) tgt_resolved.push_back(std::nullopt);

      auto emit = [&](const std::optional<Mention>& src, const std::optional<Mention>& tgt, const std::string& code) {
        event_verbs.push_back(v);
        event_rank.push_back(chosen->subordinate ? 0 : chosen->dominant ? 2 : 1);
        event_sides.emplace_back(src ? src->token_begin : kNone, tgt ? tgt->token_begin : kNone);
        Event ev;
        ev.sentence = si;
        ev.code = code;
        ev.mode = mode;
        ev.date = date.valid() ? date : Date{};
        ev.date_precision = precision;
        ev.verb_span = ByteSpan{vt.span.begin, vt.span.end};
        auto fill = [&](const std::optional<Mention>& m, ActorRef* ref) {
          if (!m) return;
          ref->code = m->code;
          ref->name = m->name;
          ref->country = m->country;
          ref->span = ByteSpan{doc.tokens[m->token_begin].span.begin, doc.tokens[m->token_end - 1].span.end};
          for (const Mention::Rule& r : m->rules) ev.rules.push_back(RuleText(dict_, r));
        };
        ev.rules.push_back("verb " + dict_.Where(chosen->where));
        fill(src, &ev.source);
        fill(tgt, &ev.target);
        if (anchor.valid() && date.valid()) {
          // Historical: the whole period ended more than 30 days before publication.
          int64_t end = date.ToDays();
          if (precision == DatePrecision::kWeek) end += 6;
          else if (precision == DatePrecision::kMonth) end += Date::DaysInMonth(date.year, date.month) - 1;
          else if (precision == DatePrecision::kYear) end += 364;
          ev.historical = anchor.ToDays() - end > 30;
        }
        doc.events.push_back(std::move(ev));
      };

      // "% *": the compound's members act toward each other.
      if (pm.compound >= 0) {
        std::vector<std::optional<Mention>> members;
        for (int k : CompoundMembers(mentions, pm.compound)) resolve_into(k, &members);
        ExpandCodedCompounds(dict_, &members);
        for (size_t a = 0; a < members.size(); ++a)
          for (size_t b2 = 0; b2 < members.size(); ++b2) {
            if (a == b2 || !members[a] || !members[b2] || members[a]->code == members[b2]->code) continue;
            emit(members[a], members[b2], code);
            if (!chosen->reverse_code.empty()) emit(members[b2], members[a], chosen->reverse_code);
          }
        continue;
      }

      // A compound subject with no target acts on itself, each member toward each other one:
      // "Gondor and Osgiliath postponed their meeting".
      bool reciprocal = false;
      // ... provided no other actor follows in the verb's clause: then the act is toward that
      // one, whatever the pattern found ("Ithilen and Gondor warned ... about the Prince").
      bool actor_follows = false;
      for (uint32_t k = pm.end > v ? pm.end : v + 1; k < s.token_end && !actor_follows; ++k) {
        if (c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin]) break;
        const std::string_view w = c.text(k);
        if (w == "after" || w == "before" || w == "when" || w == "while" || w == "because" || w == "as") break;
        const int mk = c.mention(k);
        actor_follows = mk >= 0 && std::find(sources.begin(), sources.end(), mk) == sources.end();
      }
      if (target < 0 && (!actor_follows || pm.reciprocal) && !use_default_target && sources.size() > 1 &&
          src_resolved.size() > 1) {
        reciprocal = true;
        for (size_t a = 0; a < src_resolved.size(); ++a)
          for (size_t b2 = 0; b2 < src_resolved.size(); ++b2)
            if (a != b2 && src_resolved[a] && src_resolved[b2] && src_resolved[a]->code != src_resolved[b2]->code)
              emit(src_resolved[a], src_resolved[b2], code);
      }
      // TABARI's DEFAULT: codes for a missing side.
      auto fill_default = [&](std::vector<std::optional<Mention>>* side, const std::string& code) {
        if (code.empty()) return;
        for (auto& m : *side)
          if (!m) {
            Mention d;
            d.code = code;
            d.token_begin = v;
            d.token_end = v + 1;
            m = std::move(d);
          }
      };
      fill_default(&src_resolved, options_.default_source);
      fill_default(&tgt_resolved, options_.default_target);
      for (const auto& src : src_resolved) {
        if (reciprocal) break;
        for (const auto& tgt : tgt_resolved) {
          if ((!src || !tgt) && !options_.one_sided) continue;
          if (!src && !tgt) continue;
          if (src && tgt && src->code == tgt->code && src->name == tgt->name) continue;
          emit(src, tgt, code);
          // Paired codes ("042:043"): the target's side of the same act.
          if (!chosen->reverse_code.empty() && src && tgt) emit(tgt, src, chosen->reverse_code);
        }
      }
    }

    // TABARI's convention: the first event of each conjunction-delimited clause.
    // Subordinate codes ("SAID [023?]") give way to any other event of the sentence, and every
    // event gives way to dominant ones ("[031!]"), which are all kept.
    const uint8_t top_rank = event_rank.empty() ? 1 : *std::max_element(event_rank.begin(), event_rank.end());
    drop_events_at([&](size_t e) { return event_rank[e] < top_rank; });
    if (code_by != CodeBy::kAll && !event_verbs.empty()) {
      if (top_rank < 2) KeepFirstEvents(doc, c, code_by, sentence_events_begin, event_verbs);
    } else if (event_verbs.size() > 1) {
      if (dict_.complement_events_fold()) FoldComplementEvents(doc, c, sentence_events_begin, &event_verbs, &event_sides);
      if (dict_.subordinate_events_yield()) DropSubordinateEvents(doc, c, sentence_events_begin, event_verbs);
    }

    if (!dict_.tabari_conventions() && doc.events.size() > sentence_events_begin)
      AddMediatorEvents(doc, c, sentence_events_begin);

    // The speakers of the quotes attributed here (code/coref.h).
    speakers.clear();
    if (!doc.quotes.empty()) ResolveQuoteSpeakers(doc, si, mentions, memory, &doc.quotes, &speakers);

    // Remember this sentence's actors for the sentences after it. The first actor of the
    // sentence counts as a subject too (headline style: "China offers ...").
    for (size_t mi = 0; mi < own_mentions; ++mi) {
      const Mention& m = mentions[mi];
      if (m.pronoun || m.generic) continue;
      memory.Remember(m, si, was_subject[mi] || mi == 0);
      if (m.person && !m.surname) {
        // The first and last words of the name as written ("Xi", "Jinping"; "Wang", "Yi").
        const uint32_t name_last = words.word[m.token_end - 1 - s.token_begin];
        const uint32_t name_first = words.word[std::max(m.name_begin, m.token_begin) - s.token_begin];
        memory.RememberSurnames(m, name_first, name_last);
      }
    }
    for (const Mention& m : speakers) memory.Remember(m, si, true);
  }
  LinkQuotes(doc);
  // Issue tags belong to the story: every event carries them.
  if (!issues.empty())
    for (Event& e : doc.events) e.issues = issues;
  return Status::Ok();
}

}  // namespace dateline
