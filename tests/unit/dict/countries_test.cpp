// The default country dictionary: names generated from Debian's iso-codes at build time
// (src/tools/countrygen.cpp -> dict/iso-3166.dl) plus the hand-written supplement
// (data/dict/countries.dl); and the organisations of data/dict/organisations.dl.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "core/embedded.h"
#include "dict/dictionary.h"
#include "dict/phrase.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

constexpr const char* kIsoCurrent = "/usr/share/iso-codes/json/iso_3166-1.json";

// The actor entries whose phrase is exactly `phrase` (as the dictionary splits it).
std::vector<const ActorEntry*> ActorsNamed(const Dictionary& d, std::string_view phrase) {
  std::vector<const ActorEntry*> out;
  const std::vector<PhraseWord> words = SplitPhrase(phrase);
  std::vector<uint32_t> ids;
  for (const PhraseWord& w : words) {
    const uint32_t id = d.vocabulary().Find(w.folded);
    if (id == 0) return out;  // 0: not in the vocabulary
    ids.push_back(id);
  }
  if (ids.empty()) return out;
  for (uint32_t p : d.PhrasesStartingWith(ids[0])) {
    const Phrase& ph = d.phrases()[p];
    if (ph.is_agent || ph.words != ids) continue;
    for (uint32_t e : ph.entries) out.push_back(&d.actors()[e]);
  }
  return out;
}

// "code/kind" of the phrase's entries (they must agree), or what went wrong.
std::string CodeOf(std::string_view phrase) {
  const std::vector<const ActorEntry*> a = ActorsNamed(DefaultDictionary(), phrase);
  if (a.empty()) return "(none)";
  // An acronym and its mixed-case twin ("NATO", "Nato") are two entries of one phrase.
  for (const ActorEntry* e : a)
    if (e->code != a[0]->code || e->kind != a[0]->kind) return std::to_string(a.size()) + " entries";
  static const char* kKinds[] = {"country", "adjective", "capital", "org", "person", "group"};
  return a[0]->code + "/" + kKinds[static_cast<int>(a[0]->kind)];
}

// The supplement's "# @cameo ISO CODE" lines.
std::map<std::string, std::string> CameoCodes() {
  std::map<std::string, std::string> out;
  const std::optional<std::string_view> bytes = EmbeddedFile("dict/countries.dl");
  EXPECT_TRUE(bytes.has_value());
  if (!bytes) return out;
  std::istringstream in{std::string(*bytes)};
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string hash, tag, iso, code;
    if (words >> hash >> tag >> iso >> code && hash == "#" && tag == "@cameo") out[iso] = code;
  }
  return out;
}

TEST(Countries, TheGeneratedFileIsEmbeddedAfterTheSupplement) {
  int supplement = -1, generated = -1, i = 0;
  for (const EmbeddedEntry& e : EmbeddedFiles()) {
    if (e.name == "dict/countries.dl") supplement = i;
    if (e.name == "dict/iso-3166.dl") generated = i;
    ++i;
  }
  ASSERT_GE(supplement, 0);
  ASSERT_GE(generated, 0) << "dict/iso-3166.dl (dateline-countrygen) is not embedded";
  EXPECT_LT(supplement, generated) << "the supplement must load first: it gives the canonical names";
  EXPECT_NE(EmbeddedFile("dict/iso-3166.dl")->find("iso-codes"), std::string_view::npos);
}

TEST(Countries, EveryIsoCountryIsACountryOfTheDefaultDictionary) {
  std::error_code ec;
  if (!std::filesystem::exists(kIsoCurrent, ec))
    GTEST_SKIP() << kIsoCurrent << " is absent: install iso-codes (scripts/install-deps.sh)";
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.load(kIsoCurrent).get(doc), simdjson::SUCCESS);
  simdjson::dom::array list;
  ASSERT_EQ(doc["3166-1"].get(list), simdjson::SUCCESS);
  const std::map<std::string, std::string> cameo = CameoCodes();
  const Dictionary& d = DefaultDictionary();
  size_t n = 0;
  for (simdjson::dom::element item : list) {
    std::string_view alpha3, name;
    ASSERT_EQ(item["alpha_3"].get(alpha3), simdjson::SUCCESS);
    if (item["name"].get(name)) name = "?";
    auto it = cameo.find(std::string(alpha3));
    const std::string code = it == cameo.end() ? std::string(alpha3) : it->second;
    EXPECT_TRUE(d.IsCountryCode(code)) << alpha3 << " (" << name << ") has no country entry under " << code;
    ++n;
  }
  EXPECT_GE(n, 249u);
}

TEST(Countries, NamesFromThePackage) {
  EXPECT_EQ(CodeOf("Russian Federation"), "RUS/country");
  EXPECT_EQ(CodeOf("Republic of Korea"), "KOR/country");
  EXPECT_EQ(CodeOf("Democratic Republic of the Congo"), "COD/country");
  EXPECT_EQ(CodeOf("British Virgin Islands"), "VGB/country");
  EXPECT_EQ(CodeOf("Falkland Islands"), "FLK/country");
  EXPECT_EQ(CodeOf("Malvinas"), "FLK/country");
  EXPECT_EQ(CodeOf("Cocos Islands"), "CCK/country");
  EXPECT_EQ(CodeOf("Curaçao"), "CUW/country");
  EXPECT_EQ(CodeOf("Curacao"), "CUW/country");
  EXPECT_EQ(CodeOf("Greenland"), "GRL/country");
  EXPECT_EQ(CodeOf("Czechoslovakia"), "CSK/country");
  EXPECT_EQ(CodeOf("German Democratic Republic"), "DDR/country");
  EXPECT_EQ(CodeOf("Zaire"), "COD/country");
  EXPECT_EQ(CodeOf("Dahomey"), "BEN/country");
  // Left out: common words and other places.
  EXPECT_EQ(CodeOf("reunion"), "(none)");
  EXPECT_EQ(CodeOf("Jersey"), "(none)");
  EXPECT_EQ(CodeOf("neutral zone"), "(none)");
}

