#pragma once

#include "auth/principal.h"
#include "services/calendarservice.h"
#include "services/catalogservice.h"
#include "services/changefeed.h"
#include "services/dayserials.h"
#include "storage/database.h"
#include "workflow/engine.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace spgl::server {

/**
 * @brief The application lifecycle on the server (5.5, 5.6): projects, applications, cases,
 *        their events, clocks, notifications and change-feed rows.
 *
 * Every change runs the shared engine (spgl::Engine) on the application's stored state inside
 * one write transaction that also writes the events (全程留痕), the case rows with their clocks,
 * the change feed and the notifications. The row is locked for the transaction, so concurrent
 * commands on one application are decided one after the other: a second decision on a decided
 * case gets 409.
 *
 * Methods take the instant "now" explicitly, so that the demo generator can replay history;
 * the HTTP handlers pass the current time. Errors are ApiError (404 outside the caller's scope).
 */
class ApprovalService
{
public:
    ApprovalService(Database &db, CatalogService &catalog, CalendarService &calendar);

    /// What the blueprint says of a site (GeoJSON) that material rules may use: see
    /// Application::projectFacts. Set once at start by whoever holds the blueprint.
    using ProjectFactsProvider = std::function<nlohmann::json(const nlohmann::json &site)>;
    void setProjectFactsProvider(ProjectFactsProvider provider) { m_projectFacts = std::move(provider); }
    /// The facts of @p project's site ({} without a site or a provider).
    nlohmann::json projectFacts(const nlohmann::json &project) const;

    /// POST /projects.
    nlohmann::json createProject(const nlohmann::json &body, const Principal &who, std::int64_t now);
    /// GET /projects?q=&region=&stage=&limit=&cursor=.
    nlohmann::json listProjects(const Principal &who, const std::map<std::string, std::string> &query);
    /// GET /projects/{id}: the project with its applications and cases.
    nlohmann::json project(const std::string &id, const Principal &who, std::int64_t now);

    /// POST /applications.
    nlohmann::json submit(const nlohmann::json &body, const Principal &who, std::int64_t now);
    /// The application commands (accept, refuse, request-supplement, supplement, withdraw, deliver).
    nlohmann::json applicationCommand(const std::string &id, CommandKind kind, const nlohmann::json &body,
                                      const Principal &who, std::int64_t now);
    /// The case commands (claim, opinions, consultations, reply, suspend, resume, decide, supplement).
    nlohmann::json caseCommand(const std::string &caseId, CommandKind kind, const nlohmann::json &body,
                               const Principal &who, std::int64_t now);
    /// GET /applications/{id}: state, form, materials, cases with clocks, timeline.
    nlohmann::json application(const std::string &id, const Principal &who, std::int64_t now);
    /// GET /applications?status=&stage=&project_id=&channel=&q=&limit=&cursor=.
    nlohmann::json listApplications(const Principal &who, const std::map<std::string, std::string> &query);
    /// GET /cases?state=&department=&assignee=me&level=&limit=&cursor=.
    nlohmann::json listCases(const Principal &who, const std::map<std::string, std::string> &query);
    /// GET /cases/{id}: the case with its application.
    nlohmann::json caseDetail(const std::string &caseId, const Principal &who, std::int64_t now);
    /// GET /notifications: the caller's own and their department's.
    nlohmann::json notifications(const Principal &who, const std::map<std::string, std::string> &query);

    /// Re-reads every open case's clock at @p now; stores level/deadline changes with an alert,
    /// a notification to the department and a change-feed row; then the 容缺 follow-up
    /// (scanTolerance). Returns the number of changes and tolerance notices.
    int scanClocks(std::int64_t now);
    /// 容缺 follow-up: cases whose tolerated materials are still outstanding after their due day
    /// notify the applicant and the department, once per case. Returns how many were notified.
    int scanTolerance(std::int64_t now);

    /// An application as stored: its state, its form, whose it is and its project.
    struct Stored
    {
        Application app;
        nlohmann::json form;
        std::int64_t applicantId = 0;
        std::int64_t projectId = 0;
        std::string projectCode; ///< 项目代码 of the project
        std::string projectName;
        /// Its events as they were stored when it was loaded, as a JSON array of their timeline
        /// form (the events table's view, else its data), when read along with it (PostgreSQL:
        /// one round trip less for the timeline of an answer).
        std::optional<std::string> storedEvents;
    };
    /// What a command did: the application as it now stands, and the events it added.
    struct Outcome
    {
        Stored after;
        std::vector<Event> events;
    };

    /// Runs one command on one application in an open write transaction (the demo generator
    /// batches many). Throws ApiError like the HTTP paths.
    Outcome execute(Connection &c, const std::string &applicationId, const Command &command, const Principal &who,
                    std::int64_t now);
    /// Submits in an open write transaction; returns the new application as stored, and its
    /// events. Its daily serial is @p serial when given (taken before the transaction, see
    /// DaySerials), else taken here.
    Outcome submit(Connection &c, const nlohmann::json &body, const Principal &who, std::int64_t now,
                   std::optional<std::int64_t> serial = std::nullopt);
    /// Creates a project in an open write transaction; returns its id.
    std::int64_t createProject(Connection &c, const nlohmann::json &body, const Principal &who, std::int64_t now);

    /// The engine's actor for a principal (department id → code).
    Actor actorOf(const Principal &who);
    /// Department code of a department id ("" when none).
    std::string departmentCode(std::optional<std::int64_t> id);

private:
    Stored load(Connection &c, const std::string &id, const Principal &who, bool forUpdate);
    /// Writes @p after and its @p events, and records the changes in the feed together with
    /// @p alsoChanged (what else the transaction changed, e.g. the project a submission pins).
    void save(Connection &c, const Stored &before, const Application &after, const std::vector<Event> &events,
              std::int64_t now, bool created, std::vector<ChangeFeed::Change> alsoChanged = {});
    /// The application as the API shows it; with its timeline taken from what is in hand when
    /// that is all of it (@p storedEvents, the JSON array of Stored::storedEvents, followed by
    /// @p newEvents, those just added; or @p newEvents alone for a new application), else read
    /// from the events table.
    nlohmann::json applicationView(Connection &c, const Application &app, const nlohmann::json &form, std::int64_t now,
                                   bool withTimeline, const std::string *storedEvents = nullptr,
                                   const std::vector<Event> *newEvents = nullptr);
    /// GET /applications/{id} of @p s: what a command answers, built from the state it wrote
    /// (inside its transaction) instead of read back after the commit. @p newEvents: the events
    /// the command added after those of s.storedEvents (see applicationView).
    nlohmann::json applicationDetail(Connection &c, const Stored &s, std::int64_t now,
                                     const std::vector<Event> *newEvents = nullptr);
    void loadDepartments(Connection &c);
    std::string departmentName(const std::string &code);

    Database &m_db;
    CatalogService &m_catalog;
    CalendarService &m_calendar;
    DaySerials m_serials;
    std::mutex m_departmentsMutex;
    std::map<std::int64_t, std::string> m_departmentCodes;
    ProjectFactsProvider m_projectFacts;
    std::map<std::string, std::string> m_departmentNames;
    std::map<std::string, std::string> m_windows; ///< region code → window department code
};

} // namespace spgl::server
