#include "cli/query_command.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "core/date.h"
#include "store/export.h"
#include "store/query.h"

namespace dateline {

struct QueryCommandOptions {
  std::string db;
  EventFilter filter;
  std::string dyad;
  int quad_class = 0;
  int64_t limit = -1;
  std::string format;   // query: auto table jsonl csv tsv; stats: table csv; export: gdelt csv plover
  std::string by = "day";
  std::string per;
  std::string output;
  bool all_mentions = false;  // export --format gdelt: every stored event, not one row per cluster
};

namespace {

void AddFilterOptions(CLI::App* c, QueryCommandOptions* o) {
  c->add_option("--db", o->db, "The event database made by `dateline ingest` (a SQLite file or a postgresql:// URI)")
      ->required();
  c->add_option("--actor", o->filter.actor, "Either side's CAMEO code starts with CODE (CHN matches CHNGOV)");
  c->add_option("--source", o->filter.source, "The source's code starts with CODE");
  c->add_option("--target", o->filter.target, "The target's code starts with CODE");
  c->add_option("--dyad", o->dyad, "SOURCE:TARGET code prefixes, e.g. CHN:KAZ");
  c->add_flag("--both", o->filter.dyad_both, "With --dyad: either direction");
  c->add_option("--code", o->filter.code, "The CAMEO event code starts with CODE");
  c->add_option("--root", o->filter.root, "The CAMEO root code (two digits)");
  c->add_option("--quad-class", o->quad_class, "Quad class 1-4")->check(CLI::Range(1, 4));
  c->add_option("--plover", o->filter.plover, "PLOVER event type (e.g. ASSAULT)");
  c->add_option("--from", o->filter.from, "First event date, YYYY-MM-DD");
  c->add_option("--to", o->filter.to, "Last event date, YYYY-MM-DD");
  c->add_option("--country", o->filter.country, "Location country (ISO alpha-3)");
  c->add_option("--place", o->filter.place, "Location name");
  c->add_option("--text", o->filter.text, "Full-text query (SQLite FTS5 syntax) over the articles");
  c->add_flag("--one-a-day", o->filter.one_a_day,
              "Only the first event of each cluster: one per date, source, target and code (Phoenix's filter)");
  c->add_option("--limit", o->limit, "At most N events")->check(CLI::NonNegativeNumber);
}

// Completes the filter from the options; false (after a message) when an option is unusable.
bool FinishFilter(QueryCommandOptions& o) {
  if (!o.dyad.empty()) {
    const size_t colon = o.dyad.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == o.dyad.size()) {
      std::cerr << "dateline: --dyad expects SOURCE:TARGET, got '" << o.dyad << "'\n";
      return false;
    }
    o.filter.dyad_source = o.dyad.substr(0, colon);
    o.filter.dyad_target = o.dyad.substr(colon + 1);
  } else if (o.filter.dyad_both) {
    std::cerr << "dateline: --both goes with --dyad\n";
    return false;
  }
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"--from", &o.filter.from},
                                    {"--to", &o.filter.to}}) {
    if (value->empty()) continue;
    const std::optional<Date> d = Date::Parse(*value);
    if (value->size() != 10 || !d) {
      std::cerr << "dateline: " << name << " expects YYYY-MM-DD, got '" << *value << "'\n";
      return false;
    }
  }
  if (o.quad_class) o.filter.quad_class = o.quad_class;
  if (o.limit >= 0) o.filter.limit = o.limit;
  return true;
}

// Opens the database; with a full-text filter, says when the index lags behind the articles.
std::unique_ptr<EventReader> OpenReader(const std::string& db, const EventFilter& filter) {
  Result<std::unique_ptr<EventReader>> r = EventReader::Open(db);
  if (!r.ok()) {
    std::cerr << "dateline: " << r.status().message() << "\n";
    return nullptr;
  }
  if (!filter.text.empty())
    if (Result<int64_t> n = (*r)->UnindexedArticles(); n.ok() && *n > 0)
      std::cerr << "dateline: note: " << *n << " stored articles are not in the full-text index yet (an ingest "
                << "stopped before indexing them; the next `dateline ingest` into " << db
                << " indexes them): --text does not find them\n";
  return r.take();
}

