#include "code/coref.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

namespace dateline {

namespace {

// Head nouns of the titles that stand for one person ("the president", "the foreign minister").
bool TitleHead(std::string_view w) {
  static constexpr std::string_view kTitles[] = {
      "president", "minister",  "premier", "chancellor", "general", "leader",   "king",     "queen",
      "secretary", "ambassador", "governor", "mayor",    "commander", "envoy",  "spokesman", "spokeswoman",
      "prince",    "emir",       "sultan",   "monarch",  "dictator", "chairman"};
  for (std::string_view t : kTitles)
    if (w == t) return true;
  return false;
}

Mention::Rule ResolvedRule() { return {Mention::Rule::kResolveGeneric, {}}; }

}  // namespace

void ArticleMemory::Remember(const Mention& m, uint32_t sentence, bool subject) {
  if (m.pronoun || (m.code.empty() && !m.person)) return;
  Item item{m, sentence, subject};
  Mention& r = item.mention;
  if (r.person && r.title_end == 0 && r.name_begin > r.token_begin) {
    r.title_begin = r.token_begin;
    r.title_end = r.name_begin;
  }
  items_.push_back(std::move(item));
}

void ArticleMemory::RememberSurnames(const Mention& m, uint32_t first_word, uint32_t last_word) {
  if (!m.person) return;
  if (first_word) by_surname_[first_word] = m;
  if (last_word) by_surname_[last_word] = m;
}

const Mention* ArticleMemory::BySurname(uint32_t word) const {
  auto it = by_surname_.find(word);
  return it == by_surname_.end() ? nullptr : &it->second;
}

bool ArticleMemory::Compatible(const Mention& p, const Mention& c, bool act_of_state) {
  if (p.plural) {
    if (c.person && !c.plural && c.compound < 0) return false;  // "Merz and Macron ... They"
  } else if (!c.kind_known) {
    if (c.plural) return false;  // a dictionary that does not tell persons from states
  } else if (p.gender == 'n') {
    if (c.person || c.plural) return false;
  } else {
    if (!c.person) return false;
    if (p.gender && c.gender && p.gender != c.gender) return false;
  }
  return !act_of_state || c.government() || c.collective;
}

const Mention* ArticleMemory::ResolvePronoun(const Mention& p, uint32_t sentence, bool act_of_state,
                                             std::string_view exclude) const {
  constexpr uint32_t kWindow = 6;
  for (uint32_t back = 0; back <= kWindow && back <= sentence; ++back) {
    const uint32_t s = sentence - back;
    for (int pass = 0; pass < 2; ++pass) {
      for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
        if (it->sentence != s) continue;
        if ((pass == 0) != it->subject) continue;
        if (!Compatible(p, it->mention, act_of_state)) continue;
        if (!exclude.empty() && it->mention.code == exclude) continue;
        return &it->mention;
      }
    }
  }
  return nullptr;
}

void ArticleMemory::CompoundOf(const Mention* a, std::vector<const Mention*>* out) const {
  const Item* item = nullptr;
  for (const Item& it : items_)
    if (&it.mention == a) item = &it;
  if (!item || a->compound < 0) {
    out->push_back(a);
    return;
  }
  for (const Item& it : items_)
    if (it.sentence == item->sentence && it.mention.compound == a->compound) out->push_back(&it.mention);
}

namespace {

// Whether the folded words of tokens [begin, end) end with those of [sbegin, send) (fewer).
bool EndsWithWords(const Document& doc, uint32_t begin, uint32_t end, uint32_t sbegin, uint32_t send) {
  const uint32_t n = send - sbegin;
  if (end - begin <= n) return false;
  for (uint32_t k = 0; k < n; ++k)
    if (doc.folded_view(doc.tokens[end - n + k].span) != doc.folded_view(doc.tokens[sbegin + k].span)) return false;
  return true;
}

// Whether the folded words of tokens [begin, end), one space between, spell `name` in any case.
bool SpellsName(const Document& doc, uint32_t begin, uint32_t end, std::string_view name) {
  size_t at = 0;
  for (uint32_t t = begin; t < end; ++t) {
    if (t > begin) {
      if (at >= name.size() || name[at] != ' ') return false;
      ++at;
    }
    for (char ch : doc.folded_view(doc.tokens[t].span)) {
      if (at >= name.size()) return false;
      const char n = name[at] >= 'A' && name[at] <= 'Z' ? static_cast<char>(name[at] - 'A' + 'a') : name[at];
      if (n != ch) return false;
      ++at;
    }
  }
  return at == name.size();
}

bool IsBareCountry(const Mention& m) {
  return !m.person && !m.pronoun && !m.generic && m.agent.empty() && m.code.size() == 3 && m.code == m.country;
}

}  // namespace

