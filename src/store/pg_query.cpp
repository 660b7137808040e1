// The PostgreSQL side of EventReader: a read-only session whose rows stream in libpq's
// single-row mode (an export of millions of events does not hold them in memory), the dialect
// differences of sql_source.h, and the FTS5-to-tsquery conversion.
#include "store/pg_query.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

#include "store/pg_connection.h"
#include "store/pg_store.h"
#include "store/sql_source.h"

namespace dateline {

namespace {

// ---- FTS5 query syntax to tsquery ----

struct FtsToken {
  enum Kind { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose, kEnd } kind = kEnd;
  std::string text;  // kWord, kPhrase: the characters (phrase quotes removed)
  bool prefix = false;
};

bool WordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}
// FTS5's bareword characters: letters, digits, '_', 0x1A and every non-ASCII byte.
bool BarewordByte(unsigned char c) { return WordByte(c) || c == '_' || c == 0x1A; }

Result<std::vector<FtsToken>> Lex(std::string_view q) {
  std::vector<FtsToken> out;
  size_t i = 0;
  auto error = [&](const std::string& what) {
    return InvalidArgument("full-text query '" + std::string(q) + "': " + what);
  };
  while (i < q.size()) {
    const unsigned char c = static_cast<unsigned char>(q[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    FtsToken t;
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? FtsToken::kOpen : FtsToken::kClose;
      ++i;
    } else if (c == '"') {
      t.kind = FtsToken::kPhrase;
      ++i;
      for (;;) {
        if (i >= q.size()) return error("unterminated string");
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') {  // "" is a quote inside a string
            t.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        t.text += q[i++];
      }
    } else if (BarewordByte(c)) {
      const size_t start = i;
      while (i < q.size() && BarewordByte(static_cast<unsigned char>(q[i]))) ++i;
      t.text = std::string(q.substr(start, i - start));
      t.kind = FtsToken::kWord;
      if (t.text == "AND") t.kind = FtsToken::kAnd;
      else if (t.text == "OR") t.kind = FtsToken::kOr;
      else if (t.text == "NOT") t.kind = FtsToken::kNot;
      else if (t.text == "NEAR" && i < q.size() && q[i] == '(')
        return error("NEAR() is not supported with PostgreSQL");
      if (t.kind == FtsToken::kWord && i < q.size() && q[i] == ':')
        return error("column filters are not supported with PostgreSQL");
    } else if (c == '^' || c == '+' || c == '-' || c == '{' || c == ':') {
      return error(std::string("'") + static_cast<char>(c) + "' is not supported with PostgreSQL");
    } else {
      return error(std::string("syntax error near '") + static_cast<char>(c) + "'");
    }
    if ((t.kind == FtsToken::kWord || t.kind == FtsToken::kPhrase) && i < q.size() && q[i] == '*') {
      t.prefix = true;
      ++i;
    }
    out.push_back(std::move(t));
  }
  out.push_back(FtsToken{});
  return out;
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<FtsToken> tokens) : query_(query), tokens_(std::move(tokens)) {}

  Result<std::string> Parse() {
    std::string out = Or();
    if (error_.empty() && Peek() != FtsToken::kEnd) error_ = "syntax error near " + Describe();
    if (!error_.empty()) return InvalidArgument("full-text query '" + std::string(query_) + "': " + error_);
    return out;
  }

 private:
  FtsToken::Kind Peek() const { return tokens_[at_].kind; }
  std::string Describe() const {
    const FtsToken& t = tokens_[at_];
    switch (t.kind) {
      case FtsToken::kEnd: return "the end";
      case FtsToken::kOpen: return "'('";
      case FtsToken::kClose: return "')'";
      case FtsToken::kAnd: return "AND";
      case FtsToken::kOr: return "OR";
      case FtsToken::kNot: return "NOT";
      default: return "'" + t.text + "'";
    }
  }

  std::string Or() {
    std::string left = And();
    while (error_.empty() && Peek() == FtsToken::kOr) {
      ++at_;
      left = "( " + left + " | " + And() + " )";
    }
    return left;
  }
  std::string And() {
    std::string left = Not();
    while (error_.empty() && Peek() == FtsToken::kAnd) {
      ++at_;
      left = "( " + left + " & " + Not() + " )";
    }
    return left;
  }
  std::string Not() {
    std::string left = Group();
    while (error_.empty() && Peek() == FtsToken::kNot) {
      ++at_;
      left = "( " + left + " & !" + Group() + " )";
    }
    return left;
  }
  // A parenthesised query, or phrases one after the other (FTS5's implicit AND, which binds
  // tighter than NOT; FTS5 allows it between phrases only, not next to parentheses).
  std::string Group() {
    if (!error_.empty()) return {};
    if (Peek() == FtsToken::kOpen) {
      ++at_;
      std::string inner = Or();
      if (error_.empty() && Peek() != FtsToken::kClose) error_ = "syntax error near " + Describe();
      if (error_.empty()) ++at_;
      return inner;
    }
    std::string left = Phrase();
    while (error_.empty() && (Peek() == FtsToken::kWord || Peek() == FtsToken::kPhrase))
      left = "( " + left + " & " + Phrase() + " )";
    return left;
  }
  std::string Phrase() {
    const FtsToken& t = tokens_[at_];
    if (t.kind != FtsToken::kWord && t.kind != FtsToken::kPhrase) {
      error_ = "syntax error near " + Describe();
      return {};
    }
    ++at_;
    // The words of the term as FTS5's unicode61 tokenizer splits them (ASCII folded to lower
    // case); several words are a phrase.
    std::vector<std::string> words;
    std::string word;
    for (const char ch : t.text + " ") {
      if (WordByte(static_cast<unsigned char>(ch))) {
        word += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
      } else if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    }
    if (words.empty()) {
      error_ = "'" + t.text + "' has no words";
      return {};
    }
    std::string out = words.size() > 1 ? "( " : "";
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) out += " <-> ";
      out += "'" + words[i] + "'";
    }
    if (t.prefix) out += ":*";
    if (words.size() > 1) out += " )";
    return out;
  }

  std::string_view query_;
  std::vector<FtsToken> tokens_;
  size_t at_ = 0;
  std::string error_;
};

