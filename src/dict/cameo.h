// CameoTable: the facts about each CAMEO event code — parent, name, quad class, Goldstein score —
// and its PLOVER equivalent, from data/cameo/codes.tsv (compiled into the binary).
//
//   const CameoTable& cameo = CameoTable::Default();
//   if (const CameoCode* c = cameo.Find("0311")) {
//     c->quad_class;  // 1
//     c->goldstein;   // 5.2
//     c->plover;      // "AGREE", c->plover_context == "economic"
//   }
//   CameoTable::Root("0311");  // "03"; also for codes the table does not know
//
// Every string_view in a CameoCode views the table's bytes: for Default() those are the embedded
// file, alive for the whole run. A CameoTable is immutable once built, so it is safe to share
// between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dateline {

struct CameoCode {
  std::string_view code;            // "0311"
  std::string_view parent;          // "031"; "" for a root
  std::string_view name;            // "Express intent to cooperate economically"
  uint8_t quad_class = 0;           // 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict; 0 = none
  std::optional<double> goldstein;  // -10 .. 10; none for a few late additions (155, 176, ...)
  std::string_view plover;          // "AGREE"; "" where PLOVER has no equivalent (roots 01, 02)
  std::string_view plover_mode;     // "visit"; often ""
  std::string_view plover_context;  // "economic"; several joined with ';' ("crime;corruption")
};

class CameoTable {
 public:
  // The table compiled into the binary (data/cameo/codes.tsv), parsed on first use; thread-safe.
  // The embedded table is checked by the tests, so a parse error here is a build defect: it is
  // reported on stderr and aborts.
  static const CameoTable& Default();

  // Parses a table in the format of data/cameo/codes.tsv (described in its header). `bytes` must
  // outlive the table: the codes view it. Errors name the place: "<file_name>:<line>: <what>".
  static Result<CameoTable> Parse(std::string_view bytes, std::string_view file_name);

  // The row of `code`, or nullptr when the table has none (a code from a test dictionary, "999").
  const CameoCode* Find(std::string_view code) const;

  // The two-digit root of any code, known or not: its first two characters (the whole code when
  // shorter).
  static std::string_view Root(std::string_view code) { return code.substr(0, 2); }

  // All rows, in file order.
  const std::vector<CameoCode>& codes() const { return codes_; }
  size_t size() const { return codes_.size(); }

 private:
  CameoTable() = default;

  std::vector<CameoCode> codes_;
  // Direct index: a code of 2-4 digits maps to a slot (see cameo.cpp); the slot holds the row
  // index + 1, 0 = none.
  std::vector<uint16_t> slots_;
};

}  // namespace dateline
