// The coding grammar under PETRARCH dictionaries: small PETRARCH-format dictionaries written
// here (independent of ../shared), each test pinning down one construction or convention.
#include <gtest/gtest.h>

#include "code/coder.h"
#include "dict/compile.h"
#include "dict/petrarch_reader.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

constexpr std::string_view kActors = R"(
ARNOR_ [ARN]
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
MORDOR [MOR]
ERIADOR [ERI]
ITHILEN [ITH]
DAGOLATH [DAG]
+TELEMAR
THE_SHIRE [FRO/BIL]
ITHILEN TELEVISION [ITHTV]
)";

constexpr std::string_view kAgents = R"(
GOVERNMENT [~GOV]
MINISTER [~GOV]
POLICE {} [~COP]
MEDIA {} [~MED]
OFFICIAL [~GOV]
)";

constexpr std::string_view kVerbs = R"(
--- LEAVE  [012] ---
LEAVE

--- LEFT  [042:043]  ---
LEFT

--- CALLED  [010] ---
CALLED
- * FOR  [096]

--- ACCUSE  [112] ---
ACCUSE

--- NOTE  [010] ---
NOTE
SEE {SEES SEEING SEEN}

--- CRITICIZE  [111] ---
CRITICIZE

--- SHOOT  [190] ---
SHOOT  {SHOOTS SHOOTING SHOT }

--- RECEIVE  [033] ---
RECEIVE
- + * MONEY $  [071]

--- SPUR [111] ---
SPUR

--- RISEN  [---] ---
RISEN
- DEATH_TOTAL * [224]
- DEATH TOLL * [223]

--- AGREE  [081] ---
AGREE
- * WITH % [031]
- % * [030:030]

--- REGRET  [111] ---
REGRET  {REGRETTED REGRETS}
- NOTED + *  [115]

--- WARN  [160] ---
WARN
- * AT ^ +  [162]
- * THEIR ^ ABOUT +  [163]
)";

std::unique_ptr<Dictionary> Build(DictionaryDialect dialect, std::string_view verbs, std::string_view actors = kActors,
                                  std::string_view agents = kAgents) {
  DictionarySource src;
  ReadPetrarchActors("actors.txt", actors, dialect, &src);
  ReadPetrarchAgents("agents.txt", agents, dialect, &src);
  PetrarchExtras extras;
  ReadPetrarchVerbs("verbs.txt", verbs, dialect, &src, &extras);
  for (const PetrarchVerbNote& note : extras.verb_notes)  // "WIRE_+TAP": the verb is "tap"
    if (note.head > 0 && static_cast<size_t>(note.head) < src.verbs[note.verb].verb.size())
      src.verbs[note.verb].head_word = note.head;
  DictionaryBuilder b;
  b.SetAgentsComposeLocally(true);
  AddSource(src, dialect, &b);
  EXPECT_TRUE(b.problems().empty()) << b.problems()[0];
  return std::make_unique<Dictionary>(std::move(b).Build().take());
}

std::string Code(const Dictionary& dict, const std::string& text, CoderOptions options = {}) {
  Document doc = DecodeArticle("t", text);
  doc.publication_date = Date{2020, 1, 1};
  Pipeline(dict, options).Process(doc);
  std::string out;
  for (const Event& e : doc.events) {
    if (!out.empty()) out += " ";
    out += (e.source.code.empty() ? "---" : e.source.code) + ">" + (e.target.code.empty() ? "---" : e.target.code) + ":" + e.code;
  }
  return out;
}

// A verb entry written as an inflected form ("LEFT") is that form's, before its lemma's ("LEAVE").
TEST(PetrarchGrammar, InflectedVerbEntryWinsForItsForm) {
  for (DictionaryDialect d : {DictionaryDialect::kPetrarch1, DictionaryDialect::kPetrarch2}) {
    auto dict = Build(d, kVerbs);
    EXPECT_EQ(Code(*dict, "Telemar left for Minas Tirith on Wednesday."), "DAG>GON:042 GON>DAG:043");
    EXPECT_EQ(Code(*dict, "Telemar leaves Minas Tirith on Wednesday."), "DAG>GON:012");
    // The lexicon also reads "called" as a base form; its past reading still makes it inflected.
    EXPECT_EQ(Code(*dict, "And Eriador has called for a boycott against Mordor."), "ERI>MOR:096");
  }
}

