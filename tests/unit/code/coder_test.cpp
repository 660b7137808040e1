// The coding grammar, on a small dictionary of the test's own (independent of data/dict), so
// each test pins down one construction.
#include "code/coder.h"

#include <gtest/gtest.h>

#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

constexpr std::string_view kDictionary = R"(
actor  ARN     | Arnor                  | kind=country
actor  ARN     | Arnorian               | kind=adjective
actor  ARN     | Annuminas              | kind=capital
actor  GON     | Gondor                 | kind=country
actor  GON     | Gondorian              | kind=adjective
actor  ROH     | Rohan                  | kind=country
actor  MOR     | Mordor                 | kind=country
actor  MOR     | Dark Land              | kind=country
actor  IGOFEL  | Fellowship Council     | kind=org
actor  GONGOV  | Aragorn Elessar        | kind=person gender=m from=2020-01-01
actor  GONREB  | Aragorn Elessar        | kind=person gender=m to=2019-12-31
actor  ROHGOV  | Eowyn Dernhelm         | kind=person gender=f
actor  ARNEDU  | Elrond Peredhel        | kind=person gender=m
actor  ROHGOV  | Theoden King           | kind=person gender=m name="Theoden Ednew King"
agent  GOV     | foreign minister       |
agent  GOV     | authorities            | plural=yes
agent  COP     | police                 | plural=yes
agent  MIL     | troops                 | plural=yes
agent  MIL     | military               |
agent  LEG     | lawmakers              | plural=yes
agent  GOV     | delegation             |
agent  OPP     | protesters            | plural=yes
verb   042     | [visit] +              |
verb   010     | [tell] +               |
verb   190     | [attack] +             |
verb   111     | [criticize] +          |
verb   112     | [blame] * on +         |
verb   074     | [send] * troops to +   |
verb   074     | [send] * police * to + |
verb   036     | [offer] to * talks with + |
verb   020     | [call] on +            |
verb   0234    | [call] on + * to send * troops |
verb   173     | [arrest] +             |
verb   042:043 | [tour] +               |
verb   120     | [postpone] * meeting   |
verb   010     | [note]                 |
verb   062     | [hold] * exercises with + |
verb   040     | [meet] with +          |
verb   060     | [cooperate] with +     |
verb   130     | [threaten] +           |
verb   1312    | [threaten] to impose * sanctions on + |
verb   133     | [threaten] to * send   |
verb   138     | [threaten] to * attack + |
verb   192     | [capture] * town       |
verb   171     | [seize] * ship         |
verb   046     | [negotiate] with +     |
verb   051     | [hail] +               |
verb   195     | [strike] +             |
verb   0841    | [free] +               |
verb   173     | [detain] +             |
agent  UAF     | militant               |
agent  CVL     | man                    | alone=no
agent  OPP     | opposition             |
verb   175     | [disperse] * rally     |
verb   123     | [reject] * demand      |
verb   180     | [kill] +               |
agent  CVL     | villagers              | plural=yes
verb   181     | [kidnap] +             |
)";

const Dictionary& TestDictionary() {
  static const Dictionary* d = [] {
    DictionaryBuilder b;
    b.AddFile("test.dl", kDictionary);
    EXPECT_TRUE(b.problems().empty()) << b.problems()[0];
    return new Dictionary(std::move(b).Build().take());
  }();
  return *d;
}

struct Coded {
  std::string source, target, code, date, precision, mode;
  int sentence;
};

std::vector<Coded> Code(const std::string& text, CoderOptions options = {}, const std::string& date = "2022-01-10") {
  Document doc = DecodeArticle("t", text);
  doc.publication_date = Date::Parse(date);
  Pipeline(TestDictionary(), options).Process(doc);
  std::vector<Coded> out;
  for (const Event& e : doc.events)
    out.push_back({e.source.code, e.target.code, e.code, e.date.ToString(), PrecisionName(e.date_precision),
                   ModeName(e.mode), static_cast<int>(e.sentence)});
  return out;
}

std::string Dyads(const std::vector<Coded>& events) {
  std::string s;
  for (const Coded& e : events) s += e.source + ">" + e.target + ":" + e.code + " ";
  return s;
}

TEST(Coder, SubjectVerbObject) {
  EXPECT_EQ(Dyads(Code("Arnor attacked Gondor on Tuesday.")), "ARN>GON:190 ");
}

