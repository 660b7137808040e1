#include "code/coder.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string_view>
#include <unordered_map>

#include "code/clauses.h"
#include "code/mentions.h"
#include "dict/phrase.h"
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

// An act of state: material and verbal conflict or cooperation beyond mere statements (roots 03-20).
bool ActOfState(std::string_view code) { return code.size() >= 2 && code.substr(0, 2) >= "03"; }

struct MemoryItem {
  Mention mention;  // resolved
  uint32_t sentence;
  bool subject;
};

// Per-article state for resolving pronouns, surnames and generic agents.
class ArticleMemory {
 public:
  void Remember(const Mention& m, uint32_t sentence, bool subject) {
    if (m.pronoun || m.code.empty()) return;
    items_.push_back({m, sentence, subject});
  }
  // Both ends of a person's name can stand alone later: "Wang" for Wang Yi, "Tokayev".
  void RememberSurnames(const Mention& m, uint32_t first_word, uint32_t last_word) {
    if (!m.person) return;
    if (first_word) by_surname_[first_word] = m;
    if (last_word) by_surname_[last_word] = m;
  }
  const Mention* BySurname(uint32_t word) const {
    auto it = by_surname_.find(word);
    return it == by_surname_.end() ? nullptr : &it->second;
  }

  // Whether `c` can be what pronoun `p` stands for: number, gender, person or not ("it" is
  // a country or an organisation), and a state actor for an act of state.
  static bool Compatible(const Mention& p, const Mention& c, bool act_of_state) {
    if (p.plural) {
      if (c.person && !c.plural) return false;
    } else if (!c.kind_known) {
      if (c.plural) return false;  // a dictionary that does not tell persons from states
    } else if (p.gender == 'n') {
      if (c.person || c.plural) return false;
    } else {
      if (!c.person) return false;
      if (p.gender && c.gender && p.gender != c.gender) return false;
    }
    return !act_of_state || c.government();
  }

  // The most recent compatible antecedent of a pronoun: recent sentences first, subjects first.
  const Mention* ResolvePronoun(const Mention& p, uint32_t sentence, bool act_of_state) const {
    constexpr uint32_t kWindow = 6;
    for (uint32_t back = 0; back <= kWindow && back <= sentence; ++back) {
      const uint32_t s = sentence - back;
      for (int pass = 0; pass < 2; ++pass) {
        for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
          if (it->sentence != s) continue;
          if ((pass == 0) != it->subject) continue;
          if (!Compatible(p, it->mention, act_of_state)) continue;
          return &it->mention;
        }
      }
    }
    return nullptr;
  }

  // The country the article last spoke of, for a generic agent ("Authorities").
  std::string RecentCountry(uint32_t sentence) const {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (sentence - it->sentence > 6) break;
      if (!it->mention.country.empty() && !it->mention.person) return it->mention.country;
    }
    return {};
  }

 private:
  std::vector<MemoryItem> items_;
  std::unordered_map<uint32_t, Mention> by_surname_;
};

struct SentenceContext {
  const Document* doc;
  const Dictionary* dict;
  const Sentence* sentence;
  uint32_t index;
  const SentenceWords* words;
  std::vector<Mention>* mentions;
  std::vector<int> mention_at;  // token offset -> mention index, -1
  Clauses clauses;

  uint32_t b() const { return sentence->token_begin; }
  uint32_t e() const { return sentence->token_end; }
  const Token& tok(uint32_t i) const { return doc->tokens[i]; }
  std::string_view text(uint32_t i) const { return doc->folded_view(doc->tokens[i].span); }
  int mention(uint32_t i) const { return mention_at[i - b()]; }
};

bool Transparent(const Token& t) { return t.has(Token::kOpenQuote) || t.has(Token::kCloseQuote); }
bool Premodifier(const Token& t) {
  return t.tag == Tag::DT || t.tag == Tag::PDT || IsAdjective(t.tag) || t.tag == Tag::CD || t.tag == Tag::PRPS ||
         t.tag == Tag::VBG || Transparent(t) || t.tag == Tag::RB;
}