// An agent with no actor next to it is PETRARCH's "---" + agent: "---COP", a side of its own.
TEST(PetrarchGrammar, LoneAgentIsDashesPlusAgent) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "The police accused Gondor on Monday."), "---COP>GON:112");
  EXPECT_EQ(Code(*dict, "Gondor police accused Mordor on Monday."), "GONCOP>MOR:112");
}

// PETRARCH codes what "may", "could" and "might" leave open as stated.
TEST(PetrarchGrammar, ModalsAreNotHypothetical) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Gondor may spur Mordor."), "GON>MOR:111");
  EXPECT_EQ(Code(*dict, "Gondor could accuse Mordor."), "GON>MOR:112");
}

// PETRARCH-2's passive: the subject is the target, the source the "by" agent or else the
// first actor after the verb.
TEST(PetrarchGrammar, Petrarch2PassiveWithoutAgent) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Gondor was criticized over its dispute with Eriador."), "ERI>GON:111");
  EXPECT_EQ(Code(*dict, "Gondor was criticized by Eriador."), "ERI>GON:111");
  EXPECT_EQ(Code(*dict, "Gondor was heavily and unjustly criticized over its dispute with Eriador."), "ERI>GON:111");
}

// PETRARCH-1 reads a passive only with its "by" agent; otherwise the sentence as written.
TEST(PetrarchGrammar, Petrarch1PassiveNeedsAnAgent) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kVerbs);
  EXPECT_EQ(Code(*dict, "Gondor was criticized by Eriador."), "ERI>GON:111");
  EXPECT_EQ(Code(*dict, "Gondor was criticized over its dispute with Eriador."), "GON>ERI:111");
}

// A slot written before the verb is the subject's role: "+ * MONEY $" makes the subject the
// target and the actor after MONEY the source.
TEST(PetrarchGrammar, SlotBeforeTheVerbIsTheSubject) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Eriador has received by courier money from Mordor."), "MOR>ERI:071");
  EXPECT_EQ(Code(*dict, "Eriador has received Mordor."), "ERI>MOR:033");
}

// "POLICE {}": the agent takes no plural, so "polices" is no agent.
TEST(PetrarchGrammar, AgentWithEmptyPluralTakesNoPlural) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Arnor accused Gondor's police."), "ARN>GONCOP:112");
  EXPECT_EQ(Code(*dict, "Arnor accused Gondor's polices."), "ARN>GON:112");
}

// "^" skips one phrase, actors and all: "warned at the Gondor of Mordor" is toward Mordor.
TEST(PetrarchGrammar, CaretSkipsAPhrase) {
  for (DictionaryDialect d : {DictionaryDialect::kPetrarch1, DictionaryDialect::kPetrarch2}) {
    auto dict = Build(d, kVerbs);
    EXPECT_EQ(Code(*dict, "Arnor warned at the Gondor of the Prince of Mordor."), "ARN>MOR:162");
    EXPECT_EQ(Code(*dict, "Arnor warned their Gondor populations about the Prince of Mordor."), "ARN>MOR:163");
  }
}

// The modifiers of a compound's first member are shared, less its head noun's agent:
// "Danish Islamist media and government" is DNK+MUS+MED and DNK+MUS+GOV.
TEST(PetrarchGrammar, SharedModifiersLessTheHeadAgent) {
  constexpr std::string_view agents = R"(
GOVERNMENT [~GOV]
MEDIA {} [~MED]
ISLAMIST [~MUS]
)";
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs, kActors, agents);
  EXPECT_EQ(Code(*dict, "The Arnorian Islamist media and government accused Gondor."), "ARNMUSMED>GON:112 ARNMUSGOV>GON:112");
}

// Words before the verb joined by "_" stand together; with a blank, others may come between.
TEST(PetrarchGrammar, WordsBeforeTheVerbJoinedOrNot) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kVerbs);
  EXPECT_EQ(Code(*dict, "Eriador's death and injury toll has risen in the dispute with Mordor."), "ERI>MOR:223");
  EXPECT_EQ(Code(*dict, "Eriador's death and injury total has risen in the dispute with Mordor."), "");
  EXPECT_EQ(Code(*dict, "Eriador's death total has risen in the dispute with Mordor."), "ERI>MOR:224");
}

