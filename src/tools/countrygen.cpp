// dateline-countrygen: writes the country names of ISO 3166 as a dictionary (.dl) at build time.
//
//   dateline-countrygen --iso3166-1 iso_3166-1.json --iso3166-3 iso_3166-3.json
//                       --supplement data/dict/countries.dl --out iso-3166.dl
//
// Inputs:
//   iso-codes (Debian)  /usr/share/iso-codes/json/iso_3166-1.json: the current countries and
//                       territories (alpha_3, name, official_name, common_name);
//                       iso_3166-3.json: the former ones (alpha_3, name, withdrawal_date).
//   the supplement      data/dict/countries.dl, hand-written: what the package lacks
//                       (adjectives, demonyms, capitals, seats of government, news spellings).
//                       Its "# @cameo ISO CAMEO" lines give CAMEO's code where it is not ISO's
//                       alpha-3 ("# @cameo TLS TMP"); "-" as the CAMEO code leaves the entry out.
//                       "# @omit NAME" leaves out one name that reads as a common word.
// Output: one "actor CODE | name | kind=country" line per name, for every entry of both lists.
//
// Names: the common name, the short name, and the official name, in that order. ISO's inverted
// short names are turned round ("Korea, Republic of" -> "Republic of Korea", "Virgin Islands,
// British" -> "British Virgin Islands"); other comma names keep their first part ("Bonaire, Sint
// Eustatius and Saba" -> "Bonaire"). A parenthesis inside a name is dropped ("Cocos (Keeling)
// Islands" -> "Cocos Islands"); one at the end is another name for the same place ("Holy See
// (Vatican City State)"), unless it says which part ("Saint Martin (French part)"). A name with
// letters outside ASCII also gets its ASCII spelling ("Côte d'Ivoire", "Cote d'Ivoire"), as
// matching folds ASCII case only.
//
// A name the supplement already lists (for any code) is left out here, so that every phrase has
// one entry and the supplement, which is loaded first, gives each country its canonical name.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The Latin letters with diacritics found in English country names, and their ASCII letters.
std::string Ascii(std::string_view s, bool* changed) {
  static const std::map<std::string, std::string> kLetters = {
      {"à", "a"}, {"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "a"}, {"å", "a"}, {"Å", "A"}, {"Á", "A"},
      {"ç", "c"}, {"Ç", "C"}, {"è", "e"}, {"é", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "E"}, {"í", "i"},
      {"î", "i"}, {"ï", "i"}, {"ñ", "n"}, {"ó", "o"}, {"ô", "o"}, {"õ", "o"}, {"ö", "o"}, {"Ö", "O"},
      {"ú", "u"}, {"û", "u"}, {"ü", "u"}, {"Ü", "U"}, {"’", "'"}};
  std::string out;
  *changed = false;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += s[i++];
      continue;
    }
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string ch(s.substr(i, len));
    auto it = kLetters.find(ch);
    if (it == kLetters.end()) return "";  // a letter we cannot spell in ASCII: no ASCII variant
    out += it->second;
    *changed = true;
    i += len;
  }
  return out;
}

// The names an ISO short name stands for (see the header).
std::vector<std::string> NamesOf(std::string_view iso_name) {
  std::vector<std::string> out;
  std::string name(iso_name);
  std::string alternate;
  // A trailing parenthesis: another name, or which part of a divided island.
  if (!name.empty() && name.back() == ')') {
    const size_t open = name.rfind('(');
    if (open != std::string::npos) {
      const std::string inner = Trim(std::string_view(name).substr(open + 1, name.size() - open - 2));
      if (inner.find("part") == std::string::npos) alternate = inner;
      name = Trim(std::string_view(name).substr(0, open));
    }
  }
  // Parentheses inside a name are dropped.
  for (size_t open; (open = name.find('(')) != std::string::npos;) {
    const size_t close = name.find(')', open);
    if (close == std::string::npos) break;
    name = Trim(name.substr(0, open)) + (close + 1 < name.size() ? " " + Trim(name.substr(close + 1)) : "");
    while (name.find("  ") != std::string::npos) name.erase(name.find("  "), 1);
    while (name.find(" ,") != std::string::npos) name.erase(name.find(" ,"), 1);
  }
  const size_t comma = name.find(',');
  if (comma == std::string::npos) {
    out.push_back(name);
  } else {
    const std::string first = Trim(std::string_view(name).substr(0, comma));
    const std::string last = Trim(std::string_view(name).substr(name.rfind(',') + 1));
    if (EndsWith(last, " of") || EndsWith(last, " of the")) {
      std::string inverted = last + " " + first;
      if (inverted.rfind("The ", 0) == 0) inverted.erase(0, 4);
      out.push_back(inverted);
    } else if (last.find(' ') == std::string::npos) {
      out.push_back(last + " " + first);  // "Virgin Islands, British", "France, Metropolitan"
    } else {
      out.push_back(first);
    }
  }
  if (!alternate.empty()) out.push_back(alternate);
  return out;
}

struct Supplement {
  std::map<std::string, std::string> cameo;  // ISO alpha-3 -> CAMEO code ("-": leave out)
  std::set<std::string> phrases;             // lower-cased actor phrases
};

