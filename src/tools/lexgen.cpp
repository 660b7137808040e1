// dateline-lexgen: compiles the part-of-speech lexicon at build time.
//
//   dateline-lexgen --poslex wsj.wp39.poslexR --wordnet /usr/share/wordnet --out lexicon.bin
//
// Inputs (Debian packages):
//   festlex-poslex  wsj.wp39.poslexR: ("sent" ((vbd -6.116) (vbn -6.218) ) () ), ~33k lower-case
//                   words with Penn tags scored log P(word | tag) on the Wall Street Journal.
//   wordnet-base    index.{noun,verb,adj,adv}: lemmas; {noun,verb,adj,adv}.exc: irregular forms.
// Output: lexicon.bin, laid out as src/token/lexicon_format.h describes: per word up to three tags
// ordered by P(tag | word) and the lemma for each tag.
//
// P(tag | word) is proportional to P(word | tag) * P(tag); P(tag) comes from the tag frequencies of
// the WSJ treebank (kTagCounts), because the poslex scores are conditioned on the tag.
// Lemmas follow WordNet's morphy: the exception lists first, then detachment rules whose result
// must be a WordNet lemma of the right class; when none is, a spelling heuristic decides.
// Words WordNet knows and the WSJ lexicon does not are added with tags guessed from WordNet's
// classes (flag kWordNetOnly), so that the tagger and the lemmatizer know them too.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/tag.h"
#include "token/lexicon_format.h"

namespace {

using dateline::Tag;
namespace fmt = dateline::lexicon_format;

// Approximate tag counts of the WSJ treebank (1.2M words): the prior P(tag).
double TagPrior(Tag t) {
  switch (t) {
    case Tag::NN: return 163935;
    case Tag::IN: return 121903;
    case Tag::NNP: return 114053;
    case Tag::DT: return 101190;
    case Tag::JJ: return 75266;
    case Tag::NNS: return 73964;
    case Tag::PUNCT: return 130000;
    case Tag::CD: return 44614;
    case Tag::RB: return 38197;
    case Tag::VBD: return 37493;
    case Tag::VB: return 32565;
    case Tag::CC: return 29462;
    case Tag::TO: return 27449;
    case Tag::VBZ: return 26436;
    case Tag::VBN: return 25938;
    case Tag::PRP: return 21357;
    case Tag::VBG: return 18693;
    case Tag::VBP: return 16791;
    case Tag::MD: return 12010;
    case Tag::POS: return 10769;
    case Tag::PRPS: return 10252;
    case Tag::WDT: return 5323;
    case Tag::JJR: return 4042;
    case Tag::NNPS: return 3291;
    case Tag::RP: return 3275;
    case Tag::WP: return 2885;
    case Tag::WRB: return 2621;
    case Tag::JJS: return 2393;
    case Tag::RBR: return 2130;
    case Tag::EX: return 1091;
    case Tag::RBS: return 556;
    case Tag::PDT: return 459;
    case Tag::FW: return 279;
    case Tag::WPS: return 219;
    case Tag::UH: return 119;
    case Tag::LS: return 71;
    case Tag::SYM: return 70;
    default: return 100;
  }
}

enum WordClass { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };
constexpr const char* kClassFile[4] = {"noun", "verb", "adj", "adv"};

struct WordNet {
  // Single-word lemmas per class, with their number of senses.
  std::unordered_map<std::string, int> index[4];
  // Irregular form -> base, per class (the first base listed).
  std::unordered_map<std::string, std::string> exc[4];

  bool IsLemma(WordClass c, const std::string& w) const { return index[c].count(w) != 0; }
};

bool LoadWordNet(const std::string& dir, WordNet& wn) {
  for (int c = 0; c < 4; ++c) {
    const std::string path = dir + "/index." + kClassFile[c];
    std::ifstream in(path);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      std::istringstream fields(line);
      std::string lemma, pos;
      int senses = 0;
      fields >> lemma >> pos >> senses;
      if (lemma.find('_') != std::string::npos || lemma.size() > 255) continue;  // multi-word
      wn.index[c][lemma] = std::max(senses, 1);
    }
    const std::string exc_path = dir + "/" + kClassFile[c] + ".exc";
    std::ifstream exc(exc_path);
    if (!exc) {
      std::cerr << exc_path << ": cannot open\n";
      return false;
    }
    while (std::getline(exc, line)) {
      std::istringstream fields(line);
      std::string form, base;
      if (!(fields >> form >> base)) continue;
      if (form.find('_') != std::string::npos || base.find('_') != std::string::npos) continue;
      wn.exc[c].emplace(form, base);
    }
  }
  return true;
}

