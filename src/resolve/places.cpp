#include "resolve/places.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "resolve/temporal.h"

namespace dateline {

using geo::PlaceKind;
using geo::kNone;

namespace {

constexpr size_t kMaxNameTokens = 5;
constexpr size_t kMaxKeyBytes = 160;
constexpr uint32_t kSmallTown = 15000;

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

// The preposition a place may follow, and how far it makes the place the event's. Called for
// every token of a sentence with events: a switch on the length rejects most words at once.
uint8_t PrepositionStrength(std::string_view w) {
  switch (w.size()) {
    case 2:
      if (w == "in" || w == "at") return PlaceResolver::kStrong;
      return w == "to" ? PlaceResolver::kTowards : 0;
    case 3: return w == "off" ? PlaceResolver::kStrong : 0;
    case 4:
      if (w == "near" || w == "into") return PlaceResolver::kStrong;
      return w == "from" ? PlaceResolver::kFrom : 0;
    case 5: return w == "along" ? PlaceResolver::kStrong : 0;
    case 6:
      if (w == "inside" || w == "across" || w == "around" || w == "within") return PlaceResolver::kStrong;
      return w == "toward" ? PlaceResolver::kTowards : 0;
    case 7:
      if (w == "outside") return PlaceResolver::kStrong;
      return w == "towards" ? PlaceResolver::kTowards : 0;
    case 10: return w == "throughout" ? PlaceResolver::kStrong : 0;
    default: return 0;
  }
}

// Words that may stand between the preposition and the name: determiners, directions, and
// nouns for kinds of place ("near the border town of", "in the eastern city of").
bool PlaceLeadWord(std::string_view w) {
  return OneOf(w, {"the", "a", "an", "of", "northern", "southern", "eastern", "western", "central", "north", "south",
                   "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "northeast",
                   "northwest", "southeast", "southwest", "city", "town", "village", "capital", "port", "border",
                   "region", "province", "state", "district", "area", "outskirts", "suburbs", "suburb", "coast",
                   "coastal", "streets", "heart", "centre", "center", "downtown", "besieged", "neighbouring",
                   "neighboring", "breakaway", "occupied", "disputed", "embattled", "strategic", "key", "frontline",
                   "front-line", "port", "seaside", "mountainous", "southern-most", "northernmost", "southernmost"});
}

// Nouns that make "X region", "the region of X" an admin1 region.
bool RegionWord(std::string_view w) {
  return OneOf(w, {"region", "province", "oblast", "state", "governorate", "district", "county", "prefecture",
                   "territory", "department", "regions", "provinces"});
}

// Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Bay of Plenty").
bool NameConnector(std::string_view w) {
  return OneOf(w, {"de", "del", "da", "do", "dos", "das", "di", "of", "al", "el", "la", "le", "les", "los", "las",
                   "am", "sur", "en", "y"});
}

// "ez-Zor", "al-Sham": a name's later word may begin with a lower-case particle.
bool CapitalizedAfterHyphen(const Document& doc, const Token& t) {
  if (!t.has(Token::kHyphenated)) return false;
  const std::string_view w = doc.view(t.span);
  const size_t hyphen = w.find('-');
  return hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'A' && w[hyphen + 1] <= 'Z';
}

bool Contains(std::span<const uint16_t> set, int32_t x) {
  return x >= 0 && std::find(set.begin(), set.end(), static_cast<uint16_t>(x)) != set.end();
}

// CAMEO roots (and codes) of acts done to or in a place: such an event happens in the
// target's country; every other event in the source's.
bool HappensAtTarget(std::string_view code) {
  if (code.size() >= 3 && code.substr(0, 3) == "042") return true;
  const std::string_view root = code.substr(0, 2);
  return OneOf(root, {"06", "07", "08", "15", "17", "18", "19", "20"});
}

// Whether the text at byte `at` of the sentence lies inside quotation marks.
bool QuotedAt(const Document& doc, const Sentence& s, uint32_t at) {
  int depth = 0;
  for (uint32_t t = s.token_begin; t < s.token_end && doc.tokens[t].span.begin < at; ++t) {
    if (doc.tokens[t].has(Token::kOpenQuote)) ++depth;
    if (doc.tokens[t].has(Token::kCloseQuote) && depth > 0) --depth;
  }
  return depth > 0;
}

}  // namespace

PlaceResolver::PlaceResolver(const Dictionary& dict, const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  country_index_.assign(26 * 26 * 26, kNoCountry);
  for (size_t i = 0; i < gazetteer_.country_count(); ++i)
    if (const int32_t slot = CodeSlot(gazetteer_.country_code(static_cast<uint16_t>(i))); slot >= 0)
      country_index_[static_cast<size_t>(slot)] = static_cast<uint16_t>(i);
  const std::vector<ActorEntry>& actors = dict.actors();
  for (const ActorEntry& a : actors)
    if (a.kind == ActorKind::kCountry && a.code.size() == 3 && !canonical_.count(a.code))
      canonical_.emplace(a.code, a.name);
  canonical_by_country_.resize(gazetteer_.country_count());
  for (size_t i = 0; i < gazetteer_.country_count(); ++i) {
    auto it = canonical_.find(gazetteer_.country_code(static_cast<uint16_t>(i)));
    canonical_by_country_[i] =
        it != canonical_.end() ? it->second : gazetteer_.country_name(static_cast<uint16_t>(i));
  }
  std::string key;
  for (const Phrase& p : dict.phrases()) {
    if (p.is_agent || p.entries.empty() || p.words.empty()) continue;
    key.clear();
    bool exact = true;
    for (size_t i = 0; i < p.words.size(); ++i) {
      if (p.modes[i] == WordMode::kStem) exact = false;
      if (i) key += ' ';
      key += dict.vocabulary().word(p.words[i]);
    }
    if (!exact) continue;
    const uint64_t h = Gazetteer::Hash(key);
    // A phrase several entries share counts as what its first entry says.
    const ActorEntry& a = actors[p.entries.front()];
    // Capitals are left out: a capital's name may be the very place to tell apart ("Tripoli").
    if (a.kind == ActorKind::kCountry || a.kind == ActorKind::kAdjective) {
      const int32_t c = CountryIndex(a.country.empty() ? std::string_view(a.code).substr(0, 3) : std::string_view(a.country));
      if (c >= 0 && p.words.size() <= kMaxContextWords) {
        context_names_.emplace(h, static_cast<uint16_t>(c));
        context_first_words_.insert(Gazetteer::Hash(dict.vocabulary().word(p.words[0])));
      }
    }
    switch (a.kind) {
      case ActorKind::kCountry:
        // A city or region coded as its country ("Kharkiv", kind=place) stays a place.
        if (a.code.size() == 3 && !a.place) country_names_.emplace(h, std::string_view(a.code));
        if (a.place) place_actors_.insert(h);
        break;
      case ActorKind::kOrganisation:
      case ActorKind::kPerson:
      case ActorKind::kGroup:
        // TABARI and PETRARCH dictionaries do not say who is a person: a name the gazetteer
        // knows stays a possible place there.
        if (a.kind_known || gazetteer_.Find(h).empty()) non_places_.insert(h);
        break;
      case ActorKind::kAdjective:
      case ActorKind::kCapital:
        break;  // adjectives are no place names; capitals are the gazetteer's cities
    }
  }
}

int32_t PlaceResolver::CodeSlot(std::string_view code) {
  if (code.size() != 3) return -1;
  int32_t slot = 0;
  for (char ch : code) {
    if (ch < 'A' || ch > 'Z') return -1;
    slot = slot * 26 + (ch - 'A');
  }
  return slot;
}

int32_t PlaceResolver::CountryIndex(std::string_view code) const {
  const int32_t slot = CodeSlot(code);
  if (slot < 0) return -1;
  const uint16_t c = country_index_[static_cast<size_t>(slot)];
  return c == kNoCountry ? -1 : c;
}

PlaceResolver::Candidates PlaceResolver::Lookup(uint64_t hash) const {
  Candidates c;
  c.places = gazetteer_.Find(hash);
  auto it = country_names_.find(hash);
  if (it != country_names_.end()) {
    c.country_name = true;
    c.country_code = it->second;
    c.country = CountryIndex(it->second);
  }
  return c;
}

double PlaceResolver::PlaceScore(uint32_t place, std::span<const uint16_t> near,
                                 std::span<const uint16_t> article) const {
  const geo::PlaceRecord& r = gazetteer_.place(place);
  double score = std::log10(static_cast<double>(r.population) + 10);
  if (Contains(near, r.country)) score += 4;
  else if (Contains(article, r.country)) score += 3;
  switch (static_cast<PlaceKind>(r.kind)) {
    case PlaceKind::kCountry: score += 3; break;
    case PlaceKind::kAdmin1: score -= 0.5; break;
    case PlaceKind::kCity:
      if (r.flags & geo::kCapital) score += 1.5;
      else if (r.flags & geo::kAdminSeat) score += 0.25;
      break;
  }
  return score;
}

uint32_t PlaceResolver::Choose(const Candidates& c, std::span<const uint16_t> near,
                               std::span<const uint16_t> article) const {
  uint32_t best = kNone;
  double best_score = 0;
  auto consider = [&](uint32_t place) {
    const geo::PlaceRecord& r = gazetteer_.place(place);
    // A small town in a country the article never mentions is more likely a word that happens
    // to be a place name ("Baltic", "Police") than the place meant.
    if (static_cast<PlaceKind>(r.kind) == PlaceKind::kCity && r.population < kSmallTown && !Contains(near, r.country) &&
        !Contains(article, r.country))
      return;
    const double s = PlaceScore(place, near, article);
    if (best == kNone || s > best_score) best = place, best_score = s;
  };
  if (c.country >= 0) consider(gazetteer_.country_place(static_cast<uint16_t>(c.country)));
  for (uint32_t p : c.places) consider(p);
  // A region named like a city in it means the city ("in Zurich", "in New York"): the region
  // only wins where the text says "region" (FindPlaces' admin1 mentions).
  if (best != kNone && static_cast<PlaceKind>(gazetteer_.place(best).kind) == PlaceKind::kAdmin1) {
    for (uint32_t p : c.places)
      if (static_cast<PlaceKind>(gazetteer_.place(p).kind) == PlaceKind::kCity &&
          gazetteer_.place(p).admin1 == gazetteer_.place(best).admin1)
        return p;  // postings are most populous first
  }
  return best;
}

void PlaceResolver::FindPlaces(const Document& doc, const Sentence& sentence, std::span<const uint16_t> near,
                               std::span<const uint16_t> article, std::vector<Mention>* out) const {
  const Token* tokens = doc.tokens.data();
  const uint32_t end = sentence.token_end;
  char key[kMaxKeyBytes];
  int quote_depth = 0;
  uint32_t possessive_of = kNone, possessive_at = 0;  // a country place named just before "'s"
  uint8_t possessive_strength = 0;
  for (uint32_t i = sentence.token_begin; i + 1 < end; ++i) {
    if (tokens[i].has(Token::kOpenQuote)) ++quote_depth;
    if (tokens[i].has(Token::kCloseQuote) && quote_depth > 0) --quote_depth;
    const uint8_t strength = possessive_of != kNone && i == possessive_at
                                 ? possessive_strength
                                 : PrepositionStrength(doc.folded_view(tokens[i].span));
    if (!strength) continue;
    // Skip the words that lead to the name; remember a region noun before "of".
    uint32_t j = i + 1;
    bool region_of = false;
    while (j < end && j - i <= 6 && !tokens[j].has(Token::kCapitalized)) {
      const std::string_view w = doc.folded_view(tokens[j].span);
      if (!PlaceLeadWord(w) && tokens[j].tag != Tag::JJ) break;
      if (w == "of" && j > i + 1 && RegionWord(doc.folded_view(tokens[j - 1].span))) region_of = true;
      ++j;
    }
    if (j >= end || !tokens[j].has(Token::kCapitalized)) continue;
    if (MonthFromWord(doc.folded_view(tokens[j].span)) || WeekdayFromWord(doc.folded_view(tokens[j].span))) continue;
    // Longest capitalised run first.
    uint32_t run_end = j;
    while (run_end < end && run_end - j < kMaxNameTokens &&
           (tokens[run_end].has(Token::kCapitalized) || (run_end > j && CapitalizedAfterHyphen(doc, tokens[run_end])) ||
            (run_end > j && run_end + 1 < end && NameConnector(doc.folded_view(tokens[run_end].span)) &&
             tokens[run_end + 1].has(Token::kCapitalized))))
      ++run_end;
    for (uint32_t k = run_end; k > j; --k) {
      // A name does not end in a connector.
      if (!tokens[k - 1].has(Token::kCapitalized) && !CapitalizedAfterHyphen(doc, tokens[k - 1])) continue;
      size_t len = 0;
      bool fits = true;
      for (uint32_t t = j; t < k && fits; ++t) {
        const std::string_view w = doc.folded_view(tokens[t].span);
        if (len + w.size() + 1 > kMaxKeyBytes) fits = false;
        else {
          if (t > j) key[len++] = ' ';
          std::memcpy(key + len, w.data(), w.size());
          len += w.size();
        }
      }
      if (!fits) continue;
      const uint64_t h = Gazetteer::Hash(std::string_view(key, len));
      if (IsNonPlaceActor(h)) break;  // "at the United Nations", "in Congress"
      const Candidates c = Lookup(h);
      if (c.places.empty() && !c.country_name) continue;
      // A longer capitalised name goes on past this one ("Columbia University", "Line of
      // Control"): not a place.
      const bool region_after = k < end && RegionWord(doc.folded_view(tokens[k].span));
      if (k < run_end && !region_after) break;
      // "imports from China", "troops from Russia": a country after "from" is an origin.
      if (strength == kFrom && c.country_name) break;
      Mention m;
      m.token_begin = j;
      m.token_end = k + (region_after ? 1 : 0);
      m.strength = strength;
      m.quoted = quote_depth > 0;
      m.admin1 = region_after || region_of;
      if (c.country_name && c.country < 0) {
        // A country the gazetteer lacks: the mention stands for the code alone.
        m.place = kNone;
        m.country = -1;
        // Keep the code reachable through the dictionary name: MentionLocation reads the text.
      } else {
        m.place = Choose(c, near, article);
        if (m.place == kNone) break;
        m.country = static_cast<int16_t>(gazetteer_.place(m.place).country);
      }
      // "in Russia's Kursk region": the place after the possessive, if it lies in the same
      // country, stands for both.
      if (possessive_of != kNone && i == possessive_at && !out->empty() && out->back().country == m.country &&
          c.country < 0)
        out->back() = m;
      else
        out->push_back(m);
      possessive_of = kNone;
      if (c.country >= 0 && k + 1 < end && doc.folded_view(tokens[k].span) == "'s") {
        possessive_of = m.place;
        possessive_at = k;
        possessive_strength = strength;
      }
      i = k - 1;
      break;
    }
  }
}

void PlaceResolver::AddNamedCountries(const Document& doc, std::vector<uint16_t>* article) const {
  const std::vector<Token>& tokens = doc.tokens;
  char key[kMaxKeyBytes];
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      if (!tokens[i].has(Token::kCapitalized)) continue;
      // Most capitalised words (people's names) begin no such name: one lookup rules them out.
      if (!context_first_words_.count(Gazetteer::Hash(doc.folded_view(tokens[i].span)))) continue;
      size_t len = 0;
      for (uint32_t k = i; k < s.token_end && k < i + kMaxContextWords; ++k) {
        const std::string_view w = doc.folded_view(tokens[k].span);
        if (len + w.size() + 1 > kMaxKeyBytes) break;
        if (k > i) key[len++] = ' ';
        std::memcpy(key + len, w.data(), w.size());
        len += w.size();
        auto it = context_names_.find(Gazetteer::Hash(std::string_view(key, len)));
        if (it != context_names_.end() &&
            std::find(article->begin(), article->end(), it->second) == article->end())
          article->push_back(it->second);
      }
    }
  }
}