// "A car bomb planted by X killed ...": a head noun that names no actor, a participle and its agent
// just before the verb: the agent is the subject. Not when the actor is only the participle's
// object in a longer subject ("a plan approved by Arnor was criticized").
TEST(Coder, AgentOfAParticipleInTheSubject) {
  EXPECT_EQ(Dyads(Code("A car bomb planted by Arnorian troops killed Gondorian police.")), "ARNMIL>GONCOP:180 ");
  EXPECT_EQ(Dyads(Code("The bomb killed Gondorian troops.")), "");
}

// A crowd of no state takes the country where the sentence says it was, past an adjective,
// when no actor before it has a country.
TEST(Coder, CrowdTargetTakesThePlaceAfterAnAdjective) {
  EXPECT_EQ(Dyads(Code("The Fellowship Council kidnapped 20 villagers in northern Gondor.")), "IGOFEL>GONCVL:181 ");
}

TEST(Coder, AdjectiveAndAgentComposeACode) {
  EXPECT_EQ(Dyads(Code("The Arnorian foreign minister visited Rohan.")), "ARNGOV>ROH:042 ");
  EXPECT_EQ(Dyads(Code("Gondor's police arrested Arnorian troops.")), "GONCOP>ARNMIL:173 ");
}

TEST(Coder, AnAdjectiveAloneNamesNoActor) {
  EXPECT_EQ(Dyads(Code("Arnorian influence attacked Gondor.")), "");
}

TEST(Coder, DateRangedPersonCodes) {
  EXPECT_EQ(Dyads(Code("Aragorn Elessar visited Rohan.", {}, "2022-01-10")), "GONGOV>ROH:042 ");
  EXPECT_EQ(Dyads(Code("Aragorn Elessar visited Rohan.", {}, "2015-01-10")), "GONREB>ROH:042 ");
}

TEST(Coder, PassiveVoiceSwapsSourceAndTarget) {
  EXPECT_EQ(Dyads(Code("Gondor was attacked by Mordor.")), "MOR>GON:190 ");
  // A perfect passive too; a perfect active stays active.
  EXPECT_EQ(Dyads(Code("Gondor had been attacked by Mordor.")), "MOR>GON:190 ");
  EXPECT_EQ(Dyads(Code("Gondor has been attacked by Mordor.")), "MOR>GON:190 ");
  EXPECT_EQ(Dyads(Code("Arnor has attacked Gondor.")), "ARN>GON:190 ");
  // No agent: no source, no event (unless one-sided events are asked for).
  EXPECT_EQ(Dyads(Code("Gondor was attacked on Monday.")), "");
  CoderOptions one_sided;
  one_sided.one_sided = true;
  EXPECT_EQ(Dyads(Code("Gondor was attacked on Monday.", one_sided)), ">GON:190 ");
}

// Without a "by" agent, the actor after a passive verb is its source.
TEST(Coder, PassiveWithoutAgentTakesTheActorAfterTheVerb) {
  EXPECT_EQ(Dyads(Code("Gondor was attacked in Mordor on Monday.")), "MOR>GON:190 ");
}

// A parenthetical prepositional phrase between subject and verb, verbs and all.
TEST(Coder, ParentheticalPhraseBetweenSubjectAndVerb) {
  EXPECT_EQ(Dyads(Code("Gondor's police, in remarks published on Monday, criticized Mordor.")), "GONCOP>MOR:111 ");
}

// A verb phrase that ends in a "that"-complement: the act is toward the complement's subject.
TEST(Coder, ThatComplementAfterTheVerbPhrase) {
  EXPECT_EQ(Dyads(Code("Arnor noted on Thursday that Mordor had left.")), "ARN>MOR:010 ");
  EXPECT_EQ(Dyads(Code("Arnor noted the report on Thursday that Mordor had left.")), "");
}

// "memos sent by Mordor": the agent of a participle inside the object is the object's actor.
TEST(Coder, AgentOfAParticipleInTheObject) {
  EXPECT_EQ(Dyads(Code("Arnor noted memos sent by Mordor on Monday.")), "ARN>MOR:010 ");
}

// "The information ministry of Gondor": a head noun that names no actor belongs to the actor
// after "of" (other prepositional phrases still hide their actors).
TEST(Coder, HeadNounOfAnActorIsThatActorsSubject) {
  EXPECT_EQ(Dyads(Code("The information ministry of Gondor criticized Mordor.")), "GON>MOR:111 ");
}

// The target in a "that"-complement is the first actor of its subject, even inside a
// prepositional phrase: "that an arms embargo against Mordor would not work".
TEST(Coder, ComplementSubjectIsItsFirstActor) {
  EXPECT_EQ(Dyads(Code("Arnor noted that an arms embargo against Mordor would not work.")), "ARN>MOR:010 ");
  // ... not one that says where.
  EXPECT_EQ(Dyads(Code("Arnor noted that the disputes in Mordor would not end.")), "");
}

