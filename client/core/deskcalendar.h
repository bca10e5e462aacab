#pragma once

#include "calendar/workcalendar.h"

#include <QDate>

namespace spgl::desk {

/**
 * @brief The working-day calendar the desktop decides with offline: the national calendar and
 *        the Xinjiang layer, compiled into the executable (Qt resources under ":/calendar"), so an
 *        installed spgl-desk needs no file beside it.
 *
 * The server re-decides every command with its own (possibly administrator-edited) calendar; the
 * desktop's copy only has to agree for the optimistic result it shows.
 */
Result<WorkCalendar> deskCalendar();

/// Today's date in Beijing time: notices, decisions and reports are dated by it, whatever the
/// machine's time zone (a desk in Ürümqi time reads 22:30 while Beijing is past midnight).
QDate beijingToday();

} // namespace spgl::desk