// "%" is a compound actor: before the verb its members act toward each other, after it they
// are the targets; a sentence without a compound there takes another pattern.
TEST(PetrarchGrammar, PercentIsACompound) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kVerbs);
  EXPECT_EQ(Code(*dict, "Arnor and Gondor agree that the dispute should be resolved."), "ARN>GON:030 GON>ARN:030");
  EXPECT_EQ(Code(*dict, "Eriador agrees with Gondor and Mordor that the dispute should end."), "ERI>GON:031 ERI>MOR:031");
  EXPECT_EQ(Code(*dict, "Eriador agrees with Gondor that the dispute should end."), "ERI>GON:081");
}

// A slot written before the verb binds the actor that stands there; the words before it
// bring their own subject: "NOTED + *" on "Arnor noted that Mordor regretted ..." is Arnor's
// act toward Mordor.
TEST(PetrarchGrammar, SlotBeforeTheVerbBindsTheActorThere) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kVerbs);
  EXPECT_EQ(Code(*dict, "Arnor noted that Mordor regretted Eriador's refusal."), "ARN>MOR:115");
  EXPECT_EQ(Code(*dict, "Mordor regretted Eriador's refusal."), "MOR>ERI:111");
}

// The words of a PETRARCH-2 phrase slot are one phrase: a noun phrase lets determiners and
// adjectives stand between them, a prepositional phrase determiners only.
TEST(PetrarchGrammar, PhraseSlotWordsStayTogether) {
  constexpr std::string_view verbs = R"(
&TIETYPES
+MILITARY
+ECONOMIC

--- ABANDON  [1121]  ---
ABANDON
- * {NEW &TIETYPES RELATIONS} [1951]

--- BARGAIN  [031]  ---
BARGAIN
- * (FOR ASYLUM) [1032]
- * ASYLUM  [1033]
)";
  auto dict = Build(DictionaryDialect::kPetrarch2, verbs);
  EXPECT_EQ(Code(*dict, "Arnor will abandon new global economic relations with Gondor."), "ARN>GON:1951");
  EXPECT_EQ(Code(*dict, "Arnor will abandon new economic trade relations with Gondor."), "ARN>GON:1121");
  EXPECT_EQ(Code(*dict, "Arnor bargained for the asylum in Gondor."), "ARN>GON:1032");
  EXPECT_EQ(Code(*dict, "Arnor bargained for foreign asylum in Gondor."), "ARN>GON:1033");
}

constexpr std::string_view kPetrarch1Verbs = R"(
&NEGATVAUXVRB
+DID N'T
+WO N'T
+REALLY DID NOT

--- CLASH  [223] ---
CLASH
- &NEGATVAUXVRB EVER * OVER EFFORTS  [905]
- * OVER EFFORTS  [121]

--- ALLOW  [080] ---
ALLOW
- RECENTLY_*  [025]

--- REGRET  [111] ---
REGRET  {REGRETTED REGRETS}
- SAID $ *  [113]

--- ABANDON  [345]  ---
ABANDON
- * EFFORT  [987]

--- DEPLORE [122] ---
DEPLORE
- INDICATED *  [123]

--- BOYCOTT  [191] ---
BOYCOTT
- NEITHER * [081]

--- CONFISCATE  [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }
- WILL NOT * [081]

&ACCORDSYN
+CLOSER
+NEARER

--- ACCORD  [---] ---
ACCORD
- INCHING &ACCORDSYN *  [083]
- TO *  [073]
)";

// A phrase of a synset before the verb may stand apart from the next word as a single word may.
TEST(PetrarchGrammar, SynsetPhraseBeforeTheVerbWithWordsBetween) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*dict, "Gondor won't even ever clash over the efforts of Mordor."), "GON>MOR:905");
  EXPECT_EQ(Code(*dict, "Gondor clashed over the efforts of Mordor."), "GON>MOR:121");
}

// A pattern that spells out a negation meets one before a multi-word verb: "will not wire tap".
TEST(PetrarchGrammar, NegatedPatternBeforeAMultiWordVerb) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*dict, "Gondor will not wire tap the links into Mordor."), "GON>MOR:081");
  EXPECT_EQ(Code(*dict, "Gondor will wire tap the links into Mordor."), "GON>MOR:1711");
}

