// Private to src/store: how an article's, event's and cluster's column values are made from a
// coded Document, the same for every backend (sqlite_store.cpp, pg_store.cpp). What is stored
// must not depend on the backend: these functions are the one place the values are computed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "output/output.h"
#include "store/dedupe.h"

namespace dateline {

// YYYY-MM-DD, or "" for an absent or invalid date (stored as NULL).
std::string DateText(const std::optional<Date>& d);

// A JSON array of strings.
std::string JsonArray(std::span<const std::string> items);

// A coordinate as the records write it: to 5 decimals.
double Coordinate(double v);

// True when the cleaner found a dateline (its columns are then stored, else all NULL).
bool HasDateline(const Document& doc);

// `articles.removed`: [{"text": ..., "reason": ...}] of the lines the cleaner removed.
std::string RemovedJson(const Document& doc);

// `quotes.sentences`: the quote's sentence indices as a JSON array.
std::string QuoteSentencesJson(const Quote& q);

// The cluster key of an event (its record) of an article in story `story_id`, dated `date` (""
// when undated): undated events cluster within their story only.
ClusterKey EventClusterKey(const std::string& date, const EventRecord& r, int64_t story_id);

// `event_clusters.article_ids` and `.sources` as stored (JSON arrays), and back: the lists of a
// stored cluster, parsed into `c` when loading (an error for malformed JSON).
std::string ClusterArticleIdsJson(const EventCluster& c);
std::string ClusterSourcesJson(const EventCluster& c);
Status ParseClusterLists(std::string_view article_ids, std::string_view sources, EventCluster* c);

}  // namespace dateline
