// The SQLite schema of the event store, as the list of migrations that build it.
//
// Migration i (1-based) takes a database at schema version i - 1 to version i; the version is
// SQLite's `PRAGMA user_version`, set in the same transaction as the migration's statements, so
// a database is always at one version. Opening a database applies the missing steps in order; a
// database newer than this program is refused. New versions are added at the end, never edited.
// docs/store.md describes the tables.
#pragma once

#include <string_view>
#include <vector>

namespace dateline {

struct Migration {
  int version;           // the version the step produces
  std::string_view sql;  // one or more statements
};

// Every migration, in order (versions 1, 2, ...).
const std::vector<Migration>& StoreMigrations();

// The version OpenStore migrates to: the last migration's.
int CurrentStoreVersion();

}  // namespace dateline
