// Writes a benchmark input: the lines of a JSON Lines pool cycled to N records (record k is pool
// line k mod size), each given a unique id. Lines are copied as they are apart from the id, so
// the coder sees exactly the pool's sentences. With --distinct each text ends with " (ID)", so that
// every record is a new article for `dateline ingest` (no two share a content hash).
//
//   dateline-benchgen POOL.jsonl N [--distinct] > input.jsonl
#include <simdjson.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const bool distinct = argc == 4 && std::string(argv[3]) == "--distinct";
  if (argc != 3 && !distinct) {
    std::cerr << "usage: dateline-benchgen POOL.jsonl N [--distinct]\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "dateline-benchgen: cannot read " << argv[1] << "\n";
    return 2;
  }
  const long n = std::atol(argv[2]);
  std::vector<std::string> texts, dates;
  simdjson::dom::parser parser;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc)) {
      std::cerr << "dateline-benchgen: " << argv[1] << ":" << texts.size() + 1 << ": malformed JSON\n";
      return 2;
    }
    std::string_view text, date;
    if (doc["text"].get(text)) continue;
    if (doc["date"].get(date)) date = "";
    texts.emplace_back(text);
    dates.emplace_back(date);
  }
  if (texts.empty()) {
    std::cerr << "dateline-benchgen: no records in " << argv[1] << "\n";
    return 2;
  }
  std::string out;
  for (long k = 0; k < n; ++k) {
    const size_t i = static_cast<size_t>(k) % texts.size();
    out.clear();
    out += "{\"id\":\"b" + std::to_string(k) + "\",\"date\":\"" + dates[i] + "\",\"text\":";
    out += '"';
    for (char c : texts[i]) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) < 0x20) { out += ' '; continue; }
      out += c;
    }
    if (distinct) out += " (b" + std::to_string(k) + ")";
    out += "\"}\n";
    std::cout << out;
  }
  return 0;
}
