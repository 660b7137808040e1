// Near-duplicate articles and repeated events: the in-memory indexes the store keeps while it
// ingests (and rebuilds from the database when it opens).
//
//   Sketch s = ArticleSketch(CleanedText(doc));          // MinHash of the word bigrams
//   StoryIndex stories;                                  // LSH buckets over the stored sketches
//   int64_t story = stories.Add(article_id, s);          // the story of the most similar stored
//                                                        // article, or article_id (a new story)
//   ClusterIndex clusters;
//   int64_t cluster = clusters.Add({date, source, target, code, date.empty() ? story : 0},
//                                  article_id, event_index, outlet);
//
// Both indexes are deterministic: the same articles added in the same order give the same
// stories and clusters, which is what makes a resumed ingest equal an uninterrupted one.
// docs/store.md states the rules.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace dateline {

// MinHash by one permutation (Li, Owen and Zhang, NIPS 2012): each word bigram of the article
// (lower-cased words) is hashed once; the hash's top 7 bits choose one of kSketchSize bins and
// the bin keeps the minimum of 16 further bits ("b-bit MinHash": half the bytes of full values,
// a 1/65,536 chance that two different minima look equal). Empty bins are filled by rotation
// densification (dedupe.cpp), so short articles, which leave most bins empty, still compare. One hash per bigram instead of
// one per bigram and bin: the sketch costs a few instructions per word. Banding for LSH: kBands
// bands of kRows values.
inline constexpr int kSketchSize = 128;
inline constexpr int kBands = 32;
inline constexpr int kRows = 4;
static_assert(kBands * kRows == kSketchSize);
// A bucket holds at most this many stories: a band value shared by more is boilerplate (the
// band equivalent of a stop word) and would make every new article compare with all of them.
inline constexpr size_t kBucketStories = 4;
// Two articles are the same story when their estimated Jaccard similarity is at least this.
inline constexpr double kStoryThreshold = 0.45;

using Sketch = std::array<uint16_t, kSketchSize>;

Sketch ArticleSketch(std::string_view text);
// The fraction of equal positions: an estimate of the Jaccard similarity of the bigram sets.
double EstimatedJaccard(const Sketch& a, const Sketch& b);
// As a BLOB (little-endian uint16s) and back; false when `blob` has the wrong size.
std::string SketchBytes(const Sketch& s);
bool SketchFromBytes(std::string_view blob, Sketch* s);

// Articles are compared with the recent ones only: the index holds two generations of
// kStoryGeneration articles by article_id (the current one and the one before), so a new article
// is compared with at least the last kStoryGeneration stored articles and at most twice as many.
// Wire copies and re-publications arrive within days; the window keeps the index's memory (a few
// hundred bytes to 2 KB an article) and the work of opening a database bounded.
inline constexpr int64_t kStoryGeneration = 65536;

class StoryIndex {
 public:
  explicit StoryIndex(double threshold = kStoryThreshold, int64_t generation = kStoryGeneration)
      : threshold_(threshold), generation_(generation) {}
  // The story of a new article (ids increase): among the indexed articles sharing an LSH band
  // with it (each bucket holds the first article of each story that has its band value), the one
  // of highest estimated Jaccard if that is >= threshold (ties: the earliest), else a new story
  // whose id is `article_id`. The article is added to the index.
  int64_t Add(int64_t article_id, const Sketch& s);
  // The story Add would give a new article, without adding it: a stored story's id, or 0 when
  // the article would start its own.
  int64_t Find(const Sketch& s) const;
  // An article already assigned (when loading a database), or just stored. Ids increase; an
  // article of a later generation retires the older ones.
  void Insert(int64_t article_id, int64_t story_id, const Sketch& s);
  void Clear();
  // The first article_id the index holds once the stored articles (those before
  // `next_article_id`) are inserted: a database's older articles need not be loaded.
  int64_t FirstNeeded(int64_t next_article_id) const;

 private:
  struct Entry {
    int64_t article_id;
    int64_t story_id;
    Sketch sketch;
  };
  // A bucket's entry: an article (index in its generation's entries) and the low 32 bits of its
  // story id, for the one-article-per-story rule.
  struct BucketEntry {
    uint32_t entry;
    uint32_t story;
  };
  // The first article of each story with a band value (at most kBucketStories), inline.
  struct Bucket {
    uint32_t size = 0;
    std::array<BucketEntry, kBucketStories> entries;
    void Add(uint32_t entry, int64_t story_id);
  };
  // Band hash -> index in buckets: open addressing with linear probing (keys never 0), a table
  // of plain integers rather than a node per band value — the lookups are most of the index's
  // time, and a node-based map's cache misses doubled it.
  class BandTable {
   public:
    // The bucket index of `key`, added (as `next`) when absent; *added says which.
    uint32_t FindOrAdd(uint64_t key, uint32_t next, bool* added);
    // The bucket index of `key`, or UINT32_MAX when absent.
    uint32_t Find(uint64_t key) const;
    // Starts loading the slot where Find(key) looks first.
    void Prefetch(uint64_t key) const;
    void Clear() { slots_.clear(); used_ = 0; }

   private:
    struct Slot {
      uint64_t key = 0;
      uint32_t index = 0;
    };
    void Grow();
    std::vector<Slot> slots_;
    size_t used_ = 0;
  };
  // The articles whose (article_id - 1) / generation_ is `number`.
  struct Generation {
    int64_t number = -1;  // -1: empty
    std::vector<Entry> entries;
    BandTable bands;
    std::vector<Bucket> buckets;
    void Clear();
  };
  double threshold_;
  int64_t generation_;
  Generation generations_[2];  // the one before the current, the current
  mutable std::vector<const Entry*> candidates_;  // Find's work list
  int64_t GenerationOf(int64_t article_id) const { return (article_id - 1) / generation_; }
  // Adds the candidates of generation g for the article's band hashes to candidates_.
  void Collect(const Generation& g, const std::array<uint64_t, kBands>& hashes) const;
};

// The clustering key of an event: its date, dyad and code; undated events also carry their
// story (they cluster only within it), dated ones story 0.
struct ClusterKey {
  std::string date, source, target, code;
  int64_t story_id = 0;
  bool operator<(const ClusterKey& o) const {
    return std::tie(date, source, target, code, story_id) < std::tie(o.date, o.source, o.target, o.code, o.story_id);
  }
};

struct EventCluster {
  int64_t cluster_id = 0;
  ClusterKey key;
  int64_t first_article_id = 0, first_event_index = 0;
  int64_t num_mentions = 0;
  std::vector<int64_t> article_ids;  // distinct, increasing
  std::set<std::string> sources;     // distinct outlets ("" included when an article has none)
  bool dirty = false;                // changed since the last TakeDirty
};

class ClusterIndex {
 public:
  // Adds a mention (events of an article in order, articles in increasing id order); returns
  // its cluster id, a new one (one more than the largest) for a new key.
  int64_t Add(const ClusterKey& key, int64_t article_id, int64_t event_index, const std::string& outlet);
  // A stored cluster (loading).
  void Insert(EventCluster c);
  // The clusters changed since the last call, in cluster id order; clears their dirty marks.
  std::vector<const EventCluster*> TakeDirty();
  void Clear();

 private:
  static std::string Flat(const ClusterKey& key);  // the fields joined, for hashing
  std::unordered_map<std::string, EventCluster> clusters_;  // nodes do not move: dirty_ points into them
  std::vector<EventCluster*> dirty_;
  int64_t last_id_ = 0;
};

}  // namespace dateline
