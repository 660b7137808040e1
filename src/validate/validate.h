// Validation suites: the expected-output test sets of TABARI and PETRARCH, read into one model,
// run against any coder, and reported.
//
//   Result<Suite> suite = LoadSuite("../shared/reference/tabari/Validate.text");   // kind detected
//   if (!suite.ok()) { std::cerr << suite.status().message() << "\n"; return 1; }
//   for (const std::string& p : suite->problems) std::cerr << p << "\n";          // "file:line: ..."
//   Result<SkipList> skips = LoadSkipFile("validate.skip");
//   SuiteResult result = RunSuite(*suite, [&](const ValidationRecord& r) {
//     CodedRecord coded;
//     for (const Event& e : MyCoder(r.text, r.date, r.options_before)) coded.events.push_back({...});
//     return coded;
//   }, SuiteRunOptions{.skips = &*skips});
//   PrintReport(std::cout, result);   // last line: "validation: 212/380 records pass (55.8%)"
//
// The three formats (see the reference files for the full story):
//
// TABARI .text (Validate.text): records separated by blank lines. A record is a line starting with
// a digit, "YYMMDD ID" (YYYYMMDD also accepted), the text lines, and a comment "/* ... */" whose
// braces give what the coder must produce:
//     { SRC / TGT / CODE }   an event (one per brace; a date YYMMDD may follow the brace)
//     {---}  no event        {###}  the sentence is discarded        {+++}  not checked
//     -{ ... }   "do not check additional events": the events before it must be produced, others
//                may be; a record whose only fields are -{...} is not checked
//     { OPTION: SET: TIME SHIFT = TRUE }   an .options command for the records that follow
//   {+++} wins over {###}, which wins over {---}, which wins over events (the TABARI manual,
//   10.1). Blocks that do not start with a digit are comments. A record without any field is not
//   checked (TABARI stops there), and records after FINAL-01 are "not part of the standard
//   validation records": kept, but not counted. Dictionaries: from the .project file of the same
//   name beside the .text (Validate.project), when there is one.
// PETRARCH XML (PETR_Validate_records_2_02.xml, PETR.UnitTest.records.xml): one <Sentence> per
//   record, with id, date (YYYYMMDD), category and `evaluate` (PETRARCH-2) or `sentence`
//   (PETRARCH-1) attributes; <EventCoding sourcecode= targetcode= eventcode=> per expected event,
//   <EventCoding noevents="True"> for none, <EventCoding error="..."> for an error the coder must
//   report: "bad_input_parse" (from the external parser: not counted) or a discard
//   ("storydiscard", "sentencediscard", "dateline"). <Config option= value=> between sentences
//   becomes "option = value" for the records that follow; <Environment> names the dictionaries
//   and, in <Include>, the categories to evaluate. <Parse> is ignored.
//
// Counting. A record is counted when it is checked by its own format's rules (category included,
// evaluate/sentence not "false", an expectation given, text present, before FINAL-01). A skip file
// (ParseSkipList) names records judged mis-specified: they are coded and shown, but left out of
// the pass rate. Records are keyed by id AND position: ids repeat in these files.
//
// Passing. A counted record passes when what the coder produced matches what the record expects:
//   kEvents:  not discarded, and the set of (source, target, code) produced equals the expected set
//             (duplicates count once); with extra_events_allowed, the expected set is a subset;
//   kNoEvent: no event produced (a discard produces none, so it passes too);
//   kDiscard: the coder reported a discard.
// Expected event dates (TABARI time shifting) are kept but not compared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dateline {

enum class SuiteKind : uint8_t { kTabari, kPetrarch1, kPetrarch2 };
// "TABARI", "PETRARCH-1", "PETRARCH-2"
const char* SuiteKindName(SuiteKind kind);

struct ExpectedEvent {
  std::string source;  // CAMEO actor code as written: "ARN", "ITHGOVPRS", "~MOS", "\"INJURY TOLL\""
  std::string target;
  std::string code;    // CAMEO event code as written: "064", "075A"
  std::optional<Date> date;  // TABARI: the date after the brace (time shifting); not compared
};

struct ValidationRecord {
  enum Expect : uint8_t { kEvents, kNoEvent, kDiscard };

  std::string id;            // "DEMO-01"; not unique
  int position = 0;          // 1-based ordinal of the record in its file: (id, position) is the key
  int line = 0;              // line where the record starts
  std::string category;      // "DEMO": PETRARCH's category attribute, else the id up to its first '-'
  std::optional<Date> date;  // the record's date: the publication date to code it with
  std::string text;          // the sentence(s), lines joined with single spaces
  Expect expect = kEvents;
  std::vector<ExpectedEvent> events;  // kEvents: the expected events, in file order
  bool extra_events_allowed = false;  // TABARI "-{...}" after the listed events
  // Options to apply before coding this record, in order: TABARI "OPTION:" commands, PETRARCH
  // <Config> as "option = value". A counted record holds every option given since the previous
  // counted record, its own last; a record that is not counted holds its own.
  std::vector<std::string> options_before;
  bool counted = true;
  std::string skip_reason;  // why not counted: "{+++}: not checked", "evaluate=\"false\"", ...
};

