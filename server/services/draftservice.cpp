#include "services/draftservice.h"

#include "core/beijingtime.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/requestaudit.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace spgl::server {

using nlohmann::json;

namespace {

std::int64_t number(const std::string &text, const char *what)
{
    if (text.empty() || text.size() > 18
        || !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw ApiError::notFound(std::string(what) + "不存在");
    return std::stoll(text);
}

bool isSha256(const std::string &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
               return std::isdigit(c) || (c >= 'a' && c <= 'f');
           });
}

json view(std::int64_t project, std::int64_t stage, const std::string &data, std::int64_t version,
          std::int64_t updatedAt)
{
    json d = json::parse(data, nullptr, false);
    if (!d.is_object())
        d = json::object();
    return {{"project_id", std::to_string(project)},
            {"stage", stage},
            {"form", d.value("form", json::object())},
            {"materials", d.value("materials", json::array())},
            {"step", d.value("step", 0)},
            {"version", version},
            {"updated_at", beijing::rfc3339(updatedAt)}};
}

/// The stored shape of a save: checked field by field, every problem named.
json checkedData(const json &body)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    json data = {{"form", json::object()}, {"materials", json::array()}, {"step", 0}};
    if (!body.contains("form") || !body["form"].is_object())
        f.addFor("form", {"draft.form", "form 应为表单数据对象", {}});
    else
        data["form"] = body["form"];
    if (body.contains("materials") && !body["materials"].is_null()) {
        if (!body["materials"].is_array() || body["materials"].size() > 500)
            f.addFor("materials", {"draft.materials", "materials 应为不超过 500 项的数组", {}});
        else
            for (std::size_t i = 0; i < body["materials"].size(); ++i) {
                const json &m = body["materials"][i];
                const std::string at = "materials[" + std::to_string(i) + "]";
                const auto str = [&](const char *k) {
                    return m.is_object() && m.contains(k) && m[k].is_string() ? m[k].get<std::string>() : std::string();
                };
                const std::string item = str("item_code"), code = str("material_code"), file = str("file_id");
                if (item.empty() || item.size() > 40 || code.empty() || code.size() > 20) {
                    f.addFor(at, {"draft.material", "材料应注明 item_code 与 material_code", {}});
                    continue;
                }
                if (!isSha256(file)) {
                    f.addFor(at + ".file_id",
                             {"draft.file_id", "file_id 应为已上传文件的 SHA-256（64 位小写十六进制）", {}});
                    continue;
                }
                json kept = {{"item_code", item}, {"material_code", code}, {"file_id", file}};
                const std::string name = str("filename");
                if (!name.empty())
                    kept["filename"] = name.substr(0, 255);
                if (m.contains("size") && m["size"].is_number_integer() && m["size"].get<std::int64_t>() >= 0)
                    kept["size"] = m["size"];
                data["materials"].push_back(std::move(kept));
            }
    }
    if (const auto step = f.integer("step", false, 0, 2))
        data["step"] = *step;
    f.integer("expected_version", false, 0, std::numeric_limits<int>::max());
    f.check();
    return data;
}

} // namespace

DraftService::DraftService(Database &db)
    : m_db(db)
{}

DraftService::Key DraftService::checkOwner(Connection &c, const Principal &who, const std::string &projectId,
                                           const std::string &stage)
{
    Key k;
    k.project = number(projectId, "项目");
    k.stage = number(stage, "阶段");
    if (k.stage < 1 || k.stage > 9)
        throw ApiError::notFound("阶段不存在");
    const auto row = c.queryOne("SELECT owner_id FROM projects WHERE id = ?", {k.project});
    if (!row || row->integer(0) != who.userId)
        throw ApiError::notFound("项目不存在");
    return k;
}

json DraftService::draft(const Principal &who, const std::string &projectId, const std::string &stage)
{
    return m_db.read([&](Connection &c) {
        const Key k = checkOwner(c, who, projectId, stage);
        const auto row
            = c.queryOne("SELECT data, version, updated_at FROM application_drafts WHERE project_id = ? AND stage = ?",
                         {k.project, k.stage});
        if (!row)
            throw ApiError::notFound("该阶段还没有保存的草稿");
        return view(k.project, k.stage, row->text(0), row->integer(1), row->integer(2));
    });
}

json DraftService::save(const Principal &who, const std::string &projectId, const std::string &stage, const json &body,
                        std::int64_t now, bool &created)
{
    const json data = checkedData(body);
    const std::string text = data.dump();
    if (text.size() > kMaxDraftBytes)
        throw ApiError::payloadTooLarge("草稿过大（" + std::to_string(text.size() / 1024) + " KB）：不能超过 "
                                        + std::to_string(kMaxDraftBytes / 1024) + " KB");
    const std::int64_t expected = body.contains("expected_version") && body["expected_version"].is_number_integer()
                                      ? body["expected_version"].get<std::int64_t>()
                                      : 0;
    return m_db.write([&](Connection &c) {
        const Key k = checkOwner(c, who, projectId, stage);
        const auto current = [&]() -> json {
            const auto row = c.queryOne(
                "SELECT data, version, updated_at FROM application_drafts WHERE project_id = ? AND stage = ?",
                {k.project, k.stage});
            return row ? view(k.project, k.stage, row->text(0), row->integer(1), row->integer(2)) : json(nullptr);
        };
        std::int64_t changed = 0;
        if (expected == 0)
            changed = c.execute("INSERT INTO application_drafts (project_id, stage, owner_id, data, version, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) "
                                "ON CONFLICT (project_id, stage) DO NOTHING",
                                {k.project, k.stage, who.userId, text, now, now});
        else
            changed = c.execute("UPDATE application_drafts SET data = ?, version = version + 1, updated_at = ? "
                                "WHERE project_id = ? AND stage = ? AND version = ?",
                                {text, now, k.project, k.stage, expected});
        if (changed != 1) {
            json cur = current();
            if (cur.is_null())
                throw ApiError::conflict("草稿已被删除或已随申报提交，请重新保存", nullptr);
            throw ApiError::conflict("草稿已在别处更新（当前第 " + std::to_string(cur["version"].get<std::int64_t>())
                                         + " 版），请先载入最新草稿",
                                     cur);
        }
        created = expected == 0;
        RequestAudit::record(c, {}, "draft stage " + stage + (created ? " created" : " saved"));
        return current();
    });
}

void DraftService::remove(const Principal &who, const std::string &projectId, const std::string &stage)
{
    m_db.write([&](Connection &c) {
        const Key k = checkOwner(c, who, projectId, stage);
        if (c.execute("DELETE FROM application_drafts WHERE project_id = ? AND stage = ?", {k.project, k.stage}) == 0)
            throw ApiError::notFound("该阶段还没有保存的草稿");
        RequestAudit::record(c, {}, "draft stage " + stage + " deleted");
    });
}

} // namespace spgl::server
