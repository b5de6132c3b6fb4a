package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Trends.Change;
import com.journeyexplorer.analysis.Trends.Period;
import com.journeyexplorer.analysis.Trends.PeriodLength;
import com.journeyexplorer.analysis.Trends.Rate;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

class TrendsTests {

    private static final long DAY = 86_400_000L;
    /** 2026-01-01T00:00:00Z, a Thursday. */
    private static final long JANUARY_1 = DemoStore.BASE_EPOCH_MILLIS;
    private static final List<Touchpoint> TOUCHPOINTS = List.of(new Touchpoint(0, "A", "", "", Owner.OWN),
            new Touchpoint(1, "X", "", "", Owner.COMPETITOR), new Touchpoint(2, "buy", "", "purchase", Owner.OWN));

    @Test
    void ratesIntervalsTestsAndFlagsByHand() {
        List<Journey> journeys = new ArrayList<>();
        int[][] days = {{2, 6, 2}, {2, 6, 2}, {2, 6, 2}, {8, 1, 1}, {2, 6, 2}}; // purchases, abandoned, diverted
        for (int d = 0; d < days.length; d++) {
            add(journeys, JANUARY_1 + d * DAY + 3_600_000L, days[d]);
        }

        Trends trends = Trends.of(snapshot(journeys), JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC, 2,
                0.95, 0.05, 100);

        assertThat(trends.periods()).extracting(Period::start).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 1, 5));
        assertThat(trends.periods().get(4).end()).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(trends.periods()).extracting(Period::journeys).containsOnly(10L);
        assertThat(trends.tested()).isEqualTo(3); // days 0 and 1 have no full baseline of two days
        Rate first = trends.periods().get(0).purchase();
        assertThat(first.rate()).isEqualTo(0.2);
        assertThat(first.baselineRate()).isNull();
        assertThat(first.pValue()).isNull();
        // Wilson: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = 0.2, n = 10
        double z = 1.959963984540054;
        double center = (0.2 + z * z / 20) / (1 + z * z / 10);
        double half = z * Math.sqrt(0.2 * 0.8 / 10 + z * z / 400) / (1 + z * z / 10);
        assertThat(first.interval().lower()).isCloseTo(center - half, within(1e-12));
        assertThat(first.interval().upper()).isCloseTo(center + half, within(1e-12));

        Period same = trends.periods().get(2);
        assertThat(same.purchase().baselineRate()).isEqualTo(0.2);
        assertThat(same.purchase().pValue()).isEqualTo(1.0);
        assertThat(same.flagged()).isFalse();
        // Day 3: 8/10 purchases against 4/20; pooled 12/30, z = 0.6 / sqrt(0.4 · 0.6 · (1/10 + 1/20)) = 3.1623
        Period changed = trends.periods().get(3);
        assertThat(changed.purchase().pValue()).isCloseTo(0.0015654, within(1e-6));
        assertThat(changed.purchase().adjustedPValue()).isCloseTo(3 * 0.0015654, within(3e-6)); // smallest of 3
        assertThat(changed.purchase().change()).isEqualTo(Change.UP);
        // abandonment 1/10 against 12/20: z = -2.6052, p = 0.00918, Holm 3 · p = 0.0275
        assertThat(changed.abandonment().adjustedPValue()).isCloseTo(3 * 0.0091828, within(3e-5));
        assertThat(changed.abandonment().change()).isEqualTo(Change.DOWN);
        assertThat(changed.diversion().change()).isNull();
        assertThat(changed.flagged()).isTrue();
        // Day 4: back to 2/10 against the pooled days 2 and 3 (10/20): p = 0.1138, not flagged after Holm
        Period after = trends.periods().get(4);
        assertThat(after.purchase().baselineRate()).isEqualTo(0.5);
        assertThat(after.purchase().pValue()).isCloseTo(0.11385, within(1e-4));
        assertThat(after.flagged()).isFalse();
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirstInTheZone() {
        List<Journey> journeys = new ArrayList<>();
        long sundayNight = JANUARY_1 + 3 * DAY + 23 * 3_600_000L + 1_800_000L; // 2026-01-04T23:30Z, a Sunday
        long endOfJanuary = JANUARY_1 + 30 * DAY + 23 * 3_600_000L + 1_800_000L; // 2026-01-31T23:30Z
        add(journeys, sundayNight, new int[] {1, 0, 0});
        add(journeys, endOfJanuary, new int[] {0, 1, 0});
        JourneySnapshot snapshot = snapshot(journeys);
        ZoneId paris = ZoneId.of("Europe/Paris");

        Trends utcWeeks = Trends.of(snapshot, JourneySelection.all(), PeriodLength.WEEK, ZoneOffset.UTC, 8, 0.95,
                0.05, 100);
        Trends parisWeeks = Trends.of(snapshot, JourneySelection.all(), PeriodLength.WEEK, paris, 8, 0.95, 0.05,
                100);
        Trends utcMonths = Trends.of(snapshot, JourneySelection.all(), PeriodLength.MONTH, ZoneOffset.UTC, 8, 0.95,
                0.05, 100);
        Trends parisMonths = Trends.of(snapshot, JourneySelection.all(), PeriodLength.MONTH, paris, 8, 0.95, 0.05,
                100);

        assertThat(utcWeeks.periods().get(0).start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(utcWeeks.periods().get(0).journeys()).isEqualTo(1);
        assertThat(utcWeeks.periods()).hasSize(5); // to the week of January 26
        assertThat(parisWeeks.periods().get(0).start()).isEqualTo(LocalDate.of(2026, 1, 5)); // Monday 00:30 there
        assertThat(parisWeeks.periods().get(0).end()).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(utcMonths.periods()).extracting(Period::journeys).containsExactly(2L);
        assertThat(parisMonths.periods()).extracting(Period::start).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1));
        assertThat(parisMonths.periods()).extracting(Period::journeys).containsExactly(1L, 1L);
        assertThat(utcWeeks.tested()).isZero();
    }

    @Test
    void withAFromBoundTheBaselineReachesBackAndThePeriodsAreCut() {
        List<Journey> journeys = new ArrayList<>();
        int[][] days = {{2, 6, 2}, {2, 6, 2}, {2, 6, 2}, {8, 1, 1}};
        for (int d = 0; d < days.length; d++) {
            add(journeys, JANUARY_1 + d * DAY + 3_600_000L, days[d]);
        }
        add(journeys, JANUARY_1 + 3 * DAY, new int[] {1, 0, 0}); // midnight: before 'from' on its day
        JourneySelection fromDay3 = JourneySelection.all().withPeriod(JANUARY_1 + 3 * DAY + 60_000L,
                JANUARY_1 + 4 * DAY);

        Trends trends = Trends.of(snapshot(journeys), fromDay3, PeriodLength.DAY, ZoneOffset.UTC, 2, 0.95, 0.05,
                100);

        assertThat(trends.periods()).hasSize(1);
        Period day3 = trends.periods().get(0);
        assertThat(day3.start()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(day3.journeys()).isEqualTo(10);
        assertThat(day3.purchase().baselineRate()).isEqualTo(0.2); // days 1 and 2, before 'from'
        assertThat(trends.tested()).isEqualTo(1);
    }

    @Test
    void tooManyPeriodsIsRefusedAndNothingSelectedHasNoPeriods() {
        List<Journey> journeys = new ArrayList<>();
        add(journeys, JANUARY_1, new int[] {1, 0, 0});
        add(journeys, JANUARY_1 + 40 * DAY, new int[] {1, 0, 0});
        JourneySnapshot snapshot = snapshot(journeys);

        assertThatThrownBy(() -> Trends.of(snapshot, JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC, 8,
                0.95, 0.05, 40)).isInstanceOf(Trends.TooManyPeriodsException.class);
        JourneySelection fromDay3 = JourneySelection.all().withPeriod(JANUARY_1 + 3 * DAY, null);
        assertThatThrownBy(() -> Trends.of(snapshot, fromDay3, PeriodLength.WEEK, ZoneOffset.UTC, 8, 0.95, 0.05, 2))
                .isInstanceOfSatisfying(Trends.TooManyPeriodsException.class, e -> assertThat(e.first())
                        .as("the day 'from' names, not its week's Monday").isEqualTo(LocalDate.of(2026, 1, 4)));
        assertThat(Trends.of(snapshot, JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC, 8, 0.95, 0.05, 41)
                .periods()).hasSize(41);
        assertThat(Trends.of(snapshot, JourneySelection.all().withSegment("nobody"), PeriodLength.DAY,
                ZoneOffset.UTC, 8, 0.95, 0.05, 40).periods()).isEmpty();
    }

    @Test
    void countsDataWhoseStartsSpanMoreThanAnIntOfSeconds() {
        List<Journey> journeys = new ArrayList<>();
        long year1900 = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        add(journeys, year1900, new int[] {1, 0, 0}); // a stray default date, 126 years before the rest
        add(journeys, JANUARY_1 + DAY, new int[] {1, 2, 0});
        add(journeys, JANUARY_1 + 40 * DAY, new int[] {0, 1, 1});
        JourneySelection from2026 = JourneySelection.all().withPeriod(JANUARY_1, null);

        Trends trends = Trends.of(snapshot(journeys), from2026, PeriodLength.MONTH, ZoneOffset.UTC, 8, 0.95, 0.05,
                100);

        assertThat(trends.periods()).extracting(Period::start).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1));
        assertThat(trends.periods()).extracting(Period::journeys).containsExactly(3L, 2L);
        assertThat(trends.periods().get(0).purchase().journeys()).isEqualTo(1);
    }

    @Test
    void countsAJourneyAddedAnIntOfSecondsAfterTheEarliestStart() {
        List<Journey> journeys = new ArrayList<>();
        add(journeys, JANUARY_1, new int[] {1, 1, 0});
        JourneySnapshot base = snapshot(journeys);
        JourneyTimes.of(base); // built, so that the next snapshot's times follow from these
        List<Journey> added = new ArrayList<>(journeys);
        long year2100 = LocalDate.of(2100, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        add(added, year2100, new int[] {0, 1, 0});
        JourneySnapshot next = base.withChanges(TOUCHPOINTS, added.subList(2, 3));

        Trends trends = Trends.of(next, JourneySelection.all().withPeriod(year2100, null), PeriodLength.MONTH,
                ZoneOffset.UTC, 8, 0.95, 0.05, 100);

        assertThat(trends.periods()).extracting(Period::start).containsExactly(LocalDate.of(2100, 1, 1));
        assertThat(trends.periods()).extracting(Period::journeys).containsExactly(1L);
    }

    /**
     * 100 seeded series of 30 days with the same rates every day: per rate, Holm keeps the chance that a series has
     * any flagged day at alpha (5 %), so about 5 series of 100 and hardly more than 13 (four standard deviations);
     * uncorrected, about two thirds of the series would have one.
     */
    @Test
    void dataWithoutAChangeFlagsNoMoreThanTheLevelAllows() {
        Random random = new Random(20_260_302L);
        int[] seriesWithAFlag = new int[3];
        int testedPeriods = 0;
        for (int series = 0; series < 100; series++) {
            List<Journey> journeys = new ArrayList<>();
            for (int d = 0; d < 30; d++) {
                int[] outcomes = new int[3];
                for (int j = 0; j < 100; j++) {
                    double u = random.nextDouble();
                    outcomes[u < 0.2 ? 0 : u < 0.8 ? 1 : 2]++;
                }
                add(journeys, JANUARY_1 + d * DAY + 1_000L, outcomes);
            }
            Trends trends = Trends.of(snapshot(journeys), JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC,
                    8, 0.95, 0.05, 100);
            testedPeriods += trends.tested();
            List<List<Rate>> rates = trends.periods().stream()
                    .map(p -> List.of(p.purchase(), p.abandonment(), p.diversion())).toList();
            for (int r = 0; r < 3; r++) {
                int rate = r;
                if (rates.stream().anyMatch(period -> period.get(rate).change() != null)) {
                    seriesWithAFlag[rate]++;
                }
            }
        }
        assertThat(testedPeriods).isEqualTo(100 * 22);
        assertThat(java.util.Arrays.stream(seriesWithAFlag).max().orElseThrow()).as(java.util.Arrays.toString(
                seriesWithAFlag)).isLessThanOrEqualTo(13);
    }

    @Test
    void theDemoStoresSurchargeWeekIsTheOneWeekFlagged() {
        JourneySnapshot demo = JourneyFixture.demo(42, 20_000);

        Trends weeks = Trends.of(demo, JourneySelection.all(), PeriodLength.WEEK, ZoneOffset.UTC, 8, 0.95, 0.05,
                100);
        Trends days = Trends.of(demo, JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC, 8, 0.95, 0.05, 100);

        List<Period> flagged = weeks.periods().stream().filter(Period::flagged).toList();
        assertThat(flagged).extracting(Period::start).containsExactly(LocalDate.of(2026, 3, 2));
        assertThat(flagged.get(0).abandonment().change()).isEqualTo(Change.UP);
        assertThat(flagged.get(0).purchase().change()).isEqualTo(Change.DOWN);
        assertThat(weeks.tested()).isEqualTo(6); // 14 weeks from December 29, the first 8 without a full baseline
        // By day, the surcharge days stand out too, and nothing before them does. (After them the trailing baselines
        // hold the bad days, so the return to normal may be flagged as the opposite change.)
        List<Period> flaggedDays = days.periods().stream().filter(Period::flagged).toList();
        assertThat(flaggedDays).isNotEmpty();
        assertThat(flaggedDays).allMatch(day -> !day.start().isBefore(LocalDate.of(2026, 3, 2)));
        assertThat(flaggedDays.stream().filter(day -> day.start().isBefore(LocalDate.of(2026, 3, 9))))
                .anyMatch(day -> day.abandonment().change() == Change.UP);
    }

    @Test
    void aPeriodWithJourneysStillOpenIsSettlingAndNotTested() {
        List<Journey> journeys = new ArrayList<>();
        int[][] days = {{2, 4, 4}, {2, 4, 4}, {2, 4, 4}, {2, 8, 0}};
        for (int d = 0; d < days.length; d++) {
            add(journeys, JANUARY_1 + d * DAY + 3_600_000L, days[d]);
        }
        // Day 3's diverted journeys have not ended yet: still on the competitor's page, open; its finished journeys
        // are all abandonments and purchases, a drop in diversion that the next import would take back.
        long day3 = JANUARY_1 + 3 * DAY + 3_600_000L;
        for (int i = 0; i < 4; i++) {
            journeys.add(new Journey("open" + i, null, new int[] {0, 1}, new long[] {day3, day3 + 60_000L},
                    new byte[] {EventType.TOUCHPOINT.code(), EventType.TOUCHPOINT.code()}, null, Outcome.OPEN, -1, 0,
                    1, "", "", Map.of()));
        }

        Trends trends = Trends.of(snapshot(journeys), JourneySelection.all(), PeriodLength.DAY, ZoneOffset.UTC, 2,
                0.95, 0.05, 100);

        Period settling = trends.periods().get(3);
        assertThat(settling.stillOpen()).isEqualTo(4);
        assertThat(settling.journeys()).as("finished journeys only, as before").isEqualTo(10);
        assertThat(settling.diversion().rate()).isZero();
        assertThat(settling.diversion().pValue()).as("not tested").isNull();
        assertThat(settling.flagged()).isFalse();
        assertThat(trends.tested()).isEqualTo(1);
        assertThat(trends.periods().get(2).stillOpen()).isZero();
        assertThat(trends.periods().get(2).diversion().pValue()).isNotNull();
    }

    /** Journeys starting at {@code start}: {@code outcomes[0]} purchases, then abandoned and diverted ones. */
    private static void add(List<Journey> journeys, long start, int[] outcomes) {
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < outcomes[o]; i++) {
                int[] steps = o == 0 ? new int[] {0, 2} : o == 1 ? new int[] {0, 0} : new int[] {0, 1};
                byte[] types = {EventType.TOUCHPOINT.code(),
                    (o == 0 ? EventType.PURCHASE : EventType.TOUCHPOINT).code()};
                Outcome outcome = o == 0 ? Outcome.PURCHASE : o == 1 ? Outcome.ABANDONED : Outcome.DIVERTED;
                journeys.add(new Journey("j" + journeys.size(), null, steps, new long[] {start, start + 60_000L},
                        types, null, outcome, o == 0 ? 1 : -1, 0, 1, "", "", Map.of()));
            }
        }
    }

    private static JourneySnapshot snapshot(List<Journey> journeys) {
        return new JourneySnapshot(TOUCHPOINTS, journeys, 1);
    }
}