struct Reading {
  Tag tag;
  double score;  // proportional to P(tag | word)
};

struct Word {
  std::vector<Reading> readings;  // sorted by score, descending
  bool wordnet_only = false;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Parses one poslex line: ("word" ((tag logp) (tag logp) ) () ). Returns false when malformed.
bool ParsePoslexLine(const std::string& line, std::string& word, std::vector<Reading>& readings) {
  readings.clear();
  if (line.size() < 4 || line[0] != '(' || line[1] != '"') return false;
  const size_t close = line.find("\" ((", 2);
  if (close == std::string::npos) return false;
  word = line.substr(2, close - 2);
  size_t p = close + 3;
  while (p < line.size() && line[p] == '(') {
    const size_t end = line.find(')', p);
    if (end == std::string::npos) return false;
    std::istringstream fields(line.substr(p + 1, end - p - 1));
    std::string name;
    double logp = 0;
    if (!(fields >> name >> logp)) return false;
    Tag tag = dateline::TagFromName(name);
    if (name == "of") tag = Tag::IN;
    if (tag != Tag::kUnknown) {
      const double score = std::exp(logp) * TagPrior(tag);
      auto same = std::find_if(readings.begin(), readings.end(), [&](const Reading& r) { return r.tag == tag; });
      if (same != readings.end())
        same->score += score;
      else
        readings.push_back({tag, score});
    }
    p = end + 1;
    while (p < line.size() && line[p] == ' ') ++p;
  }
  return true;
}

void SortReadings(std::vector<Reading>& r) {
  std::stable_sort(r.begin(), r.end(), [](const Reading& a, const Reading& b) { return a.score > b.score; });
}

// Closed-class corrections: the WSJ lexicon folds PRP$ into PRP and WP$ into WP.
void FixClosedClass(std::map<std::string, Word>& words) {
  for (const char* w : {"his", "its", "their", "my", "our", "your"}) {
    auto& r = words[w].readings;
    r.erase(std::remove_if(r.begin(), r.end(), [](const Reading& x) { return x.tag == Tag::PRP; }), r.end());
    r.insert(r.begin(), {Tag::PRPS, 1e6});
  }
  {
    auto& r = words["her"].readings;  // "her" is PRP$ before a noun, PRP otherwise
    r.erase(std::remove_if(r.begin(), r.end(), [](const Reading& x) { return x.tag == Tag::PRP; }), r.end());
    r.insert(r.begin(), {Tag::PRP, 5e5});
    r.insert(r.begin(), {Tag::PRPS, 6e5});
  }
  words["whose"].readings = {{Tag::WPS, 1}};
  words["n't"].readings = {{Tag::RB, 1}};
  words["not"].readings = {{Tag::RB, 1}};
  words["ca"].readings = {{Tag::MD, 1}};
  words["wo"].readings = {{Tag::MD, 1}};
  words["sha"].readings = {{Tag::MD, 1}};
  words["'ll"].readings = {{Tag::MD, 1}};
  words["to"].readings = {{Tag::TO, 1}};
  for (auto& [w, word] : words) SortReadings(word.readings);
}

// Lemmas of special forms the rules cannot derive: contractions and clitics.
const char* SpecialLemma(const std::string& w, Tag t) {
  if (w == "n't") return "not";
  if (w == "ca" && t == Tag::MD) return "can";
  if ((w == "wo" || w == "'ll") && t == Tag::MD) return "will";
  if (w == "sha" && t == Tag::MD) return "shall";
  if (w == "'d") return t == Tag::MD ? "would" : "have";
  if (w == "'ve") return "have";
  if (w == "'re" || w == "'m") return "be";
  if (w == "'s" && dateline::IsVerb(t)) return "be";
  if (w == "ai" && dateline::IsVerb(t)) return "be";
  return nullptr;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Spelling heuristic for a stem whose suffix was removed and whose base WordNet does not know.
std::string GuessBase(std::string stem, bool may_need_e) {
  const size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) &&
      std::strchr("lsfz", stem[n - 1]) == nullptr)
    return stem.substr(0, n - 1);  // stopped -> stop
  if (may_need_e && n >= 2 &&
      (EndsWith(stem, "iz") || EndsWith(stem, "yz") || EndsWith(stem, "at") || stem[n - 1] == 'v' ||
       EndsWith(stem, "uc") || EndsWith(stem, "rg") || EndsWith(stem, "dg")))
    return stem + "e";  // legalized -> legalize, generated -> generate
  return stem;
}

