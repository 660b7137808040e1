// Private to src/clean: the name parsing behind ParseCredits and ParseByline, for the cleaner's
// other byline shapes (a name alone on a line, then "BBC News" or "Political correspondent").
#pragma once

#include <string>
#include <string_view>

namespace dateline::clean_detail {

// "Yew Lun Tian" -> "Yew Lun Tian", "JANE DOE in Kyiv" -> "Jane Doe"; empty when `part` is not a
// person's name (fewer than two name words, more than five, a role or outlet word, or trailing
// text that does not start with a preposition or a date).
std::string ParsePersonName(std::string_view part);

// True when one of the words of `line` names a newsroom role or outlet ("correspondent",
// "reporter", "editor", "News", "Reuters", ...).
bool HasRoleWord(std::string_view line);

// The byte offset in `line` of its first role or outlet word; npos when it has none.
size_t FirstRoleWordOffset(std::string_view line);

}  // namespace dateline::clean_detail
