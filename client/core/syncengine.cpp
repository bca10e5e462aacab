#include "core/syncengine.h"

#include "core/changepage.h"
#include "core/deskcalendar.h"

#include "forms/formdefinition.h"
#include "geo/geojsoninput.h"
#include "rules/jsonlogic.h"
#include "workflow/engine.h"
#include "workflow/workflowjson.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace spgl::desk {

using nlohmann::json;

namespace {

bool isCaseCommand(CommandKind kind, const QString &target)
{
    switch (kind) {
    case CommandKind::Accept:
    case CommandKind::Refuse:
    case CommandKind::Withdraw:
    case CommandKind::Deliver:
    case CommandKind::Submit:
        return false;
    case CommandKind::RequestSupplement:
    case CommandKind::ProvideSupplement:
        return target.contains(QLatin1Char('-'));
    default:
        return true;
    }
}

/// Now as RFC 3339 in Beijing time, as the server writes its timestamps.
std::string beijingNow()
{
    return QDateTime::currentDateTime()
        .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
        .toString(Qt::ISODate)
        .toStdString();
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string text(const json &j, const char *key)
{
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

/// The bytes of an upload sent in one PATCH.
constexpr qint64 kUploadChunk = 1024 * 1024;

/// Copies @p source into @p dir under its SHA-256 (the name the files directory uses); returns
/// the digest and the size, or an error for people.
Result<std::pair<QString, qint64>> keepFile(const QString &source, const QString &dir)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return Error{"filing.file", "无法读取附件文件：" + source.toStdString(), "materials"};
    if (in.size() == 0)
        return Error{"filing.file", "附件文件是空的：" + source.toStdString(), "materials"};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        return Error{"filing.file", "无法读取附件文件：" + source.toStdString(), "materials"};
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const qint64 size = in.size();
    QDir().mkpath(dir);
    const QString target = QDir(dir).filePath(sha);
    if (!QFile::exists(target)) {
        in.seek(0);
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly))
            return Error{"filing.file", "无法保存附件到本机缓存：" + target.toStdString(), "materials"};
        while (!in.atEnd())
            out.write(in.read(kUploadChunk));
        if (!out.commit())
            return Error{"filing.file", "无法保存附件到本机缓存：" + target.toStdString(), "materials"};
    }
    return std::pair{sha, size};
}

} // namespace

SyncEngine::SyncEngine(ApiClient &api, Session &session, LocalCache &cache, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
    , m_cache(cache)
{
    // The calendar the engine's local decisions use (the server re-decides with its own).
    auto calendar = deskCalendar();
    if (calendar.ok())
        m_calendar = calendar.value();
}

Result<int> SyncEngine::fetchFiles(const QString &dir)
{
    QDir().mkpath(dir);
    QStringList wanted;
    // Every file id the cached applications refer to: materials and decisions' documents.
    for (const QString &id : m_cache.applicationIds()) {
        const auto app = m_cache.application(id);
        if (!app)
            continue;
        for (const auto &m : app->materials)
            if (!m.fileId.empty())
                wanted << QString::fromStdString(m.fileId);
        for (const auto &k : app->cases)
            if (k.document && !k.document->fileId.empty())
                wanted << QString::fromStdString(k.document->fileId);
    }
    wanted.removeDuplicates();
    int complete = 0;
    for (const QString &sha : wanted) {
        if (sha.size() != 64)
            continue;
        const QString file = QDir(dir).filePath(sha);
        if (!QFile::exists(file)) {
            int status = 0;
            for (int attempt = 0; attempt < 2 && status == 0; ++attempt) {
                status = m_api.download(QStringLiteral("/api/v1/files/") + sha, file);
                if (status == 401 && m_session.refresh())
                    status = m_api.download(QStringLiteral("/api/v1/files/") + sha, file);
            }
            if (status == 0)
                return Error{"sync.offline", "文件下载中断，下次同步时继续", {}};
            if (status != 200 && status != 206)
                continue; // not available to this user: skipped
        }
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        f.close();
        if (QString::fromLatin1(hash.result().toHex()) != sha) {
            QFile::remove(file);
            return Error{
                "sync.file", "文件校验失败（SHA-256 不符），已删除，下次同步重新下载：" + sha.toStdString(), {}};
        }
        ++complete;
    }
    return complete;
}

QString SyncEngine::deviceId()
{
    QString id = m_cache.meta(QStringLiteral("device_id"));
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        (void)m_cache.setMeta(QStringLiteral("device_id"), id);
    }
    return id;
}

