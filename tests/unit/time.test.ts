import { isoDuration, scorm12Duration, scorm12Time, scorm2004Timestamp } from '../../src/runtime/tracking/time';

describe('SCORM time formats (runtime-requirements items 15–17)', () => {
  test('SCORM 1.2 timespan: 4-digit hours, 2-digit centiseconds, capped', () => {
    expect(scorm12Duration(0)).toBe('0000:00:00.00');
    expect(scorm12Duration(307040)).toBe('0000:05:07.04');
    expect(scorm12Duration(3600_000 * 10000)).toBe('9999:59:59.99');
  });

  test('SCORM 1.2 interaction time is HH:MM:SS', () => {
    expect(scorm12Time(new Date(2026, 0, 2, 3, 4, 5))).toBe('03:04:05');
  });

  test('ISO 8601 durations: no weeks, at most 2 decimals, PT0S for zero', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3723450)).toBe('PT1H2M3.45S');
    expect(isoDuration(60000)).toBe('PT1M');
    expect(isoDuration(1234)).toBe('PT1.23S');
  });

  test('SCORM 2004 timestamps carry 2 fraction digits before Z', () => {
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 10, 26, 19, 2, 3, 456)))).toBe('2026-11-26T19:02:03.45Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 0)))).toBe('2026-01-01T00:00:00.00Z');
  });
});
