#include "core/localcache.h"

#include "core/changepage.h"
#include "core/jsonspan.h"

#include "domain/regioncode.h"
#include "workflow/workflowjson.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace spgl::desk {

using nlohmann::json;

namespace {

Error sqlError(const QSqlError &e, const char *what)
{
    return Error{"cache.sql", std::string(what) + ": " + e.text().toStdString(), {}};
}

QString str(const json &j, const char *key)
{
    if (!j.is_object() || !j.contains(key) || j[key].is_null())
        return {};
    return j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                              : QString::fromStdString(j[key].dump());
}

/// The migrations, by the schema version they lead to (PRAGMA user_version).
struct Migration
{
    int version;
    const char *sql;
};
const Migration kMigrations[] = {
    {1, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"},
    {1, "CREATE TABLE projects (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL)"},
    {1, "CREATE TABLE applications (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, status TEXT NOT NULL, "
        "version INTEGER NOT NULL, state TEXT NOT NULL, form TEXT NOT NULL, local INTEGER NOT NULL DEFAULT 0)"},
    {1, "CREATE TABLE cases (id TEXT PRIMARY KEY, application_id TEXT NOT NULL, status TEXT NOT NULL, "
        "version INTEGER NOT NULL, department TEXT NOT NULL, deadline TEXT NOT NULL, level TEXT NOT NULL, "
        "data TEXT NOT NULL)"},
    {1, "CREATE INDEX cases_deadline ON cases (deadline, id)"},
    {1, "CREATE TABLE outbox (op_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, command TEXT NOT NULL, "
        "target TEXT NOT NULL, expected_version INTEGER, args TEXT NOT NULL, status TEXT NOT NULL, "
        "error TEXT NOT NULL DEFAULT '', current TEXT NOT NULL DEFAULT 'null', created_at INTEGER NOT NULL)"},
    // 2: the timeline of each application is cached for offline reading.
    {2, "ALTER TABLE applications ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]'"},
    {2, "DELETE FROM meta WHERE key = 'cursor'"}, // pull everything again to fill the timelines
    // 3: reviewers' map annotations of the cached projects (一张蓝图), drawn offline as well.
    {3, "CREATE TABLE annotations (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, case_id TEXT, geometry TEXT NOT "
        "NULL, text TEXT NOT NULL, status TEXT NOT NULL, author_name TEXT NOT NULL, department TEXT NOT NULL, "
        "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL, local INTEGER NOT NULL "
        "DEFAULT 0)"},
    {3, "CREATE INDEX annotations_project ON annotations (project_id, created_at)"},
    // 4: 窗口代办 offline — the guides (forms, items, materials) and the scanned files to upload.
    {4, "CREATE TABLE guides (process_code TEXT NOT NULL, stage INTEGER NOT NULL, process_type INTEGER NOT NULL, "
        "data TEXT NOT NULL, PRIMARY KEY (process_code, stage))"},
    {4, "CREATE TABLE uploads (sha256 TEXT PRIMARY KEY, filename TEXT NOT NULL, size INTEGER NOT NULL, upload_id "
        "TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'pending', error TEXT NOT NULL DEFAULT '', created_at "
        "INTEGER NOT NULL)"},
    // 5: the planning (项目策划生成) of the projects a department looked at, for offline reading.
    {5, "CREATE TABLE planning (project_id TEXT PRIMARY KEY, data TEXT NOT NULL, fetched_at TEXT NOT NULL)"},
    // 6: the guides of every process version a project may have pinned, and the feed's projects
    // with the version they pinned (pulled again).
    {6, "DROP TABLE guides"},
    {6, "CREATE TABLE guides (process_code TEXT NOT NULL, process_version TEXT NOT NULL, stage INTEGER NOT NULL, "
        "process_type INTEGER NOT NULL, latest INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (process_code, "
        "process_version, stage))"},
    {6, "DELETE FROM meta WHERE key IN ('cursor', 'guides_etag')"},
};

/// The cache table of a change-feed entity.
QString tableOf(const QString &entity)
{
    if (entity == QLatin1String("case"))
        return QStringLiteral("cases");
    if (entity == QLatin1String("application"))
        return QStringLiteral("applications");
    if (entity == QLatin1String("annotation"))
        return QStringLiteral("annotations");
    return QStringLiteral("projects");
}

const char *const kInsertAnnotation
    = "INSERT INTO annotations (id, project_id, case_id, geometry, text, status, author_name, department, created_at, "
      "updated_at, version, local) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, COALESCE(?, ''), COALESCE(?, ''), "
      "COALESCE(?, ''), COALESCE(?, ''), ?, ?) ";
const char *const kUpsertAnnotation
    = "ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, case_id = excluded.case_id, geometry = "
      "excluded.geometry, text = excluded.text, status = excluded.status, author_name = excluded.author_name, "
      "department = excluded.department, created_at = excluded.created_at, updated_at = excluded.updated_at, "
      "version = excluded.version, local = excluded.local";

/// Binds an annotation (the server's JSON shape) to kInsertAnnotation.
void bindAnnotation(QSqlQuery &q, const json &a, bool local)
{
    q.addBindValue(str(a, "id"));
    q.addBindValue(str(a, "project_id"));
    const QString caseId = str(a, "case_id");
    q.addBindValue(caseId.isEmpty() ? QVariant() : QVariant(caseId));
    q.addBindValue(QString::fromStdString(a.value("geometry", json::object()).dump()));
    q.addBindValue(str(a, "text"));
    const QString status = str(a, "status");
    q.addBindValue(status.isEmpty() ? QStringLiteral("open") : status);
    q.addBindValue(str(a, "author_name"));
    q.addBindValue(str(a, "department"));
    q.addBindValue(str(a, "created_at"));
    q.addBindValue(str(a, "updated_at"));
    q.addBindValue(qint64(a.value("version", 0)));
    q.addBindValue(local ? 1 : 0);
}

} // namespace

LocalCache::~LocalCache()
{
    close();
}

QString LocalCache::pathFor(const QString &dir, const QString &server, const QString &userId)
{
    const QByteArray key = QCryptographicHash::hash(server.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QDir(dir).filePath(QStringLiteral("cache-%1-%2.sqlite").arg(QString::fromLatin1(key), userId));
}

QString LocalCache::filesDirFor(const QString &cachePath)
{
    if (cachePath.isEmpty())
        return {};
    QString base = cachePath;
    if (base.endsWith(QLatin1String(".sqlite")))
        base.chop(7);
    return base + QStringLiteral("-files");
}

Status LocalCache::open(const QString &path)
{
    close();
    m_connection = QStringLiteral("spgl-cache-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return sqlError(db.lastError(), "open");
    m_path = path;
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
        if (auto s = exec(QString::fromLatin1(pragma)); !s.ok())
            return s;
    QSqlQuery version(db);
    version.exec(QStringLiteral("PRAGMA user_version"));
    const int current = version.next() ? version.value(0).toInt() : 0;
    version.finish(); // an open statement would lock the tables a migration drops
    if (current > kSchemaVersion)
        return Error{"cache.version", "本地缓存来自更新版本的程序，请升级 spgl-desk 或清除缓存", {}};
    if (current < kSchemaVersion) {
        db.transaction();
        for (const auto &m : kMigrations) {
            if (m.version <= current)
                continue;
            if (auto s = exec(QString::fromLatin1(m.sql)); !s.ok()) {
                db.rollback();
                return s;
            }
        }
        if (auto s = exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)); !s.ok()) {
            db.rollback();
            return s;
        }
        if (!db.commit())
            return sqlError(db.lastError(), "migrate");
    }
    return {};
}

void LocalCache::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool LocalCache::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

Status LocalCache::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql))
        return sqlError(q.lastError(), "exec");
    return {};
}

