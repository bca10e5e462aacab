#include "calendar/calendarlayer.h"
#include "calendar/dates.h"
#include "calendar/icalendar.h"

#include <QtTest>

using spgl::CalendarLayer;
using spgl::ICalendar;

namespace {

const std::string kNational = SPGL_SOURCE_DIR "/resources/calendar/cn-national.json";
const std::string kXinjiang = SPGL_SOURCE_DIR "/resources/calendar/xj-regional.json";
constexpr std::int64_t kStamp = 1735689600000LL; // 2025-01-01T00:00:00Z

CalendarLayer load(const std::string &path)
{
    auto layer = CalendarLayer::fromFile(path);
    if (!layer)
        qFatal("%s", layer.error().message.c_str());
    return layer.value();
}

QString str(std::chrono::year_month_day d)
{
    return QString::fromStdString(spgl::isoDate(d));
}

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

/// Whether @p text is well-formed UTF-8.
bool validUtf8(const std::string &text)
{
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (int k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

QString errorOf(const std::string &ics)
{
    const auto layer = ICalendar::parse(ics);
    if (layer.ok())
        return QString();
    return QString::fromStdString(layer.error().message);
}

} // namespace

class tst_ICalendar : public QObject
{
    Q_OBJECT
private slots:
    void exportFormat()
    {
        const auto ics = ICalendar::exportYear(load(kNational), 2024, kStamp);
        QVERIFY(ics.ok());
        const std::string &text = ics.value();
        // CRLF line ends only, every physical line at most 75 octets and valid UTF-8 on its own
        // (folding never splits a character).
        QVERIFY(text.size() > 2 && text.substr(text.size() - 2) == "\r\n");
        std::size_t pos = 0;
        int folded = 0;
        while (pos < text.size()) {
            const std::size_t end = text.find("\r\n", pos);
            QVERIFY(end != std::string::npos);
            const std::string line = text.substr(pos, end - pos);
            QVERIFY2(line.find('\n') == std::string::npos, line.c_str());
            QVERIFY2(line.find('\r') == std::string::npos, line.c_str());
            QVERIFY2(line.size() <= 75, line.c_str());
            QVERIFY2(validUtf8(line), line.c_str());
            if (!line.empty() && line[0] == ' ')
                ++folded;
            pos = end + 2;
        }
        QVERIFY(folded > 0); // the long source text is folded
        QVERIFY(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
        QVERIFY(text.find("X-SPGL-YEAR:2024\r\n") != std::string::npos);
        // 春节 2024-02-10..02-17: DTEND is the day after the last day.
        QVERIFY(text.find("DTSTART;VALUE=DATE:20240210\r\nDTEND;VALUE=DATE:20240218\r\nSUMMARY:春节\r\n")
                != std::string::npos);
        // 元旦 of the 2024 notice starts in 2023.
        QVERIFY(text.find("DTSTART;VALUE=DATE:20231230\r\nDTEND;VALUE=DATE:20240102\r\n") != std::string::npos);
        QVERIFY(text.find("CATEGORIES:HOLIDAY\r\n") != std::string::npos);
        QVERIFY(text.find("DTSTART;VALUE=DATE:20240204\r\nDTEND;VALUE=DATE:20240205\r\nSUMMARY:春节（调休上班）\r\n")
                != std::string::npos);
        QVERIFY(text.find("CATEGORIES:WORKDAY\r\n") != std::string::npos);
        QVERIFY(text.find("DTSTAMP:20250101T000000Z\r\n") != std::string::npos);
        QVERIFY(text.find("UID:cn-national-2024-h1@spgl\r\n") != std::string::npos);
        QVERIFY(text.find("END:VCALENDAR\r\n") == text.size() - 15);
        QCOMPARE(int(std::count(text.begin(), text.end(), '\n')), int(std::count(text.begin(), text.end(), '\r')));
        // 7 holidays + 8 adjusted working days.
        int events = 0;
        for (std::size_t p = 0; (p = text.find("BEGIN:VEVENT", p)) != std::string::npos; ++p)
            ++events;
        QCOMPARE(events, 15);
    }

    // Export then import gives back exactly the year, for every year of both layers.
    void roundTrip()
    {
        for (const std::string &path : {kNational, kXinjiang}) {
            const CalendarLayer layer = load(path);
            for (const CalendarLayer::Year &entry : layer.years()) {
                const auto ics = ICalendar::exportYear(layer, entry.year, kStamp);
                QVERIFY(ics.ok());
                const auto back = ICalendar::parse(ics.value());
                QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
                QCOMPARE(back->id(), layer.id());
                QCOMPARE(back->name(), layer.name());
                QCOMPARE(back->regionPrefix(), layer.regionPrefix());
                QCOMPARE(int(back->years().size()), 1);
                QVERIFY2(back->years().front() == entry, std::to_string(entry.year).c_str());

                // The same with LF line ends only.
                const auto lf = ICalendar::parse(replaceAll(ics.value(), "\r\n", "\n"));
                QVERIFY(lf.ok());
                QVERIFY(lf->years().front() == entry);
            }
        }
    }

    // Text with commas, semicolons, backslashes, line breaks and long Chinese text survives.
    void roundTripEscapesAndFolding()
    {
        auto layer = CalendarLayer::create("test;x", "测试,图层\\名称", "6501");
        QVERIFY(layer.ok());
        CalendarLayer::Year entry;
        entry.year = 2024;
        entry.source = std::string("第一行；第二行, with ; and \\ and\n换行") + std::string(60, 'x')
                       + "中文很长的说明文字中文很长的说明文字中文很长的说明文字";
        entry.confirmed = false;
        entry.holidays.push_back({"节日,名;称", std::chrono::year{2024} / 3 / 5, std::chrono::year{2024} / 3 / 7,
                                  "说明：\"引号\"、逗号,分号;"});
        entry.workdays.push_back({"节日,名;称", std::chrono::year{2024} / 3 / 9, std::string()});
        QVERIFY(layer.value().setYear(entry).ok());
        const auto ics = ICalendar::exportYear(layer.value(), 2024, kStamp);
        QVERIFY(ics.ok());
        const auto back = ICalendar::parse(ics.value());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(back->id(), layer->id());
        QCOMPARE(back->name(), layer->name());
        QCOMPARE(back->regionPrefix(), std::string("6501"));
        QVERIFY(back->years().front() == entry);

        // Folded differently (tab continuations, lines split every 20 octets, even inside a
        // character): still the same.
        std::string refolded;
        std::size_t pos = 0;
        const std::string &text = ics.value();
        while (pos < text.size()) {
            std::size_t end = text.find("\r\n", pos);
            std::string line = text.substr(pos, end - pos);
            pos = end + 2;
            if (!line.empty() && line[0] == ' ') {
                refolded.resize(refolded.size() - 2); // unfold
                line = line.substr(1);
            }
            refolded += line + "\r\n";
        }
        std::string split;
        pos = 0;
        while (pos < refolded.size()) {
            const std::size_t end = refolded.find("\r\n", pos);
            const std::string line = refolded.substr(pos, end - pos);
            pos = end + 2;
            for (std::size_t i = 0; i < line.size(); i += 20)
                split += (i ? "\t" : "") + line.substr(i, 20) + "\n";
        }
        const auto again = ICalendar::parse(split);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QVERIFY(again->years().front() == entry);
    }

    void emptyYearRoundTrips()
    {
        auto layer = CalendarLayer::create("empty", "空", "");
        QVERIFY(layer.ok());
        CalendarLayer::Year entry;
        entry.year = 2030;
        entry.source = "";
        QVERIFY(layer.value().setYear(entry).ok());
        const auto back = ICalendar::parse(ICalendar::exportYear(layer.value(), 2030, kStamp).value());
        QVERIFY(back.ok());
        QVERIFY(back->years().front() == entry);
    }

    // A file from another producer: LF line ends, multi-day events with exclusive DTEND,
    // DURATION, a VTIMEZONE and a VALARM, the "(休)"/"(班)" summaries of the chinese-days
    // calendars, no X-SPGL properties. The 2018-12-29 working day belongs to 元旦 of 2019.
    void foreignFile()
    {
        const std::string ics = "BEGIN:VCALENDAR\n"
                                "VERSION:2.0\n"
                                "PRODID:-//example//holidays//CN\n"
                                "X-WR-CALNAME:中国节假日\n"
                                "BEGIN:VTIMEZONE\n"
                                "TZID:Asia/Shanghai\n"
                                "BEGIN:STANDARD\n"
                                "DTSTART:19700101T000000\n"
                                "TZOFFSETFROM:+0800\n"
                                "TZOFFSETTO:+0800\n"
                                "END:STANDARD\n"
                                "END:VTIMEZONE\n"
                                "BEGIN:VEVENT\n"
                                "UID:1\n"
                                "DTSTART;VALUE=DATE:20181230\n"
                                "DTEND;VALUE=DATE:20190102\n"
                                "SUMMARY:元旦(休)\n"
                                "CATEGORIES:节假日\n"
                                "X-APPLE-SPECIAL-DAY:WORK-HOLIDAY\n"
                                "BEGIN:VALARM\n"
                                "ACTION:DISPLAY\n"
                                "DESCRIPTION:提醒\n"
                                "TRIGGER:-PT15M\n"
                                "END:VALARM\n"
                                "END:VEVENT\n"
                                "BEGIN:VEVENT\n"
                                "UID:2\n"
                                "DTSTART;VALUE=DATE:20181229\n"
                                "DTEND;VALUE=DATE:20181230\n"
                                "SUMMARY:元旦(班)\n"
                                "CATEGORIES:节假日\n"
                                "END:VEVENT\n"
                                "BEGIN:VEVENT\n"
                                "UID:3\n"
                                "DTSTART;VALUE=DATE:20190204\n"
                                "DURATION:P7D\n"
                                "SUMMARY:春节\n"
                                "CATEGORIES:放假\n"
                                "END:VEVENT\n"
                                "BEGIN:VEVENT\n"
                                "UID:4\n"
                                "DTSTART;VALUE=DATE:20190202\n"
                                "DTEND;VALUE=DATE:20190204\n"
                                "SUMMARY:春节补班\n"
                                "END:VEVENT\n"
                                "BEGIN:VEVENT\n"
                                "UID:5\n"
                                "DTSTART;VALUE=DATE:20190405\n"
                                "SUMMARY:清明节\n"
                                "CATEGORIES:HOLIDAY\n"
                                "END:VEVENT\n"
                                "END:VCALENDAR\n";
        const auto layer = ICalendar::parse(ics);
        QVERIFY2(layer.ok(), layer.ok() ? "" : layer.error().message.c_str());
        QCOMPARE(layer->name(), std::string("中国节假日"));
        QCOMPARE(layer->regionPrefix(), std::string());
        QCOMPARE(int(layer->years().size()), 1);
        const CalendarLayer::Year *y = layer->year(2019);
        QVERIFY(y);
        QVERIFY(!y->confirmed);
        QVERIFY(y->source.find("example") != std::string::npos);
        QCOMPARE(int(y->holidays.size()), 3);
        QCOMPARE(y->holidays[0].name, std::string("元旦"));
        QCOMPARE(str(y->holidays[0].from), u"2018-12-30"_qs);
        QCOMPARE(str(y->holidays[0].to), u"2019-01-01"_qs);
        QCOMPARE(y->holidays[1].name, std::string("春节"));
        QCOMPARE(str(y->holidays[1].from), u"2019-02-04"_qs);
        QCOMPARE(str(y->holidays[1].to), u"2019-02-10"_qs);
        QCOMPARE(str(y->holidays[2].from), u"2019-04-05"_qs); // no DTEND: one day
        QCOMPARE(str(y->holidays[2].to), u"2019-04-05"_qs);
        QCOMPARE(int(y->workdays.size()), 3);
        QCOMPARE(y->workdays[0].name, std::string("元旦"));
        QCOMPARE(str(y->workdays[0].date), u"2018-12-29"_qs);
        QCOMPARE(y->workdays[1].name, std::string("春节"));
        QCOMPARE(str(y->workdays[1].date), u"2019-02-02"_qs);
        QCOMPARE(str(y->workdays[2].date), u"2019-02-03"_qs);
    }

    void multiYearForeignFile()
    {
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20240102\r\nSUMMARY:"
                                "元旦(休)\r\nEND:VEVENT\r\n"
                                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20250102\r\nSUMMARY:"
                                "元旦(休)\r\nEND:VEVENT\r\n"
                                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250126\r\nDTEND;VALUE=DATE:20250127\r\nSUMMARY:"
                                "春节(班)\r\nEND:VEVENT\r\n"
                                "END:VCALENDAR\r\n";
        const auto layer = ICalendar::parse(ics);
        QVERIFY2(layer.ok(), layer.ok() ? "" : layer.error().message.c_str());
        QCOMPARE(int(layer->years().size()), 2);
        QCOMPARE(int(layer->year(2024)->holidays.size()), 1);
        QCOMPARE(int(layer->year(2025)->holidays.size()), 1);
        QCOMPARE(int(layer->year(2025)->workdays.size()), 1);
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("ics");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QString head = u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"_qs;
        const QString tail = u"END:VCALENDAR\r\n"_qs;
        const auto event
            = [](const QString &body) -> QString { return u"BEGIN:VEVENT\r\n"_qs + body + u"END:VEVENT\r\n"_qs; };
        QTest::newRow("empty") << QString() << u"ics.syntax"_qs << u"不是iCalendar文件"_qs;
        QTest::newRow("json") << u"{\"format\": 1}"_qs << u"ics.syntax"_qs << u"不是iCalendar文件"_qs;
        QTest::newRow("plain text") << u"hello world\r\n"_qs << u"ics.syntax"_qs << u"缺少“:”"_qs;
        QTest::newRow("no END:VCALENDAR")
            << head + event(u"DTSTART;VALUE=DATE:20240101\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs)
            << u"ics.syntax"_qs << u"缺少END:VCALENDAR"_qs;
        QTest::newRow("END mismatch") << head + u"BEGIN:VEVENT\r\nEND:VTODO\r\n"_qs + tail << u"ics.syntax"_qs
                                      << u"第4行"_qs;
        QTest::newRow("line without colon")
            << head + u"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE 20240101\r\nEND:VEVENT\r\n"_qs + tail << u"ics.syntax"_qs
            << u"第4行"_qs;
        QTest::newRow("continuation first") << u" BEGIN:VCALENDAR\r\n"_qs << u"ics.syntax"_qs << u"续行"_qs;
        QTest::newRow("no DTSTART") << head + event(u"SUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs) + tail
                                    << u"ics.event"_qs << u"缺少DTSTART"_qs;
        QTest::newRow("date-time")
            << head + event(u"DTSTART:20240101T090000Z\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs) + tail
            << u"ics.syntax"_qs << u"全天"_qs;
        QTest::newRow("bad date")
            << head + event(u"DTSTART;VALUE=DATE:20240230\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs) + tail
            << u"ics.syntax"_qs << u"20240230"_qs;
        QTest::newRow("DTEND not after DTSTART")
            << head
                   + event(u"DTSTART;VALUE=DATE:20240105\r\nDTEND;VALUE=DATE:20240105\r\nSUMMARY:元旦\r\n"
                           "CATEGORIES:HOLIDAY\r\n"_qs)
                   + tail
            << u"ics.syntax"_qs << u"DTEND"_qs;
        QTest::newRow("bad duration")
            << head
                   + event(u"DTSTART;VALUE=DATE:20240105\r\nDURATION:PT3H\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs)
                   + tail
            << u"ics.syntax"_qs << u"DURATION"_qs;
        QTest::newRow("no summary") << head + event(u"DTSTART;VALUE=DATE:20240101\r\nCATEGORIES:HOLIDAY\r\n"_qs) + tail
                                    << u"ics.event"_qs << u"缺少SUMMARY"_qs;
        QTest::newRow("unknown kind")
            << head + event(u"DTSTART;VALUE=DATE:20240101\r\nSUMMARY:元旦\r\nCATEGORIES:MEETING\r\n"_qs) + tail
            << u"ics.kind"_qs << u"无法判断"_qs;
        QTest::newRow("too long")
            << head
                   + event(u"DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20240301\r\nSUMMARY:元旦\r\n"
                           "CATEGORIES:HOLIDAY\r\n"_qs)
                   + tail
            << u"ics.event"_qs << u"超过31天"_qs;
        QTest::newRow("no events") << head + tail << u"ics.empty"_qs << u"没有"_qs;
        QTest::newRow("off and worked")
            << head + u"X-SPGL-YEAR:2024\r\n"_qs
                   + event(u"DTSTART;VALUE=DATE:20240101\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs)
                   + event(u"DTSTART;VALUE=DATE:20240101\r\nSUMMARY:元旦\r\nCATEGORIES:WORKDAY\r\n"_qs) + tail
            << u"calendar.conflict"_qs << u"2024-01-01"_qs;
        QTest::newRow("bad year") << head + u"X-SPGL-YEAR:20x4\r\n"_qs + tail << u"ics.year"_qs << u"20x4"_qs;
        QTest::newRow("bad region")
            << head + u"X-SPGL-REGION:xj\r\n"_qs
                   + event(u"DTSTART;VALUE=DATE:20240101\r\nSUMMARY:元旦\r\nCATEGORIES:HOLIDAY\r\n"_qs) + tail
            << u"calendar.format"_qs << u"区域前缀"_qs;
    }

    void brokenFiles()
    {
        QFETCH(QString, ics);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto layer = ICalendar::parse(ics.toStdString());
        QVERIFY(!layer.ok());
        QCOMPARE(QString::fromStdString(layer.error().code), code);
        const QString text = QString::fromStdString(layer.error().message);
        QVERIFY2(text.contains(message), qPrintable(text));
    }

    void exportMissingYear()
    {
        const auto ics = ICalendar::exportYear(load(kNational), 2018, kStamp);
        QVERIFY(!ics.ok());
        QCOMPARE(ics.error().code, std::string("ics.year"));
        QVERIFY(!errorOf("BEGIN:VCALENDAR\r\n").isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_ICalendar)
#include "tst_icalendar.moc"