// A parenthesis between subject and verb is an aside: "the Fellowship Council (FC) criticized".
TEST(Coder, ParenthesisAfterTheSubject) {
  EXPECT_EQ(Dyads(Code("The Fellowship Council (FC) criticized Mordor.")), "IGOFEL>MOR:111 ");
}

// "be" + participle + "to VERB" ("was seen to attack", "was asked to attack"): the infinitive
// is the subject's act, as stated.
TEST(Coder, PassiveRaisingMakesTheInfinitiveTheSubjectsAct) {
  EXPECT_EQ(Dyads(Code("Gondor was seen to attack Mordor.")), "GON>MOR:190 ");
  EXPECT_EQ(Dyads(Code("Gondor was asked to attack Mordor.")), "GON>MOR:190 ");
  EXPECT_EQ(Dyads(Code("Gondor refused to attack Mordor.")), "");
}

// A participle after a modal is the verb ("would attacking", a slip); without one it modifies.
TEST(Coder, ParticipleAfterAModalIsTheVerb) {
  EXPECT_EQ(Dyads(Code("Gondor would attacking Mordor.")), "GON>MOR:190 ");
  EXPECT_EQ(Dyads(Code("Gondor troops attacking Mordor.")), "");
}

// ", and" after a pair joined by "and" starts another compound; an Oxford comma does not.
TEST(Coder, CommaAndAfterAPairStartsAnotherCompound) {
  EXPECT_EQ(Dyads(Code("Arnor attacked Gondor and Rohan, and Mordor and Rohan.")), "ARN>GON:190 ARN>ROH:190 ");
  EXPECT_EQ(Dyads(Code("Arnor attacked Gondor, Rohan, and Mordor.")), "ARN>GON:190 ARN>ROH:190 ARN>MOR:190 ");
}

TEST(Coder, CompoundActorsGiveOneEventPerPair) {
  EXPECT_EQ(Dyads(Code("Arnor and Rohan attacked Gondor and Mordor.")),
            "ARN>GON:190 ARN>MOR:190 ROH>GON:190 ROH>MOR:190 ");
}

// A pattern ending "with +" applies to a compound subject without its "with" phrase: the
// members act toward each other, whatever actor the rest of the clause names.
TEST(Coder, CompoundSubjectActsTowardEachOtherWithoutItsWithPhrase) {
  EXPECT_EQ(Dyads(Code("Arnor and Gondor held joint exercises near Mordor.")), "ARN>GON:062 GON>ARN:062 ");
  EXPECT_EQ(Dyads(Code("Arnor and Gondor met on Tuesday.")), "ARN>GON:040 GON>ARN:040 ");
  EXPECT_EQ(Dyads(Code("Arnor and Gondor held joint exercises with Rohan.")), "ARN>ROH:062 GON>ROH:062 ");
  // One subject: the pattern still needs its target.
  EXPECT_EQ(Dyads(Code("Arnor held joint exercises near Mordor.")), "");
  // A manner adverb after the verb stands outside the pattern.
  EXPECT_EQ(Dyads(Code("Arnor and Gondor cooperated closely with Mordor.")), "ARN>MOR:060 GON>MOR:060 ");
  // A "with" right after the words matched: the pattern missed for another reason.
  EXPECT_EQ(Dyads(Code("Arnor and Gondor cooperated so with Mordor.")), "");
}

// "Arnorian and Gondorian troops": the adjective takes the agent of the actor coordinated with it.
TEST(Coder, AdjectiveSharesTheAgentOfACoordinatedActor) {
  EXPECT_EQ(Dyads(Code("Arnorian and Gondorian troops attacked Mordor.")), "ARNMIL>MOR:190 GONMIL>MOR:190 ");
  EXPECT_EQ(Dyads(Code("Arnorian and Gondor troops met in Annuminas.")), "ARNMIL>GONMIL:040 GONMIL>ARNMIL:040 ");
  EXPECT_EQ(Dyads(Code("Arnorian and Gondorian influence attacked Mordor.")), "");
}