QString LocalCache::meta(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Status LocalCache::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                             "excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlError(q.lastError(), "meta");
    return {};
}

QString LocalCache::cursor() const
{
    const QString c = meta(QStringLiteral("cursor"));
    return c.isEmpty() ? QStringLiteral("0") : c;
}

namespace {

/// A member's value as the cache's text columns keep it: a string decoded, anything else as its
/// JSON text, absent or null as empty (what the tree-based str() gives).
QString textOf(std::string_view value)
{
    if (JsonSpan::isNull(value))
        return {};
    if (value.front() == '"') {
        const auto decoded = JsonSpan::string(value);
        return decoded ? QString::fromStdString(*decoded) : QString();
    }
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

/// A stored JSON value's text: the member's own text, or @p fallback when it is absent or null.
QString jsonTextOf(std::string_view value, QLatin1String fallback)
{
    return JsonSpan::isNull(value) ? QString(fallback) : QString::fromUtf8(value.data(), qsizetype(value.size()));
}

qint64 versionOf(std::string_view value)
{
    return JsonSpan::integer(value).value_or(0);
}

} // namespace

Result<LocalCache::AppliedPage> LocalCache::applyChanges(std::string_view pageText)
{
    const auto page = ChangePage::read(pageText);
    if (!page.ok())
        return page.error();
    return applyChanges(page.value());
}

Result<LocalCache::AppliedPage> LocalCache::applyChanges(const ChangePage &page)
{
    // The page is read as spans of its text: the large values (an application's state, form and
    // timeline, a case's data) are stored as the server wrote them, never parsed into a tree.
    AppliedPage applied;
    applied.changes = int(page.changes().size());
    applied.hasMore = page.hasMore();

    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    auto fail = [&](Error e) {
        db.rollback();
        return e;
    };
    QSqlQuery upsertApp(db), upsertCase(db), upsertProject(db), upsertAnnotation(db), remove(db);
    upsertAnnotation.prepare(QString::fromLatin1(kInsertAnnotation) + QString::fromLatin1(kUpsertAnnotation));
    upsertApp.prepare(QStringLiteral(
        "INSERT INTO applications (id, project_id, status, version, state, form, timeline, local) VALUES (?, ?, ?, ?, "
        "?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, status = excluded.status, "
        "version = excluded.version, state = excluded.state, form = excluded.form, timeline = excluded.timeline, "
        "local = 0"));
    upsertCase.prepare(
        QStringLiteral("INSERT INTO cases (id, application_id, status, version, department, deadline, level, data) "
                       "VALUES (?, ?, ?, ?, "
                       "?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET application_id = excluded.application_id, status = "
                       "excluded.status, version = excluded.version, department = excluded.department, deadline = "
                       "excluded.deadline, level = excluded.level, data = excluded.data"));
    upsertProject.prepare(
        QStringLiteral("INSERT INTO projects (id, version, data) VALUES (?, ?, ?) ON CONFLICT (id) DO "
                       "UPDATE SET version = excluded.version, data = excluded.data"));
    for (const std::string_view changeText : page.changes()) {
        const auto change = JsonSpan::members(changeText, JsonSpan::Check::Trusted);
        if (!change)
            return fail(ChangePage::malformed());
        const QString entity = textOf(JsonSpan::find(*change, "entity"));
        const QString id = textOf(JsonSpan::find(*change, "id"));
        const std::string_view dataText = JsonSpan::find(*change, "data");
        if (textOf(JsonSpan::find(*change, "op")) == QLatin1String("delete") || JsonSpan::isNull(dataText)) {
            remove.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(tableOf(entity)));
            remove.addBindValue(id);
            if (!remove.exec())
                return fail(sqlError(remove.lastError(), "delete"));
            continue;
        }
        const auto data = JsonSpan::members(dataText, JsonSpan::Check::Trusted);
        if (!data)
            return fail(ChangePage::malformed());
        auto member = [&data](std::string_view key) { return JsonSpan::find(*data, key); };
        QSqlQuery *q = nullptr;
        if (entity == QLatin1String("application")) {
            q = &upsertApp;
            q->addBindValue(id);
            q->addBindValue(textOf(member("project_id")));
            q->addBindValue(textOf(member("status")));
            q->addBindValue(versionOf(member("version")));
            q->addBindValue(jsonTextOf(member("state"), QLatin1String("{}")));
            q->addBindValue(jsonTextOf(member("form"), QLatin1String("{}")));
            q->addBindValue(jsonTextOf(member("timeline"), QLatin1String("[]")));
        } else if (entity == QLatin1String("case")) {
            q = &upsertCase;
            q->addBindValue(id);
            q->addBindValue(textOf(member("application_id")));
            q->addBindValue(textOf(member("status")));
            q->addBindValue(versionOf(member("version")));
            q->addBindValue(textOf(member("department")));
            q->addBindValue(textOf(member("deadline")));
            q->addBindValue(textOf(member("level")));
            q->addBindValue(QString::fromUtf8(dataText.data(), qsizetype(dataText.size())));
        } else if (entity == QLatin1String("project")) {
            q = &upsertProject;
            q->addBindValue(id);
            q->addBindValue(versionOf(member("version")));
            q->addBindValue(QString::fromUtf8(dataText.data(), qsizetype(dataText.size())));
        } else if (entity == QLatin1String("annotation")) {
            q = &upsertAnnotation;
            bindAnnotation(*q, json::parse(dataText, nullptr, false), false);
        } else {
            continue; // an entity this version does not cache
        }
        if (!q->exec())
            return fail(sqlError(q->lastError(), "apply"));
    }
    QSqlQuery cursor(db);
    cursor.prepare(QStringLiteral(
        "INSERT INTO meta (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    cursor.addBindValue(page.next());
    if (!cursor.exec())
        return fail(sqlError(cursor.lastError(), "cursor"));
    if (!db.commit())
        return fail(sqlError(db.lastError(), "commit"));
    return applied;
}

std::optional<Application> LocalCache::application(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT state FROM applications WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    auto parsed = workflowjson::applicationFromJson(json::parse(q.value(0).toString().toStdString(), nullptr, false));
    if (!parsed.ok())
        return std::nullopt;
    return std::move(parsed).value();
}

json LocalCache::timeline(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT timeline FROM applications WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return json::array();
    json t = json::parse(q.value(0).toString().toStdString(), nullptr, false);
    return t.is_array() ? t : json::array();
}

Status LocalCache::storeLocalState(const Application &app)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE applications SET status = ?, version = ?, state = ?, local = 1 WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(toString(app.status).data(), int(toString(app.status).size())));
    q.addBindValue(qint64(app.version));
    q.addBindValue(QString::fromStdString(workflowjson::toJson(app).dump()));
    q.addBindValue(QString::fromStdString(app.id));
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "local state");
    }
    // The case rows the lists show follow the local decision (marked pending by the UI via the outbox).
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE cases SET status = ?, version = ? WHERE id = ?"));
    for (const auto &k : app.cases) {
        c.addBindValue(QString::fromUtf8(toString(k.status).data(), int(toString(k.status).size())));
        c.addBindValue(qint64(k.version));
        c.addBindValue(QString::fromStdString(k.id));
        if (!c.exec()) {
            db.rollback();
            return sqlError(c.lastError(), "local case");
        }
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

std::vector<json> LocalCache::annotations(const QString &projectId) const
{
    return annotationRows(QStringLiteral("project_id"), projectId);
}

json LocalCache::annotation(const QString &id) const
{
    auto rows = annotationRows(QStringLiteral("id"), id);
    return rows.empty() ? json() : rows.front();
}

std::vector<json> LocalCache::annotationRows(const QString &column, const QString &value) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id, project_id, case_id, geometry, text, status, author_name, department, "
                             "created_at, updated_at, version, local FROM annotations WHERE %1 = ? ORDER BY "
                             "created_at, id")
                  .arg(column));
    q.addBindValue(value);
    std::vector<json> out;
    if (q.exec())
        while (q.next()) {
            json a = {{"id", q.value(0).toString().toStdString()},
                      {"project_id", q.value(1).toString().toStdString()},
                      {"case_id", q.value(2).isNull() ? json() : json(q.value(2).toString().toStdString())},
                      {"geometry", json::parse(q.value(3).toString().toStdString(), nullptr, false)},
                      {"text", q.value(4).toString().toStdString()},
                      {"status", q.value(5).toString().toStdString()},
                      {"author_name", q.value(6).toString().toStdString()},
                      {"department", q.value(7).toString().toStdString()},
                      {"created_at", q.value(8).toString().toStdString()},
                      {"updated_at", q.value(9).toString().toStdString()},
                      {"version", q.value(10).toLongLong()},
                      {"pending", q.value(11).toInt() != 0}};
            out.push_back(std::move(a));
        }
    return out;
}

