#include "dict/dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <tuple>

#include "core/embedded.h"
#include "dict/phrase.h"

namespace dateline {

uint32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  frozen_ = false;  // a new word: Find() uses the map until the next Freeze()
  const uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  if (frozen_) {
    for (uint64_t h = XXH3_64bits(word.data(), word.size()) & mask_;; h = (h + 1) & mask_) {
      const uint32_t id = slots_[h];
      if (id == 0) return 0;
      if (words_[id] == word) return id;
    }
  }
  auto it = ids_.find(word);
  return it == ids_.end() ? 0 : it->second;
}

void Vocabulary::Freeze() {
  size_t capacity = 16;
  while (capacity < words_.size() * 2) capacity *= 2;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (uint32_t id = 1; id < words_.size(); ++id) {
    uint64_t h = XXH3_64bits(words_[id].data(), words_[id].size()) & mask_;
    while (slots_[h] != 0) h = (h + 1) & mask_;
    slots_[h] = id;
  }
  frozen_ = true;
}

void Dictionary::PrepareAtoms(SentenceAtoms* atoms) const {
  std::fill(std::begin(atoms->filter), std::end(atoms->filter), 0);
  for (uint32_t a : atoms->atoms)
    atoms->filter[a % SentenceAtoms::kFilterBits / 64] |= uint64_t{1} << (a % 64);
  atoms->groups.assign((atom_groups_.size() + 63) / 64, 0);
  if (atom_groups_.empty()) return;
  for (uint32_t a : atoms->atoms) {
    if (a + 1 >= groups_of_begin_.size()) break;  // atoms are sorted: no later one is in a group
    for (uint32_t k = groups_of_begin_[a]; k < groups_of_begin_[a + 1]; ++k)
      atoms->groups[groups_of_[k] / 64] |= uint64_t{1} << (groups_of_[k] % 64);
  }
}

bool Dictionary::PatternPossible(const VerbPattern& p, const SentenceAtoms& atoms) const {
  for (uint32_t w : p.required)
    if (!std::binary_search(atoms.atoms.begin(), atoms.atoms.end(), w)) return false;
  for (uint32_t g : p.required_any)
    if (!(atoms.groups[g / 64] >> (g % 64) & 1)) return false;
  return true;
}

void Dictionary::CandidatePatterns(uint32_t head, bool stem_head, const SentenceAtoms& sentence,
                                   std::vector<uint32_t>* out) const {
  const std::vector<uint32_t>& atoms = sentence.atoms;
  const uint64_t slot = 2 * uint64_t{head} + (stem_head ? 1 : 0);
  if (slot >= head_slot_.size() || head_slot_[slot] == 0) return;
  const HeadPatterns& h = heads_[head_slot_[slot] - 1];
  for (uint32_t k = h.unkeyed_begin; k < h.unkeyed_end; ++k)
    if (PatternPossible(patterns_[pattern_ids_[k]], sentence)) out->push_back(pattern_ids_[k]);
  auto add_keyed = [&](const KeyedPatterns& keyed) {
    for (uint32_t i = keyed.begin; i < keyed.end; ++i)
      if (PatternPossible(patterns_[pattern_ids_[i]], sentence)) out->push_back(pattern_ids_[i]);
  };
  // A head with a few keys tests each against the sentence's filter, and searches the atoms
  // only for those that pass. One with many (a verb such as "say" has hundreds) searches its
  // sorted keys for each atom instead, from where the last search ended.
  const KeyedPatterns* key = keyed_.data() + h.keys_begin;
  const KeyedPatterns* const keys_end = keyed_.data() + h.keys_end;
  if (static_cast<size_t>(keys_end - key) <= 8 * atoms.size()) {
    for (; key != keys_end; ++key)
      if (sentence.MayHave(key->key) && std::binary_search(atoms.begin(), atoms.end(), key->key)) add_keyed(*key);
  } else {
    for (auto atom = atoms.begin(); atom != atoms.end() && key != keys_end; ++atom) {
      key = std::lower_bound(key, keys_end, *atom, [](const KeyedPatterns& k, uint32_t a) { return k.key < a; });
      if (key != keys_end && key->key == *atom) add_keyed(*key);
    }
  }
}