// A dictionary file a suite names, resolved against the suite's directory.
struct DictionaryFile {
  std::string role;  // "actors", "agents", "verbs", "discards", "options", "ontology", "issues"
  std::filesystem::path path;
};

struct Suite {
  SuiteKind kind = SuiteKind::kTabari;
  std::string name;  // the file name, as skip files name the suite: "Validate.text"
  std::vector<ValidationRecord> records;  // every record in the file, in order
  std::vector<DictionaryFile> dictionary_files;  // empty when the suite names none
  std::vector<std::string> categories;   // PETRARCH <Include>; empty: every category
  std::vector<std::string> options;      // suite-wide options (PETRARCH <Environment> <Config>)
  std::vector<std::string> problems;     // "file:line: what", for what had to be forgiven

  size_t CountedRecords() const;
  size_t CountedEvents() const;  // expected events of counted records
};

// Reads a suite, detecting its kind: a file whose first non-blank byte is '<' is PETRARCH XML
// (PETRARCH-2 when its sentences carry `evaluate`), anything else TABARI. Errors: kIoError when
// the file cannot be read; kDataError when it holds no record. Problems that cost only a record
// or a field are in Suite::problems and the rest loads.
Result<Suite> LoadSuite(const std::filesystem::path& path);
// The same from bytes. `name` is used in messages; relative dictionary paths are resolved
// against `directory` (and TABARI's .project is looked for there).
Result<Suite> ParseSuite(std::string_view name, std::string_view bytes, const std::filesystem::path& directory = {});

// ---------------------------------------------------------------------------------------------
// Skip files: records judged mis-specified, one per line, '#' starts a comment:
//     Validate.text  DEMO-05  7  needs COMPLEX=1, which the suite never sets

struct SkipEntry {
  std::string suite;  // file name of the suite ("Validate.text")
  std::string id;
  int position = 0;
  std::string reason;
  std::string where;  // "skip-file:line", for messages
};

struct SkipList {
  std::vector<SkipEntry> entries;
  std::vector<std::string> problems;  // "file:line: expected 'SUITE ID POSITION reason'"
};

// Bad lines are reported in SkipList::problems and skipped.
SkipList ParseSkipList(std::string_view name, std::string_view bytes);
// kIoError when the file cannot be read.
Result<SkipList> LoadSkipFile(const std::filesystem::path& path);

// ---------------------------------------------------------------------------------------------
// Running.

struct ProducedEvent {
  std::string source;  // actor code; "" when the side is empty
  std::string target;
  std::string code;
};

// What the coder did with one record.
struct CodedRecord {
  std::vector<ProducedEvent> events;
  bool discarded = false;  // the coder discarded the sentence ({###} in TABARI)
};

using RecordCoder = std::function<CodedRecord(const ValidationRecord&)>;

struct SuiteRunOptions {
  const SkipList* skips = nullptr;  // entries for other suites are ignored
  std::string category;             // non-empty: evaluate only records of this category
};

struct RecordOutcome {
  enum class Verdict : uint8_t {
    kMatch,       // counted, and the coder produced what the record expects
    kMismatch,    // counted, and it did not
    kSkipped,     // named by the skip file: coded and shown, not in the rate
    kNotCounted,  // not checked by its suite's rules, or outside the chosen category: not coded
  };
  ValidationRecord record;
  Verdict verdict = Verdict::kNotCounted;
  CodedRecord produced;     // empty for kNotCounted
  bool would_match = false; // kSkipped: whether the produced events match anyway
  std::string reason;       // kSkipped: the skip file's reason; kNotCounted: why not counted
};

struct CategoryTally {
  std::string category;
  int records = 0;   // evaluated (counted, not skipped)
  int matching = 0;
};

struct SuiteResult {
  std::string suite_name;
  SuiteKind kind = SuiteKind::kTabari;
  std::vector<RecordOutcome> outcomes;       // one per record of the suite, in file order
  std::vector<CategoryTally> categories;     // in order of first appearance
  int evaluated = 0;    // M of the final line
  int matching = 0;     // N of the final line
  int skipped = 0;
  int not_counted = 0;
  std::vector<std::string> problems;         // the suite's, the skip list's, and RunSuite's own
};

// Codes every counted record with `code` (in file order; options given by records that are not
// coded are passed on to the next record coded) and compares. Skip entries that match no record
// (id and position) are reported in SuiteResult::problems.
SuiteResult RunSuite(const Suite& suite, const RecordCoder& code, const SuiteRunOptions& options = {});

// True when `produced` is what `record` expects (the rules at the top).
bool Matches(const ValidationRecord& record, const CodedRecord& produced);

struct ReportOptions {
  bool verbose = false;  // also list matching and not-counted records
};

// Writes the report: each counted record that does not match (id, position, text, expected and
// produced events), a table of pass rates per category, the records the skip file left out, the
// problems, and as the very last line exactly
//     validation: N/M records pass (P%)
// with P to one decimal. The words "passed" and "failed" never appear (CI would read them as a
// test runner's verdict): in free text (sentences, reasons) they are written "pass-ed", "fail-ed".
void PrintReport(std::ostream& out, const SuiteResult& result, const ReportOptions& options = {});

}  // namespace dateline