Status LocalCache::storeLocalAnnotation(const json &annotation)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QString::fromLatin1(kInsertAnnotation) + QString::fromLatin1(kUpsertAnnotation));
    bindAnnotation(q, annotation, true);
    if (!q.exec())
        return sqlError(q.lastError(), "annotation");
    return {};
}

Status LocalCache::replaceAnnotations(const QString &projectId, const json &items)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    QSqlQuery q(db);
    // Rows drawn here whose op still waits stay; everything else is the server's.
    q.prepare(QStringLiteral("DELETE FROM annotations WHERE project_id = ? AND id NOT IN (SELECT json_extract(args, "
                             "'$.id') FROM outbox WHERE status = 'pending' AND command = 'annotate' UNION SELECT "
                             "target FROM outbox WHERE status = 'pending' AND command = 'annotation_status')"));
    q.addBindValue(projectId);
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "annotations");
    }
    QSqlQuery insert(db);
    insert.prepare(QString::fromLatin1(kInsertAnnotation) + QStringLiteral("ON CONFLICT (id) DO NOTHING"));
    for (const auto &a : items.is_array() ? items : json::array()) {
        bindAnnotation(insert, a, false);
        if (!insert.exec()) {
            db.rollback();
            return sqlError(insert.lastError(), "annotations");
        }
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

QStringList LocalCache::applicationIds() const
{
    QStringList ids;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT id FROM applications ORDER BY id")))
        while (q.next())
            ids << q.value(0).toString();
    return ids;
}

int LocalCache::count(const QString &entity) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + tableOf(entity)) && q.next() ? q.value(0).toInt() : 0;
}