std::string Dictionary::NegatedCode(std::string_view code) const {
  auto it = ontology_.find(std::string(code));
  if (it == ontology_.end()) return {};
  // A value is base, base + 0xFFFF (the opposite) or base - 0xFFFF (the negation); "not" of
  // either of the latter is the base, "not" of a base is its negation.
  constexpr int64_t kFlip = 0xFFFF;
  const int64_t v = it->second;
  int64_t negated;
  if (v > kFlip) negated = v - kFlip;
  else if (v < 0) negated = v + kFlip;
  else negated = v - kFlip;
  auto found = ontology_codes_.find(negated);
  return found == ontology_codes_.end() ? std::string() : found->second;
}

std::string Dictionary::Where(const SourceLine& s) const {
  return (s.file < files_.size() ? files_[s.file] : std::string("?")) + ":" + std::to_string(s.line);
}

std::string_view Dictionary::CountryName(std::string_view code) const {
  auto it = country_names_.find(std::string(code));
  return it == country_names_.end() ? std::string_view() : std::string_view(it->second);
}

DictionaryBuilder::DictionaryBuilder() = default;
DictionaryBuilder::~DictionaryBuilder() = default;
DictionaryBuilder::DictionaryBuilder(DictionaryBuilder&&) noexcept = default;

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ValidCode(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  for (char c : code)
    if (!(std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)))) return false;
  return true;
}

bool ValidEventCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Splits "k=v k2=\"two words\"" into pairs.
bool ParseAttributes(std::string_view s, std::vector<std::pair<std::string, std::string>>* out, std::string* error) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    const size_t eq = s.find('=', i);
    if (eq == std::string_view::npos) {
      *error = "expected key=value in the attributes, found '" + std::string(s.substr(i)) + "'";
      return false;
    }
    std::string key(Trim(s.substr(i, eq - i)));
    size_t j = eq + 1;
    std::string value;
    if (j < s.size() && s[j] == '"') {
      const size_t close = s.find('"', j + 1);
      if (close == std::string_view::npos) {
        *error = "unterminated quoted value for '" + key + "'";
        return false;
      }
      value = std::string(s.substr(j + 1, close - j - 1));
      i = close + 1;
    } else {
      size_t k = j;
      while (k < s.size() && !std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      value = std::string(s.substr(j, k - j));
      i = k;
    }
    out->emplace_back(std::move(key), std::move(value));
  }
  return true;
}

}  // namespace

void DictionaryBuilder::Problem(uint16_t file, uint32_t line, std::string_view message) {
  problems_.push_back(dict_.files_[file] + ":" + std::to_string(line) + ": " + std::string(message));
}

std::vector<uint32_t> DictionaryBuilder::TokenizePhrase(std::string_view phrase, uint32_t* caps_mask) {
  std::vector<uint32_t> ids;
  *caps_mask = 0;
  for (const PhraseWord& w : SplitPhrase(phrase)) {
    if (w.acronym && ids.size() < 32) *caps_mask |= 1u << ids.size();
    ids.push_back(dict_.vocab_.Intern(w.folded));
  }
  return ids;
}

void DictionaryBuilder::AddPhrase(std::string_view text, bool is_agent, uint32_t entry, uint16_t file, uint32_t line) {
  uint32_t caps = 0;
  std::vector<uint32_t> words = TokenizePhrase(text, &caps);
  if (words.empty()) {
    Problem(file, line, "empty phrase");
    return;
  }
  std::vector<WordMode> modes(words.size(), WordMode::kExact);
  AddPhraseIds(std::move(words), std::move(modes), caps, is_agent, entry);
}

void DictionaryBuilder::AddPhraseIds(std::vector<uint32_t> words, std::vector<WordMode> modes, uint32_t caps,
                                     bool is_agent, uint32_t entry, uint32_t gaps) {
  std::string key;
  for (size_t k = 0; k < words.size(); ++k) key += std::to_string(words[k]) + ":" + std::to_string(int(modes[k])) + ",";
  key += is_agent ? "g" : "a";
  key += std::to_string(caps);
  key += "/" + std::to_string(gaps);
  auto [it, inserted] = phrase_ids_.emplace(key, static_cast<uint32_t>(dict_.phrases_.size()));
  if (inserted) {
    Phrase p;
    p.words = std::move(words);
    p.modes = std::move(modes);
    p.caps_mask = caps;
    p.gap_mask = gaps;
    p.is_agent = is_agent;
    dict_.phrases_.push_back(std::move(p));
  }
  dict_.phrases_[it->second].entries.push_back(entry);
}

uint32_t DictionaryBuilder::AddActorEntry(ActorEntry entry) {
  if (entry.kind == ActorKind::kCountry && !entry.code.empty() && !dict_.country_names_.count(entry.code))
    dict_.country_names_[entry.code] = entry.name;
  dict_.actors_.push_back(std::move(entry));
  return static_cast<uint32_t>(dict_.actors_.size() - 1);
}