// ---- reading ----

class PgRows final : public SqlRows {
 public:
  explicit PgRows(PgConnection& c) : c_(c) {}
  ~PgRows() override {
    if (done_) return;
    // Stopped early: cancel the query and drain what the server sent.
    if (PGcancel* cancel = PQgetCancel(c_.get())) {
      char buf[256];
      (void)PQcancel(cancel, buf, sizeof buf);
      PQfreeCancel(cancel);
    }
    row_.reset();
    while (PGresult* r = PQgetResult(c_.get())) PQclear(r);
  }

  bool Next() override {
    row_.reset();
    if (done_) return false;
    row_.reset(PQgetResult(c_.get()));
    const ExecStatusType st = row_ ? PQresultStatus(row_.get()) : PGRES_TUPLES_OK;
    if (st == PGRES_SINGLE_TUPLE) return true;
    if (st != PGRES_TUPLES_OK) status_ = c_.Error("reading the events", row_.get());
    row_.reset();
    while (PGresult* r = PQgetResult(c_.get())) PQclear(r);
    done_ = true;
    return false;
  }
  Status status() const override { return status_; }
  bool IsNull(int c) const override { return PQgetisnull(row_.get(), 0, c); }
  std::string_view Text(int c) const override {
    return std::string_view(PQgetvalue(row_.get(), 0, c), static_cast<size_t>(PQgetlength(row_.get(), 0, c)));
  }
  int64_t Int(int c) const override { return std::strtoll(PQgetvalue(row_.get(), 0, c), nullptr, 10); }
  double Real(int c) const override { return std::strtod(PQgetvalue(row_.get(), 0, c), nullptr); }

 private:
  PgConnection& c_;
  PgResult row_;
  bool done_ = false;
  Status status_;
};

class PgSource final : public SqlSource {
 public:
  explicit PgSource(std::unique_ptr<PgConnection> c) : c_(std::move(c)) {}

  const std::string& name() const override { return c_->name(); }
  Result<std::unique_ptr<SqlRows>> Query(const std::string& sql, const std::vector<SqlParam>& params) const override {
    std::vector<std::string> text;
    text.reserve(params.size());
    for (const SqlParam& p : params)
      text.push_back(std::holds_alternative<std::string>(p) ? std::get<std::string>(p)
                                                             : std::to_string(std::get<int64_t>(p)));
    std::vector<const char*> values;
    for (const std::string& t : text) values.push_back(t.c_str());
    if (!PQsendQueryParams(c_->get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0))
      return c_->Error("sending a query");
    (void)PQsetSingleRowMode(c_->get());
    return std::unique_ptr<SqlRows>(new PgRows(*c_));
  }
  std::string Param(size_t n) const override { return "$" + std::to_string(n); }
  std::string Bytewise(const std::string& expr) const override { return "(" + expr + ") COLLATE \"C\""; }
  // translate() folds exactly the ASCII letters, as SQLite's NOCASE.
  std::string EqualsIgnoringCase(const std::string& column, const std::string& param) const override {
    static const std::string kFold = ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    return "translate(" + column + kFold + " = translate(" + param + kFold;
  }
  std::string TextMatches(const std::string& param) const override {
    return std::string("e.article_id IN (SELECT article_id FROM articles WHERE ") + kPgTextVector +
           " @@ to_tsquery('simple'::regconfig, " + param + "))";
  }
  Result<std::string> TextQueryValue(const std::string& query) const override {
    Result<std::string> ts = Fts5ToTsquery(query);
    if (!ts.ok()) return InvalidArgument(c_->name() + ": " + ts.status().message());
    return ts;
  }
  std::string WeekStart(const std::string& expr) const override {
    return "to_char((" + expr + ")::date - (extract(isodow FROM (" + expr + ")::date)::int - 1), 'YYYY-MM-DD')";
  }
  std::string UnindexedArticlesSql() const override { return "SELECT 0"; }

 private:
  std::unique_ptr<PgConnection> c_;
};

}  // namespace

Result<std::string> Fts5ToTsquery(std::string_view fts5) {
  Result<std::vector<FtsToken>> tokens = Lex(fts5);
  if (!tokens.ok()) return tokens.status();
  return Parser(fts5, tokens.take()).Parse();
}

Result<std::unique_ptr<SqlSource>> OpenPgSource(const std::string& uri) {
  Result<std::unique_ptr<PgConnection>> c = PgConnection::Connect(uri);
  if (!c.ok()) return c.status();
  if (Status s = (*c)->Exec("SET default_transaction_read_only = on", "making the session read-only"); !s.ok())
    return s;
  return std::unique_ptr<SqlSource>(new PgSource(c.take()));
}

}  // namespace dateline