// Finds a mention starting at `pos` after at most 3 premodifiers ("the", "neighboring").
// The actor of the noun phrase starting at `pos`: after determiners and adjectives, the first
// mention inside the phrase — "the Prince of Dol Amroth" is Dol Amroth's. Returns -1 when the
// phrase names no actor.
int MentionStartingNear(const SentenceContext& c, uint32_t pos, uint32_t limit) {
  bool after_of = false;
  for (uint32_t k = pos, n = 0; k < limit && n <= 6; ++k, ++n) {
    const int m = c.mention(k);
    if (m >= 0) return (*c.mentions)[m].token_begin == k ? m : -1;
    const Token& t = c.tok(k);
    if (Premodifier(t)) continue;
    // A head noun that names no actor, then "of" and the actor it belongs to.
    if (IsNoun(t.tag) && !after_of && k + 1 < limit && c.text(k + 1) == "of") {
      after_of = true;
      ++k;
      ++n;
      continue;
    }
    return -1;
  }
  return -1;
}

// The token at `pos` is `word`, as written or as its lemma.
bool WordIs(const SentenceContext& c, uint32_t pos, uint32_t word) {
  return c.words->word[pos - c.b()] == word || c.words->lemma[pos - c.b()] == word;
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
  uint32_t end = 0;
};

bool MatchAfter(const SentenceContext& c, const std::vector<PatternElement>& els, size_t ei, uint32_t pos,
                uint32_t limit, PatternMatch* m) {
  while (pos < limit && Transparent(c.tok(pos))) ++pos;
  if (ei == els.size()) {
    m->end = pos;
    return true;
  }
  const PatternElement& el = els[ei];
  switch (el.kind) {
    case PatternElement::kWord:
      if (pos < limit && WordIs(c, pos, el.word)) return MatchAfter(c, els, ei + 1, pos + 1, limit, m);
      return false;
    case PatternElement::kWordSet:
      if (pos < limit) {
        for (uint32_t w : c.dict->word_sets()[el.word])
          if (WordIs(c, pos, w)) return MatchAfter(c, els, ei + 1, pos + 1, limit, m);
      }
      return false;
    case PatternElement::kPhraseSet:
      for (const std::vector<uint32_t>& phrase : c.dict->phrase_sets()[el.word]) {
        if (pos + phrase.size() > limit) continue;
        bool ok = true;
        for (size_t k = 0; k < phrase.size() && ok; ++k) ok = MemberIs(c, pos + static_cast<uint32_t>(k), phrase[k]);
        if (ok && MatchAfter(c, els, ei + 1, pos + static_cast<uint32_t>(phrase.size()), limit, m)) return true;
      }
      return false;
    case PatternElement::kSkip:
      // A skip stays inside its clause; only the pattern's own words lead into the next one
      // ("noted that +").
      for (uint32_t n = 0; n <= 6 && pos + n <= limit; ++n) {
        if (n > 0 && c.clauses.clause[pos + n - 1 - c.b()] != c.clauses.clause[pos - c.b()]) break;
        // Try only the positions where the next element can begin (a cheap test for words).
        if (ei + 1 < els.size() && !CanBegin(c, els[ei + 1], pos + n, limit)) continue;
        if (MatchAfter(c, els, ei + 1, pos + n, limit, m)) return true;
      }
      return false;
    case PatternElement::kSource:
    case PatternElement::kTarget: {
      const int mi = MentionStartingNear(c, pos, limit);
      if (mi < 0) return false;
      const int saved_s = m->source, saved_t = m->target;
      (el.kind == PatternElement::kSource ? m->source : m->target) = mi;
      if (MatchAfter(c, els, ei + 1, (*c.mentions)[mi].token_end, limit, m)) return true;
      m->source = saved_s;
      m->target = saved_t;
      return false;
    }
  }
  return false;
}

