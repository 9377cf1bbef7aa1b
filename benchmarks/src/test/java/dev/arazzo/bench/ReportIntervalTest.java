package dev.arazzo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code runcpu} verdict: a 95% Student-t interval of the mean ratio over processes against 1.02x. */
class ReportIntervalTest {

    @Test
    void intervalIsStudentTOverTheProcesses() {
        // 5 processes, sd 0.028: t(4) = 2.776, half width 2.776 * 0.028 / sqrt(5)
        assertEquals(0.03476, Report.halfInterval(0.028, 5), 1e-4);
        // 10 processes: t(9) = 2.262
        assertEquals(2.262 * 0.01 / Math.sqrt(10), Report.halfInterval(0.01, 10), 1e-9);
        // many: the normal's 1.96
        assertEquals(1.96 * 0.01 / Math.sqrt(100), Report.halfInterval(0.01, 100), 1e-9);
        assertTrue(Double.isNaN(Report.halfInterval(0.01, 1)));
    }

    @Test
    void verdictNeedsTheWholeIntervalOnOneSide() {
        assertEquals("≤ 1.02x: yes", Report.verdict(0.98, 1.02));
        assertEquals("≤ 1.02x: not shown", Report.verdict(0.98, 1.03));
        assertEquals("≤ 1.02x: no", Report.verdict(1.021, 1.05));
    }
}