Location PlaceResolver::ToLocation(uint32_t place) const {
  const geo::PlaceRecord& r = gazetteer_.place(place);
  Location loc;
  loc.country = std::string(gazetteer_.country_code(r.country));
  if (r.flags & geo::kHasCoordinates) {
    loc.lat = r.lat_e5 / 1e5;
    loc.lon = r.lon_e5 / 1e5;
  }
  switch (static_cast<PlaceKind>(r.kind)) {
    case PlaceKind::kCity:
      loc.name = std::string(gazetteer_.name(place));
      loc.admin1 = std::string(gazetteer_.admin1_name(place));
      loc.geonames_id = r.geonames_id;
      loc.precision = LocationPrecision::kCity;
      break;
    case PlaceKind::kAdmin1:
      loc.name = std::string(gazetteer_.name(place));
      loc.admin1 = loc.name;
      loc.precision = LocationPrecision::kAdmin1;
      break;
    case PlaceKind::kCountry:
      loc.name = std::string(canonical_by_country_[r.country]);
      loc.precision = LocationPrecision::kCountry;
      break;
  }
  return loc;
}

std::optional<Location> PlaceResolver::CountryLocation(std::string_view code) const {
  const int32_t c = CountryIndex(code);
  if (c >= 0) return ToLocation(gazetteer_.country_place(static_cast<uint16_t>(c)));
  auto it = canonical_.find(code);
  if (it == canonical_.end()) return std::nullopt;
  Location loc;
  loc.name = std::string(it->second);
  loc.country = std::string(code);
  loc.precision = LocationPrecision::kCountry;
  return loc;
}