// A generic agent takes the actor attached by "of"/"from" across its determiners, and an
// organisation's code when the actor is an organisation without a country.
TEST(Coder, GenericAgentTakesTheActorAttachedAfterADeterminer) {
  EXPECT_EQ(Dyads(Code("Arnor attacked the troops of the Dark Land.")), "ARN>MORMIL:190 ");
  EXPECT_EQ(Dyads(Code("Arnor criticized a delegation from the Fellowship Council.")), "ARN>IGOFEL:111 ");
  EXPECT_EQ(Dyads(Code("Arnor criticized a delegation from Fellowship Council.")), "ARN>IGOFEL:111 ");
  // A modifier is no attachment: "the Gondor embassy".
  EXPECT_EQ(Dyads(Code("Arnor attacked the troops of the Gondor embassy.")).find("GONMIL"), std::string::npos);
}

// "threatened to VERB": a pattern for the infinitive if there is one, else the threat itself
// toward the infinitive's object. A skip does not run into an "if" clause.
TEST(Coder, ThreatenToVerb) {
  EXPECT_EQ(Dyads(Code("Arnor threatened to retaliate against Gondor.")), "ARN>GON:130 ");
  EXPECT_EQ(Dyads(Code("Arnor threatened to impose new sanctions on Gondor.")), "ARN>GON:1312 ");
  EXPECT_EQ(Dyads(Code("Arnor threatened Gondor.")), "ARN>GON:130 ");
  EXPECT_EQ(Dyads(Code("Arnor threatened to attack Gondor if Rohan sent troops.")), "ARN>GON:138 ");
}

// A country adjective naming no actor may be the target of the act ("Chinese subsidies"),
// never its source.
TEST(Coder, CountryAdjectiveInTheObjectIsTheTarget) {
  EXPECT_EQ(Dyads(Code("Arnor attacked Gondorian villages.")), "ARN>GON:190 ");
  EXPECT_EQ(Dyads(Code("Arnor blamed the attack on Gondorian smugglers.")), "ARN>GON:112 ");
  EXPECT_EQ(Dyads(Code("Gondorian smugglers attacked Mordor.")), "");
  // ... also after a participle that modifies the noun:
  EXPECT_EQ(Dyads(Code("Arnor postponed the meeting over alleged Gondorian interference.")), "ARN>GON:120 ");
  // ... also among the words a pattern took: "[capture] * town".
  EXPECT_EQ(Dyads(Code("Arnor captured the Gondorian town of Osgiliath after a siege.")), "ARN>GON:192 ");
}

// A target slot reaches the actor behind a head noun that names none: "the decision by X",
// "the talks between X and Y", "relations with X" — but not "the border with X", a shared place.
TEST(Coder, TargetBehindAHeadNounThroughByBetweenWith) {
  EXPECT_EQ(Dyads(Code("Arnor hailed the decision by Gondor.")), "ARN>GON:051 ");
  EXPECT_EQ(Dyads(Code("Arnor hailed the agreement between Gondor and Rohan.")), "ARN>GON:051 ARN>ROH:051 ");
  EXPECT_EQ(Dyads(Code("Arnor hailed the talks with Gondor.")), "ARN>GON:051 ");
  EXPECT_EQ(Dyads(Code("Arnor hailed the border with Gondor.")), "");
  // ... nor an instrument, nor past a country adjective that names the owner.
  EXPECT_EQ(Dyads(Code("Arnor struck a Gondorian depot with troops.")), "ARN>GON:195 ");
}

// "in COUNTRY" after a head noun gives the country as the target, unless a country adjective
// named the thing's owner; a capital counts as its country.
TEST(Coder, PlaceInACountryIsTheTarget) {
  EXPECT_EQ(Dyads(Code("Arnor struck targets in southern Gondor.")), "ARN>GON:195 ");
  EXPECT_EQ(Dyads(Code("Arnor struck a camp in Gondor's northern province.")), "ARN>GON:195 ");
  EXPECT_EQ(Dyads(Code("Arnor struck the Gondorian consulate in Rohan.")), "ARN>GON:195 ");
  EXPECT_EQ(Dyads(Code("Gondor struck a market in Annuminas.")), "GON>ARN:195 ");
}

// A participle before its noun and a countryless role modifying a noun are passed over.
TEST(Coder, ParticipleAndModifyingRoleBeforeTheTarget) {
  EXPECT_EQ(Dyads(Code("Arnor freed a jailed Gondorian man.")), "ARN>GONCVL:0841 ");
  EXPECT_EQ(Dyads(Code("Arnor struck suspected militant hideouts in Gondor.")), "ARN>GON:195 ");
}

// A country adjective after "by" is the agent of a passive verb where no actor is.
TEST(Coder, PassiveAgentNamedByACountryAdjective) {
  EXPECT_EQ(Dyads(Code("Gondorian troops were attacked by Arnorian gunboats.")), "ARN>GONMIL:190 ");
}

