#include "services/creditservice.h"

#include "calendar/dates.h"
#include "core/beijingtime.h"
#include "domain/creditcode.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/requestaudit.h"

namespace spgl::server {

using nlohmann::json;

namespace {

constexpr const char *kColumns = "credit_code, reason, listed_on, until, source, listed_by, lifted_reason";

json entry(const SqlRow &r, const std::string &today)
{
    const bool active = r.text(2) <= today && (r.isNull(3) || r.text(3) >= today);
    return {{"credit_code", r.text(0)},
            {"reason", r.text(1)},
            {"listed_on", r.text(2)},
            {"until", r.isNull(3) ? json(nullptr) : json(r.text(3))},
            {"source", r.isNull(4) ? std::string() : r.text(4)},
            {"listed_by", r.isNull(5) ? std::string() : r.text(5)},
            {"lifted_reason", r.isNull(6) ? std::string() : r.text(6)},
            {"active", active}};
}

std::string checkedCode(const std::string &text)
{
    auto code = CreditCode::parse(text);
    if (!code.ok()) {
        Error e = code.error();
        e.field = "credit_code";
        throw ApiError::validation({e});
    }
    return code.value().text();
}

std::string dayBefore(const std::string &isoDay)
{
    const auto d = parseIsoDate(isoDay);
    return isoDate(std::chrono::year_month_day(std::chrono::sys_days(*d) - std::chrono::days(1)));
}

} // namespace

CreditService::CreditService(Database &db)
    : m_db(db)
{}

json CreditService::list(const std::map<std::string, std::string> &query, std::int64_t now)
{
    const std::string today = beijing::dateText(now);
    std::string sql = std::string("SELECT ") + kColumns + " FROM credit_blacklist WHERE 1 = 1";
    std::vector<SqlValue> args;
    if (const auto it = query.find("credit_code"); it != query.end() && !it->second.empty()) {
        sql += " AND credit_code = ?";
        args.emplace_back(checkedCode(it->second));
    }
    if (const auto it = query.find("active"); it != query.end()) {
        if (it->second == "true") {
            sql += " AND listed_on <= ? AND (until IS NULL OR until >= ?)";
            args.emplace_back(today);
            args.emplace_back(today);
        } else if (it->second != "false") {
            throw ApiError::badRequest("active 应为 true 或 false");
        }
    }
    sql += " ORDER BY listed_on DESC, credit_code LIMIT 500";
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query(sql, args))
            items.push_back(entry(r, today));
    });
    return {{"items", items}, {"total", items.size()}};
}

json CreditService::status(const std::string &creditCode, std::int64_t now)
{
    const std::string code = checkedCode(creditCode);
    const std::string today = beijing::dateText(now);
    json entries = json::array();
    bool listed = false;
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query(std::string("SELECT ") + kColumns
                                         + " FROM credit_blacklist WHERE credit_code = ? ORDER BY listed_on DESC",
                                     {code})) {
            entries.push_back(entry(r, today));
            listed = listed || entries.back()["active"].get<bool>();
        }
    });
    return {{"credit_code", code}, {"listed", listed}, {"entries", entries}};
}

json CreditService::add(const Principal &who, const json &body, std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    const std::string codeText = f.string("credit_code", true, 18);
    const std::string reason = f.string("reason", true, 500);
    const std::string source = f.string("source", false, 200);
    std::string listedOn = f.string("listed_on", false, 10);
    const std::string until = f.string("until", false, 10);
    std::string code;
    if (!codeText.empty()) {
        auto parsed = CreditCode::parse(codeText);
        if (parsed.ok())
            code = parsed.value().text();
        else
            f.addFor("credit_code", parsed.error());
    }
    if (listedOn.empty())
        listedOn = beijing::dateText(now);
    else if (!parseIsoDate(listedOn))
        f.addFor("listed_on", {"credit.listed_on", "列入日期应为 YYYY-MM-DD", {}});
    if (!until.empty() && !parseIsoDate(until))
        f.addFor("until", {"credit.until", "截止日期应为 YYYY-MM-DD", {}});
    else if (!until.empty() && until < listedOn)
        f.addFor("until", {"credit.until", "截止日期不能早于列入日期", {}});
    f.check();

    return m_db.write([&](Connection &c) {
        if (c.queryOne("SELECT 1 FROM credit_blacklist WHERE credit_code = ? AND listed_on = ?", {code, listedOn}))
            throw ApiError::conflict("该单位在 " + listedOn + " 已列入失信名单");
        c.execute(
            "INSERT INTO credit_blacklist (credit_code, reason, listed_on, until, source, listed_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {code, reason, listedOn, until.empty() ? SqlValue(nullptr) : SqlValue(until), source, who.username, now});
        const auto row = c.queryOne(std::string("SELECT ") + kColumns
                                        + " FROM credit_blacklist WHERE credit_code = ? AND listed_on = ?",
                                    {code, listedOn});
        RequestAudit::record(c, "credit:" + code);
        return entry(*row, beijing::dateText(now));
    });
}

json CreditService::lift(const Principal &who, const std::string &creditCode, const json &body, std::int64_t now)
{
    const std::string code = checkedCode(creditCode);
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    const std::string reason = f.string("reason", true, 500);
    f.check();
    const std::string today = beijing::dateText(now);
    const std::string yesterday = dayBefore(today);
    m_db.write([&](Connection &c) {
        // Current and future listings end yesterday (a future one thus never takes effect).
        const auto lifted
            = c.execute("UPDATE credit_blacklist SET until = ?, lifted_reason = ?, lifted_by = ? WHERE credit_code = ? "
                        "AND (until IS NULL OR until >= ?)",
                        {yesterday, reason, who.username, code, today});
        if (lifted == 0)
            throw ApiError::notFound("该单位不在失信名单中");
        RequestAudit::record(c);
    });
    return status(code, now);
}

} // namespace spgl::server