ApiReply SyncEngine::authorized(const std::function<ApiReply()> &call)
{
    ApiReply reply = call();
    if (reply.status == 401 && m_session.refresh())
        reply = call();
    return reply;
}

Result<int> SyncEngine::pull(int pageSize)
{
    auto pathAfter = [pageSize](const QString &cursor) {
        return QStringLiteral("/api/v1/sync/changes?since=%1&limit=%2").arg(cursor).arg(pageSize);
    };
    int applied = 0;
    QString cursor = m_cache.cursor();
    for (int pages = 0; pages < 100000; ++pages) {
        const QString path = pathAfter(cursor);
        const ApiReply reply = authorized([&] { return m_api.get(path); });
        if (reply.status == 401)
            return Error{"session.expired", "登录已过期，请重新输入密码（未同步的操作已保留）", {}};
        if (!reply.ok())
            return Error{reply.offline() ? "sync.offline" : "sync.pull", reply.message().toStdString(), {}};
        const auto page = ChangePage::read(std::string_view(reply.body.constData(), std::size_t(reply.body.size())));
        if (!page.ok())
            return page.error();
        // The server builds the next page while this one is stored.
        if (page.value().hasMore())
            m_api.prefetch(pathAfter(page.value().next()));
        const auto stored = m_cache.applyChanges(page.value());
        if (!stored.ok())
            return stored.error();
        applied += stored.value().changes;
        Q_EMIT pulled(stored.value().changes, stored.value().hasMore);
        if (!stored.value().hasMore)
            return applied;
        cursor = page.value().next();
    }
    return applied;
}

Result<SyncEngine::PushSummary> SyncEngine::push(int batchSize)
{
    PushSummary summary;
    const QString device = deviceId();
    if (auto uploaded = uploadFiles(); !uploaded.ok())
        return uploaded.error();
    for (;;) {
        std::vector<OutboxOp> pending = m_cache.ops(QStringLiteral("pending"));
        if (pending.empty())
            return summary;
        if (int(pending.size()) > batchSize)
            pending.resize(std::size_t(batchSize));
        json ops = json::array();
        for (const auto &op : pending) {
            json o = {{"op_id", op.opId.toStdString()},
                      {"command", op.command.toStdString()},
                      {"target", op.target.toStdString()},
                      {"args", op.args.is_object() ? op.args : json::object()}};
            o["args"].erase("local"); // what only this desktop shows meanwhile
            if (op.expectedVersion)
                o["expected_version"] = *op.expectedVersion;
            ops.push_back(std::move(o));
        }
        const json body = {{"device_id", device.toStdString()}, {"ops", ops}};
        const ApiReply reply = authorized([&] { return m_api.post(QStringLiteral("/api/v1/sync/push"), body); });
        if (reply.status == 401)
            return Error{"session.expired", "登录已过期，请重新输入密码（未同步的操作已保留）", {}};
        if (!reply.ok())
            return Error{reply.offline() ? "sync.offline" : "sync.push", reply.message().toStdString(), {}};
        const json results = reply.json().value("results", json::array());
        if (results.size() != pending.size())
            return Error{"sync.push", "服务器的推送结果与发送的操作数不一致", {}};
        for (const auto &r : results) {
            const QString opId = QString::fromStdString(r.value("op_id", ""));
            const QString status = QString::fromStdString(r.value("status", ""));
            const json error = r.value("error", json());
            const QString message = error.is_object() ? QString::fromStdString(error.value("message", "")) : QString();
            if (auto s = m_cache.recordResult(opId, status, message, r.value("current", json())); !s.ok())
                return s.error();
            if (status == QLatin1String("applied") && r.contains("id") && r["id"].is_string())
                for (const auto &op : pending)
                    if (op.opId == opId && op.command == QLatin1String("submit"))
                        if (auto s = m_cache.confirmFiling(opId, qs(r["id"].get<std::string>())); !s.ok())
                            return s.error();
            if (status != QLatin1String("applied"))
                refusedAnnotationsOf(pending, opId);
            if (status == QLatin1String("applied") && r.contains("condition"))
                (void)m_cache.mergePlanningCondition(r["condition"]); // shown until the next full read
            if (status == QLatin1String("applied"))
                ++summary.applied;
            else if (status == QLatin1String("conflict"))
                ++summary.conflicts;
            else
                ++summary.rejected;
            Q_EMIT opAnswered(opId, status);
        }
    }
}