std::vector<json> LocalCache::cases(const QString &state) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(state.isEmpty() ? QStringLiteral("SELECT data, status, version FROM cases ORDER BY deadline, id")
                              : QStringLiteral("SELECT data, status, version FROM cases WHERE status = ? ORDER BY "
                                               "deadline, id"));
    if (!state.isEmpty())
        q.addBindValue(state);
    std::vector<json> out;
    if (q.exec())
        while (q.next()) {
            json row = json::parse(q.value(0).toString().toStdString(), nullptr, false);
            row["status"] = q.value(1).toString().toStdString();
            row["version"] = q.value(2).toLongLong();
            out.push_back(std::move(row));
        }
    return out;
}

std::vector<json> LocalCache::applications(const QStringList &statuses) const
{
    QString sql = QStringLiteral("SELECT a.id, a.project_id, a.status, a.version, a.local, a.state, p.data FROM "
                                 "applications a LEFT JOIN projects p ON p.id = a.project_id");
    if (!statuses.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < statuses.size(); ++i)
            marks << QStringLiteral("?");
        sql += QStringLiteral(" WHERE a.status IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    sql += QStringLiteral(" ORDER BY a.id DESC");
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sql);
    for (const auto &s : statuses)
        q.addBindValue(s);
    std::vector<json> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        const json state = json::parse(q.value(5).toString().toStdString(), nullptr, false);
        const json project = json::parse(q.value(6).toString().toStdString(), nullptr, false);
        json row = {{"id", q.value(0).toString().toStdString()},
                    {"project_id", q.value(1).toString().toStdString()},
                    {"status", q.value(2).toString().toStdString()},
                    {"version", q.value(3).toLongLong()},
                    {"local", q.value(4).toInt() != 0}};
        if (state.is_object()) {
            row["stage"] = state.value("stage", 0);
            row["channel"] = state.value("channel", std::string());
            row["submitted_at"] = state.value("submitted_at", std::int64_t(0));
        }
        const bool hasProject = project.is_object();
        row["project_code"] = hasProject ? project.value("project_code", std::string()) : std::string();
        row["project_name"] = hasProject ? project.value("name", std::string()) : std::string();
        row["builder_name"] = hasProject ? project.value("builder_name", std::string()) : std::string();
        out.push_back(std::move(row));
    }
    return out;
}