// A role right before a pattern's last word is whose that thing is; a role modifying a noun
// after the pattern is no object of it.
TEST(Coder, RoleBeforeThePatternsLastWordAndRoleModifyingANoun) {
  EXPECT_EQ(Dyads(Code("Gondorian police dispersed an opposition rally.")), "GONCOP>GONOPP:175 ");
  EXPECT_EQ(Dyads(Code("Arnor rejected Gondorian demands for military bases.")), "ARN>GON:123 ");
}

// An agent with alone=no names an actor only next to a country or adjective.
TEST(Coder, AgentThatNamesNoActorAlone) {
  EXPECT_EQ(Dyads(Code("Gondorian police detained an Arnorian man.")), "GONCOP>ARNCVL:173 ");
  EXPECT_EQ(Dyads(Code("Gondorian police detained a man.")), "");
}

// "X-linked", "X-owned", "X-flagged" name X, as "X-led" does.
TEST(Coder, LinkedOwnedFlaggedCompoundsNameTheirActor) {
  EXPECT_EQ(Dyads(Code("Arnor seized a Gondor-linked container ship.")), "ARN>GON:171 ");
  EXPECT_EQ(Dyads(Code("Arnor seized a Rohan-flagged ship.")), "ARN>ROH:171 ");
  EXPECT_EQ(Dyads(Code("Arnor seized a Gondorian-owned ship.")), "ARN>GON:171 ");
}

// A place the dictionary does not know, before a role and a person, is passed over by a slot:
// "Istanbul mayor Ekrem Imamoglu".
TEST(Coder, UnknownPlaceBeforeARoleIsPassedOver) {
  EXPECT_EQ(Dyads(Code("Arnor arrested Edoras foreign minister Eowyn Dernhelm.")), "ARN>ROHGOV:173 ");
  // ... but not before a plain noun, nor before a bare role (the unknown name is its owner).
  EXPECT_EQ(Dyads(Code("Arnor arrested Edoras smugglers.")), "");
  EXPECT_EQ(Dyads(Code("Arnor arrested Edoras troops.")), "");
}

TEST(Coder, NegationDropsTheEventUnlessAllModes) {
  EXPECT_EQ(Dyads(Code("Arnor has traditionally not sent troops to Gondor.")), "");
  EXPECT_EQ(Dyads(Code("Arnor did not attack Gondor.")), "");
  CoderOptions all;
  all.all_modes = true;
  const std::vector<Coded> e = Code("Arnor did not attack Gondor.", all);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].mode, "negated");
}

