// Loading dictionary files of the TABARI family from disk (dict/load.h): the conventions the
// loader sets for them, and the sections of a .verbs file beyond verbs.
#include "dict/load.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

std::string Write(const std::string& name, const std::string& text) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "dateline_load_test";
  std::filesystem::create_directories(dir);
  const std::filesystem::path p = dir / name;
  std::ofstream(p) << text;
  return p.string();
}

std::unique_ptr<Dictionary> LoadTabari() {
  DictionaryOptions o;
  o.no_defaults = true;
  o.actors.push_back(Write("t.actors", "ARNOR [ARN]\nGONDOR [GON]\n"));
  o.verbs = Write("t.verbs",
                  "<TIME>\nKAN_WA_MA_KAN [###]\nLAST_WEEK [-7]\n</TIME>\n"
                  "ATTACK_ [190]\n");
  Result<LoadedDictionaries> d = LoadDictionaries(o);
  EXPECT_TRUE(d.ok());
  for (const std::string& p : d->problems) ADD_FAILURE() << p;
  return std::move(d->dict);
}

std::string Code(const Dictionary& d, const std::string& text) {
  Document doc = DecodeArticle("l", text);
  doc.publication_date = Date{2022, 1, 10};
  Pipeline(d, CoderOptions{}).Process(doc);
  std::string s;
  for (const Event& e : doc.events) s += e.source.code + ">" + e.target.code + ":" + e.code + " ";
  return s;
}

TEST(Load, TabariConventionsAndTimeDiscards) {
  const std::unique_ptr<Dictionary> d = LoadTabari();
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->tabari_conventions());
  EXPECT_EQ(Code(*d, "Arnor attacked Gondor last week in the border town of Esgaroth."), "ARN>GON:190 ");
  // A <TIME> phrase coded ### discards its sentence.
  EXPECT_EQ(Code(*d, "Kan wa ma kan, Arnor attacked Gondor in the border town of Esgaroth."), "");
}

TEST(Load, ActorsAndAgentsFollowTheVerbsFilesFamily) {
  // Read alone, an actors file with '#' comments and indented date restrictions looks like
  // PETRARCH's; named with TABARI verbs it is TABARI's, and no PETRARCH convention applies.
  DictionaryOptions o;
  o.no_defaults = true;
  o.actors.push_back(Write("shared.actors", "# country file\nARNOR [ARN]\nGOLLUM\n\t[HOB 950101-990101]\n"));
  o.agents = Write("shared.agents", "# roles\nPOLICE [~COP]\n");
  o.verbs = Write("t2.verbs", "ATTACK_ [190]\n- * BUFFET [---]\n");
  Result<LoadedDictionaries> d = LoadDictionaries(o);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->dict->tabari_conventions());
  EXPECT_TRUE(d->dict->lone_agent_prefix().empty());
}

// The version written with every record names the dictionaries: files of the other families
// count in the hash as the project's own .dl files do, so two dictionary sets differ by it.
TEST(Load, HashCoversFilesOfEveryFamily) {
  auto hash_of = [](const std::string& actors) {
    DictionaryOptions o;
    o.no_defaults = true;
    o.actors.push_back(Write("h.actors", actors));
    o.verbs = Write("h.verbs", "ATTACK_ [190]\n");
    Result<LoadedDictionaries> d = LoadDictionaries(o);
    EXPECT_TRUE(d.ok());
    return d.ok() ? d->dict->hash() : std::string();
  };
  const std::string a = hash_of("ARNOR [ARN]\n");
  EXPECT_NE(a, "00000000");
  EXPECT_EQ(a, hash_of("ARNOR [ARN]\n"));
  EXPECT_NE(a, hash_of("ARNOR [ARX]\n"));
}

}  // namespace
}  // namespace dateline
