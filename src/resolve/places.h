// PlaceResolver: the stage after coding that gives each event its location.
//
//   PlaceResolver places(DefaultDictionary());     // compiles its name tables once
//   places.Run(doc);                               // fills Event::location of doc.events
//
// For each event, in this order:
//   1. a place named in its sentence in a locative phrase: after in, at, near, outside,
//      inside, into, across, around, throughout, within, off, along ("in Almaty", "near the
//      border town of X", "outside the embassy in London", "in eastern Ukraine", "in the
//      Donetsk region" → the admin1 region). "to X" counts only for acts done to or in a
//      place, "from X" only for the others and never for a country ("imports from China");
//      "on" and "over" do not count ("sanctions on Beijing", "over the Gaza war"). A country
//      counts as a place here ("in Kazakhstan"); other actor names (organisations, people,
//      groups) never do. The mention nearest after the verb wins, else the nearest before
//      it; a place inside a quotation counts only for a verb inside one ("'The unrest in
//      Kazakhstan ...,' Wang told Tileuberdi" is not told in Kazakhstan);
//   2. the article's dateline place, when its country is the country of the source or target;
//   3. the country of an actor: the target's for acts done to or in a place — CAMEO roots
//      06 material cooperation, 07 aid, 08 yield, 15 force posture (deploy), 17 coerce,
//      18 assault, 19 fight, 20 mass violence, and 042 make a visit — and the source's for
//      everything else (statements, appeals, consultations, 043 host a visit, demands,
//      threats, protests, reduced relations), each falling back to the other side;
//   4. none (null in the output).
// Same-named places are told apart by the countries of the sentence's actors, then the
// article's (every event's actors, the countries and adjectives its text names, the
// dateline), then by population (PlaceScore).
//
// Place names are matched on the folded text of capitalised token runs (up to five tokens,
// longest first), hashed without allocating (gazetteer.h). The resolver holds no per-document
// state and is shared by every thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/stage.h"
#include "dict/dictionary.h"
#include "resolve/gazetteer.h"

namespace dateline {

class PlaceResolver final : public Stage {
 public:
  explicit PlaceResolver(const Dictionary& dict, const Gazetteer& gazetteer = Gazetteer::Default());

  Status Run(Document& doc) const override;
  std::string_view name() const override { return "places"; }

  // A place named in a sentence, resolved.
  struct Mention {
    uint32_t token_begin = 0, token_end = 0;  // the name (and region word) in Document::tokens
    uint32_t place = 0;                       // gazetteer place (a country's place for countries)
    int16_t country = -1;                     // -1: a dictionary country the gazetteer lacks
    uint8_t strength = 0;                     // kStrong, kTowards or kFrom
    bool admin1 = false;                      // "the X region": the region of place X
    bool quoted = false;                      // inside quotation marks
  };
  enum Strength : uint8_t { kStrong = 1, kTowards = 2, kFrom = 3 };

  // The places of one sentence in text order, disambiguated with the countries of the
  // sentence's actors (`near`, gazetteer country indices) and of the article (`article`).
  void FindPlaces(const Document& doc, const Sentence& sentence, std::span<const uint16_t> near,
                  std::span<const uint16_t> article, std::vector<Mention>* out) const;

  // One name ("Paris", "Kiev", "Georgia") resolved with the given context countries (CAMEO
  // codes): what FindPlaces would choose for it. For tests and `explain`.
  std::optional<Location> ResolveName(std::string_view name, std::span<const std::string_view> near,
                                      std::span<const std::string_view> article = {}) const;

  // The location of a country (CAMEO code): its canonical name and, with the gazetteer, the
  // population-weighted centroid of its places. None for a code neither source knows.
  std::optional<Location> CountryLocation(std::string_view code) const;

  // The score candidates are ranked by: log10 of the population, plus 4 when the place's
  // country is one of the sentence's actors', 3 when it is only the article's; countries +3,
  // capitals +1.5, admin1 seats +0.25, admin1 regions -0.5 (their populations are sums).
  double PlaceScore(uint32_t place, std::span<const uint16_t> near, std::span<const uint16_t> article) const;

 private:
  struct Candidates {
    std::span<const uint32_t> places;  // from the gazetteer
    int32_t country = -1;              // a dictionary country name: its gazetteer country
    bool country_name = false;         // a dictionary country name (maybe without gazetteer entry)
    std::string_view country_code;     // its code when country_name
  };
  // What `hash` (a folded name) names: nothing, an actor that is not a place, or candidates.
  bool IsNonPlaceActor(uint64_t hash) const { return non_places_.count(hash) != 0; }
  std::unordered_set<uint64_t> place_actors_;  // phrases of kind=place actors ("Kharkiv"): their own place
  Candidates Lookup(uint64_t hash) const;
  // The best of the candidates, or kNone.
  uint32_t Choose(const Candidates& c, std::span<const uint16_t> near, std::span<const uint16_t> article) const;
  Location ToLocation(uint32_t place) const;
  std::optional<Location> MentionLocation(const Document& doc, const Mention& m) const;
  int32_t CountryIndex(std::string_view code) const;

  const Gazetteer& gazetteer_;
  std::unordered_map<uint64_t, std::string_view> country_names_;  // folded name hash -> CAMEO code
  std::unordered_set<uint64_t> non_places_;  // organisations, people, groups
  // Names that tie an article to a country (country names and adjectives: "Lebanese"; not
  // capitals, which may be the very place to tell apart),
  // of up to kMaxContextWords words: folded name hash -> gazetteer country.
  static constexpr uint32_t kMaxContextWords = 3;
  std::unordered_map<uint64_t, uint16_t> context_names_;
  std::unordered_set<uint64_t> context_first_words_;  // their first words' hashes
  // Adds to *article the countries the article's text names.
  void AddNamedCountries(const Document& doc, std::vector<uint16_t>* article) const;
  std::unordered_map<std::string_view, std::string_view> canonical_;  // CAMEO code -> canonical name
  std::vector<std::string_view> canonical_by_country_;  // gazetteer country -> canonical name
  // Gazetteer country of each three-letter code, indexed by CodeSlot ("AAA" 0 ... "ZZZ" 17,575):
  // looked up for every actor of every event, so a table rather than a hash.
  static constexpr uint16_t kNoCountry = 0xffff;
  static int32_t CodeSlot(std::string_view code);
  std::vector<uint16_t> country_index_;
};

}  // namespace dateline