void SyncEngine::refusedAnnotationsOf(const std::vector<OutboxOp> &sent, const QString &opId)
{
    // The server refused an annotation change made here: show its copy again (the op stays in
    // the outbox with the reason, for the user to see and drop).
    for (const auto &op : sent) {
        if (op.opId != opId)
            continue;
        QString projectId;
        if (op.command == QLatin1String("annotate"))
            projectId = op.target;
        else if (op.command == QLatin1String("annotation_status"))
            projectId = QString::fromStdString(m_cache.annotation(op.target).value("project_id", std::string()));
        if (projectId.isEmpty())
            return;
        const ApiReply reply
            = authorized([&] { return m_api.get(QStringLiteral("/api/v1/projects/%1/annotations").arg(projectId)); });
        if (reply.ok())
            (void)m_cache.replaceAnnotations(projectId, reply.json().value("items", json::array()));
        return;
    }
}

Status SyncEngine::sync()
{
    auto pushed = push();
    if (!pushed.ok())
        return pushed.error();
    auto pulled = pull();
    if (!pulled.ok())
        return pulled.error();
    if (m_session.user().roles.contains(QStringLiteral("window_clerk")))
        return refreshGuides();
    return {};
}

Status SyncEngine::refreshGuides()
{
    // Every version a project may have pinned; asked with the last answer's ETag, so an unchanged
    // catalog costs a 304 without a body.
    const QByteArray known = m_cache.meta(QStringLiteral("guides_etag")).toLatin1();
    const ApiReply reply = authorized([&] {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!known.isEmpty())
            headers.append({QByteArrayLiteral("If-None-Match"), known});
        return m_api.request(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/guides?versions=all"), {},
                             QByteArrayLiteral("application/json"), headers);
    });
    if (reply.status == 304)
        return {};
    if (reply.status == 401)
        return Error{"session.expired", "登录已过期，请重新输入密码（未同步的操作已保留）", {}};
    if (!reply.ok())
        return Error{reply.offline() ? "sync.offline" : "sync.guides", reply.message().toStdString(), {}};
    const json body = reply.json();
    return m_cache.replaceGuides(body.value("items", json()), QString::fromLatin1(reply.etag));
}

Status SyncEngine::uploadFiles()
{
    for (const PendingUpload &u : m_cache.uploads(QStringLiteral("pending")))
        if (auto s = uploadOne(u); !s.ok())
            return s;
    // The ops whose files the server refused cannot succeed: answered here, with its reason.
    std::map<std::string, PendingUpload> failed;
    for (const PendingUpload &u : m_cache.uploads(QStringLiteral("failed")))
        failed[u.sha256.toStdString()] = u;
    if (failed.empty())
        return {};
    for (const OutboxOp &op : m_cache.ops(QStringLiteral("pending"))) {
        if (op.command != QLatin1String("submit"))
            continue;
        for (const auto &m : op.args.value("materials", json::array())) {
            const auto it = failed.find(text(m, "file_id"));
            if (it == failed.end())
                continue;
            const QString why = QStringLiteral("材料 %1/%2 的扫描件「%3」未能上传：%4")
                                    .arg(qs(text(m, "item_code")), qs(text(m, "material_code")), it->second.filename,
                                         it->second.error);
            if (auto s = m_cache.recordResult(op.opId, QStringLiteral("rejected"), why, json()); !s.ok())
                return s;
            Q_EMIT opAnswered(op.opId, QStringLiteral("rejected"));
            break;
        }
    }
    return {};
}

