#include "enginefixture.h"

#include <stdexcept>

namespace spgl::test {

std::int64_t at(const char *date, int hour)
{
    const auto d = parseIsoDate(date);
    if (!d)
        throw std::invalid_argument(date);
    return beijingMs(*d, hour);
}

EngineFixture::EngineFixture()
{
    auto calendar = WorkCalendar::fromFiles({SPGL_SOURCE_DIR "/resources/calendar/cn-national.json",
                                             SPGL_SOURCE_DIR "/resources/calendar/xj-regional.json"});
    if (!calendar.ok())
        throw std::runtime_error(calendar.error().message);
    m_calendar = calendar.value();

    ItemDefinition a;
    a.code = "A";
    a.version = "1.0";
    a.name = "建设用地规划许可证核发";
    a.department = "DEPT-A";
    a.statutoryLimit = 20;
    a.promisedLimit = 10;
    a.toleranceAllowed = true;
    a.toleranceDays = 20;
    a.commitmentAllowed = true;
    a.materials = {{"M1", "申请表", MaterialDefinition::Requirement::Required},
                   {"M2", "土地出让合同", MaterialDefinition::Requirement::Tolerable},
                   {"M3", "授权委托书", MaterialDefinition::Requirement::Optional}};
    items["A"] = a;

    ItemDefinition b;
    b.code = "B";
    b.version = "1.0";
    b.name = "建设工程规划许可证核发";
    b.department = "DEPT-B";
    b.statutoryLimit = 20;
    b.promisedLimit = 5;
    b.materials = {{"M1", "设计方案", MaterialDefinition::Requirement::Required}};
    b.specialProcedures = {{"expert_review", "专家评审", 10, Clock::Unit::Workday}};
    items["B"] = b;

    ItemDefinition c;
    c.code = "C";
    c.version = "1.0";
    c.name = "消防设计审查";
    c.department = "DEPT-C";
    c.statutoryLimit = 30;
    c.statutoryUnit = Clock::Unit::Day;
    c.promisedLimit = 15;
    c.promisedUnit = Clock::Unit::Day;
    c.materials = {{"M1", "消防设计文件", MaterialDefinition::Requirement::Required}};
    items["C"] = c;
}

EngineContext EngineFixture::context(const Actor &actor, std::int64_t nowMs) const
{
    EngineContext ctx;
    ctx.nowMs = nowMs;
    ctx.actor = actor;
    ctx.calendar = &m_calendar;
    ctx.items = [this](std::string_view code, std::string_view version) -> const ItemDefinition * {
        auto it = items.find(std::string(code));
        return it != items.end() && it->second.version == version ? &it->second : nullptr;
    };
    return ctx;
}

Application EngineFixture::submission(bool withoutTolerable) const
{
    Application a;
    a.id = "2025000001";
    a.projectId = "p-1";
    a.applicantId = applicant.id;
    a.regionCode = "650102";
    a.processCode = "P";
    a.processVersion = "1.0";
    a.stage = 1;
    a.items = {{"A", "1.0", true}, {"B", "1.0", true}, {"C", "1.0", false}};
    a.materials = {{"A", "M1", "f1"}, {"B", "M1", "f3"}, {"C", "M1", "f4"}};
    if (!withoutTolerable)
        a.materials.push_back({"A", "M2", "f2"});
    return a;
}

} // namespace spgl::test
