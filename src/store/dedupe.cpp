#include "store/dedupe.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace dateline {

namespace {

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Word bytes (ASCII letters and digits, and every non-ASCII byte) to themselves lower-cased, other
// bytes to 0: one load per byte in the sketch's scan.
constexpr std::array<unsigned char, 256> kWordBytes = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) t[static_cast<size_t>(c)] = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') t[static_cast<size_t>(c)] = static_cast<unsigned char>(c - 'A' + 'a');
  }
  return t;
}();

}  // namespace

Sketch ArticleSketch(std::string_view text) {
  // Each distinct bigram hash h falls in bin h >> 57 (the top 7 bits: kSketchSize = 128 bins)
  // and competes there with the low 16 bits of (h >> 7): one hash per bigram, not one per bin.
  static_assert(kSketchSize == 128, "the bin is the hash's top 7 bits");
  constexpr uint32_t kEmpty = 0x10000;  // above every 16-bit value
  std::array<uint32_t, kSketchSize> minima;
  minima.fill(kEmpty);
  auto add = [&](uint64_t h) {
    const size_t bin = static_cast<size_t>(h >> 57);
    const uint32_t v = static_cast<uint32_t>((h >> 7) & 0xffff);
    if (v < minima[bin]) minima[bin] = v;
  };
  // Words are lower-cased into `word` (a stack buffer; longer words are hashed by their first
  // kMaxWord bytes and their length, which no real word reaches).
  constexpr size_t kMaxWord = 64;
  char word[kMaxWord];
  size_t length = 0;
  uint64_t previous = 0;
  size_t words = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? kWordBytes[static_cast<unsigned char>(text[i])] : 0;
    if (c != 0) {
      if (length < kMaxWord) word[length] = static_cast<char>(c);
      ++length;
      continue;
    }
    if (length == 0) continue;
    const uint64_t w = XXH3_64bits_withSeed(word, std::min(length, kMaxWord), length);
    if (words++ > 0) add(SplitMix(previous * 31 + w));
    previous = w;
    length = 0;
  }
  if (words == 1) add(SplitMix(previous));
  if (words == 0) {
    Sketch s;
    s.fill(0xffff);
    return s;
  }
  // Densification by rotation (Shrivastava and Li, ICML 2014, "improved densification"): an
  // empty bin takes the value of the nearest non-empty bin in a direction fixed for that bin
  // (pseudo-randomly, the same for every article), mixed with the distance, so two articles
  // agree on an empty bin when they agree on the bin it borrows from. Two passes over the bins.
  static const std::array<bool, kSketchSize> kRightward = [] {
    std::array<bool, kSketchSize> right;
    for (size_t k = 0; k < kSketchSize; ++k) right[k] = (SplitMix(k + 1) & 1) != 0;
    return right;
  }();
  constexpr int kN = kSketchSize;
  auto borrowed = [&](int from, int distance) {
    return static_cast<uint16_t>(minima[static_cast<size_t>(from & (kN - 1))] +
                                 0x9e37u * static_cast<uint32_t>(distance));
  };
  int first = 0, last = kN - 1;  // non-empty bins exist: the article has a word
  while (minima[static_cast<size_t>(first)] == kEmpty) ++first;
  while (minima[static_cast<size_t>(last)] == kEmpty) --last;
  Sketch s;
  // Rightward bins, right to left; past the last bin the nearest is the first (one turn on).
  for (int k = kN - 1, nearest = first + kN; k >= 0; --k) {
    const uint32_t v = minima[static_cast<size_t>(k)];
    if (v != kEmpty) {
      s[static_cast<size_t>(k)] = static_cast<uint16_t>(v);
      nearest = k;
    } else if (kRightward[static_cast<size_t>(k)]) {
      s[static_cast<size_t>(k)] = borrowed(nearest, nearest - k);
    }
  }
  // Leftward bins, left to right; before the first bin the nearest is the last (one turn back).
  for (int k = 0, nearest = last - kN; k < kN; ++k) {
    if (minima[static_cast<size_t>(k)] != kEmpty) nearest = k;
    else if (!kRightward[static_cast<size_t>(k)]) s[static_cast<size_t>(k)] = borrowed(nearest + kN, k - nearest);
  }
  return s;
}