Status SyncEngine::uploadOne(const PendingUpload &u)
{
    auto offline = [](const ApiReply &reply) -> Status {
        if (reply.status == 401)
            return Error{"session.expired", "登录已过期，请重新输入密码（未同步的操作已保留）", {}};
        return Error{"sync.offline", "附件上传中断，下次同步时从断点继续：" + reply.message().toStdString(), {}};
    };
    auto refused
        = [&](const QString &why) { return m_cache.setUploadState(u.sha256, {}, QStringLiteral("failed"), why); };
    QFile file(QDir(m_cache.filesDir()).filePath(u.sha256));
    if (!file.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("本机缓存中找不到该文件"));
    QString id = u.uploadId;
    qint64 offset = 0;
    auto readState = [&](const json &state) -> std::optional<Status> {
        offset = state.value("offset", qint64(0));
        if (state.value("status", std::string()) != "complete")
            return std::nullopt;
        if (text(state.value("file", json::object()), "sha256") != u.sha256.toStdString())
            return refused(QStringLiteral("服务器收到的文件与本机的 SHA-256 不符"));
        return m_cache.setUploadState(u.sha256, id, QStringLiteral("done"));
    };
    if (!id.isEmpty()) { // resumed: where did the server stop?
        const ApiReply state = authorized([&] { return m_api.get(QStringLiteral("/api/v1/uploads/") + id); });
        if (state.offline() || state.status == 401)
            return offline(state);
        if (state.status == 404) {
            id.clear(); // expired on the server: start over
        } else if (!state.ok()) {
            return refused(state.message());
        } else if (auto done = readState(state.json())) {
            return *done;
        }
    }
    if (id.isEmpty()) {
        const QByteArray body = QByteArray::fromStdString(json{{"filename", u.filename.toStdString()}}.dump());
        const ApiReply created = authorized([&] {
            return m_api.request("POST", QStringLiteral("/api/v1/uploads"), body, "application/json",
                                 {{"Upload-Length", QByteArray::number(u.size)}});
        });
        if (created.offline() || created.status == 401)
            return offline(created);
        if (!created.ok())
            return refused(created.message());
        id = qs(text(created.json(), "id"));
        offset = 0;
        if (auto s = m_cache.setUploadState(u.sha256, id, QStringLiteral("pending")); !s.ok())
            return s;
    }
    for (int round = 0; round < 100000; ++round) {
        if (!file.seek(offset))
            return refused(QStringLiteral("本机文件比上传开始时短"));
        const QByteArray chunk = file.read(kUploadChunk);
        const ApiReply sent = authorized([&] {
            return m_api.request("PATCH", QStringLiteral("/api/v1/uploads/") + id, chunk,
                                 "application/offset+octet-stream", {{"Upload-Offset", QByteArray::number(offset)}});
        });
        if (sent.offline() || sent.status == 401)
            return offline(sent);
        if (sent.status == 409) { // the offset moved (a chunk whose answer was lost): ask where it stands
            const ApiReply state = authorized([&] { return m_api.get(QStringLiteral("/api/v1/uploads/") + id); });
            if (state.offline() || state.status == 401)
                return offline(state);
            if (!state.ok())
                return refused(state.message());
            if (auto done = readState(state.json()))
                return *done;
            continue;
        }
        if (!sent.ok())
            return refused(sent.message());
        if (auto done = readState(sent.json()))
            return *done;
    }
    return refused(QStringLiteral("上传没有完成"));
}