const Mention* ArticleMemory::LongerCountryName(const Document& doc, const Mention& shorter) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    const Mention& m = it->mention;
    if (!IsBareCountry(m) || m.code == shorter.code) continue;
    if (EndsWithWords(doc, m.token_begin, m.token_end, shorter.token_begin, shorter.token_end)) return &m;
  }
  return nullptr;
}

void AdoptLongerCountryNames(const Document& doc, const ArticleMemory& memory, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (!IsBareCountry(m)) continue;
    // "Sudan" is Sudan, whatever "South Sudan" did before: only a non-canonical name yields.
    if (SpellsName(doc, m.token_begin, m.token_end, m.name)) continue;
    if (const Mention* longer = memory.LongerCountryName(doc, m)) {
      m.code = longer->code;
      m.country = longer->country;
      m.name = longer->name;
      m.rules.push_back({Mention::Rule::kResolveGeneric, {}});
    }
  }
}

void ArticleMemory::RecentCompoundSubject(uint32_t sentence, std::vector<const Mention*>* out) const {
  out->clear();
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (it->sentence >= sentence) continue;
    if (sentence - it->sentence > 2) break;
    if (!it->subject || it->mention.compound < 0 || it->mention.pronoun) continue;
    for (const Item& m : items_)
      if (m.sentence == it->sentence && m.mention.compound == it->mention.compound && !m.mention.code.empty())
        out->push_back(&m.mention);
    if (out->size() >= 2) return;
    out->clear();
  }
}

std::string ArticleMemory::RecentCountry(uint32_t sentence) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (sentence - it->sentence > 6) break;
    if (!it->mention.country.empty() && !it->mention.person) return it->mention.country;
  }
  return {};
}

const Mention* ArticleMemory::ResolveTitle(const Document& doc, const std::vector<std::string_view>& title,
                                           uint32_t sentence) const {
  constexpr uint32_t kWindow = 6;
  auto fits = [&](const Mention& c) {
    if (!c.person || c.code.empty() || c.title_end <= c.title_begin) return false;
    for (std::string_view w : title) {
      bool found = false;
      for (uint32_t t = c.title_begin; t < c.title_end && !found; ++t) found = doc.folded_view(doc.tokens[t].span) == w;
      if (!found) return false;
    }
    return true;
  };
  for (uint32_t back = 0; back <= kWindow && back <= sentence; ++back) {
    const uint32_t s = sentence - back;
    for (int pass = 0; pass < 2; ++pass)
      for (auto it = items_.rbegin(); it != items_.rend(); ++it)
        if (it->sentence == s && (pass == 0) == it->subject && fits(it->mention)) return &it->mention;
  }
  return nullptr;
}

std::string ArticleMemory::MainCountry() const {
  std::vector<std::pair<std::string_view, int>> tally;  // in order of first mention
  for (const Item& it : items_) {
    if (it.mention.country.empty()) continue;
    auto at = std::find_if(tally.begin(), tally.end(), [&](const auto& t) { return t.first == it.mention.country; });
    if (at == tally.end()) {
      tally.emplace_back(it.mention.country, 0);
      at = tally.end() - 1;
    }
    at->second += it.subject ? 2 : 1;
  }
  std::string_view best;
  int best_count = 0;
  for (const auto& [country, count] : tally)
    if (count > best_count) {
      best = country;
      best_count = count;
    }
  return std::string(best);
}

