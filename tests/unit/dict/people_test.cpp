// The default dictionaries' people (data/dict/people*.dl): codes that follow a person's office
// on the article's date, and ranges that do not contradict each other.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "dict/dictionary.h"
#include "input/input.h"
#include "output/output.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

bool FromPeopleFile(const Dictionary& d, const ActorEntry& a) {
  return d.Where(a.where).find("data/dict/people") != std::string::npos;
}

// Entries of one person (one canonical name) whose ranges overlap give the same code, and every
// range runs forwards. (Days of a change of office may be shared: "to" of one office is often
// the "from" of the next. Undated entries are fallbacks and are not compared.)
TEST(People, RangesOfOnePersonAgree) {
  const Dictionary& d = DefaultDictionary();
  std::map<std::string, std::vector<const ActorEntry*>> by_name;
  int people = 0;
  for (const ActorEntry& a : d.actors()) {
    if (!FromPeopleFile(d, a) || a.kind != ActorKind::kPerson) continue;
    ++people;
    if (a.from && a.to) {
      EXPECT_FALSE(*a.to < *a.from) << d.Where(a.where) << ": " << a.name << " ends before it begins";
    }
    if (a.from || a.to) by_name[a.name].push_back(&a);
  }
  EXPECT_GT(people, 700);
  for (const auto& [name, entries] : by_name)
    for (size_t i = 0; i < entries.size(); ++i)
      for (size_t j = i + 1; j < entries.size(); ++j) {
        const ActorEntry& a = *entries[i];
        const ActorEntry& b = *entries[j];
        if (a.code == b.code) continue;
        // Overlap of more than one day: a starts before b ends and b starts before a ends.
        const bool a_before_b_ends = !a.from || !b.to || *a.from < *b.to;
        const bool b_before_a_ends = !b.from || !a.to || *b.from < *a.to;
        EXPECT_FALSE(a_before_b_ends && b_before_a_ends)
            << name << ": " << d.Where(a.where) << " (" << a.code << ") and " << d.Where(b.where) << " (" << b.code
            << ") overlap";
      }
}

// Codes one sentence with the default dictionaries and returns "SOURCE>TARGET name>name" for
// every event.
std::vector<std::string> Events(const std::string& text, const std::string& date) {
  std::istringstream in("{\"id\":\"p\",\"date\":\"" + date + "\",\"text\":\"" + text + "\"}\n");
  std::ostringstream out, log;
  InputOptions input;
  input.format = InputFormat::kJsonl;
  input.standard_input = &in;
  ArticleSource source({"-"}, input, log, nullptr);
  RecordWriter writer(out, OutputOptions{});
  Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  RunPipeline(source, pipeline, writer, RunOptions{}, log);
  std::vector<std::string> events;
  std::istringstream lines(out.str());
  auto field = [](const std::string& line, const std::string& key) {
    const std::string k = "\"" + key + "\":\"";
    const size_t at = line.find(k);
    if (at == std::string::npos) return std::string();
    const size_t begin = at + k.size();
    return line.substr(begin, line.find('"', begin) - begin);
  };
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"type\":\"event\"") == std::string::npos) continue;
    events.push_back(field(line, "source") + ">" + field(line, "target") + " " + field(line, "source_name") + ">" +
                     field(line, "target_name"));
  }
  return events;
}

using V = std::vector<std::string>;

TEST(People, TokayevFollowsHisOffice) {
  const std::string s = "Kassym-Jomart Tokayev criticized Russia on Monday in a speech in the capital.";
  EXPECT_EQ(Events(s, "2005-06-01"), V{"KAZGOV>RUS Kassym-Jomart Tokayev>Russia"});   // foreign minister
  EXPECT_EQ(Events(s, "2009-06-01"), V{"KAZLEG>RUS Kassym-Jomart Tokayev>Russia"});   // chairman of the Senate
  EXPECT_EQ(Events(s, "2012-06-01"), V{"IGOUNO>RUS Kassym-Jomart Tokayev>Russia"});   // UN Office at Geneva
  EXPECT_EQ(Events(s, "2018-06-01"), V{"KAZLEG>RUS Kassym-Jomart Tokayev>Russia"});   // chairman of the Senate
  EXPECT_EQ(Events(s, "2019-03-19"), V{"KAZLEG>RUS Kassym-Jomart Tokayev>Russia"});
  EXPECT_EQ(Events(s, "2019-03-20"), V{"KAZGOV>RUS Kassym-Jomart Tokayev>Russia"});   // president
  EXPECT_EQ(Events(s, "2020-06-01"), V{"KAZGOV>RUS Kassym-Jomart Tokayev>Russia"});
}