json LocalCache::project(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM projects WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return nullptr;
    return json::parse(q.value(0).toString().toStdString(), nullptr, false);
}

std::vector<json> LocalCache::projects() const
{
    std::vector<json> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT data FROM projects")))
        return out;
    while (q.next()) {
        json p = json::parse(q.value(0).toString().toStdString(), nullptr, false);
        if (p.is_object())
            out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const json &a, const json &b) {
        return a.value("project_code", std::string()) < b.value("project_code", std::string());
    });
    return out;
}

std::vector<json> LocalCache::findProjects(const QString &text, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM projects WHERE ? = '' OR instr(json_extract(data, '$.name'), ?) > 0 "
                             "OR instr(json_extract(data, '$.project_code'), ?) > 0 OR "
                             "instr(COALESCE(json_extract(data, '$.builder_name'), ''), ?) > 0 "
                             "ORDER BY json_extract(data, '$.name'), id LIMIT ?"));
    const QString needle = text.trimmed();
    for (int i = 0; i < 4; ++i)
        q.addBindValue(needle.isNull() ? QStringLiteral("") : needle); // a null QString would bind NULL
    q.addBindValue(limit);
    std::vector<json> out;
    if (q.exec())
        while (q.next())
            out.push_back(json::parse(q.value(0).toString().toStdString(), nullptr, false));
    return out;
}

Status LocalCache::replaceGuides(const json &items, const QString &etag)
{
    if (!items.is_array())
        return Error{"cache.guides", "服务器返回的办事指南格式不正确", {}};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM guides"))) {
        db.rollback();
        return sqlError(q.lastError(), "guides");
    }
    q.prepare(QStringLiteral("INSERT INTO guides (process_code, process_version, stage, process_type, latest, data) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (process_code, process_version, stage) DO UPDATE "
                             "SET data = excluded.data, latest = excluded.latest"));
    for (const auto &g : items) {
        if (!g.is_object())
            continue;
        q.addBindValue(str(g, "process_code"));
        q.addBindValue(str(g, "process_version"));
        q.addBindValue(g.value("stage", 0));
        q.addBindValue(g.value("process_type", 0));
        q.addBindValue(g.value("latest", true) ? 1 : 0);
        q.addBindValue(QString::fromStdString(g.dump()));
        if (!q.exec()) {
            db.rollback();
            return sqlError(q.lastError(), "guides");
        }
    }
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('guides_etag', ?) ON CONFLICT (key) DO UPDATE "
                             "SET value = excluded.value"));
    q.addBindValue(etag);
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "meta");
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

std::vector<json> LocalCache::guides(int stage, int processType) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT data FROM guides WHERE stage = ? AND process_type = ? AND latest = 1 ORDER BY process_code"));
    q.addBindValue(stage);
    q.addBindValue(processType);
    std::vector<json> out;
    if (q.exec())
        while (q.next())
            out.push_back(json::parse(q.value(0).toString().toStdString(), nullptr, false));
    return out;
}