TEST(Coder, ModalityFutureAndHypothetical) {
  std::vector<Coded> e = Code("Arnor will attack Gondor.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].mode, "future");
  e = Code("Arnor plans to visit Gondor next week.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].mode, "future");
  EXPECT_EQ(Dyads(Code("Arnor could attack Gondor.")), "");
  EXPECT_EQ(Dyads(Code("If talks fail, Arnor would attack Gondor.")), "");
  // A "whether" clause is an open question; "whether or not" concedes and the act stands.
  EXPECT_EQ(Dyads(Code("Whether Arnor will attack Gondor remains unclear.")), "");
  EXPECT_EQ(Dyads(Code("Rohan asked whether Arnor would attack Gondor.")), "");
  EXPECT_EQ(Dyads(Code("Whether or not talks succeed, Arnor will attack Gondor.")), "ARN>GON:190 ");
}

// An act in the complement of a verb of belief, fear or wish is an opinion of what may happen
// (hypothetical); "hopes to VERB" is an intention (future); a comma ends the complement.
TEST(Coder, BeliefsAndFearsAreNotAssertedActs) {
  CoderOptions all;
  all.all_modes = true;
  auto mode = [&](const std::string& text) {
    const std::vector<Coded> e = Code(text, all);
    return e.size() == 1 ? e[0].mode : std::to_string(e.size()) + " events";
  };
  EXPECT_EQ(mode("Experts say Rohan fears that Arnor will attack Gondor."), "hypothetical");
  EXPECT_EQ(mode("Analysts believe Arnor wants to attack Gondor."), "hypothetical");
  EXPECT_EQ(mode("Rohan believes Arnor attacked Gondor."), "hypothetical");
  EXPECT_EQ(Dyads(Code("Rohan fears Arnor will attack Gondor.")), "");  // not written by default
  EXPECT_EQ(mode("Arnor hopes to visit Gondor next week."), "future");
  EXPECT_EQ(mode("Officials said Arnor attacked Gondor."), "asserted");
  EXPECT_EQ(mode("Rohan, which believes in dialogue, said Arnor attacked Gondor."), "asserted");
}

TEST(Coder, RelativeClauseDoesNotHideTheSubject) {
  EXPECT_EQ(Dyads(Code("Aragorn Elessar, who is also a poet, visited Rohan.")), "GONGOV>ROH:042 ");
}

// The pattern's preposition repeated after "and" takes another target: "met with X and then
// with Y"; a comma and "with" is no coordination.
TEST(Coder, RepeatedPrepositionTakesAnotherTarget) {
  EXPECT_EQ(Dyads(Code("Arnor met with Gondor and then with Rohan.")), "ARN>GON:040 ARN>ROH:040 ");
  EXPECT_EQ(Dyads(Code("Arnor met with Gondor, with Rohan watching.")), "ARN>GON:040 ");
}

// ", including X" goes on with the object.
TEST(Coder, IncludingContinuesTheObject) {
  EXPECT_EQ(Dyads(Code("Arnor postponed the meeting with several states, including Gondor.")), "ARN>GON:120 ");
}

// Actors joined to the source by "along with" or "together with" share its act.
TEST(Coder, AlongWithJoinsTheSource) {
  EXPECT_EQ(Dyads(Code("Arnor attacked Gondor along with Rohan.")), "ARN>GON:190 ROH>GON:190 ");
  EXPECT_EQ(Dyads(Code("Arnor, together with Rohan, criticized Mordor.")), "ARN>MOR:111 ROH>MOR:111 ");
  // Without a target they are no compound acting on itself.
  EXPECT_EQ(Dyads(Code("Arnor postponed the meeting along with Rohan.")), "");
}

// The mediator of an act ("brokered by X", "an X-mediated deal") mediates toward its parties.
TEST(Coder, MediatorOfAnActMediatesTowardItsParties) {
  EXPECT_EQ(Dyads(Code("Arnor met with Gondor in talks brokered by Rohan.")),
            "ARN>GON:040 ROH>ARN:045 ROH>GON:045 ");
  EXPECT_EQ(Dyads(Code("Arnor met with Gondor in Rohan-mediated talks.")), "ARN>GON:040 ROH>ARN:045 ROH>GON:045 ");
  // No act, no mediation event; the mediator is not its own party.
  EXPECT_EQ(Dyads(Code("A truce brokered by Rohan took hold.")), "");
  EXPECT_EQ(Dyads(Code("A truce brokered by Rohan collapsed after Arnor attacked Gondor.")), "ARN>GON:190 ");
  EXPECT_EQ(Dyads(Code("Rohan met with Gondor in talks brokered by Rohan.")), "ROH>GON:040 ROH>GON:045 ");
}

// A participle with its agent after the subject modifies it: the subject still acts.
TEST(Coder, ParticipleWithAgentAfterTheSubject) {
  EXPECT_EQ(Dyads(Code("Arnorian troops backed by Rohan attacked Gondor.")), "ARNMIL>GON:190 ");
}

// A crowd of no state named with no country before it takes the country of the place the
// sentence names ("Protesters ... in Nairobi"); an agent of the state does not.
TEST(Coder, CrowdTakesTheCountryOfThePlaceNamed) {
  EXPECT_EQ(Dyads(Code("Protesters criticized Mordor in Gondor.")), "GONOPP>MOR:111 ");
  EXPECT_EQ(Dyads(Code("The police criticized Mordor in Gondor.")), "");
}

// A participle after a noun, with a finite verb before it, modifies the noun: no act of its own.
TEST(Coder, ParticipleAfterANounIsNoAct) {
  EXPECT_EQ(Dyads(Code("Rohan criticized the Gondor deal negotiated with Mordor.")), "ROH>GON:111 ");
  EXPECT_EQ(Dyads(Code("Gondor negotiated with Mordor.")), "GON>MOR:046 ");
}

// An apposition may hold an infinitive or a participle: it is still a noun phrase.
TEST(Coder, AppositionWithAnInfinitiveDoesNotHideTheSubject) {
  EXPECT_EQ(Dyads(Code("Eowyn Dernhelm, the first Rohan leader to visit Arnor in years, criticized Mordor.")),
            "ROHGOV>MOR:111 ");
}

TEST(Coder, PrepositionalPhraseIsNotTheSubject) {
  EXPECT_EQ(Dyads(Code("The unrest in Arnor attacked Gondor.")), "");
}

TEST(Coder, PatternSlotsAndSkips) {
  EXPECT_EQ(Dyads(Code("Arnor sent 300 troops to Gondor.")), "ARN>GON:074 ");
  EXPECT_EQ(Dyads(Code("Authorities in Arnor blamed the violence on Mordor.")), "ARNGOV>MOR:112 ");
  EXPECT_EQ(Dyads(Code("Arnor offered to hold talks with Gondor.")), "ARN>GON:036 ");
}

TEST(Coder, MostSpecificPatternWins) {
  EXPECT_EQ(Dyads(Code("Arnor called on Gondor to send troops.")), "ARN>GON:0234 ");
  EXPECT_EQ(Dyads(Code("Arnor called on Gondor to negotiate.")), "ARN>GON:020 ");
}

TEST(Coder, LedByCompoundNamesTheLeader) {
  EXPECT_EQ(Dyads(Code("Rohan called on a Gondorian-led military bloc to send troops.")), "ROH>GONMIL:0234 ");
}

TEST(Coder, BareSurnameResolvesToThePersonNamedBefore) {
  EXPECT_EQ(Dyads(Code("Aragorn Elessar met reporters. Elessar told Eowyn Dernhelm the news.")), "GONGOV>ROHGOV:010 ");
}

TEST(Coder, PronounForAnActOfStatePrefersAStateActor) {
  // The scholar is the nearer "he", but sending troops is an act of state.
  const std::vector<Coded> e = Code(
      "Aragorn Elessar told Eowyn Dernhelm that talks would go on.\n\n"
      "\"War is unlikely,\" said Elrond Peredhel, a professor.\n\n"
      "Last month, he sent 200 troops to Rohan.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e.back().source, "GONGOV");
  EXPECT_EQ(e.back().target, "ROH");
  EXPECT_EQ(e.back().date, "2021-12-01");
  EXPECT_EQ(e.back().precision, "month");
}

TEST(Coder, PronounChainAcrossThreeSentences) {
  const std::vector<Coded> e = Code(
      "Eowyn Dernhelm arrived in the capital on Monday.\n\n"
      "She criticized Mordor.\n\n"
      "Later she visited Gondor.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(Dyads(e), "ROHGOV>MOR:111 ROHGOV>GON:042 ");
}

// "foreign troops" are not the troops of the country the story speaks of.
TEST(Coder, ForeignAgentTakesNoCountryFromTheStory) {
  EXPECT_EQ(Dyads(Code("Arnor criticized foreign troops.")), "");
  EXPECT_EQ(Dyads(Code("Arnor criticized the troops.")), "ARN>ARNMIL:111 ");
}

TEST(Coder, GenericAgentTakesTheCountryLastNamed) {
  EXPECT_EQ(Dyads(Code("Riots spread across Arnor.\n\nAuthorities blamed the violence on Mordor.")),
            "ARNGOV>MOR:112 ");
}

TEST(Coder, EventDateFromTheNearestTimeExpression) {
  const std::vector<Coded> e = Code("Aragorn Elessar told Eowyn Dernhelm on Friday that it was over.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2022-01-07");
  EXPECT_EQ(e[0].precision, "day");
}

TEST(Coder, ReportedSpeechClauseKeepsItsOwnSubject) {
  EXPECT_EQ(Dyads(Code("\"Gondor attacked Mordor,\" Arnor told Rohan.")), "GON>MOR:190 ARN>ROH:010 ");
}

TEST(Coder, ReducedRelativeIsNotAnAct) {
  EXPECT_EQ(Dyads(Code("It was a move attacked by Arnor.")), "");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, CoordinatedVerbSharesTheSubject) {
  EXPECT_EQ(Dyads(Code("Rohan remained open to talks but criticized Mordor.")), "ROH>MOR:111 ");
  EXPECT_EQ(Dyads(Code("Arnor said that Gondor was ready and criticized Mordor.")), "GON>MOR:111 ");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Regression: the title before a name was remembered as a surname, so a later "Foreign
// Minister" alone resolved to the person.
TEST(Coder, TitlesAreNotRememberedAsSurnames) {
  // The canonical name has three words, the name as written two: the word before it is a title.
  EXPECT_EQ(Dyads(Code("Rohan's foreign minister Theoden King visited Gondor.\n\n"
                       "Minister criticized Mordor.")),
            "ROHGOV>GON:042 ");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, BeAboutToIsAnImminentActOfTheSubject) {
  const std::vector<Coded> e = Code("Arnor is about to attack Gondor.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(Dyads(e), "ARN>GON:190 ");
  EXPECT_EQ(e[0].mode, "future");
  EXPECT_EQ(Dyads(Code("Arnor was ready to criticize Mordor.")), "ARN>MOR:111 ");
  // A purpose infinitive is no act of the subject's: "sent envoys to criticize".
  EXPECT_EQ(Dyads(Code("Arnor used the summit to criticize Mordor.")), "");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, PairedCodesGiveTheTargetsSideToo) {
  EXPECT_EQ(Dyads(Code("Arnor toured Gondor.")), "ARN>GON:042 GON>ARN:043 ");
}

TEST(Coder, CompoundSubjectWithoutTargetIsReciprocal) {
  EXPECT_EQ(Dyads(Code("Arnor and Gondor postponed their meeting.")), "ARN>GON:120 GON>ARN:120 ");
  EXPECT_EQ(Dyads(Code("Arnor postponed the meeting.")), "");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, CompoundsAcrossModifiersAndLists) {
  EXPECT_EQ(Dyads(Code("Arnor and the evil awful Rohan criticized Mordor.")), "ARN>MOR:111 ROH>MOR:111 ");
  EXPECT_EQ(Dyads(Code("Evil Arnor, the awful Rohan, and good Gondor criticized Mordor.")),
            "ARN>MOR:111 ROH>MOR:111 GON>MOR:111 ");
  // An apposition is no list: "Gondor, the foe of Mordor," is one actor.
  EXPECT_EQ(Dyads(Code("Gondor, the old foe, criticized Mordor.")), "GON>MOR:111 ");
}

TEST(Coder, AgentsDistributeOverAnAttachedCompound) {
  EXPECT_EQ(Dyads(Code("Lawmakers in Arnor and Gondor criticized Mordor.")), "ARNLEG>MOR:111 GONLEG>MOR:111 ");
  EXPECT_EQ(Dyads(Code("Lawmakers and authorities in Arnor and Gondor criticized Mordor.")),
            "ARNLEG>MOR:111 ARNGOV>MOR:111 GONLEG>MOR:111 GONGOV>MOR:111 ");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, ThatComplementSubjectIsTheTargetOfABareVerb) {
  EXPECT_EQ(Dyads(Code("Arnor noted that Gondor was ready.")), "ARN>GON:010 ");
  EXPECT_EQ(Dyads(Code("Arnor noted the report that Gondor was ready.")), "");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(Coder, PronounsResolveInsideTheSentenceFirst) {
  EXPECT_EQ(Dyads(Code("Eowyn Dernhelm criticized Mordor and then she visited Gondor.")),
            "ROHGOV>MOR:111 ROHGOV>GON:042 ");
  EXPECT_EQ(Dyads(Code("Arnor criticized Mordor on Monday and then it visited Gondor.")), "ARN>MOR:111 ARN>GON:042 ");
  // The subject of a reported clause is the reporter: "Rohan said it ...".
  EXPECT_EQ(Dyads(Code("Arnor criticized Mordor after Rohan said it visited Gondor.")), "ARN>MOR:111 ROH>GON:042 ");
  EXPECT_EQ(Dyads(Code("Arnor criticized Mordor after Rohan said that it visited Gondor.")),
            "ARN>MOR:111 ROH>GON:042 ");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(CoderOptions, TabariAndPetrarchOptionsApply) {
  CoderOptions o;
  EXPECT_TRUE(ApplyCoderOption("SET: CONVERT AGENT = TRUE", &o));
  EXPECT_TRUE(o.convert_agents);
  EXPECT_TRUE(ApplyCoderOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_TRUE(ApplyCoderOption("DEFAULT: OFF", &o));
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_TRUE(ApplyCoderOption("SET: CODE BY SENTENCE", &o));
  EXPECT_EQ(*o.code_by, CodeBy::kSentence);
  EXPECT_TRUE(ApplyCoderOption("require_dyad = False", &o));
  EXPECT_TRUE(o.one_sided);
  EXPECT_FALSE(ApplyCoderOption("SET: VERB USAGE = FALSE", &o));
}

TEST(Coder, DefaultSourceFillsAMissingSide) {
  CoderOptions o;
  o.default_source = "DEF";
  EXPECT_EQ(Dyads(Code("Troops attacked Gondor.", o)), "DEF>GON:190 ");
}

TEST(Coder, ModifiersOfACompoundAreShared) {
  EXPECT_EQ(Dyads(Code("Gondorian lawmakers and authorities criticized Mordor.")), "GONLEG>MOR:111 GONGOV>MOR:111 ");
}

}  // namespace
}  // namespace dateline