std::string ArticleMemory::SubjectCountry(uint32_t sentence) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (it->sentence >= sentence) continue;
    if (sentence - it->sentence > 2) break;
    if (it->subject && !it->mention.country.empty() && it->mention.government()) return it->mention.country;
  }
  return MainCountry();
}

bool ResolveTitle(const Document& doc, const Dictionary& dict, const ArticleMemory& memory, uint32_t sentence,
                  std::vector<Mention>* mentions, size_t mi) {
  Mention* m = &(*mentions)[mi];
  if (!m->generic || m->plural || m->token_begin == 0 || m->compound >= 0) return false;
  if (doc.folded_view(doc.tokens[m->token_begin - 1].span) != "the") return false;
  if (!TitleHead(doc.tokens[m->token_end - 1].lemma)) return false;
  std::vector<std::string_view> title;
  for (uint32_t t = m->token_begin; t < m->token_end; ++t) title.push_back(doc.folded_view(doc.tokens[t].span));
  if (const Mention* a = memory.ResolveTitle(doc, title, sentence)) {
    Mention r = *a;
    r.token_begin = m->token_begin;
    r.token_end = m->token_end;
    r.surname = false;
    r.compound = -1;
    r.rules.push_back(ResolvedRule());
    *m = std::move(r);
    return true;
  }
  for (size_t k = 0; k < mi; ++k) {
    const Mention& e = (*mentions)[k];
    if (!e.country.empty() && !e.person && !e.pronoun && !e.generic) return false;
  }
  const std::string country = memory.MainCountry();
  if (country.empty()) return false;  // nothing named yet: the sentence's own countries decide
  m->code = m->agent_prefix ? m->agent + country : country + m->agent;
  m->country = country;
  const std::string_view name = dict.CountryName(country);
  m->name = name.empty() ? country : std::string(name);
  m->generic = false;
  m->rules.push_back(ResolvedRule());
  return true;
}

bool ResolvePluralGeneric(const Document& doc, const ArticleMemory& memory, const Sentence& s, uint32_t sentence,
                          std::vector<Mention>* mentions, size_t mi, int* next_compound) {
  const Mention& g = (*mentions)[mi];
  if (!g.generic || !g.plural || g.token_begin <= s.token_begin) return false;
  // The words before it: "both", or "the" and at most one number word.
  size_t count = 0;  // 0: any number of members
  uint32_t k = g.token_begin - 1;
  const std::string_view before = doc.folded_view(doc.tokens[k].span);
  static constexpr std::string_view kNumbers[] = {"two", "three", "four", "five", "six"};
  for (size_t n = 0; n < std::size(kNumbers); ++n)
    if (before == kNumbers[n]) count = n + 2;
  if (count) {
    if (k == s.token_begin) return false;
    --k;
  }
  const std::string_view det = doc.folded_view(doc.tokens[k].span);
  if (det == "both" && !count) count = 2;
  else if (det != "the") return false;
  std::vector<const Mention*> members;
  memory.RecentCompoundSubject(sentence, &members);
  if (members.size() < 2 || (count && members.size() != count)) return false;
  const Mention generic = g;
  const int compound = (*next_compound)++;
  for (size_t i = 0; i < members.size(); ++i) {
    Mention r = *members[i];
    if (r.agent.empty() && !r.person) r.code += generic.agent;  // "Congo and Rwanda" ... "both governments"
    r.token_begin = generic.token_begin;
    r.token_end = generic.token_end;
    r.compound = compound;
    r.generic = false;
    r.pronoun = false;
    r.rules.push_back({Mention::Rule::kResolveGeneric, {}});
    if (i == 0) (*mentions)[mi] = std::move(r);
    else mentions->push_back(std::move(r));
  }
  return true;
}

