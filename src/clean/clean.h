// The "clean" stage: finds the structure of a scraped article and separates the text to code from
// the text around it.
//
//   Cleaner cleaner;                       // compiles its cue patterns once; share it freely
//   Document doc("reuters-1", text);
//   doc.publication_date = Date::Parse("2022-01-10");
//   if (Status s = cleaner.Run(doc); !s.ok()) ...
//   doc.headline;        // "China offers security support to Kazakhstan, ..."
//   doc.dateline;        // span "BEIJING, Jan. 10 (Reuters) – ", place "Beijing", date 2022-01-10
//   doc.removed;         // {"Register now for FREE ...", "prompt"}, {"Reporting by ...", "credits"}
//   doc.reporters;       // {"Gabriel Crossley", "Yew Lun Tian"}
//   doc.paragraphs;      // the body, one span per paragraph, dateline excluded
//
// How it decides. The text is cut into lines (a line is a paragraph in scraped text; hard-wrapped
// lines of one paragraph are joined again, see below). Each line is matched once against a set of
// cue patterns (an RE2::Set) and measured: words, final punctuation, position, and whether it
// reads as a sentence (ReadsAsSentence below). Cues are of two strengths:
//   - strong cues remove a line even when it reads as a sentence. They are few and anchored at the
//     line start: a copyright notice ("© 2025", "Copyright 2025", "All rights reserved.", "This
//     material may not be published"), a standards line ("Our standards: ..."), a credit line
//     whose names parse ("Reporting by X; Editing by Y", "X contributed reporting.", "(With inputs
//     from agencies)"), a label that no sentence starts with ("Related: ...", "Image caption, ...",
//     "Photo: ...").
//   - weak cues (prompts, share/follow/advertisement lines, photo credits, timestamps) remove a line
//     only when it does not read as a sentence and has at most CleanOptions::max_cue_line_words
//     words. So "Register now for FREE and unlimited access to" goes, and "Register offices in
//     Kyiv reported a surge in weddings." stays.
// Structure adds more, without cues:
//   - a byline before the first body paragraph: "By Jane Doe and John Smith", a name alone on a
//     line ("Jane Doe") or with its role ("Pippa Crerar Political editor"), and the role or outlet
//     line under a byline ("BBC News", "Asia correspondent"); the names go to Document::reporters;
//   - a trailing signature after the last real paragraph: 2-4 capitalised name tokens with an
//     optional initial and no final punctuation ("Shirlene J. Manley"), or an agency tail ("-- AP",
//     "(AFP)"); at most two such lines;
//   - layout: lines without a letter or digit ("___", "* * *");
//   - the short lines listed under a related-links heading in the same block ("Explore more on
//     these topics" / "Ukraine" / "Keir Starmer").
//
// Removal reasons, as written to RemovedLine::reason: "prompt", "standards", "copyright",
// "credits", "related", "signature", "byline", and "meta" (timestamps, reading times and layout
// lines such as "Updated 10:32 AM ET", "3 min read", "___"; not in the original list, but such
// lines are neither article text nor any of the other kinds).
//
// Headline: the first line not removed, when it has at most max_headline_words words, does not end
// in a period (a final "U.S." is allowed), comma, colon or semicolon, is not a dateline line, and
// is followed by a blank line, a byline, a timestamp, the dateline line, or a standfirst (a second
// headline-shaped line followed by a blank line; the standfirst stays as a paragraph). In a text
// without any blank line, a first line of at most 15 words without final punctuation followed by a
// capitalised line also counts. When Document::title is set and equals the first line, that line
// is the headline. A text of one line has no headline.
//
// Dateline: looked for only at the start of the first body paragraph; see ParseDateline.
// Dateline::span covers the dateline through its dash and the spaces after it; the rest of the
// line is the first paragraph. Dateline::date gets its year from the publication date
// (InferDatelineDate); without one it stays empty unless the dateline spells the year out.
//
// Paragraphs: every kept non-empty line, trimmed. A line that does not end a sentence and is
// either long (>= 50 bytes) or followed by a line starting in lower case is joined with the next
// line of the same block (no blank line between): that undoes hard wrapping, and the joined span
// contains the newline.
//
// Diagnostics (Document::Warn): "no article text left after cleaning" when every line went, and a
// warning for a line on which RE2 ran out of memory (the line is then kept).
//
// Limits (known): names are recognised by capitalisation only, so a trailing line such as
// "Xi Jinping" after the last paragraph is taken for a signature; cue words and month names are
// English; a credit line whose names do not parse ("Reporting by the Moscow bureau") is kept as
// text; a sentence-shaped prompt is removed only when it opens with an imperative addressed to the
// reader ("Sign up for our newsletter.").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/stage.h"

