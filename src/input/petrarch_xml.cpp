// The tolerant XML pull reader and the PETRARCH <Sentence> reader (see petrarch_xml.h).
#include "input/petrarch_xml.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "input/entities.h"

namespace dateline {

namespace {

constexpr size_t kChunkBytes = 64 << 10;
constexpr size_t kTextPieceBytes = 1 << 20;
// A text piece is never cut inside a character reference: no reference is this long.
constexpr size_t kLongestReference = 40;
constexpr size_t kSnippetBytes = 60;

bool IsNameStart(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
}

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The start of a tag's text for messages: one line, at most kSnippetBytes.
std::string Snippet(std::string_view s) {
  std::string out(s.substr(0, kSnippetBytes));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() > kSnippetBytes) out += "...";
  return out;
}

const std::string* FindAttribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return &a.value;
  return nullptr;
}

// Parses the inside of a start tag ("Sentence id="1" date='2'" or "br/"). Returns "" or what was wrong.
std::string ParseStartTagBody(std::string_view body, XmlItem* item) {
  size_t i = 0;
  while (i < body.size() && IsNameChar(body[i])) ++i;
  item->name = std::string(body.substr(0, i));
  while (true) {
    const size_t before_blank = i;
    while (i < body.size() && IsBlank(body[i])) ++i;
    if (i == body.size()) return "";
    if (body[i] == '/') {
      ++i;
      while (i < body.size() && IsBlank(body[i])) ++i;
      if (i != body.size()) return "unexpected text after '/'";
      item->self_closing = true;
      return "";
    }
    if (i == before_blank) return "expected a blank before an attribute";
    if (!IsNameStart(body[i])) return "expected an attribute name";
    const size_t name_begin = i;
    while (i < body.size() && IsNameChar(body[i])) ++i;
    XmlAttribute attribute;
    attribute.name = std::string(body.substr(name_begin, i - name_begin));
    while (i < body.size() && IsBlank(body[i])) ++i;
    if (i == body.size() || body[i] != '=') return "expected '=' after attribute " + attribute.name;
    ++i;
    while (i < body.size() && IsBlank(body[i])) ++i;
    if (i == body.size() || (body[i] != '"' && body[i] != '\''))
      return "expected a quoted value for attribute " + attribute.name;
    const char quote = body[i++];
    const size_t value_end = body.find(quote, i);
    if (value_end == std::string_view::npos) return "value of attribute " + attribute.name + " not closed";
    attribute.value = DecodeXmlCharacterData(body.substr(i, value_end - i));
    i = value_end + 1;
    item->attributes.push_back(std::move(attribute));
  }
}

}  // namespace

const std::string* XmlItem::Attribute(std::string_view attribute_name) const {
  return FindAttribute(attributes, attribute_name);
}

