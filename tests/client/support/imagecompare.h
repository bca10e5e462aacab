#pragma once

#include <QImage>
#include <QString>

#include <cstdlib>

/// Result of comparing a render with its reference picture.
struct ImageDiff
{
    bool sameSize = false;
    qint64 differing = 0; ///< pixels where some channel differs by more than the tolerance
    qint64 total = 0;
    double fraction() const { return total ? double(differing) / double(total) : 1.0; }
    /// True when at most @p maxFraction of the pixels differ.
    bool matches(double maxFraction = 0.002) const { return sameSize && fraction() <= maxFraction; }
};

/// Compares two pictures pixel by pixel with a per-channel tolerance.
inline ImageDiff compareImages(const QImage &actual, const QImage &reference, int tolerance = 12)
{
    ImageDiff d;
    const QImage a = actual.convertToFormat(QImage::Format_ARGB32);
    const QImage b = reference.convertToFormat(QImage::Format_ARGB32);
    d.sameSize = a.size() == b.size();
    if (!d.sameSize)
        return d;
    d.total = qint64(a.width()) * a.height();
    for (int y = 0; y < a.height(); ++y) {
        const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const QRgb u = pa[x], v = pb[x];
            if (std::abs(qRed(u) - qRed(v)) > tolerance || std::abs(qGreen(u) - qGreen(v)) > tolerance
                || std::abs(qBlue(u) - qBlue(v)) > tolerance || std::abs(qAlpha(u) - qAlpha(v)) > tolerance)
                ++d.differing;
        }
    }
    return d;
}
