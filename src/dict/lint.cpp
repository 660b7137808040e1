#include "dict/lint.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dict/cameo.h"

namespace dateline {

namespace {

// ISO 3166-1 alpha-3, current (as of the iso-codes package) and former (ISO 3166-3): CAMEO's
// country codes are ISO's, and older dictionaries keep the former ones (YUG, CSK, DDR, ZAR).
constexpr std::string_view kIsoCountries =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR "
    "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
    "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH "
    "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
    "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM "
    "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
    "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR "
    "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
    "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA "
    "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
    "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE ";
constexpr std::string_view kIsoFormerCountries =
    "AFI ANT ATB ATF ATN BUR BYS CSK CTE DDR DHY FXX GEL HVO JTN MID NHB NTZ PCI PCZ PUS RHO SCG SKM "
    "SUN TMP VDR WAK YMD YUG ZAR ";
// Countries CAMEO codes its own way (Kosovo, East Timor, the Soviet Union, Serbia and
// Montenegro as the Federal Republic of Yugoslavia), CAMEO's regions (with ARB, the Arab states,
// of the CAMEO production dictionaries), its international and
// non-state prefixes ("INT": the international community, unattributed), and "---" (PETRARCH:
// no country).
constexpr std::string_view kCameoPrefixes =
    "KSV TMP USR FRY "
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST ARB "
    "IGO NGO NGM IMG MNC UIS INT --- ";
// CAMEO's role and religion codes (an actor may begin with one: "MED", "ELI", "HIN").
constexpr std::string_view kCameoRoles =
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED MOD RAD "
    "REF UNK "
    "REL ADR ALE ATH BAH BUD CHR CON CPT CTH DOX HIN ITR JAN JEW MOS MUS ORT PRO SHI SIK SUN TAO ZRO ";

bool InList(std::string_view list, std::string_view code3) {
  for (size_t at = 0; at + 3 <= list.size(); at += 4)
    if (list.substr(at, 3) == code3) return true;
  return false;
}

bool ValidActorCodeSyntax(std::string_view code) {
  if (code.size() < 3 || code.size() % 3 != 0) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// A code's parts: "FRO/BIL/SAM" (a joint code) is three actors.
std::vector<std::string_view> JointParts(std::string_view code) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t slash = code.find('/', start);
    parts.push_back(code.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool IsDiscardCode(std::string_view code) { return code.rfind("###", 0) == 0; }

bool Dated(const ActorEntry& a) { return a.from || a.to; }

std::string RangeText(const ActorEntry& a) {
  if (!Dated(a)) return "undated";
  return (a.from ? a.from->ToString() : std::string("...")) + " to " + (a.to ? a.to->ToString() : std::string("..."));
}

// Two dated entries' ranges share more than a boundary day (an open bound reaches to the end
// of time). A handover is written with the day on both sides ("[AFGELI 19320101-19331108]
// [AFGGOV 19331108-19730717]"): on that one day the first code is taken, as intended.
bool RangesOverlap(const ActorEntry& a, const ActorEntry& b) {
  const bool a_before_b = a.to && b.from && !(*b.from < *a.to);
  const bool b_before_a = b.to && a.from && !(*a.from < *b.to);
  return !a_before_b && !b_before_a;
}

bool SameRange(const ActorEntry& a, const ActorEntry& b) { return a.from == b.from && a.to == b.to; }

std::string CodeText(const std::string& code) { return code.empty() ? "--- (null)" : code; }

class Linter {
 public:
  Linter(const Dictionary& dict, std::vector<LintFinding>* out) : dict_(dict), out_(out) {}

  void Add(LintSeverity s, const SourceLine& where, LintKind kind, std::string message) {
    out_->push_back(LintFinding{s, dict_.Where(where), kind, std::move(message)});
  }

  std::string PhraseText(const Phrase& p) const {
    std::string s;
    for (uint32_t w : p.words) {
      if (!s.empty()) s += ' ';
      std::string_view word = dict_.vocabulary().word(w);
      if (!word.empty() && word[0] == '\x01') word.remove_prefix(1);
      s += word;
    }
    return s;
  }

  std::string Word(uint32_t id) const {
    std::string_view w = dict_.vocabulary().word(id);
    if (!w.empty() && w[0] == '\x01') return std::string(w.substr(1)) + "...";
    return std::string(w);
  }

  std::string Line(const SourceLine& s) const { return dict_.Where(s); }

  void ActorPhrases() {
    for (const Phrase& p : dict_.phrases()) {
      if (p.is_agent) continue;
      const std::string text = PhraseText(p);
      for (size_t j = 0; j < p.entries.size(); ++j) {
        const ActorEntry& b = dict_.actors()[p.entries[j]];
        for (size_t i = 0; i < j; ++i) {
          const ActorEntry& a = dict_.actors()[p.entries[i]];
          if (p.entries[i] == p.entries[j]) {
            Add(LintSeverity::kWarning, b.where, LintKind::kDuplicate,
                "'" + text + "' is listed twice in this entry");
            break;
          }
          if (a.code == b.code) {
            if (SameRange(a, b)) {
              Add(LintSeverity::kWarning, b.where, LintKind::kDuplicate,
                  "'" + text + "' " + CodeText(b.code) + " (" + RangeText(b) + ") repeats " + Line(a.where));
              break;
            }
            if (Dated(a) && Dated(b) && RangesOverlap(a, b)) {
              Add(LintSeverity::kWarning, b.where, LintKind::kOverlap,
                  "'" + text + "' " + CodeText(b.code) + " (" + RangeText(b) + ") overlaps the same code (" +
                      RangeText(a) + ") at " + Line(a.where));
              break;
            }
            continue;
          }
          if (!Dated(a) && !Dated(b)) {
            Add(LintSeverity::kError, b.where, LintKind::kConflict,
                "'" + text + "' is coded " + CodeText(b.code) + " here and " + CodeText(a.code) + " at " +
                    Line(a.where) + ", both undated: the first is always taken");
            break;
          }
          if (Dated(a) && Dated(b) && RangesOverlap(a, b)) {
            Add(LintSeverity::kError, b.where, LintKind::kOverlap,
                "'" + text + "' " + CodeText(b.code) + " (" + RangeText(b) + ") overlaps " + CodeText(a.code) + " (" +
                    RangeText(a) + ") at " + Line(a.where) + ": in the overlap the first is always taken");
            break;
          }
        }
      }
    }
  }

  void AgentPhrases() {
    for (const Phrase& p : dict_.phrases()) {
      if (!p.is_agent) continue;
      const std::string text = PhraseText(p);
      for (size_t j = 0; j < p.entries.size(); ++j) {
        const AgentEntry& b = dict_.agents()[p.entries[j]];
        for (size_t i = 0; i < j; ++i) {
          const AgentEntry& a = dict_.agents()[p.entries[i]];
          if (p.entries[i] == p.entries[j] || (a.code == b.code && a.prefix == b.prefix)) {
            Add(LintSeverity::kWarning, b.where, LintKind::kDuplicate,
                "agent '" + text + "' " + b.code + (p.entries[i] == p.entries[j] ? " is listed twice in this entry"
                                                                                 : " repeats " + Line(a.where)));
            break;
          }
          Add(LintSeverity::kError, b.where, LintKind::kConflict,
              "agent '" + text + "' is coded " + b.code + " here and " + a.code + " at " + Line(a.where) +
                  ": the first is always taken");
          break;
        }
      }
    }
  }

  void Issues() {
    std::unordered_map<std::string, size_t> seen;
    for (size_t k = 0; k < dict_.issue_phrases().size(); ++k) {
      const IssuePhrase& is = dict_.issue_phrases()[k];
      std::string key = is.code + "|";
      for (uint32_t w : is.words) key += std::to_string(w) + ",";
      auto [it, inserted] = seen.emplace(key, k);
      if (inserted) continue;
      const IssuePhrase& first = dict_.issue_phrases()[it->second];
      if (first.where.file == is.where.file && first.where.line == is.where.line) continue;
      std::string text;
      for (uint32_t w : is.words) text += (text.empty() ? "" : " ") + Word(w);
      Add(LintSeverity::kWarning, is.where, LintKind::kDuplicate,
          "issue '" + text + "' " + CodeText(is.code) + " repeats " + Line(first.where));
    }
  }

  std::string Element(const PatternElement& e) const {
    switch (e.kind) {
      case PatternElement::kWord: return Word(e.word);
      case PatternElement::kSource: return "$";
      case PatternElement::kTarget: return "+";
      case PatternElement::kSkip: return e.word == kAdjacent ? "_" : "*";
      case PatternElement::kCompound: return "%";
      case PatternElement::kSkipActor:
      case PatternElement::kPhraseSkip: return "^";
      case PatternElement::kWordSet: {
        std::string s = "{";
        for (uint32_t w : dict_.word_sets()[e.word]) s += (s.size() > 1 ? "|" : "") + Word(w);
        return s + "}";
      }
      case PatternElement::kPhraseSet: {
        std::string s = "{";
        for (const auto& phrase : dict_.phrase_sets()[e.word]) {
          if (s.size() > 1) s += "|";
          for (size_t k = 0; k < phrase.size(); ++k) s += (k ? " " : "") + Word(phrase[k]);
        }
        return s + "}";
      }
    }
    return "?";
  }

  std::string PatternText(const VerbPattern& p) const {
    std::string s;
    for (auto it = p.before.rbegin(); it != p.before.rend(); ++it) {
      if (it->kind == PatternElement::kSkip && it->word == kAdjacent) continue;
      s += Element(*it) + " ";
    }
    s += "[" + Word(p.head) + "]";
    for (const PatternElement& e : p.after) s += " " + Element(e);
    return s;
  }

  // What makes two patterns match the same sentences in the same way: everything but the code.
  std::string Signature(const VerbPattern& p) const {
    std::string s = std::to_string(p.head) + "/" + std::to_string(int(p.head_mode)) + (p.head_form ? "F" : "") +
                    (p.bare ? "B" : "") + (p.negated ? "N" : "");
    auto add = [&](const std::vector<PatternElement>& els) {
      for (const PatternElement& e : els) {
        s += "," + std::to_string(int(e.kind)) + ":";
        if (e.kind == PatternElement::kWordSet) {
          std::vector<uint32_t> w = dict_.word_sets()[e.word];
          std::sort(w.begin(), w.end());
          for (uint32_t x : w) s += std::to_string(x) + ".";
        } else if (e.kind == PatternElement::kPhraseSet) {
          std::vector<std::vector<uint32_t>> ps = dict_.phrase_sets()[e.word];
          std::sort(ps.begin(), ps.end());
          for (const auto& ph : ps) {
            for (uint32_t x : ph) s += std::to_string(x) + ".";
            s += ";";
          }
        } else {
          s += std::to_string(e.word);
        }
      }
    };
    add(p.before);
    s += "|";
    add(p.after);
    return s;
  }

  static std::string FullCode(const VerbPattern& p) {
    std::string c = p.code.empty() ? "---" : p.code;
    if (!p.reverse_code.empty()) c += ":" + p.reverse_code;
    if (p.subordinate) c += "?";
    if (p.dominant) c += "!";
    return c;
  }

  // A pattern written once is compiled once per head (a verb's irregular forms, each verb of
  // a PETRARCH-2 synonym block): one finding per pair of source lines, naming the heads.
  void Patterns() {
    std::unordered_map<std::string, size_t> first;  // signature -> pattern tried first
    struct Shadow {
      size_t pattern = 0, earlier = 0;
      std::vector<std::string> heads;
    };
    std::vector<Shadow> shadows;
    std::map<std::tuple<uint16_t, uint32_t, uint16_t, uint32_t>, size_t> by_lines;  // -> index in shadows
    const std::vector<VerbPattern>& ps = dict_.patterns();
    for (size_t k = 0; k < ps.size(); ++k) {
      const VerbPattern& p = ps[k];
      auto [it, inserted] = first.emplace(Signature(p), k);
      if (inserted) continue;
      const VerbPattern& q = ps[it->second];
      if (q.where.file == p.where.file && q.where.line == p.where.line) continue;
      auto [at, added] = by_lines.emplace(std::make_tuple(p.where.file, p.where.line, q.where.file, q.where.line),
                                          shadows.size());
      if (added) shadows.push_back(Shadow{k, it->second, {}});
      shadows[at->second].heads.push_back(Word(p.head));
    }
    for (const Shadow& sh : shadows) {
      const VerbPattern& p = ps[sh.pattern];
      const VerbPattern& q = ps[sh.earlier];
      std::string text = "pattern '" + PatternText(p) + "' " + FullCode(p);
      if (sh.heads.size() > 1) text += " (and under " + std::to_string(sh.heads.size() - 1) + " other verbs)";
      if (FullCode(p) == FullCode(q)) {
        Add(LintSeverity::kWarning, p.where, LintKind::kDuplicate, text + " repeats " + Line(q.where));
      } else {
        Add(LintSeverity::kError, p.where, LintKind::kUnreachable,
            text + " never fires: the same pattern at " + Line(q.where) + " (" + FullCode(q) + ") is tried first");
      }
    }
  }

  void EventCodes() {
    const CameoTable& cameo = CameoTable::Default();
    std::set<std::pair<std::string, std::string>> reported;  // (where, code)
    for (const VerbPattern& p : dict_.patterns()) {
      for (const std::string* code : {&p.code, &p.reverse_code}) {
        if (code->empty() || IsDiscardCode(*code) || cameo.Find(*code)) continue;
        const std::string where = Line(p.where);
        if (!reported.emplace(where, *code).second) continue;
        Add(LintSeverity::kError, p.where, LintKind::kUnknownCode,
            "event code '" + *code + "' is not in the CAMEO table (data/cameo/codes.tsv)");
      }
    }
  }

  void ActorCodes() {
    std::vector<std::string> roles;
    for (const AgentEntry& a : dict_.agents())
      for (size_t k = 0; k + 3 <= a.code.size(); k += 3) roles.push_back(a.code.substr(k, 3));
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    // Codes the dictionaries define as codes of their own ("KURDS [KUR]": CAMEO's ethnic and
    // religious groups are many, and a dictionary may add a group): a code beginning with one
    // is a warning, not an error, and so is the defining entry.
    std::unordered_map<std::string, SourceLine> defined;
    for (const ActorEntry& a : dict_.actors())
      if (a.code.size() == 3 && ValidActorCodeSyntax(a.code) && !KnownActorPrefix(a.code, roles))
        defined.emplace(a.code, a.where);
    for (const ActorEntry& a : dict_.actors()) {
      if (a.code.empty() || IsDiscardCode(a.code)) continue;
      for (std::string_view part : JointParts(a.code)) {
        if (!ValidActorCodeSyntax(part)) {
          Add(LintSeverity::kError, a.where, LintKind::kUnknownCode,
              "actor code '" + a.code + "' is not made of three-letter CAMEO codes");
          break;
        }
        if (KnownActorPrefix(part, roles)) continue;
        const std::string prefix(part.substr(0, 3));
        const auto def = defined.find(prefix);
        if (def == defined.end()) {
          Add(LintSeverity::kError, a.where, LintKind::kUnknownCode,
              "actor code '" + a.code + "' begins with '" + prefix +
                  "', which is no known country, region, organisation prefix or role");
        } else {
          Add(LintSeverity::kWarning, a.where, LintKind::kUnknownCode,
              "actor code '" + a.code + "' begins with '" + prefix +
                  "', which is no CAMEO country, region, organisation prefix or role; the dictionaries "
                  "define it at " + Line(def->second));
        }
        break;
      }
    }
  }

 private:
  const Dictionary& dict_;
  std::vector<LintFinding>* out_;
};

// "file:12: message" -> ("file:12", "message"); a message with no line keeps its file.
LintFinding SkippedFinding(const std::string& problem) {
  LintFinding f;
  f.severity = LintSeverity::kError;
  f.kind = LintKind::kSkipped;
  for (size_t colon = problem.find(':'); colon != std::string::npos; colon = problem.find(':', colon + 1)) {
    size_t end = colon + 1;
    while (end < problem.size() && problem[end] >= '0' && problem[end] <= '9') ++end;
    if (end > colon + 1 && end < problem.size() && problem[end] == ':') {
      f.where = problem.substr(0, end);
      f.message = problem.substr(end + 1);
      while (!f.message.empty() && f.message[0] == ' ') f.message.erase(0, 1);
      return f;
    }
  }
  f.message = problem;
  return f;
}

}  // namespace

const char* LintKindName(LintKind kind) {
  switch (kind) {
    case LintKind::kDuplicate: return "duplicate";
    case LintKind::kConflict: return "conflict";
    case LintKind::kOverlap: return "overlap";
    case LintKind::kUnreachable: return "unreachable";
    case LintKind::kUnknownCode: return "unknown-code";
    case LintKind::kSkipped: return "skipped";
  }
  return "?";
}

const char* LintSeverityName(LintSeverity s) { return s == LintSeverity::kError ? "error" : "warning"; }

bool KnownActorPrefix(std::string_view code, const std::vector<std::string>& roles) {
  if (code.size() < 3) return false;
  const std::string_view p = code.substr(0, 3);
  if (InList(kIsoCountries, p) || InList(kIsoFormerCountries, p) || InList(kCameoPrefixes, p) ||
      InList(kCameoRoles, p))
    return true;
  return std::find(roles.begin(), roles.end(), p) != roles.end();
}

std::vector<LintFinding> LintDictionary(const Dictionary& dict, const std::vector<std::string>& problems) {
  std::vector<LintFinding> out;
  Linter l(dict, &out);
  l.ActorPhrases();
  l.AgentPhrases();
  l.Issues();
  l.Patterns();
  l.EventCodes();
  l.ActorCodes();
  for (const std::string& p : problems) out.push_back(SkippedFinding(p));
  // By kind, then by file (in loading order) and line.
  auto key = [&dict](const LintFinding& f) {
    const size_t colon = f.where.rfind(':');
    const std::string file = colon == std::string::npos ? f.where : f.where.substr(0, colon);
    const long line = colon == std::string::npos ? 0 : std::strtol(f.where.c_str() + colon + 1, nullptr, 10);
    const auto it = std::find(dict.files().begin(), dict.files().end(), file);
    return std::make_tuple(f.kind, it - dict.files().begin(), file, line);
  };
  std::stable_sort(out.begin(), out.end(),
                   [&key](const LintFinding& a, const LintFinding& b) { return key(a) < key(b); });
  return out;
}

std::string FormatFinding(const LintFinding& f) {
  return (f.where.empty() ? std::string() : f.where + ": ") + LintSeverityName(f.severity) + ": " +
         LintKindName(f.kind) + ": " + f.message;
}

size_t CountErrors(const std::vector<LintFinding>& findings) {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [](const LintFinding& f) { return f.severity == LintSeverity::kError; }));
}

size_t DictionaryCounts::actors() const {
  size_t n = 0;
  for (size_t k : actors_by_kind) n += k;
  return n;
}

DictionaryStats CollectStats(const Dictionary& dict) {
  DictionaryStats s;
  s.files = dict.files();
  s.per_file.resize(s.files.size());
  auto counts = [&](const SourceLine& w) -> DictionaryCounts& {
    return w.file < s.per_file.size() ? s.per_file[w.file] : s.total;  // total is summed below
  };
  for (const ActorEntry& a : dict.actors()) {
    DictionaryCounts& c = counts(a.where);
    if (IsDiscardCode(a.code)) {
      ++c.discards;
      continue;
    }
    if (a.code.empty()) {
      ++c.null_actors;
      continue;
    }
    ++c.actors_by_kind[static_cast<int>(a.kind)];
    if (!a.kind_known) ++c.actors_kind_unknown;
    if (Dated(a)) ++c.dated_entries;
  }
  for (const Phrase& p : dict.phrases()) {
    if (p.is_agent) continue;
    for (uint32_t e : p.entries)
      if (Dated(dict.actors()[e])) {
        ++counts(dict.actors()[e].where).dated_phrases;
        break;
      }
  }
  for (const AgentEntry& a : dict.agents()) ++counts(a.where).agents;
  for (const IssuePhrase& i : dict.issue_phrases()) ++counts(i.where).issues;
  std::set<std::pair<uint16_t, uint32_t>> pattern_lines;
  std::set<std::string> codes;
  for (const VerbPattern& p : dict.patterns()) {
    if (pattern_lines.emplace(p.where.file, p.where.line).second) ++counts(p.where).verb_patterns;
    for (const std::string* c : {&p.code, &p.reverse_code})
      if (!c->empty() && !IsDiscardCode(*c)) codes.insert(*c);
  }
  DictionaryCounts total = s.total;  // entries whose file is unknown
  for (const DictionaryCounts& c : s.per_file) {
    for (int k = 0; k < 6; ++k) total.actors_by_kind[k] += c.actors_by_kind[k];
    total.actors_kind_unknown += c.actors_kind_unknown;
    total.null_actors += c.null_actors;
    total.agents += c.agents;
    total.dated_entries += c.dated_entries;
    total.dated_phrases += c.dated_phrases;
    total.verb_patterns += c.verb_patterns;
    total.discards += c.discards;
    total.issues += c.issues;
  }
  s.total = total;
  s.word_sets = dict.word_sets().size();
  s.phrase_sets = dict.phrase_sets().size();
  s.event_codes.assign(codes.begin(), codes.end());
  std::set<std::string> covered;
  for (const std::string& c : codes) covered.insert(std::string(CameoTable::Root(c)));
  for (const CameoCode& c : CameoTable::Default().codes()) {
    if (!c.parent.empty()) continue;
    (covered.count(std::string(c.code)) ? s.roots_covered : s.roots_missing).emplace_back(c.code);
  }
  return s;
}

}  // namespace dateline
