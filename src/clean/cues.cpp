#include "clean/cues.h"

#include <algorithm>
#include <array>

namespace dateline::clean_detail {

const char* ReasonName(Reason r) {
  switch (r) {
    case Reason::kPrompt: return "prompt";
    case Reason::kStandards: return "standards";
    case Reason::kCopyright: return "copyright";
    case Reason::kCredits: return "credits";
    case Reason::kRelated: return "related";
    case Reason::kSignature: return "signature";
    case Reason::kByline: return "byline";
    case Reason::kMeta: return "meta";
  }
  return "other";
}

namespace {

using R = Reason;
using S = Strength;

#define MONTH_RE                                                                                        \
  "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|jun(?:e|\\.)?|jul(?:y|\\.)?|" \
  "aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)"

// Strong cues come first. Patterns are case-insensitive; ^ and $ are the line's ends.
constexpr Cue kCues[] = {
    // --- strong: notices and credits that are never article text, even when they form a sentence
    {R"(^(?:©|\(c\)\s*[\d\p{L}]|copyright\s*(?:©|\(c\)|\d{4}|:)))", R::kCopyright, S::kStrong},
    {R"(\ball rights reserved\.?$)", R::kCopyright, S::kStrong},
    {R"(^this (?:material|article|content|story) (?:may|must) not be (?:published|reproduced|copied|redistributed))",
     R::kCopyright, S::kStrong},
    {R"(^our standards\s*[:|\-–—])", R::kStandards, S::kStrong},
    {R"(^(?:the )?thomson reuters trust principles)", R::kStandards, S::kStrong},
    {R"(^(?:read )?our (?:editorial )?(?:standards|guidelines|policies|ethics policy)\s*[:|])", R::kStandards,
     S::kStrong},
    {R"(^[\s\-–—(\[]*(?:additional |contributed )?(?:reporting|writing|editing|edited|written|compiled|reported|produced|researched|research)(?: and (?:writing|editing|reporting))? by\s)",
     R::kCredits, S::kStrong, Check::kCredits},
    {R"(^[\s\-–—(\[]*contribut(?:ing|ors?)(?: reporting| writers?)?\s*:)", R::kCredits, S::kStrong, Check::kCredits},
    {R"(\scontributed\s+(?:reporting|to (?:this|the) (?:report|story|article)))", R::kCredits, S::kStrong,
     Check::kCredits},
    {R"(^\(?with inputs from\b)", R::kCredits, S::kStrong},
    // Labels no sentence starts with.
    {R"(^(?:related(?: coverage| content| stories| articles| reading| news)?|read more|read also|also read|see also|more on (?:this|that)(?: story| topic)?|recommended(?: reading)?|watch|listen|editor'?s? picks?)\s*[:|>»])",
     R::kRelated, S::kStrong},
    {R"(^(?:image|photo|photograph|picture|video|media|graphic)s?\s*:)", R::kRelated, S::kStrong},
    {R"(^(?:image|media|photo|video) (?:caption|source|credit|copyright)\b)", R::kRelated, S::kStrong},

    // --- weak: removed only from lines that do not read as sentences
    // Prompts: registration, paywalls, newsletters, apps, links.
    {R"(^register\b)", R::kPrompt, S::kWeak},
    {R"(^subscribe\b)", R::kPrompt, S::kWeak},
    {R"(\bsubscribe (?:now|today|here|for|to (?:our|the))\b)", R::kPrompt, S::kWeak},
    {R"(^sign(?:\s|-)?(?:up|in)\b)", R::kPrompt, S::kWeak},
    {R"(\bsign up (?:for|to|here|now|today)\b)", R::kPrompt, S::kWeak},
    {R"(^log(?:\s|-)?in\b)", R::kPrompt, S::kWeak},
    {R"(^(?:already|not) (?:a|an) (?:subscriber|member|registered user))", R::kPrompt, S::kWeak},
    {R"(\bnewsletters?\b)", R::kPrompt, S::kWeak},
    {R"(\bdownload (?:our|the)\b.*\bapp\b)", R::kPrompt, S::kWeak},
    {R"(^get (?:the|our)\b.{0,40}\bapp\b)", R::kPrompt, S::kWeak},
    {R"(\b(?:click|tap) here\b)", R::kPrompt, S::kWeak},
    {R"(\bcontinue reading\b)", R::kPrompt, S::kWeak},
    {R"(^read (?:more|the full|the latest|the rest)\b)", R::kPrompt, S::kWeak},
    {R"(\bunlimited access\b)", R::kPrompt, S::kWeak},
    {R"(\bfree (?:trial|access)\b)", R::kPrompt, S::kWeak},
    {R"(^become an? (?:member|subscriber|supporter)\b)", R::kPrompt, S::kWeak},
    {R"(^(?:support|donate to) (?:us|our|independent)\b)", R::kPrompt, S::kWeak},
    {R"(^listen to (?:this|the) (?:article|story|podcast)\b)", R::kPrompt, S::kWeak},
    {R"(\benable javascript\b)", R::kPrompt, S::kWeak},
    {R"(\byou have reached (?:your|the) (?:limit|maximum)\b)", R::kPrompt, S::kWeak},
    {R"(^(?:want|looking) (?:more|to read)\b)", R::kPrompt, S::kWeak},
    {R"(\bsubscribers? only\b)", R::kPrompt, S::kWeak},
    {R"(^(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b)",
     R::kPrompt, S::kWeak},
    {R"(^thank you for (?:reading|your support)\b)", R::kPrompt, S::kWeak},
    {R"(^(?:start|begin) your (?:free )?(?:trial|subscription)\b)", R::kPrompt, S::kWeak},
    {R"(^follow (?:the|our) (?:latest|live)\b)", R::kPrompt, S::kWeak},
    {R"(\bturn on (?:push )?notifications\b)", R::kPrompt, S::kWeak},
    // Related links, sharing, advertising, photo credits.
    {R"(^(?:advertisement|advertising|ad|sponsored(?: content)?)$)", R::kRelated, S::kWeak},
    {R"(^(?:story|article) continues below\b)", R::kRelated, S::kWeak},
    {R"(^scroll (?:down )?to continue\b)", R::kRelated, S::kWeak},
    {R"(^skip (?:to|ad|advertisement)\b)", R::kRelated, S::kWeak},
    {R"(^follow (?:us|@))", R::kRelated, S::kWeak},
    {R"(^follow\b.{0,60}\bon (?:twitter|x|facebook|instagram|telegram|linkedin|tiktok|youtube|bluesky|threads|whatsapp)\b)",
     R::kRelated, S::kWeak},
    {R"(^share (?:this|on|via|article|story|page)\b)", R::kRelated, S::kWeak},
    {R"(^(?:share|save|print|e-?mail|twitter|facebook|whatsapp|linkedin|copy link|comments?)$)", R::kRelated,
     S::kWeak},
    {R"(\bgetty images\b)", R::kRelated, S::kWeak},
    {R"(\b(?:reuters|afp|ap photo|epa|efe|anadolu|xinhua|tass|sputnik|pool)/\p{L})", R::kRelated, S::kWeak},
    {R"(/(?:reuters|afp|ap|epa|efe|file photo)\b)", R::kRelated, S::kWeak},
    {R"(\((?:photo|image|picture|video)s?(?: by|:| credit))", R::kRelated, S::kWeak},
    {R"(\bphoto(?:graph)? credit\b)", R::kRelated, S::kWeak},
    {R"(^(?:most (?:read|popular|viewed)|top stories|trending(?: now)?|explore more|more stories|you may also like|recommended for you|more (?:news|videos|coverage))\b)",
     R::kRelated, S::kWeak},
    {R"(^(?:topics?|tags?|filed under|categories)\s*:)", R::kRelated, S::kWeak},
    {R"(^(?:reuse this content|more on these topics|explore more on these topics|related topics)$)", R::kRelated,
     S::kWeak},
    {R"(^also read\b)", R::kRelated, S::kWeak},
    // End-of-story marks of wire services.
    {R"(^(?:enditem|end item|\(end\)|-?ends-?|#{3,}|x{3}|\*{3})$)", R::kSignature, S::kWeak},
    // Standards and copyright mentioned in short lines.
    {R"(\btrust principles\b)", R::kStandards, S::kWeak},
    {R"(\beditorial (?:standards|guidelines|independence)\b)", R::kStandards, S::kWeak},
    {R"(^copyright\s+\S)", R::kCopyright, S::kWeak, Check::kCapitalizedNext},
    {R"(©)", R::kCopyright, S::kWeak},
    // Timestamps and reading times.
    {R"(^(?:published|updated|last updated|last modified|posted|first published|modified)(?: on| at)?\s*:?\s*.{0,60}(?:\d|\bago\b))",
     R::kMeta, S::kWeak},
    {R"(^(?:published|updated|last updated|posted|first published)\s*:?$)", R::kMeta, S::kWeak},
    {R"(^\d+\s*-?\s*(?:min|mins|minute|minutes)\s+read$)", R::kMeta, S::kWeak},
    {R"(^\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago$)", R::kMeta, S::kWeak},
    {R"(^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:)" MONTH_RE R"(\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+)" MONTH_RE
     R"(,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[\s,|·•at]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?$)",
     R::kMeta, S::kWeak},
};

#undef MONTH_RE

}  // namespace

CueMatcher::CueMatcher() : set_([] {
                            RE2::Options options;
                            options.set_case_sensitive(false);
                            options.set_log_errors(false);
                            options.set_max_mem(16 << 20);
                            return options;
                          }(),
                                RE2::UNANCHORED) {
  for (const Cue& cue : kCues) {
    std::string error;
    if (set_.Add(re2::StringPiece(cue.pattern.data(), cue.pattern.size()), &error) < 0) {
      error_ = "clean: cue pattern /" + std::string(cue.pattern) + "/ does not compile: " + error;
      return;
    }
  }
  if (!set_.Compile()) error_ = "clean: cue patterns exceed the RE2 memory budget";
}

std::vector<const Cue*> CueMatcher::Match(std::string_view line, bool* out_of_memory) const {
  std::vector<int> ids;
  std::vector<const Cue*> cues;
  RE2::Set::ErrorInfo error{};
  *out_of_memory = false;
  if (!set_.Match(re2::StringPiece(line.data(), line.size()), &ids, &error)) {
    *out_of_memory = error.kind == RE2::Set::kOutOfMemory;
    return cues;
  }
  // Set ids are table indices, and the table lists strong cues first.
  std::sort(ids.begin(), ids.end());
  for (int id : ids) cues.push_back(&kCues[id]);
  return cues;
}

}  // namespace dateline::clean_detail