// Matches the pattern's words before the head verb at `pos`, nearest first; adverbs, modals and
// auxiliaries between them are passed over unless they are the word sought ("NOT *"). On success
// *start is the position just before the earliest word matched (pos - 1 when none).
bool MatchBefore(const SentenceContext& c, const std::vector<PatternElement>& els, uint32_t pos, uint32_t floor,
                 int64_t* start) {
  int64_t k = static_cast<int64_t>(pos) - 1;
  *start = k;
  bool first = true;
  for (const PatternElement& el : els) {
    if (el.kind == PatternElement::kPhraseSet) {
      // Before the verb a phrase set matches by its phrases' last words, read backwards.
      bool ok = false;
      for (const std::vector<uint32_t>& phrase : c.dict->phrase_sets()[el.word]) {
        if (k - static_cast<int64_t>(phrase.size()) + 1 < floor) continue;
        bool all = true;
        for (size_t q = 0; q < phrase.size() && all; ++q)
          all = MemberIs(c, static_cast<uint32_t>(k - static_cast<int64_t>(phrase.size()) + 1 + static_cast<int64_t>(q)), phrase[q]);
        if (all) {
          k -= static_cast<int64_t>(phrase.size());
          ok = true;
          break;
        }
      }
      if (!ok) return false;
      continue;
    }
    if (el.kind != PatternElement::kWord && el.kind != PatternElement::kWordSet) continue;
    auto is_element = [&](uint32_t u) {
      if (el.kind == PatternElement::kWord) return WordIs(c, u, el.word);
      for (uint32_t w : c.dict->word_sets()[el.word])
        if (WordIs(c, u, w)) return true;
      return false;
    };
    if (first) {
      while (k >= floor && !is_element(static_cast<uint32_t>(k)) &&
             (IsAdverb(c.tok(static_cast<uint32_t>(k)).tag) || c.tok(static_cast<uint32_t>(k)).tag == Tag::MD ||
              IsBe(c.text(static_cast<uint32_t>(k))) || IsHave(c.text(static_cast<uint32_t>(k))) ||
              IsDo(c.text(static_cast<uint32_t>(k)))))
        --k;
    } else {
      // Between the pattern's words a few others may stand ("INDICATED ... WOULD *": "indicated
      // it would act"), as in TABARI's default skipping; never across a comma.
      for (int gap = 0; gap < 4 && k >= floor && !is_element(static_cast<uint32_t>(k)) &&
                        c.text(static_cast<uint32_t>(k)) != ",";
           ++gap)
        --k;
    }
    if (k < floor || !is_element(static_cast<uint32_t>(k))) return false;
    --k;
    *start = k;
    first = false;
  }
  return true;
}

bool HasBeforeWords(const VerbPattern& p) {
  for (const PatternElement& el : p.before)
    if (el.kind != PatternElement::kSkip && el.kind != PatternElement::kSource && el.kind != PatternElement::kTarget)
      return true;
  return false;
}