std::optional<Location> PlaceResolver::MentionLocation(const Document& doc, const Mention& m) const {
  if (m.place == kNone) {
    // A dictionary country the gazetteer lacks: find its code again from the name.
    std::string key;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (t > m.token_begin) key += ' ';
      key += doc.folded_view(doc.tokens[t].span);
    }
    auto it = country_names_.find(Gazetteer::Hash(key));
    if (it == country_names_.end()) return std::nullopt;
    return CountryLocation(it->second);
  }
  const geo::PlaceRecord& r = gazetteer_.place(m.place);
  if (m.admin1 && static_cast<PlaceKind>(r.kind) == PlaceKind::kCity && r.admin1 != kNone) {
    const uint32_t region = gazetteer_.admin1_place(m.place);
    if (region != kNone) {
      Location loc = ToLocation(region);
      if (loc.name.empty()) {
        // No admin1 name in the sources for this country: the words of the text.
        const ByteSpan span{doc.tokens[m.token_begin].span.begin, doc.tokens[m.token_end - 1].span.end};
        loc.name = std::string(doc.view(span));
      }
      return loc;
    }
  }
  return ToLocation(m.place);
}

std::optional<Location> PlaceResolver::ResolveName(std::string_view name, std::span<const std::string_view> near,
                                                   std::span<const std::string_view> article) const {
  std::vector<uint16_t> n, a;
  for (std::string_view c : near)
    if (int32_t i = CountryIndex(c); i >= 0) n.push_back(static_cast<uint16_t>(i));
  for (std::string_view c : article)
    if (int32_t i = CountryIndex(c); i >= 0) a.push_back(static_cast<uint16_t>(i));
  const uint64_t h = Gazetteer::Hash(geo::KeyFold(name));
  if (IsNonPlaceActor(h)) return std::nullopt;
  const Candidates c = Lookup(h);
  if (c.country_name && c.country < 0 && c.places.empty()) return CountryLocation(c.country_code);
  const uint32_t p = Choose(c, n, a);
  if (p == kNone) return std::nullopt;
  return ToLocation(p);
}

