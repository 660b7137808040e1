#include "store/rows.h"

#include <simdjson.h>

#include <cmath>
#include <cstdio>

#include "output/output.h"

namespace dateline {

std::string DateText(const std::optional<Date>& d) {
  if (!d || !d->valid() || d->year < 0 || d->year > 9999) return {};
  std::string out = "0000-00-00";
  auto put = [&](size_t at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10) out[at + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, d->year, 4);
  put(5, d->month, 2);
  put(8, d->day, 2);
  return out;
}

std::string JsonArray(std::span<const std::string> items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(out, items[i]);
  }
  out += ']';
  return out;
}

double Coordinate(double v) { return static_cast<double>(std::llround(v * 1e5)) / 1e5; }

bool HasDateline(const Document& doc) {
  const Dateline& dl = doc.dateline;
  return !(dl.span.empty() && dl.place.empty() && dl.agency.empty() && !dl.date);
}

std::string RemovedJson(const Document& doc) {
  std::string removed = "[";
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const RemovedLine& r = doc.removed[i];
    if (i) removed += ',';
    removed += "{\"text\":";
    const ByteSpan span = r.span;
    AppendJsonString(removed, span.end <= doc.text().size() && span.begin <= span.end ? doc.view(span) : "");
    removed += ",\"reason\":";
    AppendJsonString(removed, r.reason);
    removed += '}';
  }
  removed += ']';
  return removed;
}

std::string QuoteSentencesJson(const Quote& q) {
  std::string sentences = "[";
  for (uint32_t si = q.sentence_begin; si < q.sentence_end; ++si) {
    if (si != q.sentence_begin) sentences += ',';
    sentences += std::to_string(si);
  }
  sentences += ']';
  return sentences;
}

ClusterKey EventClusterKey(const std::string& date, const EventRecord& r, int64_t story_id) {
  return ClusterKey{date, std::string(r.source.code), std::string(r.target.code), std::string(r.code),
                    date.empty() ? story_id : 0};
}

std::string ClusterArticleIdsJson(const EventCluster& c) {
  std::string ids = "[";
  for (size_t i = 0; i < c.article_ids.size(); ++i) {
    if (i) ids += ',';
    ids += std::to_string(c.article_ids[i]);
  }
  ids += ']';
  return ids;
}

std::string ClusterSourcesJson(const EventCluster& c) {
  return JsonArray(std::vector<std::string>(c.sources.begin(), c.sources.end()));
}

Status ParseClusterLists(std::string_view article_ids, std::string_view sources, EventCluster* c) {
  simdjson::dom::parser parser;
  simdjson::dom::array ids, names;
  if (parser.parse(simdjson::padded_string(article_ids)).get(ids) != simdjson::SUCCESS)
    return DataError("an event cluster's article_ids are not a JSON array");
  for (simdjson::dom::element e : ids) {
    int64_t id = 0;
    if (e.get(id) != simdjson::SUCCESS) return DataError("an event cluster's article_ids are not integers");
    c->article_ids.push_back(id);
  }
  if (parser.parse(simdjson::padded_string(sources)).get(names) != simdjson::SUCCESS)
    return DataError("an event cluster's sources are not a JSON array");
  for (simdjson::dom::element e : names) {
    std::string_view s;
    if (e.get(s) != simdjson::SUCCESS) return DataError("an event cluster's sources are not strings");
    c->sources.insert(std::string(s));
  }
  return Status::Ok();
}

}  // namespace dateline