uint32_t DictionaryBuilder::AddAgentEntry(AgentEntry entry) {
  dict_.agents_.push_back(std::move(entry));
  return static_cast<uint32_t>(dict_.agents_.size() - 1);
}

void DictionaryBuilder::AddPhraseWords(const std::vector<std::pair<std::string, WordMode>>& words, bool is_agent,
                                       uint32_t entry, uint32_t gap_mask) {
  if (words.empty()) return;
  std::vector<uint32_t> ids;
  std::vector<WordMode> modes;
  for (const auto& [w, m] : words) {
    ids.push_back(dict_.vocab_.Intern(w));
    modes.push_back(m);
  }
  AddPhraseIds(std::move(ids), std::move(modes), 0, is_agent, entry, gap_mask);
}

uint16_t DictionaryBuilder::AddFileName(std::string name) {
  dict_.files_.push_back(std::move(name));
  return static_cast<uint16_t>(dict_.files_.size() - 1);
}

void DictionaryBuilder::ParseLine(uint16_t file, uint32_t line_no, std::string_view line) {
  const size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  line = Trim(line);
  if (line.empty()) return;

  // KEYWORD CODE | phrase-or-pattern | attributes
  const size_t bar1 = line.find('|');
  if (bar1 == std::string_view::npos) {
    Problem(file, line_no, "expected 'KEYWORD CODE | phrase | attributes'");
    return;
  }
  const size_t bar2 = line.find('|', bar1 + 1);
  std::string_view head = Trim(line.substr(0, bar1));
  std::string_view body = Trim(line.substr(bar1 + 1, bar2 == std::string_view::npos ? std::string_view::npos : bar2 - bar1 - 1));
  std::string_view attrs = bar2 == std::string_view::npos ? std::string_view() : Trim(line.substr(bar2 + 1));

  const size_t sp = head.find_first_of(" \t");
  if (sp == std::string_view::npos) {
    Problem(file, line_no, "expected a keyword (actor, agent, verb, discard, issue) and a code before '|'");
    return;
  }
  const std::string_view keyword = head.substr(0, sp);
  const std::string code(Trim(head.substr(sp)));
  if (body.empty()) {
    Problem(file, line_no, "empty phrase between the bars");
    return;
  }
  std::vector<std::pair<std::string, std::string>> kv;
  std::string error;
  if (!ParseAttributes(attrs, &kv, &error)) {
    Problem(file, line_no, error);
    return;
  }

  if (keyword == "actor") {
    // "---": a name that holds an actor's name but names no actor ("South China Sea"); it takes
    // its words so that no shorter phrase claims them.
    const bool null_code = code == "---";
    if (!null_code && !ValidCode(code)) {
      Problem(file, line_no, "actor code must be upper-case letters and digits, found '" + code + "'");
      return;
    }
    ActorEntry e;
    e.code = null_code ? std::string() : code;
    e.where = {file, line_no};
    e.country = !null_code && code.size() >= 3 ? code.substr(0, 3) : "";
    std::string kind = "country";
    bool country_given = false;
    for (auto& [k, v] : kv) {
      if (k == "kind") {
        kind = v;
      } else if (k == "name") {
        e.name = v;
      } else if (k == "country") {
        e.country = v;
        country_given = true;
      } else if (k == "gender") {
        if (v != "m" && v != "f") {
          Problem(file, line_no, "gender must be m or f, found '" + v + "'");
          return;
        }
        e.gender = v[0];
      } else if (k == "from" || k == "to") {
        std::optional<Date> d = Date::Parse(v);
        if (!d) {
          Problem(file, line_no, "expected a date YYYY-MM-DD for '" + k + "', found '" + v + "'");
          return;
        }
        (k == "from" ? e.from : e.to) = d;
      } else {
        Problem(file, line_no, "unknown attribute '" + k + "' (known: kind name country gender from to)");
        return;
      }
    }
    if (kind == "country") e.kind = ActorKind::kCountry;
    else if (kind == "place") e.kind = ActorKind::kCountry, e.place = true;
    else if (kind == "adjective") e.kind = ActorKind::kAdjective;
    else if (kind == "capital") e.kind = ActorKind::kCapital;
    else if (kind == "org") e.kind = ActorKind::kOrganisation;
    else if (kind == "person") e.kind = ActorKind::kPerson;
    else if (kind == "group") e.kind = ActorKind::kGroup;
    else {
      Problem(file, line_no, "unknown kind '" + kind + "' (known: country place adjective capital org person group)");
      return;
    }
    if (e.from && e.to && *e.to < *e.from) {
      Problem(file, line_no, "date range ends before it starts");
      return;
    }
    if (e.kind == ActorKind::kOrganisation && !country_given) e.country = "";
    e.takes_agents = (e.kind == ActorKind::kCountry || e.kind == ActorKind::kAdjective || e.kind == ActorKind::kCapital) &&
                     e.code.size() == 3;
    if (e.name.empty()) e.name = std::string(body);
    if (e.kind == ActorKind::kCountry && !e.code.empty() && !dict_.country_names_.count(e.code))
      dict_.country_names_[e.code] = e.name;
    const uint32_t idx = static_cast<uint32_t>(dict_.actors_.size());
    dict_.actors_.push_back(std::move(e));
    AddPhrase(body, /*is_agent=*/false, idx, file, line_no);
  } else if (keyword == "agent") {
    if (!ValidCode(code)) {
      Problem(file, line_no, "agent code must be upper-case letters and digits, found '" + code + "'");
      return;
    }
    AgentEntry a;
    a.code = code;
    a.name = std::string(body);
    a.where = {file, line_no};
    for (auto& [k, v] : kv) {
      if (k == "plural") {
        a.plural = v == "yes" || v == "true";
      } else if (k == "alone") {
        a.alone = !(v == "no" || v == "false");
      } else {
        Problem(file, line_no, "unknown attribute '" + k + "' for an agent (known: plural, alone)");
        return;
      }
    }
    const uint32_t idx = static_cast<uint32_t>(dict_.agents_.size());
    dict_.agents_.push_back(std::move(a));
    AddPhrase(body, /*is_agent=*/true, idx, file, line_no);
  } else if (keyword == "verb") {
      std::string forward = code, reverse;
    if (const size_t colon = code.find(':'); colon != std::string::npos) {
      forward = code.substr(0, colon);
      reverse = code.substr(colon + 1);
    }
    const bool null_code = code == "---";  // this use of the verb is no event
    if (!null_code && (!ValidEventCode(forward) || (!reverse.empty() && !ValidEventCode(reverse)))) {
      Problem(file, line_no,
              "event code must be 2 to 4 digits, a pair such as 042:043, or --- (no event), found '" + code + "'");
      return;
    }
    VerbPattern p;
    p.code = null_code ? std::string() : forward;
    p.reverse_code = reverse;
    p.where = {file, line_no};
    for (auto& [k, v] : kv) {
      if (k == "negated") {
        p.negated = v == "yes" || v == "true";
      } else {
        Problem(file, line_no, "unknown attribute '" + k + "' for a verb (known: negated)");
        return;
      }
    }
    bool seen_head = false;
    std::vector<PatternElement> before;
    for (const PhraseWord& w : SplitPhrase(body)) {
      PatternElement el;
      if (w.folded == "$") el.kind = PatternElement::kSource;
      else if (w.folded == "+") el.kind = PatternElement::kTarget;
      else if (w.folded == "*") el.kind = PatternElement::kSkip;
      else if (w.folded.size() > 2 && w.folded.front() == '[' && w.folded.back() == ']') {
        if (seen_head) {
          Problem(file, line_no, "a pattern has exactly one [head] verb; found a second");
          return;
        }
        seen_head = true;
        p.head = dict_.vocab_.Intern(w.folded.substr(1, w.folded.size() - 2));
        continue;
      } else {
        el.word = dict_.vocab_.Intern(w.folded);
        ++p.specificity;
      }
      (seen_head ? p.after : before).push_back(el);
    }
    if (!seen_head) {
      Problem(file, line_no, "a verb pattern needs its head verb in brackets, e.g. '[visit] +'");
      return;
    }
    std::reverse(before.begin(), before.end());
    p.before = std::move(before);
    p.target_in_words = !p.after.empty() && p.after.back().kind == PatternElement::kWord;
    for (const PatternElement& el : p.after) p.target_in_words = p.target_in_words && el.kind != PatternElement::kTarget;
    dict_.patterns_.push_back(std::move(p));
  } else if (keyword == "discard") {
    // A phrase that takes its sentence (or, for `story`, the whole story) out: an actor phrase
    // with a discard code, as the TABARI and PETRARCH discards are compiled (dict/compile.cpp).
    if (code != "sentence" && code != "story") {
      Problem(file, line_no, "a discard's code must be 'sentence' or 'story', found '" + code + "'");
      return;
    }
    if (!kv.empty()) {
      Problem(file, line_no, "unknown attribute '" + kv[0].first + "' for a discard (none are known)");
      return;
    }
    ActorEntry e;
    e.code = code == "story" ? std::string(kStoryDiscardCode) : "###";
    e.name = std::string(body);
    e.country = "";
    e.kind = ActorKind::kGroup;
    e.where = {file, line_no};
    const uint32_t idx = static_cast<uint32_t>(dict_.actors_.size());
    dict_.actors_.push_back(std::move(e));
    AddPhrase(body, /*is_agent=*/false, idx, file, line_no);
  } else if (keyword == "issue") {
    // An issue or theme phrase: a story containing it is tagged with the code ("---": a null
    // entry that only keeps a shorter issue phrase from matching inside it).
    const bool null_code = code == "---";
    bool valid = !code.empty() && code.size() <= 32;
    for (char c : code)
      valid = valid && (std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    if (!null_code && !valid) {
      Problem(file, line_no, "an issue code must be upper-case letters, digits and '_', or ---, found '" + code + "'");
      return;
    }
    if (!kv.empty()) {
      Problem(file, line_no, "unknown attribute '" + kv[0].first + "' for an issue (none are known)");
      return;
    }
    IssuePhrase issue;
    uint32_t caps = 0;
    issue.words = TokenizePhrase(body, &caps);
    issue.code = null_code ? std::string() : code;
    issue.where = {file, line_no};
    if (issue.words.empty()) {
      Problem(file, line_no, "empty phrase");
      return;
    }
    dict_.issue_phrases_.push_back(std::move(issue));
  } else {
    Problem(file, line_no,
            "unknown keyword '" + std::string(keyword) + "' (known: actor, agent, verb, discard, issue)");
  }
}

void DictionaryBuilder::HashContent(std::string_view bytes) {
  hash_state_ = XXH3_64bits_withSeed(bytes.data(), bytes.size(), hash_state_);
}

void DictionaryBuilder::AddFile(std::string name, std::string_view bytes) {
  const uint16_t file = static_cast<uint16_t>(dict_.files_.size());
  dict_.files_.push_back(std::move(name));
  hash_state_ = XXH3_64bits_withSeed(bytes.data(), bytes.size(), hash_state_);
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    ParseLine(file, ++line_no, bytes.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

void DictionaryBuilder::AddDefaults() {
  for (const EmbeddedEntry& e : EmbeddedFiles()) {
    if (e.name.rfind("dict/", 0) == 0 && e.name.size() > 3 && e.name.substr(e.name.size() - 3) == ".dl")
      AddFile("data/" + std::string(e.name), e.bytes);
  }
}

bool WordMatches(std::string_view token, std::string_view word, WordMode mode) {
  switch (mode) {
    case WordMode::kExact:
      return token == word;
    case WordMode::kStem:
      return token.size() >= word.size() && token.compare(0, word.size(), word) == 0;
    case WordMode::kEndings: {
      if (token == word) return true;
      if (token.size() <= word.size() || token.compare(0, word.size(), word) != 0) return false;
      const std::string_view rest = token.substr(word.size());
      return rest == "s" || rest == "es" || rest == "ed" || rest == "en" || rest == "ing" || rest == "'s";
    }
  }
  return false;
}

void StripRegularEndings(std::string_view token, std::vector<std::string_view>* bases) {
  bases->clear();
  // Every ending ends in s, g, d or n: most words are ruled out by their last letter.
  if (token.empty() || (token.back() != 's' && token.back() != 'g' && token.back() != 'd' && token.back() != 'n')) return;
  static constexpr std::string_view kEndings[] = {"'s", "ing", "es", "ed", "en", "s"};
  for (std::string_view e : kEndings)
    if (token.size() > e.size() + 1 && token.compare(token.size() - e.size(), e.size(), e) == 0)
      bases->push_back(token.substr(0, token.size() - e.size()));
}

template <bool kStems, bool kMembers>
void Dictionary::WalkStems(std::string_view token, std::vector<uint32_t>* stems,
                           std::vector<uint32_t>* member_stems) const {
  if (stem_trie_.empty() || token.empty()) return;
  uint32_t node = root_child_[static_cast<unsigned char>(token[0])];
  for (size_t i = 1;; ++i) {
    if (node == 0) return;
    const TrieNode& n = stem_trie_[node];
    if (kStems && n.stem) stems->push_back(n.stem);
    if (kMembers && n.member) member_stems->push_back(n.member);
    if (i == token.size()) return;
    const char c = token[i];
    uint32_t lo = n.first_child;
    const uint32_t end = n.first_child + n.child_count;
    if (n.child_count > 8) {  // most nodes have a few children: a scan beats a search
      uint32_t hi = end;
      while (lo < hi) {
        const uint32_t mid = (lo + hi) / 2;
        if (stem_trie_[mid].byte < c) lo = mid + 1;
        else hi = mid;
      }
    } else {
      while (lo < end && stem_trie_[lo].byte < c) ++lo;
    }
    node = lo < end && stem_trie_[lo].byte == c ? lo : 0;
  }
}

void Dictionary::StemsOf(std::string_view token, std::vector<uint32_t>* ids) const {
  ids->clear();
  if (has_stems_) WalkStems<true, false>(token, ids, nullptr);
}

void Dictionary::MemberStemsOf(std::string_view token, std::vector<uint32_t>* ids) const {
  WalkStems<false, true>(token, nullptr, ids);
}

void Dictionary::AllStemsOf(std::string_view token, std::vector<uint32_t>* stems,
                            std::vector<uint32_t>* member_stems) const {
  if (stems && member_stems) WalkStems<true, true>(token, stems, member_stems);
  else if (stems) WalkStems<true, false>(token, stems, nullptr);
  else if (member_stems) WalkStems<false, true>(token, nullptr, member_stems);
}

Result<Dictionary> DictionaryBuilder::Build() && {
  Dictionary& d = dict_;
  // The stem trie, built breadth-first so that each node's children are contiguous and sorted.
  {
    struct Stem {
      std::string_view text;
      uint32_t stem = 0, member = 0;
    };
    std::vector<Stem> stems;
    std::vector<bool> seen(d.vocab_.size(), false);
    auto add_stem = [&](uint32_t id) {
      if (seen[id]) return;
      seen[id] = true;
      stems.push_back({d.vocab_.word(id), id, 0});
      d.has_stems_ = true;
    };
    for (const Phrase& p : d.phrases_)
      for (size_t k = 0; k < p.words.size(); ++k) {
        if (p.modes[k] == WordMode::kStem) add_stem(p.words[k]);
        if (p.modes[k] == WordMode::kEndings) d.has_endings_ = true;
      }
    for (const VerbPattern& p : d.patterns_)
      if (p.head_mode == WordMode::kStem) add_stem(p.head);
    auto add_member = [&](uint32_t id) {
      const std::string_view w = d.vocab_.word(id);
      if (w.empty() || w[0] != '\x01' || seen[id]) return;
      seen[id] = true;
      stems.push_back({w.substr(1), 0, id});
    };
    for (const auto& set : d.word_sets_)
      for (uint32_t id : set) add_member(id);
    for (const auto& set : d.phrase_sets_)
      for (const auto& phrase : set)
        for (uint32_t id : phrase) add_member(id);
    std::sort(stems.begin(), stems.end(), [](const Stem& a, const Stem& b) { return a.text < b.text; });
    if (!stems.empty()) {
      // Each level: group the stems sharing a prefix of that length.
      struct Range { size_t lo, hi; uint32_t node; size_t depth; };
      d.stem_trie_.push_back({});
      std::vector<Range> queue = {{0, stems.size(), 0, 0}};
      for (size_t q = 0; q < queue.size(); ++q) {
        const Range r = queue[q];
        size_t i = r.lo;
        for (; i < r.hi && stems[i].text.size() == r.depth; ++i) {
          if (stems[i].stem) d.stem_trie_[r.node].stem = stems[i].stem;
          if (stems[i].member) d.stem_trie_[r.node].member = stems[i].member;
        }
        const uint32_t first = static_cast<uint32_t>(d.stem_trie_.size());
        uint16_t count = 0;
        std::vector<Range> children;
        while (i < r.hi) {
          const char c = stems[i].text[r.depth];
          size_t j = i;
          while (j < r.hi && stems[j].text[r.depth] == c) ++j;
          const uint32_t child = static_cast<uint32_t>(d.stem_trie_.size());
          d.stem_trie_.push_back({0, 0, c, 0, 0});
          if (r.depth == 0) d.root_child_[static_cast<unsigned char>(c)] = child;
          children.push_back({i, j, child, r.depth + 1});
          ++count;
          i = j;
        }
        d.stem_trie_[r.node].first_child = first;
        d.stem_trie_[r.node].child_count = count;
        for (const Range& c : children) queue.push_back(c);
      }
    }
  }
  d.by_first_word_.assign(d.vocab_.size(), {});
  for (uint32_t i = 0; i < d.phrases_.size(); ++i) d.by_first_word_[d.phrases_[i].words[0]].push_back(i);
  for (auto& list : d.by_first_word_)
    std::stable_sort(list.begin(), list.end(),
                     [&](uint32_t a, uint32_t b) { return d.phrases_[a].words.size() > d.phrases_[b].words.size(); });
  d.phrase_starts_begin_.assign(d.by_first_word_.size() + 1, 0);
  for (size_t w = 0; w < d.by_first_word_.size(); ++w) {
    d.phrase_starts_begin_[w] = static_cast<uint32_t>(d.phrase_starts_.size());
    for (uint32_t pi : d.by_first_word_[w]) {
      const Phrase& p = d.phrases_[pi];
      const bool exact_second = p.words.size() > 1 && (p.modes.empty() || p.modes[1] == WordMode::kExact);
      d.phrase_starts_.push_back({pi, static_cast<uint32_t>(p.words.size()), exact_second ? p.words[1] : 0});
    }
  }
  d.phrase_starts_begin_.back() = static_cast<uint32_t>(d.phrase_starts_.size());
  // Trial order: most specific first; among equals, patterns before a verb's own code (TABARI
  // tries a verb's phrases before its root), then the dictionaries' order. (The order is sorted
  // as indices: each pattern then moves once.)
  {
    std::vector<uint32_t> order(d.patterns_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const VerbPattern &pa = d.patterns_[a], &pb = d.patterns_[b];
      if (pa.specificity != pb.specificity) return pa.specificity > pb.specificity;
      return !pa.bare && pb.bare;
    });
    std::vector<VerbPattern> sorted;
    sorted.reserve(order.size());
    for (uint32_t i : order) sorted.push_back(std::move(d.patterns_[i]));
    d.patterns_ = std::move(sorted);
  }
  // What each pattern requires of a sentence. Every word-like element must match somewhere in
  // it: a word is itself required; a set needs one of its words, or one of its phrases' first
  // words; a set of one phrase needs all of that phrase's words.
  {
    std::map<std::vector<uint32_t>, uint32_t> group_ids;
    for (VerbPattern& p : d.patterns_) {
      p.required.clear();
      p.required_any.clear();
      auto require_any = [&](std::vector<uint32_t> group) {
        std::sort(group.begin(), group.end());
        group.erase(std::unique(group.begin(), group.end()), group.end());
        if (group.size() == 1) {
          p.required.push_back(group[0]);
          return;
        }
        auto [it, inserted] = group_ids.emplace(group, static_cast<uint32_t>(d.atom_groups_.size()));
        if (inserted) d.atom_groups_.push_back(std::move(group));
        p.required_any.push_back(it->second);
      };
      for (const std::vector<PatternElement>* side : {&p.before, &p.after})
        for (const PatternElement& el : *side) {
          if (el.kind == PatternElement::kWord) {
            p.required.push_back(el.word);
          } else if (el.kind == PatternElement::kWordSet) {
            require_any(d.word_sets_[el.word]);
          } else if (el.kind == PatternElement::kPhraseSet) {
            const std::vector<std::vector<uint32_t>>& phrases = d.phrase_sets_[el.word];
            bool any_empty = false;
            for (const auto& phrase : phrases) any_empty = any_empty || phrase.empty();
            if (any_empty) continue;  // an empty phrase matches anywhere: nothing is required
            if (phrases.size() == 1) {
              p.required.insert(p.required.end(), phrases[0].begin(), phrases[0].end());
              continue;
            }
            std::vector<uint32_t> firsts;
            for (const auto& phrase : phrases) firsts.push_back(phrase[0]);
            require_any(std::move(firsts));
          }
        }
      std::sort(p.required.begin(), p.required.end());
      p.required.erase(std::unique(p.required.begin(), p.required.end()), p.required.end());
      std::sort(p.required_any.begin(), p.required_any.end());
      p.required_any.erase(std::unique(p.required_any.begin(), p.required_any.end()), p.required_any.end());
    }
    // The inverse: the groups of each atom, for PrepareAtoms.
    uint32_t last_atom = 0;
    for (const auto& group : d.atom_groups_) last_atom = std::max(last_atom, group.back());
    d.groups_of_begin_.assign(d.atom_groups_.empty() ? 0 : last_atom + 2, 0);
    for (const auto& group : d.atom_groups_)
      for (uint32_t a : group) ++d.groups_of_begin_[a + 1];
    for (size_t a = 1; a < d.groups_of_begin_.size(); ++a) d.groups_of_begin_[a] += d.groups_of_begin_[a - 1];
    d.groups_of_.resize(d.groups_of_begin_.empty() ? 0 : d.groups_of_begin_.back());
    std::vector<uint32_t> fill(d.groups_of_begin_.begin(), d.groups_of_begin_.end());
    for (uint32_t g = 0; g < d.atom_groups_.size(); ++g)
      for (uint32_t a : d.atom_groups_[g]) d.groups_of_[fill[a]++] = g;
  }
  d.issues_by_first_word_.assign(d.vocab_.size(), {});
  for (uint32_t i = 0; i < d.issue_phrases_.size(); ++i) d.issues_by_first_word_[d.issue_phrases_[i].words[0]].push_back(i);
  for (auto& list : d.issues_by_first_word_)
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return d.issue_phrases_[a].words.size() > d.issue_phrases_[b].words.size();
    });
  d.vocab_.Freeze();
  // Key each pattern by its rarest required atom, so that a sentence only tries the patterns
  // whose key it contains (the verb "say" has thousands of patterns in the Phoenix set).
  {
    std::vector<uint32_t> frequency(d.vocab_.size(), 0);
    for (const VerbPattern& p : d.patterns_)
      for (uint32_t w : p.required) ++frequency[w];
    struct Filed {
      uint64_t slot;
      bool keyed;
      uint32_t key;
      uint32_t pattern;
      bool operator<(const Filed& o) const {
        return std::tie(slot, keyed, key, pattern) < std::tie(o.slot, o.keyed, o.key, o.pattern);
      }
    };
    std::vector<Filed> filed;
    for (uint32_t i = 0; i < d.patterns_.size(); ++i) {
      const VerbPattern& p = d.patterns_[i];
      const uint64_t slot = 2 * uint64_t{p.head} + (p.head_mode == WordMode::kStem ? 1 : 0);
      uint32_t key = 0;
      for (uint32_t w : p.required)
        if (key == 0 || frequency[w] < frequency[key]) key = w;
      filed.push_back({slot, !p.required.empty(), key, i});
    }
    std::sort(filed.begin(), filed.end());
    d.head_slot_.assign(2 * d.vocab_.size(), 0);
    for (size_t i = 0; i < filed.size();) {
      Dictionary::HeadPatterns h;
      const uint64_t slot = filed[i].slot;
      h.unkeyed_begin = static_cast<uint32_t>(d.pattern_ids_.size());
      for (; i < filed.size() && filed[i].slot == slot && !filed[i].keyed; ++i) d.pattern_ids_.push_back(filed[i].pattern);
      h.unkeyed_end = static_cast<uint32_t>(d.pattern_ids_.size());
      h.keys_begin = static_cast<uint32_t>(d.keyed_.size());
      while (i < filed.size() && filed[i].slot == slot) {
        Dictionary::KeyedPatterns k;
        k.key = filed[i].key;
        k.begin = static_cast<uint32_t>(d.pattern_ids_.size());
        for (; i < filed.size() && filed[i].slot == slot && filed[i].key == k.key; ++i)
          d.pattern_ids_.push_back(filed[i].pattern);
        k.end = static_cast<uint32_t>(d.pattern_ids_.size());
        d.keyed_.push_back(k);
      }
      h.keys_end = static_cast<uint32_t>(d.keyed_.size());
      d.heads_.push_back(h);
      d.head_slot_[slot] = static_cast<uint32_t>(d.heads_.size());
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_state_));
  d.hash_ = std::string(buf, 8);
  return std::move(dict_);
}

namespace {
struct Defaults {
  Dictionary dict;
  std::vector<std::string> problems;
};
const Defaults& LoadDefaults() {
  static const Defaults* defaults = [] {
    DictionaryBuilder b;
    b.AddDefaults();
    std::vector<std::string> problems = b.problems();
    Result<Dictionary> r = std::move(b).Build();
    return new Defaults{r.take(), std::move(problems)};
  }();
  return *defaults;
}
}  // namespace

const Dictionary& DefaultDictionary() { return LoadDefaults().dict; }
const std::vector<std::string>& DefaultDictionaryProblems() { return LoadDefaults().problems; }

}  // namespace dateline