namespace dateline {

struct CleanOptions {
  // A headline has at most this many words.
  int max_headline_words = 25;
  // A weak cue removes a line only when the line has at most this many words.
  int max_cue_line_words = 30;
  // A dateline date may lie at most this many days after the publication date (time zones, and
  // datelines written the evening before).
  int dateline_max_days_after = 3;
};

class Cleaner final : public Stage {
 public:
  explicit Cleaner(CleanOptions options = {});
  ~Cleaner() override;
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  // Fills doc.headline, dateline, reporters, editors, removed and paragraphs, replacing what they
  // held. Returns kInternal only if the built-in patterns failed to compile (a programming error).
  Status Run(Document& doc) const override;
  std::string_view name() const override { return "clean"; }

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// ---------------------------------------------------------------------------------------------
// Helpers, exported for tests and for later stages (the sentence splitter and the date stage).

// A dateline found at the start of a line.
struct DatelineMatch {
  size_t length = 0;   // bytes from the line start through the dash and the spaces after it
  std::string place;   // title-cased: "Beijing", "Kyiv, Ukraine"; empty for "(CNN) —"
  std::string agency;  // "Reuters", "AP"; empty when absent
  int month = 0;       // 0 when the dateline has no date
  int day = 0;
  int year = 0;        // 0 unless the dateline spells the year out
};

// Returns the dateline at the start of `line`, if any. Accepted shapes (dash: - -- – — ―):
//   PLACE[, Region][,] [DATE] [(Agency)] DASH    with PLACE in capitals: "WASHINGTON (AP) — "
//   Place[, Region], DATE [(Agency)] DASH        "Moscow, Feb 1 (Reuters) - "
//   Place (Agency) DASH                          "Kyiv (Reuters) - "
//   Place, Region DASH                           "Nairobi, Kenya — "
//   (Agency) DASH                                "(CNN) — "
//   Place, DATE. /Agency/.                       "MOSCOW, March 3. /TASS/. "
//   Place, DATE (Agency)                         "New Delhi, Jan 10 (PTI) " (no dash)
//   PLACE:                                       "NEW DELHI: " (capitals, nothing else)
// DATE is "Jan. 10", "10 January", "March 3, 2025", "5 March 2024", optionally after a weekday;
// months may be abbreviated with or without a dot, "Sept." included. The dash must be followed by
// a space or the line end, and the text after it must not start with a lower-case letter. Labels
// in capitals ("BREAKING:", "UPDATE -") are not places.
std::optional<DatelineMatch> ParseDateline(std::string_view line);

// The date a dateline's month and day denote. With `year` != 0 that year is used. Otherwise the
// year is the one that puts the date closest to `publication` without lying more than
// `max_days_after` days after it; nullopt without a publication date or for an impossible day.
std::optional<Date> InferDatelineDate(int month, int day, int year, std::optional<Date> publication,
                                      int max_days_after = 3);

// 1..12 for "January", "jan", "Jan.", "Sept.", "SEP"; 0 otherwise.
int MonthFromName(std::string_view word);

// "BEIJING" -> "Beijing", "PORT-AU-PRINCE" -> "Port-au-Prince", "RIO DE JANEIRO" ->
// "Rio de Janeiro"; words already in mixed case ("Kyiv", "McAllen") and dotted abbreviations
// ("D.C.") are kept.
std::string PlaceTitleCase(std::string_view place);

// Names in a credit line. Roles: reporting, additional reporting, writing, compiling -> reporters;
// editing -> editors. Returns nullopt when `line` is not a credit line: it must start with a role
// marker ("Reporting by", "(Reporting by", "-- Writing by", "Contributing:") whose first name
// parses, or be "<names> contributed reporting/to this report".
struct Credits {
  std::vector<std::string> reporters;
  std::vector<std::string> editors;
};
std::optional<Credits> ParseCredits(std::string_view line);

// Names in a byline ("By Jane Doe and John Smith, Reuters" -> {"Jane Doe", "John Smith"});
// empty when `line` is not a byline.
std::vector<std::string> ParseByline(std::string_view line);

// True when `line` reads as a declarative sentence: at least two words, a lower-case verb-like
// word (an auxiliary, a common verb, or a word in -ed or -s), and a final . ! ? … or closing
// quote (closing brackets skipped). A line that opens with an imperative addressed to the reader
// ("Sign up for our newsletter.", "Download the app now!") does not count as one.
bool ReadsAsSentence(std::string_view line);

}  // namespace dateline
