// Runs the fuzz entry points (tests/fuzz) on every build: the example articles, then seeded
// random mutations of them (byte flips, truncations, splices, inserted quotes and control
// bytes). The libFuzzer targets explore further; this keeps the invariants checked in CI.
#include <gtest/gtest.h>

#include <random>

#include "fuzz/fuzz_pipeline.h"
#include "test_util.h"

namespace dateline {
namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourceDir() / "examples")) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".txt") || name.ends_with(".jsonl")) seeds.push_back(testing::ReadFile(entry.path()));
  }
  seeds.push_back("");
  seeds.push_back("\xEF\xBB\xBF");
  seeds.push_back("A.\n\nB. \"C\" said D, who E. , F.");
  return seeds;
}

std::string Mutate(const std::string& seed, std::mt19937& rng) {
  std::string s = seed;
  static const std::string kPieces[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xFF", "\0", "\n\n", "&amp;", "&#x",
                                        ". ", ", ", "'s", "-", "(", ")", "U.S.", "he", "not"};
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int k = 0; k < edits; ++k) {
    const size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 5) {
      case 0:
        if (!s.empty() && pos < s.size()) s[pos] = static_cast<char>(rng() & 0xFF);
        break;
      case 1:
        s.resize(pos);
        break;
      case 2:
        s.insert(pos, kPieces[rng() % (sizeof kPieces / sizeof kPieces[0])]);
        break;
      case 3:
        if (!s.empty()) s.erase(pos, rng() % 64);
        break;
      default:
        s.insert(pos, s.substr(rng() % (s.size() + 1), rng() % 200));
        break;
    }
  }
  return s;
}

TEST(FuzzSmoke, ArticlesAndMutations) {
  std::mt19937 rng(20221010);
  for (const std::string& seed : Seeds()) {
    fuzz::Article(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
    for (int i = 0; i < 1000; ++i) {
      const std::string m = Mutate(seed, rng);
      fuzz::Article(reinterpret_cast<const uint8_t*>(m.data()), m.size());
    }
  }
}

TEST(FuzzSmoke, JsonLinesAndMutations) {
  std::mt19937 rng(7);
  const std::string seed = testing::ReadFile(testing::SourceDir() / "examples/articles.jsonl");
  fuzz::JsonLines(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
  for (int i = 0; i < 1000; ++i) {
    const std::string m = Mutate(seed, rng);
    fuzz::JsonLines(reinterpret_cast<const uint8_t*>(m.data()), m.size());
  }
}

TEST(FuzzSmoke, DictionaryMutations) {
  std::mt19937 rng(11);
  const std::string seed = testing::ReadFile(testing::SourceDir() / "data/dict/people.dl");
  for (int i = 0; i < 1000; ++i) {
    const std::string m = Mutate(seed, rng);
    fuzz::DictionaryFile(reinterpret_cast<const uint8_t*>(m.data()), m.size());
  }
}

}  // namespace
}  // namespace dateline
