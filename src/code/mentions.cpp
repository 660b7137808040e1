#include "code/mentions.h"

#include <algorithm>
#include <string_view>

#include "dict/phrase.h"

namespace dateline {

namespace {

// Agent codes that make a mention an agent of the state.
bool StateAgent(std::string_view agent) {
  static constexpr std::string_view kState[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"};
  for (std::string_view s : kState)
    if (agent == s) return true;
  return false;
}

bool NoLowerCase(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

// Picks the entry of a phrase valid on `date`: a dated entry covering the date first, then an
// undated one. Returns -1 when every entry is dated and none covers the date.
int ChooseEntry(const Dictionary& dict, const Phrase& p, const Date& date) {
  int undated = -1;
  for (uint32_t idx : p.entries) {
    const ActorEntry& a = dict.actors()[idx];
    if (!a.from && !a.to) {
      if (undated < 0) undated = static_cast<int>(idx);
      continue;
    }
    if (!date.valid() || a.ValidOn(date)) return static_cast<int>(idx);
  }
  return undated;
}

// For a hyphenated token "X-led" (or -backed, -sponsored, -linked, -owned, -flagged ...), the
// one-word actor phrase X: "an Israel-linked ship" is Israel's, "a Liberian-flagged tanker" Liberia's.
const Phrase* LedBy(const Document& doc, const Dictionary& dict, uint32_t i) {
  static constexpr std::string_view kSuffixes[] = {"led", "backed", "sponsored", "supported", "controlled",
                                                   "dominated", "allied", "funded", "brokered",
                                                   "linked", "owned", "flagged", "aligned", "affiliated", "mediated"};
  const std::string_view w = doc.folded_view(doc.tokens[i].span);
  const size_t dash = w.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return nullptr;
  const std::string_view suffix = w.substr(dash + 1);
  bool known = false;
  for (std::string_view s : kSuffixes) known = known || suffix == s;
  if (!known) return nullptr;
  const uint32_t prefix = dict.vocabulary().Find(w.substr(0, dash));
  if (prefix == 0) return nullptr;
  for (uint32_t pi : dict.PhrasesStartingWith(prefix)) {
    const Phrase& p = dict.phrases()[pi];
    if (p.words.size() == 1 && !p.is_agent) return &p;
  }
  return nullptr;
}

// An actor code with an agent's code added after it (or before, for a prefix agent) — unless
// the code already holds it on a 3-character boundary (TABARI: "Tamil Tiger guerrillas" stays
// LKAREB, not LKAREBREB).
std::string ComposeAgent(const std::string& code, const AgentEntry& agent) {
  for (size_t k = 0; k + agent.code.size() <= code.size(); k += 3)
    if (code.compare(k, agent.code.size(), agent.code) == 0) return code;
  return agent.prefix ? agent.code + code : code + agent.code;
}

struct RawMatch {
  uint32_t begin, end;  // token indices (absolute)
  const Phrase* phrase;
  int entry;  // actor or agent index
};

// A hyphenated token read as the words its hyphens join, as TABARI reads text ("Barad-Dur" is
// BARAD_DUR; "al-Assad" is AL_ASSAD): the longest phrase whose first words are the token's
// parts — all of them — and whose further words, if any, are the tokens after it.
void MatchHyphenParts(const Document& doc, const Dictionary& dict, const Date& date,
                      uint32_t i, uint32_t e, RawMatch* candidate, const RawMatch** best) {
  const std::string_view folded = doc.folded_view(doc.tokens[i].span);
  std::string_view parts[8];
  uint32_t n = 0;
  for (size_t begin = 0; begin <= folded.size() && n < 8;) {
    size_t dash = folded.find('-', begin);
    if (dash == std::string_view::npos) dash = folded.size();
    if (dash == begin) return;  // "--" or a leading hyphen: not a joined word
    parts[n++] = folded.substr(begin, dash - begin);
    begin = dash + 1;
  }
  if (n < 2) return;
  const Vocabulary& vocab = dict.vocabulary();
  std::string buf;
  auto text_of = [&](uint32_t k) -> std::string_view {  // the k-th word from the token's start
    if (k < n) return parts[k];
    return LookupForm(doc.folded_view(doc.tokens[i + 1 + (k - n)].span), &buf);
  };
  thread_local std::vector<uint32_t> firsts, stems;  // reused: no allocation once warm
  firsts.clear();
  if (const uint32_t id = vocab.Find(parts[0])) firsts.push_back(id);
  if (dict.has_stems()) {
    dict.StemsOf(parts[0], &stems);
    firsts.insert(firsts.end(), stems.begin(), stems.end());
  }
  uint32_t best_len = 0;
  for (uint32_t first : firsts) {
    for (uint32_t pi : dict.PhrasesStartingWith(first)) {
      const Phrase& p = dict.phrases()[pi];
      const uint32_t len = static_cast<uint32_t>(p.words.size());
      if (len < n || i + 1 + (len - n) > e || len <= best_len) continue;
      bool ok = true;
      for (uint32_t k = 0; k < len && ok; ++k) {
        const WordMode mode = p.modes.empty() ? WordMode::kExact : p.modes[k];
        ok = WordMatches(text_of(k), vocab.word(p.words[k]), mode);
      }
      if (!ok) continue;
      const int entry = p.is_agent ? static_cast<int>(p.entries[0]) : ChooseEntry(dict, p, date);
      if (entry < 0) continue;
      *candidate = {i, i + 1 + (len - n), &p, entry};
      *best = candidate;
      best_len = len;
    }
  }
}

}  // namespace

bool Mention::government() const {
  // The first role after the country decides: CHNGOV, CHNGOVMED (state media), USAGOV (the White House).
  std::string_view role;
  if (!agent.empty()) role = std::string_view(agent).substr(0, 3);
  else if (!country.empty() && code.size() >= 6 && code.compare(0, 3, country) == 0) role = std::string_view(code).substr(3, 3);
  if (!role.empty()) return StateAgent(role);
  return !country.empty() && code == country;  // a country itself acts as its state
}

std::string RuleText(const Dictionary& dict, const Mention::Rule& rule) {
  switch (rule.kind) {
    case Mention::Rule::kActor: return "actor " + dict.Where(rule.where);
    case Mention::Rule::kAgent: return "agent " + dict.Where(rule.where);
    case Mention::Rule::kResolveGeneric: return "resolve generic-agent";
    case Mention::Rule::kResolvePronoun: return "resolve pronoun";
  }
  return "";
}

void LookUpWords(const Document& doc, const Sentence& s, const Dictionary& dict, SentenceWords* out) {
  const uint32_t n = s.token_end - s.token_begin;
  out->word.resize(n);
  out->lemma.resize(n);
  out->stems_begin.resize(n + 1);
  out->stems.clear();
  out->atoms.atoms.clear();
  // Room for a typical sentence at once, rather than growing token by token.
  out->stems.reserve(2 * n + 16);
  out->atoms.atoms.reserve(3 * n + 16);
  std::string scratch;
  const Vocabulary& vocab = dict.vocabulary();
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = doc.tokens[s.token_begin + k];
    const std::string_view folded = doc.folded_view(t.span);
    const std::string_view form = LookupForm(folded, &scratch);
    out->word[k] = vocab.Find(form);
    out->stems_begin[k] = static_cast<uint32_t>(out->stems.size());
    // Set members meet the token as written (code/coder.cpp MemberIs), other stems its lookup
    // form: one walk when the two are the same.
    if (form.data() == folded.data()) {
      dict.AllStemsOf(form, &out->stems, &out->atoms.atoms);
    } else {
      if (dict.has_stems()) dict.AllStemsOf(form, &out->stems, nullptr);
      dict.MemberStemsOf(folded, &out->atoms.atoms);
    }
    out->lemma[k] = t.lemma.empty() || t.lemma == form ? out->word[k] : vocab.Find(LookupForm(t.lemma, &scratch));
  }
  out->stems_begin[n] = static_cast<uint32_t>(out->stems.size());
  std::vector<uint32_t>& atoms = out->atoms.atoms;
  atoms.insert(atoms.end(), out->word.begin(), out->word.end());
  atoms.insert(atoms.end(), out->lemma.begin(), out->lemma.end());
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  dict.PrepareAtoms(&out->atoms);
}

void FindMentions(const Document& doc, const Sentence& s, const Dictionary& dict, const SentenceWords& words,
                  const Date& date, std::vector<Mention>* out, std::vector<Mention>* modifiers) {
  out->clear();
  if (modifiers) modifiers->clear();
  const uint32_t b = s.token_begin, e = s.token_end;

  // 1. Longest dictionary phrase at each position. A phrase's first word is found by the
  // token's exact form, by the token less a regular ending (TABARI words that take endings), or
  // by the stems that begin the token (TABARI stems); its other words are checked by their mode.
  std::vector<RawMatch> raw;
  std::string scratch;
  std::vector<std::string_view> bases;
  const Vocabulary& vocab = dict.vocabulary();
  auto token_form = [&](uint32_t t, std::string* buf) { return LookupForm(doc.folded_view(doc.tokens[t].span), buf); };
  for (uint32_t i = b; i < e;) {
    RawMatch candidate{};
    const RawMatch* best = nullptr;
    auto try_phrases = [&](uint32_t first_id, int kind) {  // kind 0 exact, 1 base, 2 stem
      for (const Dictionary::PhraseStart& start : dict.PhraseStartsWith(first_id)) {
        const uint32_t len = start.length;
        if (best && best->end - best->begin >= len) break;  // the rest are no longer (longest first)
        if (i + len > e) continue;
        const Phrase& p = dict.phrases()[start.phrase];
        // (A quick test of the second word, unless words may stand before it.)
        if (p.gap_mask == 0 && start.second && words.word[i + 1 - b] != start.second) continue;
        const WordMode m0 = p.modes.empty() ? WordMode::kExact : p.modes[0];
        if ((kind == 0 && m0 == WordMode::kStem) || (kind == 1 && m0 != WordMode::kEndings) ||
            (kind == 2 && m0 != WordMode::kStem))
          continue;
        // Word k of the phrase at token t.
        auto matches = [&](uint32_t k, uint32_t t) {
          bool ok = true;
          if (k > 0) {
            const WordMode mode = p.modes.empty() ? WordMode::kExact : p.modes[k];
            if (mode == WordMode::kExact) {
              ok = words.word[t - b] == p.words[k];
            } else {
              std::string buf;
              ok = WordMatches(token_form(t, &buf), vocab.word(p.words[k]), mode);
            }
          }
          if (ok && k < 32 && (p.caps_mask >> k & 1u)) ok = NoLowerCase(doc.view(doc.tokens[t].span));
          return ok;
        };
        bool ok = matches(0, i);
        uint32_t at = i;  // the token of the last word matched
        for (uint32_t k = 1; k < len && ok; ++k) {
          const uint32_t gaps = k < 32 && (p.gap_mask >> k & 1u) ? 4 : 0;
          ok = false;
          for (uint32_t t = at + 1; t < e && t <= at + 1 + gaps; ++t) {
            if (matches(k, t)) {
              at = t;
              ok = true;
              break;
            }
            // A gap stays inside the noun phrase: no punctuation but quote marks, no conjunction.
            const Token& g = doc.tokens[t];
            const std::string_view gw = doc.folded_view(g.span);
            if ((g.has(Token::kPunct) && !g.has(Token::kOpenQuote) && !g.has(Token::kCloseQuote)) || gw == "and" ||
                gw == "or")
              break;
          }
        }
        if (!ok) continue;
        if (best && best->end - best->begin >= at + 1 - i) continue;
        const int entry = p.is_agent ? static_cast<int>(p.entries[0]) : ChooseEntry(dict, p, date);
        if (entry < 0) continue;
        candidate = {i, at + 1, &p, entry};
        best = &candidate;
      }
    };
    if (const uint32_t w = words.word[i - b]) try_phrases(w, 0);
    if (dict.has_endings() || dict.has_stems()) {
      const std::string_view form = token_form(i, &scratch);
      if (dict.has_endings()) {
        StripRegularEndings(form, &bases);
        for (std::string_view base : bases)
          if (const uint32_t id = vocab.Find(base)) try_phrases(id, 1);
      }
      for (uint32_t k = words.stems_begin[i - b]; k < words.stems_begin[i - b + 1]; ++k) try_phrases(words.stems[k], 2);
    }
    if (!best && doc.tokens[i].has(Token::kHyphenated)) MatchHyphenParts(doc, dict, date, i, e, &candidate, &best);
    if (!best && doc.tokens[i].has(Token::kHyphenated)) {
      // "Russian-led", "US-backed": the actor that leads or backs what follows.
      if (const Phrase* p = LedBy(doc, dict, i)) {
        const int entry = ChooseEntry(dict, *p, date);
        if (entry >= 0) {
          candidate = {i, i + 1, p, entry};
          best = &candidate;
        }
      }
    }
    if (best) {
      raw.push_back(*best);
      i = best->end;
    } else {
      ++i;
    }
  }

  // A null-coded phrase ("[---]") takes its words so that no shorter phrase claims them, and
  // names no actor.
  raw.erase(std::remove_if(raw.begin(), raw.end(),
                           [&](const RawMatch& rm) {
                             return rm.phrase->is_agent ? dict.agents()[rm.entry].code.empty()
                                                        : dict.actors()[rm.entry].code.empty();
                           }),
            raw.end());

  // 2. Compose runs of adjacent matches ("Chinese" "Foreign Minister" "Wang Yi") into mentions.
  auto possessive = [&](uint32_t i) {
    const std::string_view t = doc.folded_view(doc.tokens[i].span);
    return t == "'s" || t == "\xE2\x80\x99s" || t == "'";
  };
  // CAMEO's rule for "former": a former office holder is an elite (ELI), whatever the role.
  auto former = [&](uint32_t i) { return doc.folded_view(doc.tokens[i].span) == "former"; };
  size_t r = 0;
  while (r < raw.size()) {
    size_t last = r;
    while (last + 1 < raw.size()) {
      const uint32_t gap_begin = raw[last].end, gap_end = raw[last + 1].begin;
      bool adjacent =
          gap_begin == gap_end || (gap_end == gap_begin + 1 && (possessive(gap_begin) || former(gap_begin)));
      // "Ithilen's awful and evil minister", "Gondor's defense minister": the possessor's agent
      // across the modifiers of the agent's noun.
      if (!adjacent && gap_end > gap_begin + 1 && gap_end - gap_begin <= 6 && possessive(gap_begin) &&
          raw[last + 1].phrase->is_agent) {
        adjacent = true;
        for (uint32_t t = gap_begin + 1; t < gap_end && adjacent; ++t) {
          const Tag tag = doc.tokens[t].tag;
          adjacent = IsAdjective(tag) || tag == Tag::CC || tag == Tag::RB || tag == Tag::NN || tag == Tag::NNS;
        }
      }
      if (!adjacent) break;
      ++last;
    }
    Mention m;
    const size_t r0 = r;
    m.token_begin = raw[r].begin;
    m.token_end = raw[last].end;
    const ActorEntry* person = nullptr;
    const ActorEntry* base = nullptr;
    const AgentEntry* agent = nullptr;
    bool only_adjective = true;
    for (size_t k = r; k <= last; ++k) {
      const RawMatch& rm = raw[k];
      if (rm.phrase->is_agent) {
        const AgentEntry& a = dict.agents()[rm.entry];
        if (!agent) agent = &a;
        m.rules.push_back({Mention::Rule::kAgent, a.where});
        only_adjective = false;
        continue;
      }
      const ActorEntry& a = dict.actors()[rm.entry];
      m.rules.push_back({Mention::Rule::kActor, a.where});
      if (a.kind == ActorKind::kPerson) {
        if (!person) {
          person = &a;
          m.name_begin = rm.begin;
        }
      } else if (!base) {
        base = &a;
      }
      if (a.kind != ActorKind::kAdjective) only_adjective = false;
    }
    r = last + 1;
    if (only_adjective && !person) {
      // "Chinese influence": an adjective alone names no actor — except before a coordinator
      // and the adjectives or countries of one agent: "Ukrainian and U.S. officials", "Thai,
      // Lao and Cambodian troops" are Ukrainian officials and U.S. officials.
      auto coordinates = [&](uint32_t from, uint32_t to) {  // the words between are ",", "and", "or"
        if (to <= from || to - from > 2) return false;
        for (uint32_t t = from; t < to; ++t) {
          const std::string_view w = doc.folded_view(doc.tokens[t].span);
          if (w != "and" && w != "or" && w != ",") return false;
        }
        return true;
      };
      size_t q = last + 1;
      while (q < raw.size() && !raw[q].phrase->is_agent && coordinates(raw[q - 1].end, raw[q].begin) &&
             dict.actors()[raw[q].entry].kind != ActorKind::kPerson)
        ++q;
      const bool shared = base && base->takes_agents && q > last + 1 && q < raw.size() && raw[q].phrase->is_agent &&
                          raw[q].begin == raw[q - 1].end;
      if (!shared) {
        uint32_t head = m.token_end;
        while (head < e && head < m.token_end + 3 && IsAdjective(doc.tokens[head].tag)) ++head;
        if (modifiers && base && base->kind == ActorKind::kAdjective && head < e &&
            (doc.tokens[head].tag == Tag::NN || doc.tokens[head].tag == Tag::NNS)) {
          m.country = base->country;
          const std::string_view cname = dict.CountryName(base->code.substr(0, 3));
          m.name = cname.empty() ? base->name : std::string(cname);
          m.code = base->code;
          modifiers->push_back(std::move(m));
        }
        continue;
      }
      const AgentEntry& a = dict.agents()[raw[q].entry];
      m.country = base->country;
      const std::string_view cname = dict.CountryName(base->code.substr(0, 3));
      m.name = cname.empty() ? base->name : std::string(cname);
      m.code = ComposeAgent(base->code, a);
      m.head_agent = a.code;
      m.agent = a.code;
      m.plural = a.plural;
      if (!base->kind_known) m.kind_known = false;
      m.rules.push_back({Mention::Rule::kAgent, a.where});
      out->push_back(std::move(m));
      continue;
    }
    bool was_former = m.token_begin > b && former(m.token_begin - 1);
    for (uint32_t k = m.token_begin; k < m.token_end && !was_former; ++k) was_former = former(k);

    if (base && !base->kind_known) m.kind_known = false;
    if (person) {
      m.person = true;
      m.code = person->code;
      m.name = person->name;
      m.country = person->country;
      m.gender = person->gender;
      if (m.code.size() >= 6) m.agent = m.code.substr(3, 3);
    } else if (base) {
      m.country = base->country;
      if (base->kind == ActorKind::kOrganisation || base->kind == ActorKind::kGroup) {
        m.collective = true;
        m.code = base->code;
        m.name = base->name;
      } else {
        const std::string_view cname = dict.CountryName(base->code.substr(0, 3));
        m.name = cname.empty() ? base->name : std::string(cname);
        m.code = base->code;
        m.capital = base->kind == ActorKind::kCapital && !agent;
        if (agent && base->takes_agents) {
          // Every agent of the phrase, in order: "Danish Islamist media" is DNK + MUS + MED.
          if (was_former) {
            m.code += "ELI";
            m.agent = "ELI";
          } else {
            for (size_t k = r0; k <= last; ++k)
              if (raw[k].phrase->is_agent) {
                m.code = ComposeAgent(m.code, dict.agents()[raw[k].entry]);
                m.head_agent = dict.agents()[raw[k].entry].code;
              }
            m.agent = agent->code;
          }
        }
      }
      if (agent) m.plural = agent->plural;
    } else if (agent) {
      if (!agent->alone) continue;
      m.generic = true;
      m.code = agent->code;
      m.agent = agent->code;
      m.agent_prefix = agent->prefix;
      if (was_former) m.code = m.agent = "ELI";
      m.name = agent->name;
      m.plural = agent->plural;
    }
    out->push_back(std::move(m));
  }

  // 3. Personal pronouns, resolved later against the article.
  for (uint32_t i = b; i < e; ++i) {
    const Token& t = doc.tokens[i];
    if (t.tag != Tag::PRP) continue;
    const std::string_view w = doc.folded_view(t.span);
    char gender = 0;
    bool plural = false;
    if (w == "he" || w == "him") gender = 'm';
    else if (w == "she" || w == "her") gender = 'f';
    else if (w == "they" || w == "them") plural = true;
    else if (w == "it") gender = 'n';  // a country or an organisation
    else continue;
    Mention m;
    m.token_begin = i;
    m.token_end = i + 1;
    m.pronoun = true;
    m.gender = gender;
    m.plural = plural;
    // Keep mentions in text order.
    auto it = out->begin();
    while (it != out->end() && it->token_begin < i) ++it;
    out->insert(it, std::move(m));
  }

  // 4. Compounds: "China and Russia", "France, Germany and Italy", "Fornost and the evil
  // awful Gondor". Two mentions are joined when the words between them are a coordinator
  // ("and", "or", "&") or a comma, optionally with determiners and adjectives; a link made by
  // commas alone counts only in a list that a coordinator closes ("X, the state's foe," is an
  // apposition, not a list).
  enum Link { kNone, kComma, kCoordinator, kCommaCoordinator };
  std::vector<Link> links(out->size(), kNone);  // links[k]: between mention k and k + 1
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    const Mention& a = (*out)[k];
    const Mention& c = (*out)[k + 1];
    if (a.pronoun || c.pronoun) continue;
    bool comma = false, coordinator = false, other = false;
    for (uint32_t t = a.token_end; t < c.token_begin && !other; ++t) {
      const std::string_view w = doc.folded_view(doc.tokens[t].span);
      const Tag tag = doc.tokens[t].tag;
      if (w == "and" || w == "or" || w == "nor" || w == "&") coordinator = true;
      else if (w == ",") comma = true;
      else if (!(tag == Tag::DT || tag == Tag::PDT || IsAdjective(tag) || tag == Tag::PRPS || tag == Tag::RB ||
                 tag == Tag::CD))
        other = true;
    }
    if (other || c.token_begin - a.token_end > 6) continue;
    links[k] = coordinator ? (comma ? kCommaCoordinator : kCoordinator) : comma ? kComma : kNone;
  }
  // ", and" after a pair already joined by "and" starts a compound of its own: "between
  // Calenardhon and Gondor, and Gondor and Dagolath" is two pairs; "France, Germany, and
  // Italy" stays one list.
  for (size_t k = 0; k < links.size(); ++k) {
    if (links[k] != kCommaCoordinator) continue;
    links[k] = k > 0 && links[k - 1] == kCoordinator ? kNone : kCoordinator;
  }
  // Comma links survive only when the chain they belong to ends in a coordinator link.
  for (size_t k = out->size(); k-- > 0;) {
    if (links[k] != kComma) continue;
    size_t j = k + 1;
    while (j < links.size() && links[j] == kComma) ++j;
    if (j >= links.size() || links[j] != kCoordinator) links[k] = kNone;
  }
  int next_compound = 0;
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    if (links[k] == kNone) continue;
    Mention& a = (*out)[k];
    if (a.compound < 0) a.compound = next_compound++;
    (*out)[k + 1].compound = a.compound;
  }
}

}  // namespace dateline
