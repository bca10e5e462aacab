#include "geo/packedrtree.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace spgl::geo;

class TestPackedRTree : public QObject
{
    Q_OBJECT

private slots:
    void emptyTreeFindsNothing()
    {
        PackedRTree tree;
        std::vector<uint32_t> out;
        tree.query({0, 0, 1, 1}, out);
        QVERIFY(out.empty());
        QCOMPARE(tree.size(), size_t(0));
    }

    // Every query answers exactly what a scan of all boxes answers, for several tree sizes
    // (one leaf, a partial last leaf, several levels).
    void queryMatchesBruteForce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("nodeSize");
        QTest::newRow("1") << 1 << 16;
        QTest::newRow("15") << 15 << 16;
        QTest::newRow("17") << 17 << 16;
        QTest::newRow("1000 node 4") << 1000 << 4;
        QTest::newRow("50000") << 50000 << 16;
    }
    void queryMatchesBruteForce()
    {
        QFETCH(int, count);
        QFETCH(int, nodeSize);
        std::mt19937_64 rng(count);
        std::uniform_real_distribution<double> pos(0, 1000), size(0, 20);
        std::vector<Box> boxes;
        for (int i = 0; i < count; ++i) {
            const double x = pos(rng), y = pos(rng);
            boxes.push_back({x, y, x + size(rng), y + size(rng)});
        }
        PackedRTree tree(boxes, nodeSize);
        QCOMPARE(tree.size(), size_t(count));
        std::vector<uint32_t> got;
        for (int q = 0; q < 300; ++q) {
            const double x = pos(rng), y = pos(rng), w = size(rng) * (q % 10 == 0 ? 30 : 2);
            const Box window{x, y, x + w, y + w};
            got.clear();
            tree.query(window, got);
            std::sort(got.begin(), got.end());
            std::vector<uint32_t> want;
            for (uint32_t i = 0; i < boxes.size(); ++i)
                if (boxes[i].intersects(window))
                    want.push_back(i);
            QCOMPARE(got, want);
        }
        const Box all = tree.extent();
        for (const auto &b : boxes)
            QVERIFY(all.contains(b));
    }
};

QTEST_GUILESS_MAIN(TestPackedRTree)
#include "tst_packedrtree.moc"