Result<json> LocalCache::guideFor(const json &project, int stage) const
{
    if (!project.is_object())
        return Error{"sync.unknown", "本地缓存中没有该项目，请先同步", "project_id"};
    const auto text = [&project](const char *key) {
        return project.contains(key) && project[key].is_string() ? project[key].get<std::string>() : std::string();
    };
    const std::string code = text("process_code");
    const std::string version = text("process_version");
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!code.empty()) {
        // Pinned at the project's first application: that version, even when a newer one is out.
        q.prepare(
            QStringLiteral("SELECT data FROM guides WHERE process_code = ? AND process_version = ? AND stage = ?"));
        q.addBindValue(QString::fromStdString(code));
        q.addBindValue(QString::fromStdString(version));
        q.addBindValue(stage);
        if (q.exec() && q.next())
            return json::parse(q.value(0).toString().toStdString(), nullptr, false);
        return Error{"filing.guide",
                     "本机没有该项目所用审批流程（" + code + " " + version + "）第 " + std::to_string(stage)
                         + " 阶段的办事指南：请先联网同步一次",
                     "stage"};
    }
    // Not pinned yet: the latest published process of the project's type whose region covers the
    // project's, the first by code — the server's rule.
    const std::string region = text("region_code");
    const int processType = project.contains("process_type") && project["process_type"].is_number_integer()
                                ? project["process_type"].get<int>()
                                : 0;
    for (const json &g : guides(stage, processType)) {
        if (!g.contains("region_code") || !g["region_code"].is_string())
            return g; // a server from before guides named their region: its first guide, as then
        const auto scope = RegionCode::parse(g["region_code"].get<std::string>());
        if (scope.ok() && scope.value().covers(region))
            return g;
    }
    return Error{"filing.guide",
                 "本机没有适用于该项目类型和行政区划的第 " + std::to_string(stage) + " 阶段办事指南：请先联网同步一次",
                 "stage"};
}

QString LocalCache::filingId(const QString &opId)
{
    QString hex = opId;
    hex.remove(QLatin1Char('-'));
    return QStringLiteral("W-") + hex.left(8).toUpper();
}

bool LocalCache::isFilingId(const QString &applicationId)
{
    return applicationId.startsWith(QLatin1String("W-"));
}

Status LocalCache::enqueueFiling(const Application &app, const json &timeline, const OutboxOp &op,
                                 const std::vector<PendingUpload> &uploads)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    auto fail = [&](const QSqlQuery &q, const char *what) {
        db.rollback();
        return sqlError(q.lastError(), what);
    };
    QSqlQuery a(db);
    a.prepare(QStringLiteral("INSERT INTO applications (id, project_id, status, version, state, form, timeline, "
                             "local) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"));
    a.addBindValue(QString::fromStdString(app.id));
    a.addBindValue(QString::fromStdString(app.projectId));
    a.addBindValue(QString::fromUtf8(toString(app.status).data(), int(toString(app.status).size())));
    a.addBindValue(qint64(app.version));
    a.addBindValue(QString::fromStdString(workflowjson::toJson(app).dump()));
    a.addBindValue(QString::fromStdString(app.form.dump()));
    a.addBindValue(QString::fromStdString(timeline.dump()));
    if (!a.exec())
        return fail(a, "filing");
    QSqlQuery u(db);
    u.prepare(QStringLiteral("INSERT INTO uploads (sha256, filename, size, created_at) VALUES (?, ?, ?, ?) ON "
                             "CONFLICT (sha256) DO UPDATE SET status = CASE WHEN uploads.status = 'failed' THEN "
                             "'pending' ELSE uploads.status END, error = ''"));
    for (const auto &f : uploads) {
        u.addBindValue(f.sha256);
        u.addBindValue(f.filename);
        u.addBindValue(f.size);
        u.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!u.exec())
            return fail(u, "upload");
    }
    QSqlQuery o(db);
    o.prepare(QStringLiteral("INSERT INTO outbox (op_id, seq, command, target, expected_version, args, status, "
                             "created_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, NULL, ?, "
                             "'pending', ?)"));
    o.addBindValue(op.opId);
    o.addBindValue(op.command);
    o.addBindValue(op.target);
    o.addBindValue(QString::fromStdString(op.args.dump()));
    o.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!o.exec())
        return fail(o, "enqueue");
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

Status LocalCache::confirmFiling(const QString &opId, const QString &serverId)
{
    const QString local = filingId(opId);
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    QSqlQuery q(db);
    // Already pulled under its own id (an answer sent again): the local copy just goes.
    q.prepare(QStringLiteral("SELECT 1 FROM applications WHERE id = ?"));
    q.addBindValue(serverId);
    const bool pulled = q.exec() && q.next();
    q.finish();
    if (pulled) {
        q.prepare(QStringLiteral("DELETE FROM applications WHERE id = ? AND local = 1"));
        q.addBindValue(local);
    } else {
        q.prepare(QStringLiteral("UPDATE applications SET id = ?, state = json_set(state, '$.id', ?) WHERE id = ? AND "
                                 "local = 1"));
        q.addBindValue(serverId);
        q.addBindValue(serverId);
        q.addBindValue(local);
    }
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "confirm filing");
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