struct Rule {
  const char* suffix;
  const char* ending;
};

// WordNet morphy's detachment rules, per class.
const std::vector<Rule>& Rules(WordClass c) {
  static const std::vector<Rule> kNounRules = {{"s", ""},    {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
                                          {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
  static const std::vector<Rule> kVerbRules = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},   {"ed", "e"},
                                          {"ed", ""},   {"ied", "y"}, {"ing", "e"}, {"ing", ""}};
  static const std::vector<Rule> kAdjRules = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}};
  static const std::vector<Rule> kNoRules = {};
  switch (c) {
    case kNoun: return kNounRules;
    case kVerb: return kVerbRules;
    case kAdj: return kAdjRules;
    default: return kNoRules;
  }
}

std::string Base(const WordNet& wn, WordClass c, const std::string& form) {
  if (auto it = wn.exc[c].find(form); it != wn.exc[c].end()) return it->second;
  for (const Rule& r : Rules(c)) {
    if (!EndsWith(form, r.suffix) || form.size() <= std::strlen(r.suffix) + 1) continue;
    std::string candidate = form.substr(0, form.size() - std::strlen(r.suffix)) + r.ending;
    if (wn.IsLemma(c, candidate)) return candidate;
  }
  if (wn.IsLemma(c, form)) return form;
  // A hyphenated word WordNet does not know inflects in its last part: "test-fired" is
  // "test-fire" because "fired" is "fire" (the spelling heuristic below would say "test-fir").
  if (const size_t dash = form.rfind('-'); dash != std::string::npos && dash > 0 && dash + 2 < form.size())
    return form.substr(0, dash + 1) + Base(wn, c, form.substr(dash + 1));
  // Heuristic: WordNet does not know the word.
  auto strip = [&](std::string_view suffix) { return form.substr(0, form.size() - suffix.size()); };
  switch (c) {
    case kNoun:
      if (EndsWith(form, "ies") && form.size() > 4) return strip("ies") + "y";
      if (EndsWith(form, "ches") || EndsWith(form, "shes") || EndsWith(form, "sses") || EndsWith(form, "xes"))
        return strip("es");
      if (EndsWith(form, "s") && !EndsWith(form, "ss") && !EndsWith(form, "us") && !EndsWith(form, "is") &&
          form.size() > 3)
        return strip("s");
      return form;
    case kVerb:
      if (EndsWith(form, "ied") && form.size() > 4) return strip("ied") + "y";
      if (EndsWith(form, "ies") && form.size() > 4) return strip("ies") + "y";
      if (EndsWith(form, "ed") && form.size() > 4) return GuessBase(strip("ed"), true);
      if (EndsWith(form, "ing") && form.size() > 5) return GuessBase(strip("ing"), true);
      if (EndsWith(form, "ches") || EndsWith(form, "shes") || EndsWith(form, "sses") || EndsWith(form, "xes"))
        return strip("es");
      if (EndsWith(form, "s") && !EndsWith(form, "ss") && form.size() > 3) return strip("s");
      return form;
    case kAdj:
      if (EndsWith(form, "iest") && form.size() > 5) return strip("iest") + "y";
      if (EndsWith(form, "ier") && form.size() > 4) return strip("ier") + "y";
      if (EndsWith(form, "est") && form.size() > 5) return GuessBase(strip("est"), false);
      if (EndsWith(form, "er") && form.size() > 4) return GuessBase(strip("er"), false);
      return form;
    default:
      return form;
  }
}

std::string LemmaFor(const WordNet& wn, const std::string& w, Tag t) {
  if (const char* special = SpecialLemma(w, t)) return special;
  switch (t) {
    case Tag::VB: case Tag::VBP: case Tag::VBD: case Tag::VBN: case Tag::VBG: case Tag::VBZ:
      // "are" -> "be" is an exception of a base-form tag; a regular VB/VBP form is its own lemma.
      if ((t == Tag::VB || t == Tag::VBP) && !wn.exc[kVerb].count(w)) return w;
      return Base(wn, kVerb, w);
    case Tag::NNS:
      return Base(wn, kNoun, w);
    case Tag::JJR: case Tag::JJS:
      return Base(wn, kAdj, w);
    case Tag::RBR: case Tag::RBS:
      if (auto it = wn.exc[kAdv].find(w); it != wn.exc[kAdv].end()) return it->second;
      return w;
    default:
      return w;
  }
}