double EstimatedJaccard(const Sketch& a, const Sketch& b) {
  // Four 16-bit values a word: a lane of x = a ^ b is zero where the two agree. Per lane, the
  // high bit of ((x & 0x7fff) + 0x7fff) | x is set exactly when the lane is not zero.
  constexpr uint64_t kLow = 0x7fff7fff7fff7fffULL, kHigh = 0x8000800080008000ULL;
  int differ = 0;
  for (size_t w = 0; w < kSketchSize / 4; ++w) {
    uint64_t x, y;
    std::memcpy(&x, a.data() + 4 * w, sizeof x);
    std::memcpy(&y, b.data() + 4 * w, sizeof y);
    x ^= y;
    // The (at most four) high bits moved to bits 0, 16, 32, 48 and summed into the top 16 bits:
    // no popcount instruction is assumed (x86-64's baseline has none).
    const uint64_t lanes = ((((x & kLow) + kLow) | x) & kHigh) >> 15;
    differ += static_cast<int>((lanes * 0x0001000100010001ULL) >> 48);
  }
  return static_cast<double>(kSketchSize - differ) / kSketchSize;
}

std::string SketchBytes(const Sketch& s) {
  std::string out(sizeof(uint16_t) * kSketchSize, '\0');
  for (int k = 0; k < kSketchSize; ++k) {
    out[2 * k] = static_cast<char>(s[k] & 0xff);
    out[2 * k + 1] = static_cast<char>(s[k] >> 8);
  }
  return out;
}

bool SketchFromBytes(std::string_view blob, Sketch* s) {
  if (blob.size() != sizeof(uint16_t) * kSketchSize) return false;
  for (int k = 0; k < kSketchSize; ++k)
    (*s)[k] = static_cast<uint16_t>(static_cast<unsigned char>(blob[2 * k]) |
                                    static_cast<unsigned char>(blob[2 * k + 1]) << 8);
  return true;
}

namespace {

// A band's kRows 16-bit values are one 64-bit word; mixed with the band number, so that the same
// values in two bands are two keys. (Only the in-memory index uses it: nothing stored depends on it.)
static_assert(kRows * sizeof(uint16_t) == sizeof(uint64_t));
uint64_t BandHash(const Sketch& s, int band) {
  uint64_t v;
  std::memcpy(&v, s.data() + band * kRows, sizeof v);
  return SplitMix(v ^ (static_cast<uint64_t>(band) * 0x9e3779b97f4a7c15ULL));
}

}  // namespace

void StoryIndex::Collect(const Generation& g, const std::array<uint64_t, kBands>& hashes) const {
  if (g.number < 0) return;
  for (uint64_t h : hashes) g.bands.Prefetch(h);
  for (uint64_t h : hashes) {
    const uint32_t index = g.bands.Find(h);
    if (index == UINT32_MAX) continue;
    const Bucket& bucket = g.buckets[index];
    // The same few articles come from most bands: a linear check keeps the list short.
    for (uint32_t i = 0; i < bucket.size; ++i) {
      const Entry* e = &g.entries[bucket.entries[i].entry];
      if (std::find(candidates_.begin(), candidates_.end(), e) == candidates_.end()) candidates_.push_back(e);
    }
  }
}

int64_t StoryIndex::Find(const Sketch& s) const {
  candidates_.clear();  // reused: no allocation per article
  // The bands' slots are scattered over tables that outgrow the caches: Collect asks for all of
  // a generation's slots first, so that their cache misses overlap.
  std::array<uint64_t, kBands> hashes;
  for (int band = 0; band < kBands; ++band) hashes[static_cast<size_t>(band)] = BandHash(s, band);
  for (const Generation& g : generations_) Collect(g, hashes);
  // In article order, so that ties go to the earliest.
  std::sort(candidates_.begin(), candidates_.end(),
            [](const Entry* a, const Entry* b) { return a->article_id < b->article_id; });
  int64_t story = 0;
  double best = -1;
  for (const Entry* e : candidates_) {
    const double j = EstimatedJaccard(s, e->sketch);
    if (j >= threshold_ && j > best) {
      best = j;
      story = e->story_id;
    }
  }
  return story;
}

int64_t StoryIndex::Add(int64_t article_id, const Sketch& s) {
  const int64_t found = Find(s);
  const int64_t story = found != 0 ? found : article_id;
  Insert(article_id, story, s);
  return story;
}