std::string DecodeXmlCharacterData(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    const void* amp = std::memchr(raw.data() + i, '&', raw.size() - i);
    const size_t next = amp ? static_cast<size_t>(static_cast<const char*>(amp) - raw.data()) : raw.size();
    out.append(raw, i, next - i);
    if (next == raw.size()) break;
    char32_t cp = 0;
    size_t length = 0;
    if (input_internal::MatchCharacterReference(raw, next, &cp, &length)) {
      utf8::AppendUtf8(out, cp);
      i = next + length;
    } else {
      out.push_back('&');
      i = next + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XmlReader

XmlReader::XmlReader(std::istream& in, std::string already_read, uint64_t max_item_bytes)
    : in_(in), buffer_(std::move(already_read)), max_item_bytes_(max_item_bytes) {}

bool XmlReader::Fill() {
  if (position_ > 0 && position_ >= buffer_.size() / 2) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  if (!in_.good()) return false;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunkBytes);
  in_.read(buffer_.data() + old_size, static_cast<std::streamsize>(kChunkBytes));
  buffer_.resize(old_size + static_cast<size_t>(in_.gcount()));
  return buffer_.size() > old_size;
}

bool XmlReader::Ensure(size_t n) {
  while (buffer_.size() - position_ < n)
    if (!Fill()) return false;
  return true;
}

// Offset from position_ of `delimiter`, searching from offset `from`; npos when the input ends
// first, or (with *too_long) when more than max_item_bytes_ would have to be held.
size_t XmlReader::Find(std::string_view delimiter, size_t from, bool* too_long) {
  *too_long = false;
  size_t search = from;
  while (true) {
    const size_t hit = std::string_view(buffer_).find(delimiter, position_ + search);
    if (hit != std::string_view::npos) return hit - position_;
    const size_t available = buffer_.size() - position_;
    if (available > max_item_bytes_) {
      *too_long = true;
      return std::string_view::npos;
    }
    search = std::max(from, available >= delimiter.size() ? available - delimiter.size() + 1 : size_t{0});
    if (!Fill()) return std::string_view::npos;
  }
}

void XmlReader::Consume(size_t n) {
  line_ += static_cast<uint64_t>(std::count(buffer_.begin() + static_cast<std::ptrdiff_t>(position_),
                                            buffer_.begin() + static_cast<std::ptrdiff_t>(position_ + n), '\n'));
  position_ += n;
}

// Skips past the next `delimiter`, holding no more than a chunk. False (everything consumed) when
// the input ends first.
bool XmlReader::SkipPast(std::string_view delimiter) {
  while (true) {
    const size_t hit = std::string_view(buffer_).find(delimiter, position_);
    if (hit != std::string_view::npos) {
      Consume(hit - position_ + delimiter.size());
      return true;
    }
    const size_t available = buffer_.size() - position_;
    Consume(available - std::min(available, delimiter.size() - 1));
    if (!Fill()) {
      Consume(buffer_.size() - position_);
      return false;
    }
  }
}

XmlItem XmlReader::Next() {
  while (true) {
    if (!Ensure(1)) {
      XmlItem end;
      end.kind = XmlItem::Kind::kEnd;
      end.line = line_;
      return end;
    }
    if (buffer_[position_] != '<') return ReadText();
    Ensure(9);
    const std::string_view head = std::string_view(buffer_).substr(position_, 9);
    const uint64_t line = line_;
    auto malformed = [line](std::string problem) {
      XmlItem item;
      item.kind = XmlItem::Kind::kMalformed;
      item.line = line;
      item.problem = std::move(problem);
      return item;
    };
    if (head.starts_with("<!--")) {
      Consume(4);
      if (!SkipPast("-->")) return malformed("comment not closed at the end of the input");
      continue;
    }
    if (head.starts_with("<![CDATA[")) {
      bool too_long = false;
      const size_t end = Find("]]>", 9, &too_long);
      if (end == std::string_view::npos) {
        if (too_long) {
          SkipPast("]]>");
          return malformed("CDATA section longer than " + std::to_string(max_item_bytes_) + " bytes skipped");
        }
        Consume(buffer_.size() - position_);
        return malformed("CDATA section not closed at the end of the input");
      }
      XmlItem item;
      item.kind = XmlItem::Kind::kText;
      item.line = line;
      item.text = buffer_.substr(position_ + 9, end - 9);
      Consume(end + 3);
      return item;
    }
    if (head.starts_with("<?") || head.starts_with("<!")) {
      const bool instruction = head[1] == '?';
      Consume(2);
      if (!SkipPast(instruction ? "?>" : ">"))
        return malformed(instruction ? "processing instruction not closed at the end of the input"
                                     : "declaration not closed at the end of the input");
      continue;
    }
    return ReadMarkup();
  }
}

XmlItem XmlReader::ReadText() {
  XmlItem item;
  item.kind = XmlItem::Kind::kText;
  item.line = line_;
  size_t take = 0;
  size_t search = 0;
  while (true) {
    const size_t hit = std::string_view(buffer_).find('<', position_ + search);
    if (hit != std::string_view::npos) {
      take = hit - position_;
      break;
    }
    const size_t available = buffer_.size() - position_;
    if (available >= kTextPieceBytes) {
      take = available;
      // Keep a reference whole: cut before a late '&'.
      const size_t amp = std::string_view(buffer_).rfind('&', position_ + available - 1);
      if (amp != std::string_view::npos && amp > position_ && position_ + available - amp < kLongestReference)
        take = amp - position_;
      break;
    }
    search = available;
    if (!Fill()) {
      take = buffer_.size() - position_;
      break;
    }
  }
  item.text = DecodeXmlCharacterData(std::string_view(buffer_).substr(position_, take));
  Consume(take);
  return item;
}

XmlItem XmlReader::ReadMarkup() {
  if (!Ensure(2)) {
    XmlItem item;
    item.kind = XmlItem::Kind::kText;
    item.line = line_;
    item.text = "<";
    item.problem = "'<' at the end of the input; read as text";
    Consume(1);
    return item;
  }
  const char second = buffer_[position_ + 1];
  if (second == '/') return ReadEndTag();
  if (IsNameStart(second)) return ReadStartTag();
  XmlItem item;
  item.kind = XmlItem::Kind::kText;
  item.line = line_;
  item.text = "<";
  item.problem = "'<' that starts no tag; read as text";
  Consume(1);
  return item;
}

XmlItem XmlReader::ReadStartTag() {
  XmlItem item;
  item.line = line_;
  // The closing '>' outside quotes. A '<' that looks like markup ends the search: the tag is broken
  // and the markup after it should still be read.
  size_t i = 1;
  char quote = 0;
  size_t end = std::string_view::npos;
  size_t stop = std::string_view::npos;  // a '<' that ends a broken tag
  bool quotes_unreliable = false;
  while (true) {
    if (i > max_item_bytes_) {  // give up on this tag: skip to its end
      size_t name_end = 1;
      while (name_end < i && IsNameChar(buffer_[position_ + name_end])) ++name_end;
      item.kind = XmlItem::Kind::kMalformed;
      item.name = buffer_.substr(position_ + 1, name_end - 1);
      item.problem = "tag <" + item.name + " longer than " + std::to_string(max_item_bytes_) + " bytes; skipped";
      SkipPast(">");
      return item;
    }
    if (!Ensure(i + 1)) {
      quotes_unreliable = true;
      break;
    }
    const char c = buffer_[position_ + i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '<' && Ensure(i + 2)) {
        const char n = buffer_[position_ + i + 1];
        if (IsNameStart(n) || n == '/' || n == '!' || n == '?') {
          quotes_unreliable = true;
          break;
        }
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      end = i;
      break;
    } else if (c == '<') {
      stop = i;
      break;
    }
    ++i;
  }
  if (quotes_unreliable) {  // an unclosed quote: the tag ends at the first '>' (or '<') after all
    const std::string_view scanned = std::string_view(buffer_).substr(position_, i);
    const size_t cut = scanned.find_first_of("<>", 1);
    if (cut != std::string_view::npos && scanned[cut] == '>') end = cut;
    else if (cut != std::string_view::npos) stop = cut;
    else stop = i;
  }
  if (end != std::string_view::npos) {
    const std::string_view body = std::string_view(buffer_).substr(position_ + 1, end - 1);
    std::string what = ParseStartTagBody(body, &item);
    if (what.empty()) {
      item.kind = XmlItem::Kind::kStartTag;
    } else {
      item.kind = XmlItem::Kind::kMalformed;
      item.attributes.clear();
      item.self_closing = false;
      item.problem = "malformed tag <" + Snippet(body) + ">: " + what + "; skipped";
    }
    Consume(end + 1);
    return item;
  }
  const std::string_view body = std::string_view(buffer_).substr(position_ + 1, stop - 1);
  size_t name_end = 0;
  while (name_end < body.size() && IsNameChar(body[name_end])) ++name_end;
  item.kind = XmlItem::Kind::kMalformed;
  item.name = std::string(body.substr(0, name_end));
  item.problem = "tag <" + Snippet(body) + " not closed by '>'; skipped";
  Consume(stop);
  return item;
}

XmlItem XmlReader::ReadEndTag() {
  XmlItem item;
  item.line = line_;
  size_t i = 2;
  size_t end = std::string_view::npos;
  while (Ensure(i + 1) && i <= max_item_bytes_) {
    const char c = buffer_[position_ + i];
    if (c == '>') {
      end = i;
      break;
    }
    if (c == '<') break;
    ++i;
  }
  const std::string_view body = std::string_view(buffer_).substr(position_ + 2, (end == std::string_view::npos ? i : end) - 2);
  size_t name_end = 0;
  while (name_end < body.size() && IsNameChar(body[name_end])) ++name_end;
  item.name = std::string(body.substr(0, name_end));
  const bool only_blanks = std::all_of(body.begin() + static_cast<std::ptrdiff_t>(name_end), body.end(), IsBlank);
  if (end != std::string_view::npos && name_end > 0 && IsNameStart(body[0]) && only_blanks) {
    item.kind = XmlItem::Kind::kEndTag;
    Consume(end + 1);
    return item;
  }
  item.kind = XmlItem::Kind::kMalformed;
  item.problem = end == std::string_view::npos ? "end tag </" + Snippet(body) + " not closed by '>'; skipped"
                                               : "malformed end tag </" + Snippet(body) + ">; skipped";
  Consume(end == std::string_view::npos ? i : end + 1);
  return item;
}

// ---------------------------------------------------------------------------------------------
// PetrarchXmlReader

const std::string* PetrarchSentence::Attribute(std::string_view name) const {
  return FindAttribute(attributes, name);
}

const std::string* PetrarchSetting::Attribute(std::string_view name) const { return FindAttribute(attributes, name); }

PetrarchXmlReader::PetrarchXmlReader(std::istream& in, std::string source_name, std::string already_read,
                                     uint64_t max_text_bytes)
    : xml_(in, std::move(already_read)), name_(std::move(source_name)), max_text_bytes_(max_text_bytes) {}

std::vector<std::string> PetrarchXmlReader::TakeProblems() {
  std::vector<std::string> out;
  out.swap(problems_);
  return out;
}

void PetrarchXmlReader::Problem(uint64_t line, std::string message) {
  problems_.push_back(name_ + ":" + std::to_string(line) + ": " + message);
}

bool PetrarchXmlReader::InEnvironment() const {
  return std::any_of(stack_.begin(), stack_.end(), [](const Open& o) { return o.name == "Environment"; });
}

std::optional<PetrarchItem> PetrarchXmlReader::Next() {
  while (ready_.empty() && !done_) {
    XmlItem item = xml_.Next();
    if (item.kind == XmlItem::Kind::kEnd) {
      PopTo(0, "the end of the file", item.line, false);
      done_ = true;
      break;
    }
    Handle(item);
  }
  if (ready_.empty()) return std::nullopt;
  PetrarchItem next = std::move(ready_.front());
  ready_.pop_front();
  return next;
}

void PetrarchXmlReader::Handle(XmlItem& item) {
  switch (item.kind) {
    case XmlItem::Kind::kText: {
      if (!item.problem.empty()) Problem(item.line, item.problem);
      if (in_text_ && sentence_) {
        std::string& text = *sentence_->text;
        if (text.size() + item.text.size() > max_text_bytes_) {
          if (!sentence_->text_too_long)
            Problem(sentence_->text_line, "<Text> longer than the limit of " + std::to_string(max_text_bytes_) +
                                              " bytes");
          sentence_->text_too_long = true;
          text.append(item.text, 0, max_text_bytes_ - text.size());
        } else {
          text += item.text;
        }
      } else if (setting_ && !sentence_ && setting_->text.size() + item.text.size() <= max_text_bytes_) {
        setting_->text += item.text;
      }
      return;
    }
    case XmlItem::Kind::kMalformed:
      // PETRARCH-2 validation files carry "<PLEvent {json}>" lines that they document as ignored.
      if (!item.name.starts_with("PLEvent")) Problem(item.line, item.problem);
      return;
    case XmlItem::Kind::kStartTag: {
      if (in_text_) CloseText("<" + item.name + ">", item.line);
      if (item.name == "Sentence") {
        ++sentences_seen_;
        if (sentence_) {
          Problem(item.line, "<Sentence> at line " + std::to_string(sentence_->line) +
                                 " not closed before this <Sentence>");
          PopTo(sentence_depth_ + 1, "", item.line, false);  // silently: the problem is said
          stack_.pop_back();
          FinishSentence(false);
        }
        StartSentence(item);
        return;
      }
      if (sentence_) {
        if (item.name == "Text") {
          if (sentence_->text) {
            Problem(item.line, "second <Text> in the <Sentence> at line " + std::to_string(sentence_->line) +
                                   "; ignored");
          } else {
            sentence_->text = std::string();
            sentence_->text_line = item.line;
            in_text_ = !item.self_closing;
          }
        } else if (item.name == "EventCoding") {
          sentence_->event_codings.push_back(std::move(item.attributes));
        }
      } else if (!setting_ && (item.name == "Config" || (!stack_.empty() && stack_.back().name == "Environment"))) {
        setting_ = PetrarchSetting{item.line, item.name, std::move(item.attributes), "", InEnvironment()};
        setting_depth_ = stack_.size();
        if (item.self_closing) FinishSetting();
      }
      if (!item.self_closing) stack_.push_back({item.name, item.line});
      return;
    }
    case XmlItem::Kind::kEndTag: {
      size_t j = stack_.size();
      while (j > 0 && stack_[j - 1].name != item.name) --j;
      if (j == 0) {
        Problem(item.line, "</" + item.name + "> without a start tag; ignored");
        return;
      }
      PopTo(j - 1, "</" + item.name + ">", item.line, true);
      return;
    }
    case XmlItem::Kind::kEnd:
      return;
  }
}

void PetrarchXmlReader::StartSentence(XmlItem& item) {
  sentence_.emplace();
  sentence_->line = item.line;
  sentence_->attributes = std::move(item.attributes);
  sentence_depth_ = stack_.size();
  if (item.self_closing) {
    FinishSentence(true);
  } else {
    stack_.push_back({"Sentence", item.line});
  }
}

void PetrarchXmlReader::FinishSentence(bool closed) {
  if (!sentence_) return;
  PetrarchItem out;
  out.kind = PetrarchItem::Kind::kSentence;
  out.sentence = std::move(*sentence_);
  out.sentence.closed = closed;
  sentence_.reset();
  in_text_ = false;
  ready_.push_back(std::move(out));
}

void PetrarchXmlReader::FinishSetting() {
  if (!setting_) return;
  PetrarchItem out;
  out.kind = PetrarchItem::Kind::kSetting;
  out.setting = std::move(*setting_);
  setting_.reset();
  ready_.push_back(std::move(out));
}

// <Text> is always the innermost open element while in_text_: a start tag inside it closes it.
void PetrarchXmlReader::CloseText(std::string_view before, uint64_t line) {
  Problem(line, "<Text> at line " + std::to_string(stack_.back().line) + " not closed before " + std::string(before));
  stack_.pop_back();
  in_text_ = false;
}

// Closes the open elements until `depth` remain, reporting each as "not closed before `before`"
// (nothing when `before` is empty) — except the last when `end_tag_closes_last`: that is the
// element an end tag closes.
void PetrarchXmlReader::PopTo(size_t depth, std::string_view before, uint64_t line, bool end_tag_closes_last) {
  while (stack_.size() > depth) {
    const Open top = stack_.back();
    stack_.pop_back();
    const bool closed = end_tag_closes_last && stack_.size() == depth;
    if (!closed && !before.empty())
      Problem(line, "<" + top.name + "> at line " + std::to_string(top.line) + " not closed before " +
                        std::string(before));
    const size_t index = stack_.size();
    if (in_text_ && top.name == "Text") in_text_ = false;
    if (sentence_ && index == sentence_depth_) FinishSentence(closed);
    if (setting_ && index == setting_depth_) FinishSetting();
  }
}

std::string PetrarchSentenceText(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsBlank(text[begin])) ++begin;
  while (end > begin && IsBlank(text[end - 1])) --end;
  std::string out(text.substr(begin, end - begin));
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

std::optional<Date> ParsePetrarchDate(std::string_view s) {
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const int m = std::stoi(std::string(s.substr(4, 2)));
    const int d = std::stoi(std::string(s.substr(6, 2)));
    if (!Date::IsValid(y, m, d)) return std::nullopt;
    return Date{y, m, d};
  }
  if (s.size() != 10) return std::nullopt;
  return Date::Parse(s);
}

}  // namespace dateline