// Streams events through `append` into `out`, a buffer at a time.
int StreamEvents(const EventReader& reader, const EventFilter& filter, std::ostream& out,
                 const std::function<void(std::string&, const StoredEvent&)>& append) {
  std::string buf;
  Status s = reader.ForEach(filter, [&](const StoredEvent& e) {
    append(buf, e);
    if (buf.size() > (1 << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
    return static_cast<bool>(out);
  });
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.flush();
  if (!s.ok()) {
    std::cerr << "dateline: " << s.message() << "\n";
    return 1;
  }
  if (!out) {
    std::cerr << "dateline: cannot write the output\n";
    return 1;
  }
  return 0;
}

int RunQuery(QueryCommandOptions o) {
  if (!FinishFilter(o)) return 2;
  std::string format = o.format.empty() ? "auto" : o.format;
  if (format == "auto") format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
  if (format != "table" && format != "jsonl" && format != "csv" && format != "tsv") {
    std::cerr << "dateline: --format expects table, jsonl, csv or tsv, got '" << format << "'\n";
    return 2;
  }
  std::unique_ptr<EventReader> reader = OpenReader(o.db, o.filter);
  if (!reader) return 1;
  if (format == "table") {
    std::vector<StoredEvent> events;
    Status s = reader->ForEach(o.filter, [&](const StoredEvent& e) {
      events.push_back(e);
      return true;
    });
    if (!s.ok()) {
      std::cerr << "dateline: " << s.message() << "\n";
      return 1;
    }
    WriteEventTable(std::cout, events);
    std::cout << "(" << events.size() << (events.size() == 1 ? " event)\n" : " events)\n");
    return std::cout ? 0 : 1;
  }
  if (format == "jsonl")
    return StreamEvents(*reader, o.filter, std::cout,
                        [](std::string& b, const StoredEvent& e) { AppendEventJson(b, MakeEventRecord(e)); });
  const OutputFormat flat = format == "csv" ? OutputFormat::kCsv : OutputFormat::kTsv;
  std::string header;
  AppendFlatHeader(header, flat);
  std::cout << header;
  FlatScratch scratch;
  return StreamEvents(*reader, o.filter, std::cout, [&](std::string& b, const StoredEvent& e) {
    AppendEventFlat(b, MakeEventRecord(e), flat, scratch);
  });
}

std::string MeanText(const StatsRow& r) {
  if (!r.mean_goldstein) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *r.mean_goldstein);
  return std::string(buf) == "-0.000" ? "0.000" : buf;
}

int RunStats(QueryCommandOptions o) {
  if (!FinishFilter(o)) return 2;
  if (o.filter.limit) {
    std::cerr << "dateline: stats takes no --limit\n";
    return 2;
  }
  StatsPeriod period;
  if (o.by == "day") period = StatsPeriod::kDay;
  else if (o.by == "week") period = StatsPeriod::kWeek;
  else if (o.by == "month") period = StatsPeriod::kMonth;
  else {
    std::cerr << "dateline: --by expects day, week or month, got '" << o.by << "'\n";
    return 2;
  }
  StatsGroup group;
  if (o.per.empty()) group = StatsGroup::kNone;
  else if (o.per == "dyad") group = StatsGroup::kDyad;
  else if (o.per == "quad") group = StatsGroup::kQuad;
  else if (o.per == "plover") group = StatsGroup::kPlover;
  else if (o.per == "root") group = StatsGroup::kRoot;
  else {
    std::cerr << "dateline: --per expects dyad, quad, plover or root, got '" << o.per << "'\n";
    return 2;
  }
  const std::string format = o.format.empty() ? "table" : o.format;
  if (format != "table" && format != "csv") {
    std::cerr << "dateline: --format expects table or csv, got '" << format << "'\n";
    return 2;
  }
  std::unique_ptr<EventReader> reader = OpenReader(o.db, o.filter);
  if (!reader) return 1;
  Result<std::vector<StatsRow>> rows = reader->Stats(o.filter, period, group);
  if (!rows.ok()) {
    std::cerr << "dateline: " << rows.status().message() << "\n";
    return 1;
  }
  const std::string group_name = o.per == "quad" ? "quad_class" : o.per;
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> head = {o.by};
  if (group != StatsGroup::kNone) head.push_back(group_name);
  head.insert(head.end(), {"events", "mean_goldstein"});
  table.push_back(head);
  for (const StatsRow& r : *rows) {
    std::vector<std::string> row = {r.period};
    if (group != StatsGroup::kNone) row.push_back(r.group);
    row.push_back(std::to_string(r.events));
    row.push_back(MeanText(r));
    table.push_back(std::move(row));
  }
  if (format == "csv") {
    for (const auto& row : table) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        if (c) line += ',';
        const bool quote = row[c].find_first_of(",\"\n\r") != std::string::npos;
        if (!quote) {
          line += row[c];
          continue;
        }
        line += '"';
        for (char ch : row[c]) line += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        line += '"';
      }
      std::cout << line << '\n';
    }
  } else {
    std::vector<size_t> width(head.size(), 0);
    for (const auto& row : table)
      for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    for (const auto& row : table) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        // Numbers right-aligned, labels left-aligned.
        const bool number = c + 2 >= row.size();
        const std::string pad(width[c] - row[c].size(), ' ');
        line += number ? pad + row[c] : row[c] + pad;
        if (c + 1 < row.size()) line += "  ";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      std::cout << line << '\n';
    }
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