std::string PossessorCountry(const Document& doc, const ArticleMemory& memory, uint32_t sentence, const Mention& m) {
  const uint32_t first = doc.sentences[sentence].token_begin;
  uint32_t k = m.token_begin;
  while (k > first && IsAdjective(doc.tokens[k - 1].tag)) --k;
  if (k == first || doc.tokens[k - 1].tag != Tag::PRPS) return {};
  const std::string_view w = doc.folded_view(doc.tokens[k - 1].span);
  Mention p;
  p.pronoun = true;
  if (w == "its") p.gender = 'n';
  else if (w == "their") p.plural = true;
  else if (w == "his") p.gender = 'm';
  else if (w == "her") p.gender = 'f';
  else return {};
  const Mention* a = memory.ResolvePronoun(p, sentence, false);
  return a ? a->country : std::string();
}

void AddCountryReferences(const Document& doc, const Dictionary& dict, const ArticleMemory& memory,
                          const Sentence& s, uint32_t si, std::vector<Mention>* mentions) {
  for (uint32_t k = s.token_begin; k + 2 < s.token_end; ++k) {
    if (doc.folded_view(doc.tokens[k].span) != "the") continue;
    const std::string_view noun = doc.folded_view(doc.tokens[k + 1].span);
    if (noun != "country" && noun != "nation") continue;
    const Tag next = doc.tokens[k + 2].tag;
    if (!IsVerb(next) && next != Tag::MD) continue;  // its subject: "The country will send ..."
    const bool covered = std::any_of(mentions->begin(), mentions->end(), [&](const Mention& x) {
      return x.token_begin <= k + 1 && x.token_end > k;
    });
    if (covered) continue;
    const std::string country = memory.SubjectCountry(si);
    if (country.empty()) continue;
    Mention m;
    m.token_begin = k + 1;
    m.token_end = k + 2;
    m.code = country;
    m.country = country;
    const std::string_view name = dict.CountryName(country);
    m.name = name.empty() ? country : std::string(name);
    m.gender = 'n';
    m.rules.push_back(ResolvedRule());
    auto at = std::find_if(mentions->begin(), mentions->end(), [&](const Mention& x) { return x.token_begin > k; });
    mentions->insert(at, std::move(m));
  }
}