Result<QString> SyncEngine::file(const json &filing)
{
    if (!filing.is_object())
        return Error{"filing.shape", "代办申报的内容应为 JSON 对象", {}};
    const QString projectId = qs(text(filing, "project_id"));
    const json project = m_cache.project(projectId);
    if (!project.is_object())
        return Error{"sync.unknown", "本地缓存中没有该项目，请先同步", "project_id"};
    const int stage = filing.value("stage", 0);
    if (stage < 1 || stage > 5)
        return Error{"filing.stage", "审批阶段应为 1–5", "stage"};
    const auto chosen = m_cache.guideFor(project, stage);
    if (!chosen.ok())
        return chosen.error();
    const json &guide = chosen.value();

    // The form, validated as the server validates it.
    auto definition = FormDefinition::fromJson(guide.value("form", json()));
    if (!definition.ok())
        return Error{"filing.guide", "缓存的表单定义无法读取：" + definition.error().message, "form"};
    const FormValidation checked
        = definition.value().validate(filing.value("form", json::object()), {{"project", project}});
    if (!checked.ok()) {
        std::string message = "表单有误：";
        for (std::size_t i = 0; i < checked.errors.size(); ++i) {
            const Error &e = checked.errors[i];
            const FieldDefinition *field = definition.value().field(e.field);
            message += (i ? "；" : "") + (field ? field->label + "：" : std::string()) + e.message;
        }
        return Error{"form.invalid", message, "form." + checked.errors.front().field};
    }

    // The items that apply, and the materials of those items.
    Application submission;
    const json facts = {{"form", checked.data}, {"project", project}};
    std::map<std::string, json> items;
    for (const auto &item : guide.value("items", json::array())) {
        if (item.contains("applies_if") && !item["applies_if"].is_null()) {
            auto applies = JsonLogic::evaluate(item["applies_if"], facts);
            if (!applies.ok() || !JsonLogic::truthy(applies.value()))
                continue;
        }
        submission.items.push_back({text(item, "code"), text(item, "version"), true});
        items[text(item, "code")] = item;
    }
    std::vector<PendingUpload> uploads;
    json materials = json::array();
    std::set<std::string> seen;
    for (const auto &m : filing.value("materials", json::array())) {
        MaterialRef ref{text(m, "item_code"), text(m, "material_code"), {}};
        const auto item = items.find(ref.itemCode);
        bool known = false;
        if (item != items.end())
            for (const auto &d : item->second.value("materials", json::array()))
                known = known || text(d, "code") == ref.code;
        if (!known)
            return Error{"material.unknown", "材料 " + ref.key() + " 不属于本阶段适用的事项", "materials"};
        if (!seen.insert(ref.key()).second)
            return Error{"material.duplicate", "材料 " + ref.key() + " 重复", "materials"};
        json entry = {{"item_code", ref.itemCode}, {"material_code", ref.code}};
        if (const QString path = qs(text(m, "file")); !path.isEmpty()) {
            auto kept = keepFile(path, m_cache.filesDir());
            if (!kept.ok())
                return kept.error();
            ref.fileId = kept.value().first.toStdString();
            entry["file_id"] = ref.fileId;
            uploads.push_back({kept.value().first, QFileInfo(path).fileName(), kept.value().second, {}, {}, {}});
        }
        submission.materials.push_back(std::move(ref));
        materials.push_back(std::move(entry));
    }

    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = QStringLiteral("submit");
    op.target = projectId;
    op.args = {{"stage", stage}, {"channel", "window"}, {"form", checked.data}, {"materials", materials}};

    // Filed by the shared engine, as the server will (which re-decides it with its catalog).
    submission.id = LocalCache::filingId(op.opId).toStdString();
    submission.projectId = projectId.toStdString();
    submission.applicantId = text(project, "owner_id");
    submission.regionCode = text(project, "region_code");
    submission.processCode = text(guide, "process_code");
    submission.processVersion = text(guide, "process_version");
    submission.stage = stage;
    submission.stageLimit = guide.value("limit", 0);
    submission.stageUnit = text(guide, "unit") == "day" ? Clock::Unit::Day : Clock::Unit::Workday;
    submission.channel = "window";
    submission.form = checked.data;
    Command command;
    command.kind = CommandKind::Submit;
    command.submission = submission;
    EngineContext ctx;
    ctx.nowMs = QDateTime::currentMSecsSinceEpoch();
    ctx.actor = m_session.actor();
    ctx.calendar = &m_calendar;
    Application filed;
    auto events = Engine::execute(filed, command, ctx);
    if (!events.ok())
        return events.error();
    json timeline = json::array();
    for (const auto &e : events.value()) {
        json view = workflowjson::toJson(e);
        view.erase("application");
        timeline.push_back(std::move(view));
    }
    if (auto s = m_cache.enqueueFiling(filed, timeline, op, uploads); !s.ok())
        return s.error();
    return qs(submission.id);
}

