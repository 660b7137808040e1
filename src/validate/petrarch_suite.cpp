// PETRARCH validation records (PETR_Validate_records_2_02.xml, PETR.UnitTest.records.xml).
#include <algorithm>
#include <sstream>

#include "input/petrarch_xml.h"
#include "validate/readers.h"

namespace dateline::validate_internal {

namespace {

namespace fs = std::filesystem;

const char* EnvironmentRole(std::string_view element) {
  if (element == "Verbfile") return "verbs";
  if (element == "Actorfile") return "actors";
  if (element == "Agentfile") return "agents";
  if (element == "Discardfile") return "discards";
  if (element == "PICOfile") return "ontology";
  if (element == "Issuefile") return "issues";
  return nullptr;
}

bool IsFalse(const std::string* value) { return value && EqualsIgnoringCase(Trim(*value), "false"); }
bool IsTrue(const std::string* value) { return value && EqualsIgnoringCase(Trim(*value), "true"); }

class SuiteBuilder {
 public:
  SuiteBuilder(std::string_view name, const fs::path& directory, Suite* suite)
      : name_(name), directory_(directory), suite_(suite) {}

  void Setting(const PetrarchSetting& setting);
  void Sentence(const PetrarchSentence& sentence);
  void Finish();

 private:
  void Problem(uint64_t line, const std::string& message) {
    suite_->problems.push_back(std::string(name_) + ":" + std::to_string(line) + ": " + message);
  }

  std::string_view name_;
  fs::path directory_;
  Suite* suite_;
  std::vector<std::string> pending_options_;
  bool has_include_ = false;
  bool any_evaluate_ = false;
};

void SuiteBuilder::Setting(const PetrarchSetting& setting) {
  if (setting.name == "Config") {
    const std::string* option = setting.Attribute("option");
    const std::string* value = setting.Attribute("value");
    if (!option || !value) {
      Problem(setting.line, "<Config> without option and value attributes; ignored");
      return;
    }
    std::string text = std::string(Trim(*option)) + " = " + std::string(Trim(*value));
    (setting.in_environment ? suite_->options : pending_options_).push_back(std::move(text));
    return;
  }
  if (!setting.in_environment) return;
  if (setting.name == "Include") {
    has_include_ = true;
    std::istringstream words(setting.text);
    for (std::string word; words >> word;) suite_->categories.push_back(word);
    return;
  }
  if (const char* role = EnvironmentRole(setting.name)) {
    const std::string_view file = Trim(setting.text);
    if (file.empty()) return;
    const fs::path path = directory_.empty() ? fs::path(std::string(file)) : directory_ / std::string(file);
    suite_->dictionary_files.push_back({role, path});
    std::error_code ec;
    if (!directory_.empty() && !fs::exists(path, ec))
      Problem(setting.line, std::string(role) + " file " + path.string() + " does not exist");
  }
}

void SuiteBuilder::Sentence(const PetrarchSentence& sentence) {
  ValidationRecord record;
  record.position = static_cast<int>(suite_->records.size()) + 1;
  record.line = static_cast<int>(sentence.line);
  const std::string* id = sentence.Attribute("id");
  if (id && !Trim(*id).empty()) {
    record.id = std::string(Trim(*id));
  } else {
    record.id = "line-" + std::to_string(sentence.line);
    Problem(sentence.line, "<Sentence> without an id; called " + record.id);
  }
  const std::string* category = sentence.Attribute("category");
  record.category = category && !Trim(*category).empty() ? std::string(Trim(*category)) : CategoryFromId(record.id);
  if (const std::string* date = sentence.Attribute("date")) {
    record.date = ParsePetrarchDate(Trim(*date));
    if (!record.date) Problem(sentence.line, "invalid date \"" + *date + "\" in " + record.id);
  }
  if (sentence.text) record.text = JoinLines(*sentence.text);

  bool no_event = false, parse_error = false;
  std::string discard;
  for (const std::vector<XmlAttribute>& coding : sentence.event_codings) {
    auto attribute = [&coding](std::string_view name) -> const std::string* {
      for (const XmlAttribute& a : coding)
        if (a.name == name) return &a.value;
      return nullptr;
    };
    const std::string* source = attribute("sourcecode");
    const std::string* target = attribute("targetcode");
    const std::string* code = attribute("eventcode");
    if (IsTrue(attribute("noevents"))) {
      no_event = true;
    } else if (const std::string* error = attribute("error")) {
      if (Trim(*error) == "bad_input_parse") parse_error = true;
      else discard = std::string(Trim(*error));
    } else if (source && target && code) {
      record.events.push_back({std::string(Trim(*source)), std::string(Trim(*target)), std::string(Trim(*code)),
                               std::nullopt});
    } else {
      Problem(sentence.line, "<EventCoding> in " + record.id +
                                 " needs sourcecode, targetcode and eventcode, noevents or error; ignored");
    }
  }

  std::string reason;
  if (const std::string* evaluate = sentence.Attribute("evaluate")) {
    any_evaluate_ = true;
    if (IsFalse(evaluate)) reason = "evaluate=\"false\"";
  }
  if (reason.empty() && IsFalse(sentence.Attribute("sentence"))) reason = "sentence=\"false\"";
  if (parse_error) {
    if (reason.empty()) reason = "expects a parse error from the external parser (error=\"bad_input_parse\")";
    record.events.clear();
  } else if (!discard.empty()) {
    record.expect = ValidationRecord::kDiscard;
    record.events.clear();
  } else if (no_event) {
    record.expect = ValidationRecord::kNoEvent;
    if (!record.events.empty()) {
      Problem(sentence.line, record.id + " gives both noevents and events; noevents taken");
      record.events.clear();
    }
  } else if (record.events.empty() && reason.empty()) {
    reason = "no <EventCoding>";
  }
  if (reason.empty() && record.text.empty()) reason = "no <Text>";
  record.counted = reason.empty();
  record.skip_reason = std::move(reason);
  record.options_before = std::move(pending_options_);
  pending_options_.clear();
  suite_->records.push_back(std::move(record));
}

void SuiteBuilder::Finish() {
  suite_->kind = any_evaluate_ ? SuiteKind::kPetrarch2 : SuiteKind::kPetrarch1;
  if (!has_include_) return;
  for (ValidationRecord& record : suite_->records) {
    if (!record.counted) continue;
    if (std::find(suite_->categories.begin(), suite_->categories.end(), record.category) != suite_->categories.end())
      continue;
    record.counted = false;
    record.skip_reason = "category " + record.category + " is not in <Include>";
  }
}

}  // namespace

void ReadPetrarchSuite(std::string_view name, std::string_view bytes, const fs::path& directory, Suite* suite) {
  std::istringstream in{std::string(bytes)};
  PetrarchXmlReader reader(in, std::string(name));
  SuiteBuilder builder(name, directory, suite);
  while (std::optional<PetrarchItem> item = reader.Next()) {
    for (std::string& p : reader.TakeProblems()) suite->problems.push_back(std::move(p));
    if (item->kind == PetrarchItem::Kind::kSetting) builder.Setting(item->setting);
    else builder.Sentence(item->sentence);
  }
  for (std::string& p : reader.TakeProblems()) suite->problems.push_back(std::move(p));
  builder.Finish();
}

}  // namespace dateline::validate_internal
