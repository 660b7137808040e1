// `dateline explain`: what it shows of one sentence (cli/explain_command.h).
#include "cli/explain_command.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dict/dictionary.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

std::string Explain(const std::string& text, bool all_modes = false) {
  CoderOptions o;
  o.all_modes = all_modes;
  const Pipeline pipeline(DefaultDictionary(), o);
  std::ostringstream out;
  EXPECT_EQ(ExplainText(pipeline, text, Date::Parse("2022-01-10"), out), 0);
  return out.str();
}

TEST(Explain, ShowsTokensClausesActorsPatternsAndEvents) {
  const std::string e = Explain("Beijing stands ready to strengthen cooperation with Kazakhstan.");
  EXPECT_NE(e.find("sentence 1: Beijing stands ready"), std::string::npos) << e;
  EXPECT_NE(e.find("1:stands/VBZ stand"), std::string::npos) << e;  // token, tag, lemma
  EXPECT_NE(e.find("clauses:\n    [0] Beijing stands"), std::string::npos) << e;
  EXPECT_NE(e.find("[0] \"Beijing\" CHN China; actor data/dict/countries.dl:"), std::string::npos) << e;
  EXPECT_NE(e.find("[030]: chosen"), std::string::npos) << e;
  EXPECT_NE(e.find("=> pattern chosen; source [0] \"Beijing\" (CHN), target [1] \"Kazakhstan\" (KAZ)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("events:\n    CHN > KAZ  030 (asserted) 2022-01-10\n      verb data/dict/verbs.dl:"), std::string::npos)
      << e;
}

TEST(Explain, SaysWhyPatternsDidNotFire) {
  // "[tell] +" needs an actor after the verb.
  std::string e = Explain("China told the meeting about the plan.");
  EXPECT_NE(e.find("[010]: its words after the verb are not in the clause"), std::string::npos) << e;
  EXPECT_NE(e.find("=> no pattern matched"), std::string::npos) << e;
  EXPECT_NE(e.find("events: none"), std::string::npos) << e;
  // A negated act is found but not written without --all-modes.
  e = Explain("Russia did not attack Ukraine.");
  EXPECT_NE(e.find("=> negated: written only with --all-modes"), std::string::npos) << e;
  e = Explain("Russia did not attack Ukraine.", /*all_modes=*/true);
  EXPECT_NE(e.find("RUS > UKR"), std::string::npos) << e;
  EXPECT_NE(e.find("(negated)"), std::string::npos) << e;
  // No verb pattern at all.
  e = Explain("The weather was mild.");
  EXPECT_NE(e.find("actors: none"), std::string::npos) << e;
  EXPECT_NE(e.find("events: none"), std::string::npos) << e;
}

}  // namespace
}  // namespace dateline