std::vector<PendingUpload> LocalCache::uploads(const QString &status) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT sha256, filename, size, upload_id, status, error FROM uploads")
              + (status.isEmpty() ? QString() : QStringLiteral(" WHERE status = ?"))
              + QStringLiteral(" ORDER BY created_at, sha256"));
    if (!status.isEmpty())
        q.addBindValue(status);
    std::vector<PendingUpload> out;
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toString()});
    return out;
}

Status LocalCache::setUploadState(const QString &sha256, const QString &uploadId, const QString &status,
                                  const QString &error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE uploads SET upload_id = ?, status = ?, error = ? WHERE sha256 = ?"));
    q.addBindValue(uploadId.isNull() ? QStringLiteral("") : uploadId); // a null QString binds NULL
    q.addBindValue(status);
    q.addBindValue(error.isNull() ? QStringLiteral("") : error);
    q.addBindValue(sha256);
    if (!q.exec())
        return sqlError(q.lastError(), "upload");
    return {};
}

Status LocalCache::enqueue(const OutboxOp &op)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO outbox (op_id, seq, command, target, expected_version, args, status, "
                             "created_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, "
                             "'pending', ?)"));
    q.addBindValue(op.opId);
    q.addBindValue(op.command);
    q.addBindValue(op.target);
    q.addBindValue(op.expectedVersion ? QVariant(qlonglong(*op.expectedVersion)) : QVariant());
    q.addBindValue(QString::fromStdString(op.args.is_null() ? std::string("{}") : op.args.dump()));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q.lastError(), "enqueue");
    return {};
}

std::vector<OutboxOp> LocalCache::ops(const QString &status) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT op_id, seq, command, target, expected_version, args, status, error, current FROM "
                             "outbox")
              + (status.isEmpty() ? QString() : QStringLiteral(" WHERE status = ?")) + QStringLiteral(" ORDER BY seq"));
    if (!status.isEmpty())
        q.addBindValue(status);
    std::vector<OutboxOp> out;
    if (q.exec())
        while (q.next()) {
            OutboxOp op;
            op.opId = q.value(0).toString();
            op.seq = q.value(1).toLongLong();
            op.command = q.value(2).toString();
            op.target = q.value(3).toString();
            if (!q.value(4).isNull())
                op.expectedVersion = q.value(4).toLongLong();
            op.args = json::parse(q.value(5).toString().toStdString(), nullptr, false);
            op.status = q.value(6).toString();
            op.error = q.value(7).toString();
            op.current = json::parse(q.value(8).toString().toStdString(), nullptr, false);
            out.push_back(std::move(op));
        }
    return out;
}

Status LocalCache::recordResult(const QString &opId, const QString &status, const QString &error, const json &current)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE outbox SET status = ?, error = ?, current = ? WHERE op_id = ?"));
    q.addBindValue(status);
    q.addBindValue(error.isNull() ? QStringLiteral("") : error); // a null QString binds NULL
    q.addBindValue(QString::fromStdString(current.dump()));
    q.addBindValue(opId);
    if (!q.exec())
        return sqlError(q.lastError(), "result");
    return {};
}

Status LocalCache::dropOp(const QString &opId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    QSqlQuery q(db);
    // A walk-in filing the server refused: its local application goes with it.
    q.prepare(QStringLiteral("DELETE FROM applications WHERE id = ? AND local = 1 AND EXISTS (SELECT 1 FROM outbox "
                             "WHERE op_id = ? AND command = 'submit' AND status <> 'pending')"));
    q.addBindValue(filingId(opId));
    q.addBindValue(opId);
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "drop");
    }
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ? AND status <> 'pending'"));
    q.addBindValue(opId);
    if (!q.exec()) {
        db.rollback();
        return sqlError(q.lastError(), "drop");
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

Result<bool> LocalCache::cancelPendingOp(const QString &opId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ? AND status = 'pending'"));
    q.addBindValue(opId);
    if (!q.exec())
        return sqlError(q.lastError(), "cancel");
    return q.numRowsAffected() > 0;
}

Status LocalCache::storeProjects(const json &items)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return sqlError(db.lastError(), "begin");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO projects (id, version, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
                             "SET version = excluded.version, data = excluded.data WHERE excluded.version >= "
                             "projects.version"));
    for (const auto &p : items.is_array() ? items : json::array()) {
        if (!p.is_object() || str(p, "id").isEmpty())
            continue;
        q.addBindValue(str(p, "id"));
        q.addBindValue(QVariant::fromValue(qint64(p.value("version", std::int64_t(0)))));
        q.addBindValue(QString::fromStdString(p.dump()));
        if (!q.exec()) {
            db.rollback();
            return sqlError(q.lastError(), "projects");
        }
    }
    if (!db.commit())
        return sqlError(db.lastError(), "commit");
    return {};
}