TEST(Countries, CanonicalNamesComeFromTheSupplement) {
  const Dictionary& d = DefaultDictionary();
  EXPECT_EQ(d.CountryName("RUS"), "Russia");
  EXPECT_EQ(d.CountryName("TUR"), "Turkey");
  EXPECT_EQ(d.CountryName("KAZ"), "Kazakhstan");
  EXPECT_EQ(d.CountryName("GRL"), "Greenland");  // from the package
}

TEST(Countries, DemonymsAdjectivesAndMetonyms) {
  EXPECT_EQ(CodeOf("Kazakh"), "KAZ/adjective");
  EXPECT_EQ(CodeOf("Kazakhstani"), "KAZ/adjective");
  EXPECT_EQ(CodeOf("Kazakhs"), "KAZ/country");
  EXPECT_EQ(CodeOf("Beijing"), "CHN/capital");
  EXPECT_EQ(CodeOf("Kremlin"), "RUSGOV/org");
  EXPECT_EQ(CodeOf("White House"), "USAGOV/org");
  EXPECT_EQ(CodeOf("Downing Street"), "GBRGOV/org");
  EXPECT_EQ(CodeOf("Greenlandic"), "GRL/adjective");
  EXPECT_EQ(CodeOf("Soviet"), "USR/adjective");
}

TEST(Countries, CameoCodesWhereTheyDifferFromIso) {
  EXPECT_EQ(CodeOf("Kosovo"), "KSV/country");
  EXPECT_EQ(CodeOf("Timor-Leste"), "TMP/country");
  EXPECT_EQ(CodeOf("Western Sahara"), "MAR/country");
  EXPECT_EQ(CodeOf("Palestinian territories"), "PSE/country");
  EXPECT_EQ(CodeOf("Gaza"), "PSE/country");
  EXPECT_EQ(CodeOf("USSR"), "USR/country");
  EXPECT_EQ(CodeOf("Soviet Union"), "USR/country");
  EXPECT_EQ(CodeOf("Burma"), "MMR/country");
  EXPECT_EQ(CodeOf("Federal Republic of Yugoslavia"), "SCG/country");
  const std::map<std::string, std::string> cameo = CameoCodes();
  EXPECT_EQ(cameo.at("TLS"), "TMP");
  EXPECT_EQ(cameo.at("SUN"), "USR");
}

TEST(Countries, AMetonymCodesAsItsGovernment) {
  Document doc = DecodeArticle("t", "The Kremlin accused Kyiv of shelling the plant.");
  doc.publication_date = Date::Parse("2024-05-01");
  Pipeline(DefaultDictionary(), CoderOptions{}).Process(doc);
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].source.code, "RUSGOV");
  EXPECT_EQ(doc.events[0].target.code.substr(0, 3), "UKR");
}

TEST(Organisations, InternationalAndRegionalBodiesAndNgosHaveCameoCodes) {
  EXPECT_EQ(CodeOf("United Nations"), "IGOUNO/org");
  EXPECT_EQ(CodeOf("European Commission"), "IGOEUREEC/org");
  EXPECT_EQ(CodeOf("European Central Bank"), "IGOEUREEC/org");
  EXPECT_EQ(CodeOf("NATO"), "IGOWSTNAT/org");
  EXPECT_EQ(CodeOf("African Union"), "IGOAFRAFU/org");
  EXPECT_EQ(CodeOf("ASEAN"), "IGOSEAASN/org");
  EXPECT_EQ(CodeOf("CSTO"), "IGOCAS/org");
  EXPECT_EQ(CodeOf("Shanghai Cooperation Organisation"), "IGOCAS/org");
  EXPECT_EQ(CodeOf("OPEC"), "IGOOPC/org");
  EXPECT_EQ(CodeOf("IMF"), "IGOBUSIMF/org");
  EXPECT_EQ(CodeOf("World Bank"), "IGOUNODEVWBK/org");
  EXPECT_EQ(CodeOf("International Criminal Court"), "IGOJUDICC/org");
  EXPECT_EQ(CodeOf("ICRC"), "NGOHLHIRC/org");
  EXPECT_EQ(CodeOf("Amnesty International"), "NGOHRIAMN/org");
  EXPECT_EQ(CodeOf("Human Rights Watch"), "NGOHRIHRW/org");
  EXPECT_EQ(CodeOf("UNEP"), "IGOUNOENV/org");
  EXPECT_EQ(CodeOf("ECCAS"), "IGOCAFECA/org");
  EXPECT_EQ(CodeOf("OPCW"), "IGO/org");
  EXPECT_EQ(CodeOf("Norwegian Refugee Council"), "NGONORREF/org");
  EXPECT_EQ(DefaultDictionary().CountryName("IGOUNO"), "");  // organisations are no country
}

}  // namespace
}  // namespace dateline
