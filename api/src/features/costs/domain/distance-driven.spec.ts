import { OdometerTimeline } from './distance-driven';

describe('OdometerTimeline: the odometer along the calendar, from readings', () => {
  const timeline = new OdometerTimeline([
    { day: '2026-03-20', odometer: 10_300 },
    { day: '2026-01-05', odometer: 10_000 },
    { day: '2026-02-10', odometer: 10_150 },
    { day: '2026-02-10', odometer: 10_120 },
  ]);

  it('reads, at the start of a day, the highest reading of an earlier day', () => {
    expect(timeline.startOf('2026-02-10')).toBe(10_000);
    expect(timeline.startOf('2026-02-11')).toBe(10_150);
    expect(timeline.startOf('2027-01-01')).toBe(10_300);
  });

  it('starts from the lowest reading of all before any reading, and with no end given', () => {
    expect(timeline.startOf('2025-01-01')).toBe(10_000);
    expect(timeline.startOf()).toBe(10_000);
  });

  it('gives the distance of a half-open range of days, whole history when an end is left out', () => {
    expect(timeline.distance('2026-02-01', '2026-03-01')).toBe(150);
    expect(timeline.distance('2026-01-01', '2026-02-10')).toBe(0);
    expect(timeline.distance('2026-02-10', '2026-02-11')).toBe(150);
    expect(timeline.distance()).toBe(300);
    expect(timeline.distance('2026-03-01')).toBe(150);
    expect(timeline.distance(undefined, '2026-03-01')).toBe(150);
    expect(timeline.distance('2026-05-01', '2026-06-01')).toBe(0);
  });

  it('months add up to the whole', () => {
    const months = [
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ];
    expect(months.reduce((sum, [from, to]) => sum + timeline.distance(from, to), 0)).toBe(timeline.distance());
  });

  it('lets a reading dated before a lower one (an initial reading added later than the history) count from the lowest', () => {
    // History logged from 2024 at 40,000; the vehicle was added (initial reading) in 2026 at 50,000.
    const history = new OdometerTimeline([
      { day: '2026-01-15', odometer: 50_000 },
      { day: '2024-06-01', odometer: 40_000 },
      { day: '2025-06-01', odometer: 45_000 },
      { day: '2026-03-01', odometer: 51_000 },
    ]);
    expect(history.distance('2024-01-01', '2025-01-01')).toBe(0);
    expect(history.distance('2025-01-01', '2026-01-01')).toBe(5_000);
    expect(history.distance('2026-01-01', '2027-01-01')).toBe(6_000);
    // A service dated before the vehicle was added, above its initial reading: distance from the initial one.
    const early = new OdometerTimeline([
      { day: '2026-03-01', odometer: 50_000 },
      { day: '2025-06-10', odometer: 50_500 },
      { day: '2026-04-01', odometer: 51_000 },
    ]);
    expect(early.distance('2025-06-01', '2025-07-01')).toBe(500);
    expect(early.distance('2026-03-01', '2026-04-01')).toBe(0);
    expect(early.distance()).toBe(1_000);
  });

  it('knows nothing without readings', () => {
    const empty = new OdometerTimeline([]);
    expect(empty.hasReadings).toBe(false);
    expect(empty.startOf('2026-01-01')).toBeNull();
    expect(empty.distance()).toBe(0);
  });
});
