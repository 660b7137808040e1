#include "store/identity.h"

#include <xxhash.h>

#include <charconv>

namespace dateline {

namespace {

ArticleIdentity::Key NonZero(ArticleIdentity::Key k) {
  if (k.empty()) k.low = 1;
  return k;
}

size_t SlotOf(const ArticleIdentity::Key& k, size_t mask) {
  return static_cast<size_t>(k.low ^ (k.high * 0x9e3779b97f4a7c15ULL)) & mask;
}

}  // namespace

ArticleIdentity::Key ArticleIdentity::ContentKey(std::string_view hex) {
  Key k;
  if (hex.size() == 32 && std::from_chars(hex.data(), hex.data() + 16, k.high, 16).ptr == hex.data() + 16 &&
      std::from_chars(hex.data() + 16, hex.data() + 32, k.low, 16).ptr == hex.data() + 32)
    return NonZero(k);
  const XXH128_hash_t h = XXH3_128bits(hex.data(), hex.size());  // not ContentHash's form (a row made by hand)
  return NonZero(Key{h.high64, h.low64});
}

ArticleIdentity::Key ArticleIdentity::DocKey(std::string_view doc_id) {
  const XXH128_hash_t h = XXH3_128bits(doc_id.data(), doc_id.size());
  return NonZero(Key{h.high64, h.low64});
}

template <typename Slot>
const Slot* ArticleIdentity::Table<Slot>::Find(const Key& k) const {
  if (slots.empty()) return nullptr;
  const size_t mask = slots.size() - 1;
  for (size_t i = SlotOf(k, mask); !slots[i].key.empty(); i = (i + 1) & mask)
    if (slots[i].key == k) return &slots[i];
  return nullptr;
}

template <typename Slot>
void ArticleIdentity::Table<Slot>::Add(const Slot& s) {
  if (2 * (size + 1) > slots.size()) {
    std::vector<Slot> old = std::move(slots);
    slots.assign(old.empty() ? 4096 : 2 * old.size(), Slot{});
    for (const Slot& o : old)
      if (!o.key.empty()) {
        const size_t mask = slots.size() - 1;
        size_t i = SlotOf(o.key, mask);
        while (!slots[i].key.empty()) i = (i + 1) & mask;
        slots[i] = o;
      }
  }
  const size_t mask = slots.size() - 1;
  size_t i = SlotOf(s.key, mask);
  while (!slots[i].key.empty()) {
    if (slots[i].key == s.key) return;  // there already
    i = (i + 1) & mask;
  }
  slots[i] = s;
  ++size;
}

std::optional<AddOutcome> ArticleIdentity::Find(std::string_view doc_id, std::string_view content_hash) const {
  const Key content = ContentKey(content_hash);
  if (const DocSlot* d = docs_.Find(DocKey(doc_id)))
    return d->content == content ? AddOutcome::kPresent : AddOutcome::kConflict;
  if (texts_.Find(content)) return AddOutcome::kDuplicateText;
  return std::nullopt;
}

void ArticleIdentity::Add(std::string_view doc_id, std::string_view content_hash) {
  const Key content = ContentKey(content_hash);
  docs_.Add(DocSlot{DocKey(doc_id), content});
  texts_.Add(TextSlot{content});
}

void ArticleIdentity::Clear() {
  docs_ = {};
  texts_ = {};
}

}  // namespace dateline