TEST(People, TheSeedArticlesPeopleInJanuary2022) {
  const std::string d = "2022-01-10";
  EXPECT_EQ(Events("Wang Yi criticized Mukhtar Tileuberdi on Monday in a call from Beijing.", d),
            V{"CHNGOV>KAZGOV Wang Yi>Mukhtar Tileuberdi"});
  EXPECT_EQ(Events("Xi Jinping criticized Kassym-Jomart Tokayev on Monday in a call from Beijing.", d),
            V{"CHNGOV>KAZGOV Xi Jinping>Kassym-Jomart Tokayev"});
  // A scholar, not a state actor.
  EXPECT_EQ(Events("Li Mingjiang criticized Kazakhstan on Monday in a lecture in Singapore.", d),
            V{"SGPEDU>KAZ Li Mingjiang>Kazakhstan"});
}

TEST(People, AMinisterOutOfOfficeIsNoLongerGovernment) {
  const std::string s = "Mukhtar Tileuberdi criticized Russia on Monday in a speech in the capital.";
  EXPECT_EQ(Events(s, "2022-01-10"), V{"KAZGOV>RUS Mukhtar Tileuberdi>Russia"});
  EXPECT_EQ(Events(s, "2024-06-03"), V{});
  const std::string p = "Mike Pompeo criticized Russia on Monday in a speech in Washington.";
  EXPECT_EQ(Events(p, "2019-06-03"), V{"USAGOV>RUS Mike Pompeo>Russia"});
  EXPECT_EQ(Events(p, "2022-06-06"), V{});
  // Shoigu: emergencies minister, defence minister, secretary of the Security Council.
  const std::string g = "Sergei Shoigu criticized Ukraine on Monday in a speech in Moscow.";
  EXPECT_EQ(Events(g, "2010-06-07"), V{"RUSGOV>UKR Sergei Shoigu>Ukraine"});
  EXPECT_EQ(Events(g, "2022-06-06"), V{"RUSGOVMIL>UKR Sergei Shoigu>Ukraine"});
  EXPECT_EQ(Events(g, "2025-06-02"), V{"RUSGOV>UKR Sergei Shoigu>Ukraine"});
}

TEST(People, SpellingsAndNamesUsedAlone) {
  const std::string d = "2025-06-02";
  EXPECT_EQ(Events("Erdoğan criticized Israel on Monday in a speech in Ankara.", d),
            V{"TURGOV>ISR Recep Tayyip Erdogan>Israel"});
  EXPECT_EQ(Events("Recep Tayyip Erdoğan criticized Israel on Monday in a speech in Ankara.", d),
            V{"TURGOV>ISR Recep Tayyip Erdogan>Israel"});
  EXPECT_EQ(Events("Putin criticized Zelenskyy on Monday in a speech in Moscow.", d),
            V{"RUSGOV>UKRGOV Vladimir Putin>Volodymyr Zelensky"});
  EXPECT_EQ(Events("Jean-Noël Barrot criticized Russia on Monday in a speech in Paris.", d),
            V{"FRAGOV>RUS Jean-Noël Barrot>Russia"});
  EXPECT_EQ(Events("Luiz Inácio Lula da Silva criticized Israel on Monday in a speech in Brasilia.", d),
            V{"BRAGOV>ISR Luiz Inácio Lula da Silva>Israel"});
}

TEST(People, NonStateLeaders) {
  EXPECT_EQ(Events("Naim Qassem criticized Israel on Monday in a speech in Beirut.", "2025-06-02"),
            V{"LBNREB>ISR Naim Qassem>Israel"});
  // Al-Sharaa: rebel leader, then Syria's leader from the fall of Damascus.
  const std::string s = "Ahmed al-Sharaa criticized Israel on Monday in a speech in Syria.";
  EXPECT_EQ(Events(s, "2023-06-05"), V{"SYRREB>ISR Ahmed al-Sharaa>Israel"});
  EXPECT_EQ(Events(s, "2025-06-02"), V{"SYRGOV>ISR Ahmed al-Sharaa>Israel"});
  // The Taliban govern Afghanistan from 2021-08-15.
  const std::string t = "Zabihullah Mujahid criticized Pakistan on Monday in a statement in Kabul.";
  EXPECT_EQ(Events(t, "2020-06-01"), V{"AFGREB>PAK Zabihullah Mujahid>Pakistan"});
  EXPECT_EQ(Events(t, "2023-06-05"), V{"AFGGOV>PAK Zabihullah Mujahid>Pakistan"});
}

// The groups themselves (data/dict/groups.dl), with a role after them and a change of code on
// the day a group took power.
TEST(Groups, NamedGroupsAreActors) {
  EXPECT_EQ(Events("Hezbollah criticized Israel on Monday in a statement in Beirut.", "2025-06-02"),
            V{"LBNREB>ISR Hezbollah>Israel"});
  EXPECT_EQ(Events("Houthi rebels criticized Israel on Monday in a statement in Sanaa.", "2025-06-02"),
            V{"YEMREB>ISR Houthi>Israel"});
  const std::string t = "The Taliban criticized Pakistan on Monday in a statement in Kabul.";
  EXPECT_EQ(Events(t, "2020-06-01"), V{"AFGREB>PAK Taliban>Pakistan"});
  EXPECT_EQ(Events(t, "2023-06-05"), V{"AFGGOV>PAK Taliban>Pakistan"});
}

}  // namespace
}  // namespace dateline