// A synset is compiled once and shared by every pattern that names it; a negation among its
// members still makes each of those patterns a negated one (the second use as the first).
TEST(PetrarchGrammar, SharedSynsetKeepsItsNegationInEveryPattern) {
  constexpr std::string_view verbs = R"(
&REFUSALS
+NEVER
+NOT

--- CLASH  [190] ---
CLASH
- &REFUSALS * WITH +  [036]
- &REFUSALS * OVER +  [046]
)";
  auto dict = Build(DictionaryDialect::kPetrarch2, verbs);
  EXPECT_EQ(Code(*dict, "Gondor will not clash with Mordor in the coming years."), "GON>MOR:036");
  EXPECT_EQ(Code(*dict, "Gondor will never clash over Mordor in the coming years."), "GON>MOR:046");
  EXPECT_EQ(Code(*dict, "Gondor clashed with Mordor in the coming years."), "GON>MOR:190");
}

// "RECENTLY_*": the word joined to the verb stands right before it, auxiliaries included.
TEST(PetrarchGrammar, WordJoinedToTheVerbIsAdjacent) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*dict, "Gondor recently allowed Mordor to leave."), "GON>MOR:025");
  EXPECT_EQ(Code(*dict, "Gondor recently did allow Mordor to leave."), "GON>MOR:080");
}

// "SAID $ *": the source is bound before the verb, the target is the verb's object.
TEST(PetrarchGrammar, SourceSlotBeforeTheVerb) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*dict, "Arnor said Gondor regretted Mordor's refusal."), "GON>MOR:113");
}

// A joint code "FRO/BIL" is that many actors for PETRARCH-1 (as for TABARI); PETRARCH-2 keeps it.
TEST(PetrarchGrammar, JointCodes) {
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch1, kVerbs), "The Shire accused Gondor."), "FRO>GON:112 BIL>GON:112");
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch2, kVerbs), "The Shire accused Gondor."), "FRO/BIL>GON:112");
}

// A verb of an adverbial clause gives an event only when the verb it depends on gives none.
TEST(PetrarchGrammar, AdverbialClauseYieldsToItsMainVerb) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kVerbs);
  EXPECT_EQ(Code(*dict, "Arnor accused Gondor years after Mordor accused Eriador."), "ARN>GON:112");
  EXPECT_EQ(Code(*dict, "The talks failed years after Mordor accused Eriador."), "MOR>ERI:112");
}

// A possessor composes with the agent of its noun across the noun's modifiers: "Ithilen's awful
// and evil minister Telemar" is Ithilen's minister.
TEST(PetrarchGrammar, PossessorAndAgentAcrossModifiers) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Ithilen's awful and evil minister Telemar accused Gondor."), "ITHGOV>GON:112");
  EXPECT_EQ(Code(*dict, "The minister Telemar accused Gondor."), "DAGGOV>GON:112");
}

// PETRARCH-2 folds the verbal act of a complement into the act toward its subject; PETRARCH-1
// codes both.
TEST(PetrarchGrammar, ComplementEventFoldsIntoTheOuterOneInPetrarch2) {
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch2, kVerbs), "Arnor noted that Gondor accused Mordor."), "ARN>GON:010");
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch1, kVerbs), "Arnor noted that Gondor accused Mordor."),
            "ARN>GON:010 GON>MOR:112");
  // A material act stays an event of its own.
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch2, kVerbs), "Arnor noted that Gondor shot Mordor."),
            "ARN>GON:010 GON>MOR:190");
}

// Among equally specific patterns, the one whose words take the most of the sentence.
TEST(PetrarchGrammar, LongestMatchAmongEquallySpecificPatterns) {
  constexpr std::string_view verbs = R"(
&CURRENCY
+FLORIN
+AUSTRIAN FLORIN

&HYPERCURR
+AUSTRIAN GOLD FLORIN

--- CONTRIBUTE [070]  ---
CONTRIBUTE
- * &CURRENCY [071]
- * &HYPERCURR [190]
)";
  auto dict = Build(DictionaryDialect::kPetrarch2, verbs);
  EXPECT_EQ(Code(*dict, "Arnor will contribute a million austrian gold florin to Gondor."), "ARN>GON:190");
  EXPECT_EQ(Code(*dict, "Arnor will contribute a million austrian florin to Gondor."), "ARN>GON:071");
}

