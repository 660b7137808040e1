// Which articles a store holds, by identity: its doc_ids and content hashes, kept in memory by
// both backends (loaded when a store is opened) instead of unique indexes, whose random inserts
// made each batch rewrite most of their pages (docs/store.md, "Identity").
//
//   ArticleIdentity identity;
//   identity.Add("wire-1", ContentHash(text));                // for each stored article
//   std::optional<AddOutcome> known = identity.Find("wire-1", hash);
//   if (!known) { /* store it */ identity.Add("wire-1", hash); }
//
// A doc_id is kept as its XXH3-128 hash and a content hash as its 128 bits: no row needs reading
// back to tell two apart (a collision is a 2^-128 event per pair), 48 bytes of table an article.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace dateline {

class ArticleIdentity {
 public:
  // kPresent (the doc_id is stored with this content hash), kConflict (with another), or
  // kDuplicateText (the content hash is stored under another doc_id); nullopt when neither.
  std::optional<AddOutcome> Find(std::string_view doc_id, std::string_view content_hash) const;
  // Records a stored article (the caller has checked Find: doc_id not stored yet).
  void Add(std::string_view doc_id, std::string_view content_hash);
  void Clear();
  size_t size() const { return docs_.size; }

  struct Key {
    uint64_t high = 0, low = 0;
    bool operator==(const Key&) const = default;
    bool empty() const { return high == 0 && low == 0; }
  };
  // ContentHash's 32 hex digits as their 128 bits (any other text: its XXH3-128).
  static Key ContentKey(std::string_view content_hash);
  static Key DocKey(std::string_view doc_id);

 private:
  // Open addressing with linear probing, at most half full; the all-zero key marks an empty slot
  // (a real key of zero is stored as {0, 1}).
  template <typename Slot>
  struct Table {
    std::vector<Slot> slots;
    size_t size = 0;
    const Slot* Find(const Key& k) const;
    void Add(const Slot& s);
  };
  struct DocSlot {
    Key key;      // the doc_id's
    Key content;  // its content hash's
  };
  struct TextSlot {
    Key key;
  };
  Table<DocSlot> docs_;
  Table<TextSlot> texts_;
};

}  // namespace dateline