Result<QString> SyncEngine::annotate(const QString &projectId, const json &geometry, const QString &text,
                                     const QString &caseId)
{
    if (m_cache.project(projectId).is_null())
        return Error{"sync.unknown", "本地缓存中没有该项目，请先同步", {}};
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 2000)
        return Error{"annotation.text", "批注内容不能为空，且不超过 2000 字", {}};
    auto checked = geo::checkGeoJsonGeometry(geometry.dump(), geo::GeometryInput::Any, "geometry");
    if (!checked.ok())
        return checked.error();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::string now = beijingNow();
    json args = {{"id", id.toStdString()}, {"geometry", json::parse(checked.value())}, {"text", trimmed.toStdString()}};
    if (!caseId.isEmpty())
        args["case_id"] = caseId.toStdString();
    json local = args;
    local["project_id"] = projectId.toStdString();
    local["status"] = "open";
    local["author_name"] = m_session.user().displayName.toStdString();
    local["department"] = m_session.user().departmentCode.toStdString();
    local["created_at"] = now;
    local["updated_at"] = now;
    local["version"] = 0;
    if (auto s = m_cache.storeLocalAnnotation(local); !s.ok())
        return s.error();
    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = QStringLiteral("annotate");
    op.target = projectId; // additive: no expected version, two departments never conflict
    op.args = std::move(args);
    if (auto s = m_cache.enqueue(op); !s.ok())
        return s.error();
    return id;
}

Result<QString> SyncEngine::setAnnotationStatus(const QString &annotationId, const QString &status)
{
    json annotation = m_cache.annotation(annotationId);
    if (annotation.is_null())
        return Error{"sync.unknown", "本地缓存中没有该批注，请先同步", {}};
    if (status != QLatin1String("open") && status != QLatin1String("resolved") && status != QLatin1String("withdrawn"))
        return Error{"annotation.status", "批注状态只能是 open、resolved 或 withdrawn", {}};
    annotation["status"] = status.toStdString();
    annotation["updated_at"] = beijingNow();
    if (auto s = m_cache.storeLocalAnnotation(annotation); !s.ok())
        return s.error();
    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = QStringLiteral("annotation_status");
    op.target = annotationId;
    op.args = {{"status", status.toStdString()}};
    if (auto s = m_cache.enqueue(op); !s.ok())
        return s.error();
    return op.opId;
}

Result<QString> SyncEngine::addPlanningCondition(const QString &projectId, const json &condition)
{
    if (m_cache.project(projectId).is_null())
        return Error{"sync.unknown", "本地缓存中没有该项目，请先查找或同步", {}};
    if (!condition.is_object())
        return Error{"planning.body", "策划条件应为 JSON 对象", {}};
    const std::string kind = condition.value("kind", std::string());
    if (kind != "condition" && kind != "assessment")
        return Error{"planning.kind", "请选择类型：策划条件或需开展的评估", "kind"};
    const QString text = QString::fromStdString(condition.value("text", std::string())).trimmed();
    if (text.isEmpty() || text.size() > 2000)
        return Error{"planning.text", "条件内容不能为空，且不超过 2000 字", "text"};
    json args = {{"kind", kind}, {"text", text.toStdString()}};
    if (kind == "assessment") {
        static const char *const kAssessments[]
            = {"environmental", "energy", "geological_hazard", "seismic", "water", "mineral"};
        const std::string assessment = condition.value("assessment", std::string());
        if (std::find(std::begin(kAssessments), std::end(kAssessments), assessment) == std::end(kAssessments))
            return Error{"planning.assessment", "请选择需开展的评估类型", "assessment"};
        args["assessment"] = assessment;
    }
    if (condition.contains("geometry") && !condition["geometry"].is_null()) {
        auto checked = geo::checkGeoJsonGeometry(condition["geometry"].dump(), geo::GeometryInput::Any, "geometry");
        if (!checked.ok())
            return checked.error();
        args["geometry"] = json::parse(checked.value());
    }
    args["local"] = {{"department", m_session.user().departmentCode.toStdString()},
                     {"author", m_session.user().displayName.toStdString()},
                     {"created_at", beijingNow()}};
    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = QStringLiteral("plan_condition");
    op.target = projectId; // additive: departments' conditions never conflict
    op.args = std::move(args);
    if (auto s = m_cache.enqueue(op); !s.ok())
        return s.error();
    return op.opId;
}

