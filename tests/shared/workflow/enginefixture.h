#pragma once

#include "calendar/dates.h"
#include "workflow/engine.h"

#include <QTest>

#include <map>
#include <string>
#include <vector>

namespace spgl::test {

/// A small catalog, actors and the real calendar for engine tests.
class EngineFixture
{
public:
    EngineFixture();

    const WorkCalendar &calendar() const { return m_calendar; }
    EngineContext context(const Actor &actor, std::int64_t nowMs) const;

    /// An application of stage 1 with items A, B and C, every required material handed in
    /// except A/M2 (tolerable) when @p withoutTolerable.
    Application submission(bool withoutTolerable = false) const;

    Actor applicant{"u-app", "张三", {"applicant"}, ""};
    Actor otherApplicant{"u-other", "李四", {"applicant"}, ""};
    Actor clerk{"u-clerk", "窗口王", {"window_clerk"}, "WIN"};
    Actor reviewerA{"u-ra", "自然资源赵", {"reviewer"}, "DEPT-A"};
    Actor reviewerA2{"u-ra2", "自然资源钱", {"reviewer"}, "DEPT-A"};
    Actor headA{"u-ha", "自然资源孙", {"department_head"}, "DEPT-A"};
    Actor reviewerB{"u-rb", "住建周", {"reviewer"}, "DEPT-B"};
    Actor reviewerC{"u-rc", "消防吴", {"reviewer"}, "DEPT-C"};

    std::map<std::string, ItemDefinition> items;

private:
    WorkCalendar m_calendar;
};

/// Beijing instant of a date "YYYY-MM-DD" at @p hour.
std::int64_t at(const char *date, int hour = 10);

} // namespace spgl::test

/// QCOMPARE for the engine's enums (Qt Test cannot print them), with their text in failures.
#define QCOMPARE_ENUM(actual, expected)                                                                                \
    QVERIFY2((actual) == (expected),                                                                                   \
             (std::string(spgl::toString(actual)) + " != " + std::string(spgl::toString(expected))).c_str())