void StoryIndex::Insert(int64_t article_id, int64_t story_id, const Sketch& s) {
  const int64_t number = GenerationOf(article_id);
  Generation& current = generations_[1];
  if (number != current.number) {  // a later generation: the current one becomes the previous
    Generation& previous = generations_[0];
    previous.Clear();
    if (current.number >= 0 && number == current.number + 1) std::swap(previous, current);
    current.Clear();
    current.number = number;
  }
  const uint32_t entry = static_cast<uint32_t>(current.entries.size());
  current.entries.push_back(Entry{article_id, story_id, s});
  for (int band = 0; band < kBands; ++band) {
    bool added = false;
    const uint32_t index =
        current.bands.FindOrAdd(BandHash(s, band), static_cast<uint32_t>(current.buckets.size()), &added);
    if (added) current.buckets.emplace_back();
    current.buckets[index].Add(entry, story_id);
  }
}

// A bucket keeps one article per story: a story's later copies mostly repeat its bands, and
// comparing a new article with one member per shared band is enough to find the story. This
// keeps buckets (and the comparisons) from growing with the copies of popular stories.
void StoryIndex::Bucket::Add(uint32_t entry, int64_t story_id) {
  const uint32_t story = static_cast<uint32_t>(story_id);
  for (uint32_t i = 0; i < size; ++i)
    if (entries[i].story == story) return;
  if (size < kBucketStories) entries[size++] = BucketEntry{entry, story};
}

void StoryIndex::Generation::Clear() {
  number = -1;
  entries.clear();
  buckets.clear();
  bands.Clear();
}

void StoryIndex::Clear() {
  for (Generation& g : generations_) g.Clear();
}

int64_t StoryIndex::FirstNeeded(int64_t next_article_id) const {
  // The index holds the last stored article's generation and the one before it (the next
  // article is compared with those, whichever generation it starts).
  const int64_t previous = GenerationOf(std::max<int64_t>(next_article_id - 1, 1)) - 1;
  return previous <= 0 ? 1 : previous * generation_ + 1;
}

uint32_t StoryIndex::BandTable::FindOrAdd(uint64_t key, uint32_t next, bool* added) {
  if (key == 0) key = 1;
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = SplitMix(key) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.key == key) {
      *added = false;
      return slot.index;
    }
    if (slot.key == 0) {
      slot = Slot{key, next};
      ++used_;
      *added = true;
      return next;
    }
  }
}

void StoryIndex::BandTable::Prefetch(uint64_t key) const {
  if (key == 0) key = 1;
  if (!slots_.empty()) __builtin_prefetch(&slots_[SplitMix(key) & (slots_.size() - 1)]);
}

uint32_t StoryIndex::BandTable::Find(uint64_t key) const {
  if (key == 0) key = 1;
  if (slots_.empty()) return UINT32_MAX;
  const size_t mask = slots_.size() - 1;
  for (size_t i = SplitMix(key) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.key == key) return slot.index;
    if (slot.key == 0) return UINT32_MAX;
  }
}

void StoryIndex::BandTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = SplitMix(s.key) & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

int64_t ClusterIndex::Add(const ClusterKey& key, int64_t article_id, int64_t event_index, const std::string& outlet) {
  auto [it, added] = clusters_.try_emplace(Flat(key));
  EventCluster& c = it->second;
  if (added) {
    c.cluster_id = ++last_id_;
    c.key = key;
    c.first_article_id = article_id;
    c.first_event_index = event_index;
  }
  ++c.num_mentions;
  if (c.article_ids.empty() || c.article_ids.back() != article_id) c.article_ids.push_back(article_id);
  c.sources.insert(outlet);
  if (!c.dirty) {
    c.dirty = true;
    dirty_.push_back(&c);
  }
  return c.cluster_id;
}

void ClusterIndex::Insert(EventCluster c) {
  last_id_ = std::max(last_id_, c.cluster_id);
  c.dirty = false;
  std::string key = Flat(c.key);
  clusters_[std::move(key)] = std::move(c);
}

std::string ClusterIndex::Flat(const ClusterKey& k) {
  std::string out;
  out.reserve(k.date.size() + k.source.size() + k.target.size() + k.code.size() + 24);
  out += k.date;
  out += '\x1f';
  out += k.source;
  out += '\x1f';
  out += k.target;
  out += '\x1f';
  out += k.code;
  out += '\x1f';
  out += std::to_string(k.story_id);
  return out;
}

std::vector<const EventCluster*> ClusterIndex::TakeDirty() {
  std::vector<const EventCluster*> out(dirty_.begin(), dirty_.end());
  for (EventCluster* c : dirty_) c->dirty = false;
  dirty_.clear();
  std::sort(out.begin(), out.end(), [](const EventCluster* a, const EventCluster* b) { return a->cluster_id < b->cluster_id; });
  return out;
}

void ClusterIndex::Clear() {
  clusters_.clear();
  dirty_.clear();
  last_id_ = 0;
}

}  // namespace dateline
