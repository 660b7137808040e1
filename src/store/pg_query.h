// Private to src/store: full-text queries on PostgreSQL. `--text` takes SQLite FTS5's query
// syntax; the PostgreSQL reader converts it to a tsquery over the 'simple' configuration:
//
//   Fts5ToTsquery("gaza ceasefire")          -> "'gaza' & 'ceasefire'"
//   Fts5ToTsquery("sanctions OR elections")  -> "( 'sanctions' | 'elections' )"
//   Fts5ToTsquery("\"border talks\" NOT war") -> "( 'border' <-> 'talks' ) & !'war'"
//   Fts5ToTsquery("sanction*")               -> "'sanction':*"
//
// Supported: words (implicit AND), AND, OR, NOT (binary, as in FTS5: `a NOT b`), parentheses,
// "phrases", prefix `*` after a word or phrase; precedence NOT, AND, OR as in FTS5. Words are
// split and lower-cased as FTS5's default tokenizer does for ASCII (runs of letters and digits;
// bytes >= 0x80 belong to words). NEAR(), column filters (`title:`) and `^` are refused, as are
// FTS5 syntax errors (an unbalanced quote, a stray operator). docs/query.md lists where the
// matches can differ.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace dateline {

// The tsquery text (for to_tsquery('simple', ...)) of an FTS5 query; an error names the problem.
Result<std::string> Fts5ToTsquery(std::string_view fts5);

}  // namespace dateline