int RunExport(QueryCommandOptions o) {
  if (!FinishFilter(o)) return 2;
  if (o.format != "gdelt" && o.format != "csv" && o.format != "plover") {
    std::cerr << "dateline: --format expects gdelt, csv or plover, got '" << o.format << "'\n";
    return 2;
  }
  std::ofstream file;
  if (!o.output.empty() && o.output != "-") {
    file.open(o.output, std::ios::binary);
    if (!file) {
      std::cerr << "dateline: cannot write '" << o.output << "'\n";
      return 2;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  std::unique_ptr<EventReader> reader = OpenReader(o.db, o.filter);
  if (!reader) return 1;
  if (o.format == "gdelt") {
    // GDELT's event table has a row per event, not per report of it: one row per cluster, with
    // the cluster's mention, source and article counts, unless every report is asked for.
    if (!o.all_mentions) o.filter.one_a_day = true;
    return StreamEvents(*reader, o.filter, out, AppendGdeltRow);
  }
  if (o.all_mentions) {
    std::cerr << "dateline: --all-mentions goes with --format gdelt\n";
    return 2;
  }
  if (o.format == "csv") {
    std::string header;
    AppendFlatHeader(header, OutputFormat::kCsv);
    out << header;
    FlatScratch scratch;
    return StreamEvents(*reader, o.filter, out, [&](std::string& b, const StoredEvent& e) {
      AppendEventFlat(b, MakeEventRecord(e), OutputFormat::kCsv, scratch);
    });
  }
  uint64_t skipped = 0;
  const int rc = StreamEvents(*reader, o.filter, out, [&](std::string& b, const StoredEvent& e) {
    if (!AppendPloverJson(b, MakeEventRecord(e))) ++skipped;
  });
  if (skipped > 0)
    std::cerr << "dateline: " << skipped << " events without a PLOVER type (CAMEO roots 01, 02) not exported\n";
  return rc;
}

}  // namespace

QueryCommands AddQuerySubcommands(CLI::App& app) {
  QueryCommands c;
  c.options = std::make_shared<QueryCommandOptions>();
  c.stats_options = std::make_shared<QueryCommandOptions>();
  c.export_options = std::make_shared<QueryCommandOptions>();

  c.query = app.add_subcommand("query", "Select events from an event database");
  AddFilterOptions(c.query, c.options.get());
  c.query->add_option("--format", c.options->format,
                      "table, jsonl, csv or tsv (default: table on a terminal, else jsonl)");

  c.stats = app.add_subcommand("stats", "Events and mean Goldstein score per day, week or month");
  AddFilterOptions(c.stats, c.stats_options.get());
  c.stats->add_option("--by", c.stats_options->by, "day, week (ISO, from Monday) or month")->capture_default_str();
  c.stats->add_option("--per", c.stats_options->per, "Also per dyad, quad, plover or root");
  c.stats->add_option("--format", c.stats_options->format, "table (the default) or csv");

  c.exporter = app.add_subcommand("export", "Write events as GDELT 2.0 event rows, CSV or PLOVER JSON");
  AddFilterOptions(c.exporter, c.export_options.get());
  c.exporter->add_option("--format", c.export_options->format, "gdelt, csv or plover")->required();
  c.exporter->add_option("--output", c.export_options->output, "Write to FILE instead of standard output");
  c.exporter->add_flag("--all-mentions", c.export_options->all_mentions,
                       "With --format gdelt: a row for every stored event, not one per event cluster");
  return c;
}

int RunQueryCommands(const QueryCommands& c) {
  if (*c.query) return RunQuery(*c.options);
  if (*c.stats) return RunStats(*c.stats_options);
  if (*c.exporter) return RunExport(*c.export_options);
  return -1;
}

}  // namespace dateline