bool ReadSupplement(const std::string& path, Supplement* s) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open\n";
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = Trim(line);
    if (t.rfind("#", 0) == 0) {
      std::istringstream words(t.substr(1));
      std::string tag, iso, code;
      if (words >> tag && tag == "@cameo") {
        if (!(words >> iso >> code) || iso.size() != 3) {
          std::cerr << path << ":" << line_no << ": expected '# @cameo ISO CODE'\n";
          return false;
        }
        s->cameo[iso] = code;
      } else if (tag == "@omit") {
        std::string rest;
        std::getline(words, rest);
        s->phrases.insert(Lower(Trim(rest)));
      }
      continue;
    }
    const std::string body = t.substr(0, t.find('#'));
    if (body.rfind("actor", 0) != 0) continue;
    const size_t bar1 = body.find('|');
    const size_t bar2 = bar1 == std::string::npos ? std::string::npos : body.find('|', bar1 + 1);
    if (bar1 == std::string::npos) continue;
    s->phrases.insert(Lower(Trim(std::string_view(body).substr(bar1 + 1, bar2 == std::string::npos ? std::string::npos : bar2 - bar1 - 1))));
  }
  return true;
}

struct Entry {
  std::string alpha3;
  std::vector<std::string> names;  // in order of preference
  std::string note;
};

bool ReadIso(const std::string& path, const char* key, bool former, std::vector<Entry>* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto error = parser.load(path).get(doc)) {
    std::cerr << path << ": " << simdjson::error_message(error) << "\n";
    return false;
  }
  simdjson::dom::array list;
  if (doc[key].get(list)) {
    std::cerr << path << ": no \"" << key << "\" list\n";
    return false;
  }
  for (simdjson::dom::element item : list) {
    Entry e;
    std::string_view v;
    if (item["alpha_3"].get(v)) {
      std::cerr << path << ": an entry without alpha_3\n";
      return false;
    }
    e.alpha3 = std::string(v);
    std::vector<std::string> names;
    if (!item["common_name"].get(v)) names.push_back(std::string(v));
    if (!item["name"].get(v)) {
      for (std::string& n : NamesOf(v)) names.push_back(std::move(n));
      e.note = std::string(v);
    }
    if (!item["official_name"].get(v)) {
      std::string official(v);
      if (official.rfind("the ", 0) == 0) official.erase(0, 4);
      if (official.find(',') == std::string::npos && official.find('(') == std::string::npos) names.push_back(official);
    }
    if (former && !item["withdrawal_date"].get(v)) e.note += "; withdrawn " + std::string(v);
    for (const std::string& n : names) {
      bool changed = false;
      const std::string ascii = Ascii(n, &changed);
      for (const std::string& m : {n, changed ? ascii : std::string()})
        if (!m.empty() && std::find(e.names.begin(), e.names.end(), m) == e.names.end()) e.names.push_back(m);
    }
    out->push_back(std::move(e));
  }
  return true;
}

void Write(std::ostream& out, const std::vector<Entry>& entries, const Supplement& s, std::set<std::string>* written,
           int* lines) {
  for (const Entry& e : entries) {
    auto it = s.cameo.find(e.alpha3);
    const std::string code = it == s.cameo.end() ? e.alpha3 : it->second;
    out << "\n# " << e.alpha3 << "  " << e.note;
    if (code != e.alpha3) out << (code == "-" ? "  (left out: # @cameo in the supplement)" : "  (CAMEO " + code + ")");
    out << "\n";
    if (code == "-") continue;
    for (const std::string& n : e.names) {
      const std::string key = Lower(n);
      if (s.phrases.count(key) || !written->insert(key).second) continue;
      out << "actor  " << code << std::string(code.size() < 7 ? 7 - code.size() : 1, ' ') << "| " << n
          << " | kind=country\n";
      ++*lines;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string current_path, former_path, supplement_path, out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--iso3166-1") current_path = argv[i + 1];
    else if (flag == "--iso3166-3") former_path = argv[i + 1];
    else if (flag == "--supplement") supplement_path = argv[i + 1];
    else if (flag == "--out") out_path = argv[i + 1];
    else {
      std::cerr << "dateline-countrygen: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (current_path.empty() || former_path.empty() || supplement_path.empty() || out_path.empty()) {
    std::cerr << "usage: dateline-countrygen --iso3166-1 FILE --iso3166-3 FILE --supplement FILE --out FILE\n";
    return 2;
  }
  Supplement supplement;
  if (!ReadSupplement(supplement_path, &supplement)) return 1;
  std::vector<Entry> current, former;
  if (!ReadIso(current_path, "3166-1", false, &current) || !ReadIso(former_path, "3166-3", true, &former)) return 1;
  if (current.size() < 200) {
    std::cerr << current_path << ": only " << current.size() << " countries; is iso-codes complete?\n";
    return 1;
  }

  std::ostringstream body;
  std::set<std::string> written;
  int lines = 0;
  body << "\n# ---- ISO 3166-1: current countries and territories ----\n";
  Write(body, current, supplement, &written, &lines);
  body << "\n# ---- ISO 3166-3: former countries (codes and successors per the supplement's @cameo lines) ----\n";
  Write(body, former, supplement, &written, &lines);

  std::ofstream out(out_path);
  out << "# Generated by dateline-countrygen (src/tools/countrygen.cpp) from Debian's iso-codes\n"
         "# (LGPL-2.1-or-later): "
      << current_path << " and " << former_path
      << ".\n# Do not edit: names the package lacks, and CAMEO codes that differ from ISO, go in the\n"
         "# supplement, data/dict/countries.dl. A name the supplement lists is not repeated here.\n"
      << body.str();
  out.close();
  if (!out) {
    std::cerr << out_path << ": cannot write\n";
    return 1;
  }
  std::cout << "dateline-countrygen: " << current.size() << " current and " << former.size() << " former entries, "
            << lines << " names -> " << out_path << "\n";
  return 0;
}