Status PlaceResolver::Run(Document& doc) const {
  if (doc.events.empty()) return Status::Ok();
  thread_local std::vector<uint16_t> article, near;
  thread_local std::vector<Mention> mentions;
  article.clear();
  auto add = [](std::vector<uint16_t>* set, int32_t c) {
    if (c >= 0 && std::find(set->begin(), set->end(), static_cast<uint16_t>(c)) == set->end())
      set->push_back(static_cast<uint16_t>(c));
  };
  for (const Event& e : doc.events) {
    add(&article, CountryIndex(e.source.country));
    add(&article, CountryIndex(e.target.country));
  }
  AddNamedCountries(doc, &article);

  // The dateline's place, told apart by the article's countries.
  std::optional<Location> dateline;
  const uint64_t dateline_hash = Gazetteer::Hash(geo::KeyFold(doc.dateline.place));
  if (!doc.dateline.place.empty() && !IsNonPlaceActor(dateline_hash)) {  // not "UNITED NATIONS"
    const Candidates c = Lookup(dateline_hash);
    if (c.country_name && c.country < 0 && c.places.empty()) {
      dateline = CountryLocation(c.country_code);
    } else if (const uint32_t p = Choose(c, article, {}); p != kNone) {
      dateline = ToLocation(p);
      add(&article, gazetteer_.place(p).country);
    }
  }

  uint32_t mentions_of = UINT32_MAX;  // the sentence `mentions` belong to
  for (Event& e : doc.events) {
    if (e.sentence >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[e.sentence];
    if (e.sentence != mentions_of) {
      near.clear();
      for (const Event& other : doc.events)
        if (other.sentence == e.sentence) {
          add(&near, CountryIndex(other.source.country));
          add(&near, CountryIndex(other.target.country));
        }
      mentions.clear();
      FindPlaces(doc, s, near, article, &mentions);
      mentions_of = e.sentence;
    }
    const bool at_target = HappensAtTarget(e.code);
    // 1. A place in the sentence: the nearest after the verb, else the nearest before it.
    const Mention* chosen = nullptr;
    const uint32_t verb = e.verb_span ? e.verb_span->begin : s.span.begin;
    const bool verb_quoted = QuotedAt(doc, s, verb);
    for (const Mention& m : mentions) {
      if (m.quoted != verb_quoted) continue;
      if (m.strength == kTowards && !at_target) continue;
      if (m.strength == kFrom && at_target) continue;
      const uint32_t at = doc.tokens[m.token_begin].span.begin;
      if (!chosen) {
        chosen = &m;
        continue;
      }
      const uint32_t best = doc.tokens[chosen->token_begin].span.begin;
      const bool after = at >= verb, best_after = best >= verb;
      if (after != best_after ? after : (after ? at < best : at > best)) chosen = &m;
    }
    if (chosen) {
      e.location = MentionLocation(doc, *chosen);
      if (e.location) continue;
    }
    // 2. The dateline, when the event plausibly happened there.
    if (dateline && !dateline->country.empty() &&
        (dateline->country == e.source.country || dateline->country == e.target.country)) {
      e.location = dateline;
      continue;
    }
    // 3. An actor's country — or the actor itself where it is a place the dictionary codes as
    // its country ("Russian forces shelled Kharkiv": Kharkiv).
    const ActorRef& first = at_target ? e.target : e.source;
    const ActorRef& second = at_target ? e.source : e.target;
    if (first.span && !first.country.empty()) {
      const std::string_view words = doc.view(*first.span);
      if (place_actors_.count(Gazetteer::Hash(geo::KeyFold(words)))) {
        const std::string_view country = first.country;
        e.location = ResolveName(words, std::span<const std::string_view>(&country, 1), {});
        if (e.location && e.location->country != first.country) e.location.reset();
      }
    }
    if (!e.location && !first.country.empty()) e.location = CountryLocation(first.country);
    if (!e.location && !second.country.empty()) e.location = CountryLocation(second.country);
  }
  return Status::Ok();
}

}  // namespace dateline