// Tags for a WordNet exception form the WSJ lexicon lacks.
void AddExceptionForms(const WordNet& wn, std::map<std::string, Word>& words) {
  for (int c = 0; c < 3; ++c) {
    for (const auto& [form, base] : wn.exc[c]) {
      if (form.size() > 255 || words.count(form)) continue;
      std::vector<Reading> r;
      if (c == kVerb) {
        if (EndsWith(form, "ing"))
          r = {{Tag::VBG, 1}};
        else if (EndsWith(form, "s") && !EndsWith(form, "ss"))
          r = {{Tag::VBZ, 1}};
        else
          r = {{Tag::VBD, 1}, {Tag::VBN, 1}};
      } else if (c == kNoun) {
        r = {{Tag::NNS, 1}};
      } else {
        r = {{EndsWith(form, "est") ? Tag::JJS : EndsWith(form, "er") ? Tag::JJR : Tag::JJ, 1}};
      }
      Word& word = words[form];
      for (const Reading& x : r)
        if (std::none_of(word.readings.begin(), word.readings.end(), [&](const Reading& y) { return y.tag == x.tag; }))
          word.readings.push_back(x);
      word.wordnet_only = true;
    }
  }
}

// Fills gaps that come from the WSJ lexicon's sparse counts.
//  - A regular "-ed" form seen only as VBD ("downplayed") or only as VBN ("arrested") gets the
//    other reading too, with half the weight: the two are spelled alike, context decides.
//  - A word seen once or twice gets the classes WordNet gives it and its readings miss
//    ("territorial": NN once in the WSJ, also an adjective in WordNet); first when its readings
//    miss all of WordNet's classes. "inspectors", seen once as VBZ, gets NNS first.
void FillSparseReadings(const WordNet& wn, std::map<std::string, Word>& words) {
  constexpr Tag kClassTag[4] = {Tag::NN, Tag::VB, Tag::JJ, Tag::RB};
  auto family = [](Tag t) {
    if (dateline::IsNoun(t)) return 0;
    if (dateline::IsVerb(t)) return 1;
    if (dateline::IsAdjective(t)) return 2;
    if (dateline::IsAdverb(t)) return 3;
    return -1;
  };
  for (auto& entry : words) {  // no structured binding: clang 14 cannot capture one in a lambda
    const std::string& w = entry.first;
    Word& word = entry.second;
    if (word.wordnet_only || word.readings.empty()) continue;
    auto find = [&](Tag t) {
      return std::find_if(word.readings.begin(), word.readings.end(), [&](const Reading& r) { return r.tag == t; });
    };
    if (EndsWith(w, "ed") && !wn.exc[kVerb].count(w)) {
      auto vbd = find(Tag::VBD), vbn = find(Tag::VBN);
      if (vbd != word.readings.end() && vbn == word.readings.end()) word.readings.push_back({Tag::VBN, vbd->score / 2});
      else if (vbn != word.readings.end() && vbd == word.readings.end()) word.readings.push_back({Tag::VBD, vbn->score / 2});
    }
    double total = 0;
    for (const Reading& r : word.readings) total += r.score;
    if (total >= 4) continue;  // about three observations or more
    // "inspectors", seen once as VBZ: the plural of a WordNet noun.
    if (EndsWith(w, "s") && find(Tag::NNS) == word.readings.end() && find(Tag::NNPS) == word.readings.end()) {
      const std::string base = Base(wn, kNoun, w);
      if (base != w && wn.IsLemma(kNoun, base)) {
        word.readings.push_back({Tag::NNS, 2 * total});
        SortReadings(word.readings);
        continue;
      }
    }
    // WordNet's classes the readings miss: first if the readings miss them all, else after them.
    bool covered[4] = {false, false, false, false};
    bool any_covered = false;
    for (int c = 0; c < 4; ++c) {
      if (!wn.IsLemma(static_cast<WordClass>(c), w)) continue;
      for (const Reading& r : word.readings) covered[c] |= family(r.tag) == c;
      any_covered |= covered[c];
    }
    for (int c = 0; c < 4; ++c)
      if (wn.IsLemma(static_cast<WordClass>(c), w) && !covered[c])
        word.readings.push_back({kClassTag[c], any_covered ? total : 2 * total});
    SortReadings(word.readings);
  }
}