Status LocalCache::storePlanning(const QString &projectId, const json &planning)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO planning (project_id, data, fetched_at) VALUES (?, ?, ?) ON CONFLICT "
                             "(project_id) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at"));
    q.addBindValue(projectId);
    q.addBindValue(QString::fromStdString(planning.dump()));
    q.addBindValue(QDateTime::currentDateTime().toTimeZone(QTimeZone("Asia/Shanghai")).toString(Qt::ISODate));
    if (!q.exec())
        return sqlError(q.lastError(), "planning");
    return {};
}

Status LocalCache::mergePlanningCondition(const json &condition)
{
    const QString projectId = str(condition, "project_id");
    if (projectId.isEmpty())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM planning WHERE project_id = ?"));
    q.addBindValue(projectId);
    json stored = q.exec() && q.next() ? json::parse(q.value(0).toString().toStdString(), nullptr, false)
                                       : json{{"project_id", projectId.toStdString()}};
    if (!stored.is_object())
        stored = json{{"project_id", projectId.toStdString()}};
    json &conditions = stored["conditions"];
    if (!conditions.is_array())
        conditions = json::array();
    bool replaced = false;
    for (auto &c : conditions)
        if (c.value("id", json()) == condition.value("id", json())) {
            c = condition;
            replaced = true;
        }
    if (!replaced)
        conditions.push_back(condition);
    QSqlQuery w(QSqlDatabase::database(m_connection));
    // Keeps the time of the last full read: this is one row of it, not a new read.
    w.prepare(QStringLiteral("INSERT INTO planning (project_id, data, fetched_at) VALUES (?, ?, '') ON CONFLICT "
                             "(project_id) DO UPDATE SET data = excluded.data"));
    w.addBindValue(projectId);
    w.addBindValue(QString::fromStdString(stored.dump()));
    if (!w.exec())
        return sqlError(w.lastError(), "planning");
    return {};
}

json LocalCache::planning(const QString &projectId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data, fetched_at FROM planning WHERE project_id = ?"));
    q.addBindValue(projectId);
    json out = {{"project_id", projectId.toStdString()}, {"fetched_at", nullptr}};
    if (q.exec() && q.next()) {
        const json stored = json::parse(q.value(0).toString().toStdString(), nullptr, false);
        if (stored.is_object())
            out.update(stored);
        if (!q.value(1).toString().isEmpty())
            out["fetched_at"] = q.value(1).toString().toStdString();
    }
    for (const char *key : {"conditions", "opinions"})
        if (!out[key].is_array())
            out[key] = json::array();
    if (!out.contains("current"))
        out["current"] = nullptr;
    json &conditions = out["conditions"];
    // This desktop's work not yet confirmed by the server, laid over the server's copy.
    for (const OutboxOp &op : ops()) {
        if (op.status == QLatin1String("applied"))
            continue;
        const bool refused = op.status != QLatin1String("pending");
        if (op.command == QLatin1String("plan_condition") && op.target == projectId) {
            json c = op.args.is_object() ? op.args : json::object();
            c["id"] = op.opId.toStdString();
            c["project_id"] = projectId.toStdString();
            // What only this desktop shows until the server's copy arrives (not sent).
            const json local = op.args.value("local", json::object());
            c["department"] = str(local, "department").toStdString();
            c["author"] = str(local, "author").toStdString();
            c["created_at"] = str(local, "created_at").toStdString();
            c["withdrawn"] = false;
            c["pending"] = !refused;
            if (refused) {
                c["refused"] = true;
                c["error"] = op.error.toStdString();
            }
            c.erase("local");
            conditions.push_back(std::move(c));
        } else if (op.command == QLatin1String("plan_withdraw") && str(op.args, "project_id") == projectId) {
            for (auto &c : conditions)
                if (str(c, "id") == op.target) {
                    if (refused) {
                        c["refused"] = true;
                        c["error"] = op.error.toStdString();
                    } else {
                        c["withdrawn"] = true;
                        c["pending"] = true;
                    }
                }
        }
    }
    return out;
}

Status LocalCache::wipe()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    for (const char *table :
         {"projects", "applications", "cases", "annotations", "planning", "outbox", "meta", "guides", "uploads"})
        if (auto s = exec(QStringLiteral("DELETE FROM ") + QString::fromLatin1(table)); !s.ok()) {
            db.rollback();
            return s;
        }
    if (!db.commit())
        return sqlError(db.lastError(), "wipe");
    return {};
}

} // namespace spgl::desk