Result<QString> SyncEngine::withdrawPlanningCondition(const QString &projectId, const QString &conditionId)
{
    for (const OutboxOp &op : m_cache.ops(QStringLiteral("pending")))
        if (op.opId == conditionId && op.command == QLatin1String("plan_condition")) {
            auto taken = m_cache.cancelPendingOp(conditionId);
            if (!taken.ok())
                return taken.error();
            if (taken.value())
                return QString();
            break; // sent meanwhile: withdraw the server's copy once it is known
        }
    const json planning = m_cache.planning(projectId);
    const json *found = nullptr;
    for (const json &c : planning["conditions"])
        if (c.value("id", std::string()) == conditionId.toStdString() && !c.value("pending", false))
            found = &c;
    if (!found)
        return Error{"sync.unknown", "该策划条件尚未同步到服务器，请同步后再撤回", {}};
    if (found->value("withdrawn", false))
        return Error{"planning.withdrawn", "该策划条件已撤回", {}};
    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = QStringLiteral("plan_withdraw");
    op.target = conditionId;
    op.args = {{"project_id", projectId.toStdString()}};
    if (auto s = m_cache.enqueue(op); !s.ok())
        return s.error();
    return op.opId;
}

Result<QString> SyncEngine::command(CommandKind kind, const QString &target, const json &args)
{
    const bool onCase = isCaseCommand(kind, target);
    const QString applicationId = onCase ? target.left(target.lastIndexOf(QLatin1Char('-'))) : target;
    if (LocalCache::isFilingId(target) || LocalCache::isFilingId(applicationId))
        return Error{"sync.pending", "该申报是本机代办的、尚未同步到服务器，同步后才能办理", {}};
    auto app = m_cache.application(applicationId);
    if (!app)
        return Error{"sync.unknown", "本地缓存中没有该申报，请先同步", {}};
    json arguments = args.is_object() ? args : json::object();
    if (kind == CommandKind::RequestConsultation && !arguments.contains("consultation_id"))
        arguments["consultation_id"] = "zq" + QUuid::createUuid().toString(QUuid::Id128).left(12).toStdString();
    auto command = workflowjson::commandFromJson(kind, onCase ? target.toStdString() : std::string(), arguments);
    if (!command.ok())
        return command.error();

    // The version the command is based on: the server detects a conflict against it.
    std::int64_t base = app->version;
    if (onCase) {
        const ApprovalCase *k = app->findCase(target.toStdString());
        if (!k)
            return Error{"sync.unknown", "本地缓存中没有该办件，请先同步", {}};
        base = k->version;
    }
    if (!command.value().expectedVersion)
        command.value().expectedVersion = base;

    // Decide locally with the shared engine: refused at once when the engine refuses.
    EngineContext ctx;
    ctx.nowMs = QDateTime::currentMSecsSinceEpoch();
    ctx.actor = m_session.actor();
    ctx.calendar = &m_calendar;
    if (kind != CommandKind::Accept) { // acceptance needs the catalog: the server decides it
        auto events = Engine::execute(*app, command.value(), ctx);
        if (!events.ok())
            return events.error();
        if (auto s = m_cache.storeLocalState(*app); !s.ok())
            return s.error();
    }
    OutboxOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.command = qs(toString(kind));
    op.target = target;
    op.expectedVersion = base;
    op.args = workflowjson::argsToJson(command.value());
    op.args.erase("expected_version");
    if (auto s = m_cache.enqueue(op); !s.ok())
        return s.error();
    return op.opId;
}

} // namespace spgl::desk