namespace {

// What the phrase [b, e) of quote `q`'s attribution names, resolved; nullopt: nothing known.
std::optional<Mention> ResolvePhrase(const Document& doc, uint32_t si, const std::vector<Mention>& mentions,
                                     const ArticleMemory& memory, const Quote& q, uint32_t b, uint32_t e,
                                     bool speaker) {
  if (e <= b) return std::nullopt;
  for (size_t mi = 0; mi < mentions.size(); ++mi) {
    const Mention& m = mentions[mi];
    if (m.token_end <= b || m.token_begin >= e) continue;
    if (m.generic) return std::nullopt;
    if (!m.pronoun) {
      if (m.code.empty()) return std::nullopt;
      // "Chinese Foreign Ministry spokesman Zhao Lijian": a name the dictionaries do not know
      // after a role they do: the person, with the role's code.
      uint32_t ne = m.token_end;
      while (speaker && !m.person && ne < e && doc.tokens[ne].has(Token::kCapitalized) &&
             IsNoun(doc.tokens[ne].tag) && (mi + 1 >= mentions.size() || mentions[mi + 1].token_begin > ne))
        ++ne;
      if (ne - m.token_end < 2) return m;
      Mention p = m;
      p.person = true;
      p.name_begin = m.token_end;
      p.token_end = ne;
      p.title_begin = m.token_begin;
      p.title_end = m.token_end;
      p.name = std::string(doc.view({doc.tokens[m.token_end].span.begin, doc.tokens[ne - 1].span.end}));
      return p;
    }
    // The sentence's earlier actors outside the quotation, then the article's.
    for (size_t k = mi; k-- > 0;) {
      const Mention& c = mentions[k];
      if (c.pronoun || c.generic || c.code.empty()) continue;
      const uint32_t at = doc.tokens[c.token_begin].span.begin;
      if (at >= q.span.begin && at < q.span.end) continue;
      if (ArticleMemory::Compatible(m, c, false)) return c;
    }
    if (const Mention* a = memory.ResolvePronoun(m, si, false)) return *a;
    return std::nullopt;
  }
  if (!speaker) return std::nullopt;
  // A name the dictionaries do not know ("Li Mingjiang"): a person without a code.
  uint32_t nb = b;
  while (nb < e && !doc.tokens[nb].has(Token::kCapitalized)) ++nb;
  uint32_t ne = nb;
  while (ne < e && (doc.tokens[ne].has(Token::kCapitalized) || doc.tokens[ne].has(Token::kHyphenated)) &&
         IsNoun(doc.tokens[ne].tag))
    ++ne;
  if (ne == nb || (ne - nb == 1 && doc.tokens[nb].has(Token::kSentenceStart))) return std::nullopt;
  Mention m;
  m.token_begin = nb;
  m.token_end = ne;
  m.name_begin = nb;
  m.person = true;
  m.name = std::string(doc.view({doc.tokens[nb].span.begin, doc.tokens[ne - 1].span.end}));
  return m;
}

void Fill(const Document& doc, const std::optional<Mention>& m, uint32_t b, uint32_t e, ActorRef* ref) {
  if (e <= b) return;
  ref->span = ByteSpan{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
  if (!m) return;
  ref->code = m->code;
  ref->name = m->name;
  ref->country = m->country;
}

}  // namespace

void ResolveQuoteSpeakers(const Document& doc, uint32_t si, const std::vector<Mention>& mentions,
                          const ArticleMemory& memory, std::vector<Quote>* quotes, std::vector<Mention>* speakers) {
  // Attribution sentences never decrease from quote to quote (resolve/quotes.h).
  auto q_it = std::lower_bound(quotes->begin(), quotes->end(), si,
                               [](const Quote& q, uint32_t s) { return q.attribution_sentence < s; });
  for (; q_it != quotes->end() && q_it->attribution_sentence == si; ++q_it) {
    Quote& q = *q_it;
    if (!q.attributed) continue;
    std::optional<Mention> speaker =
        ResolvePhrase(doc, si, mentions, memory, q, q.speaker_begin, q.speaker_end, true);
    std::optional<Mention> addressee =
        ResolvePhrase(doc, si, mentions, memory, q, q.addressee_begin, q.addressee_end, false);
    // "told reporters": the press is the audience, not a party addressed.
    if (addressee && addressee->agent == "MED" &&
        std::any_of(addressee->rules.begin(), addressee->rules.end(),
                    [](const Mention::Rule& r) { return r.kind == Mention::Rule::kResolveGeneric; }))
      addressee.reset();
    Fill(doc, speaker, q.speaker_begin, q.speaker_end, &q.speaker);
    Fill(doc, addressee, q.addressee_begin, q.addressee_end, &q.addressee);
    // The speaker is the sentence's subject for what follows ("..., he said"): named here, or
    // a person without a code the pronoun found (kept recent for the next "he said").
    if (speaker && ((speaker->token_begin >= q.speaker_begin && speaker->token_begin < q.speaker_end) ||
                    speaker->code.empty()))
      speakers->push_back(std::move(*speaker));
  }
}

void LinkQuotes(Document& doc) {
  if (doc.quotes.empty()) return;
  for (Quote& q : doc.quotes)
    if (q.speaker_from >= 0) {
      const Quote& from = doc.quotes[q.speaker_from];
      q.speaker = from.speaker;
      q.speaker.span.reset();
      q.addressee = from.addressee;
      q.addressee.span.reset();
    }
  // Quotes are in text order and do not overlap: the one that may hold a verb is the last that
  // begins before it.
  for (Event& e : doc.events) {
    if (!e.verb_span) continue;
    const uint32_t at = e.verb_span->begin;
    auto after = std::upper_bound(doc.quotes.begin(), doc.quotes.end(), at,
                                  [](uint32_t pos, const Quote& q) { return pos < q.span.begin; });
    if (after == doc.quotes.begin()) continue;
    const auto q = after - 1;
    for (const ByteSpan& p : q->parts)
      if (at >= p.begin && at < p.end) e.quote = static_cast<uint32_t>(q - doc.quotes.begin());
  }
}

}  // namespace dateline