// The subject of the verb whose auxiliary chain starts at `pos`: the noun phrase to its left in
// the same clause, skipping prepositional phrases and subordinate segments. Returns the
// mention index, or -1 when the subject is not an actor (or there is none).
int FindSubject(const SentenceContext& c, uint32_t verb, int64_t pos) {
  const int clause = c.clauses.clause[verb - c.b()];
  const int segment = c.clauses.segment[verb - c.b()];
  int64_t j = pos;
  // An apposition between subject and verb: "Gondor, the old foe, criticized ...".
  if (j > c.b() && c.text(static_cast<uint32_t>(j)) == ",") {
    for (int64_t k = j - 1; k >= c.b() && k >= j - 10; --k) {
      const uint32_t u = static_cast<uint32_t>(k);
      if (IsVerb(c.tok(u).tag) || c.clauses.clause[u - c.b()] != clause) break;
      if (c.text(u) == ",") {
        if (k > c.b() && c.mention(u - 1) >= 0) j = k - 1;
        break;
      }
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
    const Token& t = c.tok(k);
    const int mi = c.mention(k);
    if (mi >= 0 || IsNoun(t.tag) || t.tag == Tag::PRP || t.tag == Tag::CD) {
      // Walk to the start of this noun phrase.
      int64_t start = mi >= 0 ? (*c.mentions)[mi].token_begin : j;
      while (start - 1 >= c.b() && c.clauses.clause[start - 1 - c.b()] == clause) {
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
        j = before - 1;  // a prepositional phrase: its noun is not the subject
        continue;
      }
      // The head of the phrase is its last word: is it an actor? Else an actor that modifies
      // it ("Arnorian troops" when "troops" is no agent) names the subject, as TABARI codes it.
      if (mi >= 0) return mi;
      for (int64_t k = j - 1; k >= start; --k)
        if (c.mention(static_cast<uint32_t>(k)) >= 0) return c.mention(static_cast<uint32_t>(k));
      return -1;
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
int FindObject(const SentenceContext& c, uint32_t verb, uint32_t pos) {
  const int clause = c.clauses.clause[verb - c.b()];
  const int segment = c.clauses.segment[verb - c.b()];
  {
    uint32_t k = verb + 1;
    while (k < c.e() && IsAdverb(c.tok(k).tag)) ++k;
    if (k + 1 < c.e() && c.text(k) == "that") {
      const int m = MentionStartingNear(c, k + 1, c.e());
      if (m >= 0) return m;
    }
  }
  for (uint32_t k = pos, n = 0; k < c.e() && n < 12; ++k, ++n) {
    if (c.clauses.clause[k - c.b()] != clause) break;
    if (c.clauses.segment[k - c.b()] != segment) {
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
      // "by X" after a passive verb is its agent, not its object.
      if (k > c.b() && c.text(k - 1) == "by") continue;
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

std::vector<int> CompoundMembers(const std::vector<Mention>& ms, int mi) {
  std::vector<int> out;
  if (mi < 0) return out;
  if (ms[mi].compound < 0) return {mi};
  for (size_t k = 0; k < ms.size(); ++k)
    if (ms[k].compound == ms[mi].compound) out.push_back(static_cast<int>(k));
  return out;
}

// Keeps, of the events of one sentence (doc.events from `begin`, made by the verbs in
// `verbs`), the first verb's events in each clause delimited by a conjunction (kClause) or in
// the sentence (kSentence). A verb inside a subordinate segment counts only when its clause has
// no event outside segments.
void KeepFirstEvents(Document& doc, const SentenceContext& c, CodeBy code_by, size_t begin,
                     const std::vector<uint32_t>& verbs) {
  // Conjunction-delimited clauses: a coordinator that does not join two actors of a compound.
  std::vector<int> conj(c.e() - c.b(), 0);
  int id = 0;
  for (uint32_t k = c.b(); k < c.e(); ++k) {
    const std::string_view w = c.text(k);
    if (code_by == CodeBy::kClause && (w == "and" || w == "but" || w == "or" || w == "nor") && k > c.b() &&
        k + 1 < c.e()) {
      const int left = c.mention(k - 1), right = c.mention(k + 1);
      const bool compound = left >= 0 && right >= 0 && (*c.mentions)[left].compound >= 0 &&
                            (*c.mentions)[left].compound == (*c.mentions)[right].compound;
      const bool adjectives = IsAdjective(c.tok(k - 1).tag) && IsAdjective(c.tok(k + 1).tag);
      if (!compound && !adjectives) ++id;
    }
    conj[k - c.b()] = id;
  }
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
    if (const size_t at = o.find("SOURCE"); at != std::string::npos) options->default_source = bracketed(at);
    if (const size_t at = o.find("TARGET"); at != std::string::npos) options->default_target = bracketed(at);
    return true;
  }
  if (has("REQUIRE_DYAD")) {
    options->one_sided = has("FALSE");
    return true;
  }
  return false;
}

Status EventCoder::Run(Document& doc) const {
  doc.events.clear();
  Date anchor;
  if (doc.publication_date) anchor = *doc.publication_date;
  else if (doc.dateline.date) anchor = *doc.dateline.date;

  const CodeBy code_by = options_.code_by ? *options_.code_by : static_cast<CodeBy>(dict_.default_code_by());
  std::vector<std::string> issues;  // the story's issue codes, in order of first appearance
  ArticleMemory memory;
  SentenceWords words;
  std::vector<Mention> mentions;
  std::vector<uint32_t> candidates;
  candidates.reserve(64);

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.token_end <= s.token_begin) continue;
    LookUpWords(doc, s, dict_, &words);
    FindMentions(doc, s, dict_, words, anchor, &mentions);

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
        for (Sentence& d : doc.sentences) d.discarded = true;
        return Status::Ok();
      }
      if (discard_sentence) {
        doc.sentences[si].discarded = true;
        continue;
      }
    }

    SentenceContext c{&doc, &dict_, &s, si, &words, &mentions, {}, {}};
    c.mention_at.assign(s.token_end - s.token_begin, -1);
    for (size_t mi = 0; mi < mentions.size(); ++mi)
      for (uint32_t k = mentions[mi].token_begin; k < mentions[mi].token_end; ++k) c.mention_at[k - s.token_begin] = static_cast<int>(mi);

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
        std::vector<std::string> countries;
        if (last + 1 < original && mentions[last + 1].token_begin == mentions[last].token_end + 1 &&
            !mentions[last + 1].country.empty() && !mentions[last + 1].person && !mentions[last + 1].generic) {
          const std::string_view prep = doc.folded_view(doc.tokens[mentions[last].token_end].span);
          if (prep == "in" || prep == "of" || prep == "from") {
            const Mention& attached = mentions[last + 1];
            if (attached.compound < 0) {
              countries.push_back(attached.country);
            } else {
              for (size_t k = last + 1; k < original; ++k)
                if (mentions[k].compound == attached.compound && !mentions[k].country.empty())
                  countries.push_back(mentions[k].country);
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
            std::string base = lead->code;
            if (base.size() > lead->agent.size() && base.compare(base.size() - lead->agent.size(), lead->agent.size(), lead->agent) == 0)
              base.resize(base.size() - lead->agent.size());
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
          }
          continue;
        }
        if (countries.empty()) {
          std::string country;
          for (size_t k = mi; country.empty() && k-- > 0;)
            if (!mentions[k].country.empty() && !mentions[k].person && !mentions[k].pronoun && !mentions[k].generic)
              country = mentions[k].country;
          if (country.empty()) country = memory.RecentCountry(si);
          if (country.empty()) continue;
          countries.push_back(country);
        }
        if (countries.size() > 1 && mentions[mi].compound < 0) mentions[mi].compound = next_compound++;
        const Mention generic = mentions[mi];
        for (size_t k = 0; k < countries.size(); ++k) {
          Mention resolved = generic;
          resolved.country = countries[k];
          resolved.code = countries[k] + generic.agent;
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
    std::vector<bool> was_subject(mentions.size(), false);
    uint32_t covered_until = 0;  // a matched pattern's words are not coded again as verbs of their own
    const size_t sentence_events_begin = doc.events.size();
    std::vector<uint32_t> event_verbs;  // the verb token of each event of this sentence
    std::vector<TimeExpression> times;  // found once per sentence, when an event needs a date
    bool times_ready = false, times_future = false;

    for (uint32_t v = s.token_begin; v < s.token_end; ++v) {
      const Token& vt = doc.tokens[v];
      if (c.mention(v) >= 0 || vt.has(Token::kPunct)) continue;
      // TABARI finds verbs by its dictionary, not by a tagger: a word that begins with a
      // verb's stem is that verb unless capitalized inside the sentence ("To Restore") or
      // after a determiner ("the restore"). Other dictionaries need a word tagged as a verb.
      const bool tagged_verb = IsVerb(vt.tag);
      const bool dictionary_verb =
          !tagged_verb && dict_.has_stems() && !(vt.has(Token::kCapitalized) && !vt.has(Token::kSentenceStart)) &&
          !(v > s.token_begin && (doc.tokens[v - 1].tag == Tag::DT || doc.tokens[v - 1].tag == Tag::PRPS ||
                                  doc.tokens[v - 1].tag == Tag::POS));
      if (!tagged_verb && !dictionary_verb) continue;
      // Patterns headed by the verb's lemma, and by stems its written form begins with, that
      // the sentence has the words for.
      candidates.clear();
      if (tagged_verb) dict_.CandidatePatterns(words.lemma[v - s.token_begin], /*stem_head=*/false, words.atoms, &candidates);
      for (uint32_t k = words.stems_begin[v - s.token_begin]; k < words.stems_begin[v - s.token_begin + 1]; ++k)
        dict_.CandidatePatterns(words.stems[k], /*stem_head=*/true, words.atoms, &candidates);
      if (candidates.empty()) continue;
      // Most specific first; among equals, in dictionary order (the order of patterns()).
      std::sort(candidates.begin(), candidates.end());

      // Auxiliary chain to the left: negation, modality, passive.
      bool negated = false, future = false, hypothetical = false, be = false, have = false;
      int64_t j = static_cast<int64_t>(v) - 1;
      while (j >= s.token_begin) {
        const std::string_view w = c.text(static_cast<uint32_t>(j));
        const Token& t = doc.tokens[j];
        if (IsNegation(w)) negated = true;
        else if (IsFutureModal(w)) future = true;
        else if (IsHypotheticalModal(w)) hypothetical = true;
        else if (IsBe(w) && t.tag != Tag::POS) be = true;
        else if (IsHave(w)) have = true;
        else if (IsDo(w)) {}
        else if (IsAdverb(t.tag) && c.mention(static_cast<uint32_t>(j)) < 0) {}
        else break;
        --j;
      }
      bool infinitive_needs_pattern = false;
      // "to VERB": coded only after a verb of intention ("plans to visit") or a "be ... to" of
      // readiness ("is about to restore", "is ready to help"), as a future act of the subject.
      if (j >= s.token_begin && c.text(static_cast<uint32_t>(j)) == "to") {
        int64_t m = j - 1;
        const bool intention = m >= s.token_begin && IsVerb(doc.tokens[m].tag) && IsIntentionVerb(doc.tokens[m].lemma);
        bool readiness = false;
        if (!intention && m >= s.token_begin && IsReadinessWord(c.text(static_cast<uint32_t>(m)))) {
          int64_t k = m - 1;
          while (k >= s.token_begin && IsAdverb(doc.tokens[k].tag)) --k;
          readiness = k >= s.token_begin && IsBe(c.text(static_cast<uint32_t>(k)));
        }
        if (!intention && !readiness) {
          // Any other "to VERB" is coded only through a pattern that names the words before
          // it ("REFUSED TO *"), which then stand for the verb's own context.
          infinitive_needs_pattern = true;
        } else {
          future = true;
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
      if (vt.tag == Tag::VBG && !be) continue;  // a gerund or participle modifier, not a finite act
      if (v < covered_until) continue;          // inside the pattern of a verb already coded
      // A participle without "be" or "have": a reduced relative when "by" follows ("a move
      // disputed by the United States"); otherwise a past tense the tagger took for one.
      if (vt.tag == Tag::VBN && !be && !have && v + 1 < s.token_end && c.text(v + 1) == "by") continue;
      const bool passive = vt.tag == Tag::VBN && be && !have;
      // A clause opened by "if" is hypothetical.
      for (int64_t k = j; k >= s.token_begin; --k) {
        if (c.clauses.clause[k - s.token_begin] != c.clauses.clause[v - s.token_begin]) break;
        if (c.text(static_cast<uint32_t>(k)) == "if" || c.text(static_cast<uint32_t>(k)) == "unless") hypothetical = true;
      }

      // Try the patterns, most specific first.
      const uint32_t limit = s.token_end;
      const VerbPattern* chosen = nullptr;
      PatternMatch pm;
      int64_t before_start = j;
      for (uint32_t pi : candidates) {
        const VerbPattern& p = dict_.patterns()[pi];
        if (p.negated != negated && p.negated) continue;
        if (infinitive_needs_pattern && !HasBeforeWords(p)) continue;
        PatternMatch trial;
        int64_t trial_start = j;
        if (passive) {
          // Passive voice: the subject is the target, "by X" the source; only the verb's
          // least specific (slot-only) patterns apply.
          if (p.specificity > 0) continue;
          trial.end = v + 1;
        } else {
          if (!MatchAfter(c, p.after, 0, v + 1, limit, &trial)) continue;
          if (!MatchBefore(c, p.before, v, s.token_begin, &trial_start)) continue;
          if (!HasBeforeWords(p)) trial_start = j;
        }
        chosen = &p;
        pm = trial;
        before_start = trial_start;
        break;
      }
      if (!chosen) continue;
      if (chosen->negated) negated = false;  // the pattern itself encodes the negation
      covered_until = std::max(covered_until, pm.end);
      if (chosen->code.empty()) continue;  // a null-coded pattern: this use of the verb is no event
      if (chosen->code.rfind("###", 0) == 0) {  // a discard pattern: the sentence gives no events
        doc.sentences[si].discarded = true;
        while (!doc.events.empty() && doc.events.back().sentence == si) doc.events.pop_back();
        break;
      }

      // Words the pattern matched before the verb ("REFUSED TO *", "PROPOSAL WAS *") belong
      // to the verb's phrase: the subject stands before them and their auxiliaries.
      if (before_start < j) {
        j = before_start;
        while (j >= s.token_begin && (IsAdverb(doc.tokens[j].tag) || doc.tokens[j].tag == Tag::MD ||
                                      IsBe(c.text(static_cast<uint32_t>(j))) || IsHave(c.text(static_cast<uint32_t>(j))) ||
                                      IsDo(c.text(static_cast<uint32_t>(j))))) {
          if (IsNegation(c.text(static_cast<uint32_t>(j))) && !chosen->negated) negated = true;
          --j;
        }
      }
      const bool coordinated = j >= s.token_begin && doc.tokens[j].tag == Tag::CC;
      int subject = coordinated ? CoordinatedSubject(c, v, j) : FindSubject(c, v, j);
      int source = pm.source >= 0 ? pm.source : subject;
      int target = pm.target;
      if (passive) {
        target = subject;
        source = FindByAgent(c, v);
      } else if (target < 0) {
        target = FindObject(c, v, pm.end);
      }
      if (subject >= 0) was_subject[subject] = true;

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
      Mode mode = Mode::kAsserted;
      if (negated) mode = Mode::kNegated;
      else if (hypothetical) mode = Mode::kHypothetical;
      else if (future) mode = Mode::kFuture;
      if ((mode == Mode::kNegated || mode == Mode::kHypothetical) && !options_.all_modes) continue;

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

      auto resolve = [&](int mi) -> std::optional<Mention> {
        if (mi < 0) return std::nullopt;
        const Mention& m = mentions[mi];
        if (m.pronoun) {
          // First the sentence's own earlier actors ("Galadriel urged Bree ... and then she
          // asked Gondor"), subjects first, nearest first; then the sentences before.
          const bool act_of_state = ActOfState(chosen->code);
          const Mention* a = nullptr;
          for (int pass = 0; pass < 2 && !a; ++pass)
            for (int k = mi - 1; k >= 0 && !a; --k) {
              const Mention& cand = mentions[k];
              if (cand.pronoun || cand.generic || cand.code.empty()) continue;
              if (pass == 0 && !was_subject[k]) continue;
              if (!ArticleMemory::Compatible(m, cand, act_of_state)) continue;
              a = &cand;
            }
          if (!a) a = memory.ResolvePronoun(m, si, act_of_state);
          if (!a) return std::nullopt;
          Mention r = *a;
          r.token_begin = m.token_begin;
          r.token_end = m.token_end;
          r.rules.push_back({Mention::Rule::kResolvePronoun, {}});
          return r;
        }
        if (m.generic && !options_.one_sided) return std::nullopt;
        return m;
      };

      const std::vector<int> sources = CompoundMembers(mentions, source);
      const std::vector<int> targets = CompoundMembers(mentions, target);
      std::vector<std::optional<Mention>> src_resolved, tgt_resolved;
      for (int si2 : sources) src_resolved.push_back(resolve(si2));
      for (int ti : targets) tgt_resolved.push_back(resolve(ti));
      if (src_resolved.empty()) src_resolved.push_back(std::nullopt);
      if (tgt_resolved.empty()) tgt_resolved.push_back(std::nullopt);

      auto emit = [&](const std::optional<Mention>& src, const std::optional<Mention>& tgt, const std::string& code) {
        event_verbs.push_back(v);
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
      if (target < 0 && !actor_follows && sources.size() > 1 && src_resolved.size() > 1) {
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
    if (code_by != CodeBy::kAll && !event_verbs.empty()) KeepFirstEvents(doc, c, code_by, sentence_events_begin, event_verbs);

    // Remember this sentence's actors for the sentences after it. The first actor of the
    // sentence counts as a subject too (headline style: "China offers ...").
    for (size_t mi = 0; mi < mentions.size(); ++mi) {
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
  }
  // Issue tags belong to the story: every event carries them.
  if (!issues.empty())
    for (Event& e : doc.events) e.issues = issues;
  return Status::Ok();
}

}  // namespace dateline