// Lemmas WordNet knows that the WSJ lexicon lacks: tagged by class, weighted by sense count.
void AddWordNetLemmas(const WordNet& wn, std::map<std::string, Word>& words) {
  constexpr Tag kClassTag[4] = {Tag::NN, Tag::VB, Tag::JJ, Tag::RB};
  for (int c = 0; c < 4; ++c) {
    for (const auto& [lemma, senses] : wn.index[c]) {
      auto it = words.find(lemma);
      if (it != words.end() && !it->second.wordnet_only) continue;
      Word& word = words[lemma];
      word.wordnet_only = true;
      word.readings.push_back({kClassTag[c], static_cast<double>(senses)});
    }
  }
}

// Regular past forms the sources miss as verbs: an "-ed" word that WordNet knows only as an
// adjective ("mediated", "recognised", "blockaded") or that the WSJ lexicon saw a few times as
// something else ("abducted", once as NN), whose base is a WordNet verb ("mediate", "abduct"),
// gets VBD and VBN readings of the weight its readings have, so that context decides
// ("Egypt mediated between", "the mediated settlement"). Words seen often enough keep their
// readings ("the crooked deal").
void AddRegularPastForms(const WordNet& wn, std::map<std::string, Word>& words) {
  static constexpr Rule kPastRules[] = {{"ied", "y"}, {"ed", "e"}, {"ed", ""}};
  for (auto& entry : words) {
    const std::string& w = entry.first;
    Word& word = entry.second;
    if (w.size() <= 4 || !EndsWith(w, "ed") || wn.exc[kVerb].count(w) || word.readings.empty()) continue;
    double total = 0;
    bool verb = false;
    for (const Reading& r : word.readings) {
      total += r.score;
      verb |= r.tag == Tag::VBD || r.tag == Tag::VBN;
    }
    if (verb || (!word.wordnet_only && total >= 4)) continue;
    bool base_is_verb = false;
    for (const Rule& r : kPastRules) {
      if (base_is_verb || !EndsWith(w, r.suffix) || w.size() <= std::strlen(r.suffix) + 2) continue;
      base_is_verb = wn.IsLemma(kVerb, w.substr(0, w.size() - std::strlen(r.suffix)) + r.ending);
    }
    if (!base_is_verb) continue;
    const double weight = word.wordnet_only ? word.readings.front().score : total;
    word.readings.push_back({Tag::VBD, weight});
    word.readings.push_back({Tag::VBN, weight});
    SortReadings(word.readings);
  }
}