// PETRARCH-1's pattern words meet tokens as written; PETRARCH-2's meet their lemmas too.
TEST(PetrarchGrammar, Petrarch1PatternWordsAsWritten) {
  auto p1 = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*p1, "Arnor abandoned the effort to help Gondor."), "ARN>GON:987");
  EXPECT_EQ(Code(*p1, "Arnor abandoned efforts to help Gondor."), "ARN>GON:345");
  auto p2 = Build(DictionaryDialect::kPetrarch2, kPetrarch1Verbs);
  EXPECT_EQ(Code(*p2, "Arnor abandoned efforts to help Gondor."), "ARN>GON:987");
}

// The nearest word before the verb, when not joined to it, may stand a few words away; an actor
// among those words is the subject.
TEST(PetrarchGrammar, WordBeforeTheVerbAFewWordsAway) {
  auto dict = Build(DictionaryDialect::kPetrarch1, kPetrarch1Verbs);
  EXPECT_EQ(Code(*dict, "Arnor indicated it deplored Gondor."), "ARN>GON:123");
  EXPECT_EQ(Code(*dict, "Neither Arnor nor Gondor boycotted Mordor."), "ARN>MOR:081 GON>MOR:081");
  EXPECT_EQ(Code(*dict, "Arnor boycotted Mordor."), "ARN>MOR:191");
  // ... a synset's phrase too.
  EXPECT_EQ(Code(*dict, "Arnor is inching nearer to accord with Gondor."), "ARN>GON:083");
  // PETRARCH-2 reads the words before a verb as its own: only auxiliaries and adverbs between.
  auto p2 = Build(DictionaryDialect::kPetrarch2, kPetrarch1Verbs);
  EXPECT_EQ(Code(*p2, "Arnor indicated it deplored Gondor."), "ARN>GON:122");
}

// "was seen to accuse": the infinitive is the subject's act, and "seen" no act of its own.
TEST(PetrarchGrammar, PassiveRaisingVerbBeforeAnInfinitive) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Gondor was seen to accuse Mordor on Saturday."), "GON>MOR:112");
}

// A blank in a PETRARCH-1 actor phrase lets a word or two stand there; PETRARCH-2 reads it as "_".
TEST(PetrarchGrammar, Petrarch1ActorPhraseWithWordsBetween) {
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch1, kVerbs), "Arnor accused Ithilen state-run television."),
            "ARN>ITHTV:112");
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch2, kVerbs), "Arnor accused Ithilen state-run television."),
            "ARN>ITH:112");
  EXPECT_EQ(Code(*Build(DictionaryDialect::kPetrarch2, kVerbs), "Arnor accused Ithilen television."), "ARN>ITHTV:112");
}

// A PETRARCH-2 phrase slot is the verb's own phrase: the words before it do not reach into a
// complement clause.
TEST(PetrarchGrammar, PhraseSlotStaysInTheVerbsClause) {
  constexpr std::string_view verbs = R"(
--- ALLOW  [080] ---
ALLOW
- * {THE NEATEST PLACE}  [027]
)";
  auto dict = Build(DictionaryDialect::kPetrarch2, verbs);
  EXPECT_EQ(Code(*dict, "Arnor allowed the neatest place to Mordor."), "ARN>MOR:027");
  EXPECT_EQ(Code(*dict, "Arnor allowed that Mordor isn't the neatest place to visit."), "ARN>MOR:080");
}

// PETRARCH: a subject whose head names no actor is the first actor of its modifiers.
TEST(PetrarchGrammar, SubjectFromItsModifiers) {
  auto dict = Build(DictionaryDialect::kPetrarch2, kVerbs);
  EXPECT_EQ(Code(*dict, "Resumption of ties between Arnor and Gondor may spur Mordor."), "ARN>MOR:111 GON>MOR:111");
  EXPECT_EQ(Code(*dict, "The unrest in Arnor may spur Mordor."), "");  // a phrase of place says where
}

}  // namespace
}  // namespace dateline
