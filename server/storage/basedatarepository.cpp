#include "storage/basedatarepository.h"

namespace spgl::server {

nlohmann::json BaseDataRepository::regions(Connection &c, const std::optional<std::string> &parent)
{
    const SqlRows rows
        = parent
              ? c.query("SELECT code, name, parent_code, level, valid FROM regions WHERE parent_code = ? ORDER BY code",
                        {*parent})
              : c.query("SELECT code, name, parent_code, level, valid FROM regions ORDER BY code");
    nlohmann::json items = nlohmann::json::array();
    for (const auto &r : rows)
        items.push_back({{"code", r.text(0)},
                         {"name", r.text(1)},
                         {"parent_code", r.isNull(2) ? nlohmann::json() : nlohmann::json(r.text(2))},
                         {"level", r.integer(3)},
                         {"valid", r.integer(4) != 0}});
    return items;
}

nlohmann::json BaseDataRepository::departments(Connection &c, const std::optional<std::string> &region)
{
    const SqlRows rows = region ? c.query("SELECT id, code, name, short_name, region_code, kind FROM departments "
                                          "WHERE region_code = ? ORDER BY sort_order, id",
                                          {*region})
                                : c.query("SELECT id, code, name, short_name, region_code, kind FROM departments "
                                          "ORDER BY region_code, sort_order, id");
    nlohmann::json items = nlohmann::json::array();
    for (const auto &r : rows)
        items.push_back({{"id", r.text(0)},
                         {"code", r.text(1)},
                         {"name", r.text(2)},
                         {"short_name", r.text(3)},
                         {"region_code", r.text(4)},
                         {"kind", r.text(5)}});
    return items;
}

} // namespace spgl::server