class PoolWriter {
 public:
  uint32_t Add(const std::string& s) {
    if (auto it = offsets_.find(s); it != offsets_.end()) return it->second;
    const uint32_t off = static_cast<uint32_t>(bytes_.size());
    bytes_.push_back(static_cast<char>(s.size()));
    bytes_ += s;
    offsets_.emplace(s, off);
    return off;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

template <typename T>
void Put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

void PadTo4(std::string& out) {
  while (out.size() % 4) out.push_back('\0');
}

}  // namespace

int main(int argc, char** argv) {
  std::string poslex_path, wordnet_dir, out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--poslex") poslex_path = argv[i + 1];
    else if (flag == "--wordnet") wordnet_dir = argv[i + 1];
    else if (flag == "--out") out_path = argv[i + 1];
    else {
      std::cerr << "dateline-lexgen: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (poslex_path.empty() || wordnet_dir.empty() || out_path.empty()) {
    std::cerr << "usage: dateline-lexgen --poslex FILE --wordnet DIR --out FILE\n";
    return 2;
  }
  if (std::endian::native != std::endian::little) {
    std::cerr << "dateline-lexgen: only little-endian hosts are supported\n";
    return 2;
  }

  WordNet wn;
  if (!LoadWordNet(wordnet_dir, wn)) return 1;

  std::map<std::string, Word> words;
  {
    std::ifstream in(poslex_path);
    if (!in) {
      std::cerr << poslex_path << ": cannot open\n";
      return 1;
    }
    std::string line, word;
    std::vector<Reading> readings;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line == "MNCL") continue;  // the file's header line
      if (!ParsePoslexLine(line, word, readings)) {
        std::cerr << poslex_path << ":" << line_no << ": expected (\"word\" ((tag logp) ...) () )\n";
        return 1;
      }
      if (readings.empty() || word.empty() || word.size() > 255) continue;
      for (char& ch : word)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      Word& w = words[word];
      for (const Reading& r : readings) {
        auto same = std::find_if(w.readings.begin(), w.readings.end(), [&](const Reading& x) { return x.tag == r.tag; });
        if (same != w.readings.end()) same->score += r.score;
        else w.readings.push_back(r);
      }
    }
  }
  FixClosedClass(words);
  FillSparseReadings(wn, words);
  AddExceptionForms(wn, words);
  AddWordNetLemmas(wn, words);
  AddRegularPastForms(wn, words);

  PoolWriter pool;
  std::vector<fmt::LexiconRecord> records;
  std::vector<std::string> keys;
  records.reserve(words.size());
  for (auto& [w, word] : words) {
    SortReadings(word.readings);
    double total = 0, proper = 0, nnp = 0, nnps = 0;
    for (const Reading& r : word.readings) {
      total += r.score;
      if (r.tag == Tag::NNP) nnp += r.score;
      if (r.tag == Tag::NNPS) nnps += r.score;
    }
    proper = nnp + nnps;
    fmt::LexiconRecord rec{};
    rec.word = pool.Add(w);
    const size_t n = std::min<size_t>(word.readings.size(), fmt::kMaxTags);
    for (size_t i = 0; i < n; ++i) {
      const Reading& r = word.readings[i];
      rec.tags[i] = static_cast<uint8_t>(r.tag);
      rec.weight[i] = static_cast<uint8_t>(std::lround(255.0 * r.score / total));
      const std::string lemma = dateline::IsProperNoun(r.tag) ? w : LemmaFor(wn, w, r.tag);
      rec.lemma[i] = pool.Add(lemma.size() > 255 ? w : lemma);
    }
    for (size_t i = n; i < fmt::kMaxTags; ++i) rec.lemma[i] = rec.word;
    for (int c = 0; c < 4; ++c)
      if (wn.IsLemma(static_cast<WordClass>(c), w)) rec.flags |= static_cast<uint8_t>(1 << c);
    if (nnp > 0) rec.flags |= fmt::kHasNNP;
    if (nnps > 0) rec.flags |= fmt::kHasNNPS;
    if (nnps > nnp) rec.flags |= fmt::kNNPSOverNNP;
    if (word.wordnet_only) rec.flags |= fmt::kWordNetOnly;
    rec.proper_share = static_cast<uint8_t>(std::lround(255.0 * proper / total));
    records.push_back(rec);
    keys.push_back(w);
  }

  uint32_t slot_count = 1;
  while (slot_count < 2 * records.size()) slot_count <<= 1;
  std::vector<uint32_t> slots(slot_count, 0);
  for (size_t i = 0; i < records.size(); ++i) {
    uint32_t s = fmt::Fnv1a(keys[i]) & (slot_count - 1);
    while (slots[s] != 0) s = (s + 1) & (slot_count - 1);
    slots[s] = static_cast<uint32_t>(i + 1);
  }

  fmt::LexiconHeader header{};
  std::memcpy(header.magic, fmt::kMagic, sizeof header.magic);
  header.version = fmt::kVersion;
  header.byte_order = fmt::kByteOrderMark;
  header.slot_count = slot_count;
  header.entry_count = static_cast<uint32_t>(records.size());
  header.pool_size = static_cast<uint32_t>(pool.bytes().size());

  std::string out;
  out.resize(sizeof header);
  header.slots_offset = static_cast<uint32_t>(out.size());
  for (uint32_t s : slots) Put(out, s);
  header.entries_offset = static_cast<uint32_t>(out.size());
  for (const fmt::LexiconRecord& r : records) Put(out, r);
  header.pool_offset = static_cast<uint32_t>(out.size());
  out += pool.bytes();
  PadTo4(out);
  header.file_size = static_cast<uint32_t>(out.size());
  std::memcpy(out.data(), &header, sizeof header);

  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file) {
    std::cerr << out_path << ": cannot write\n";
    return 1;
  }
  std::cerr << "dateline-lexgen: " << records.size() << " words, " << out.size() << " bytes -> " << out_path << "\n";
  return 0;
}
