import { dueText, estimatedText, formatDay, intervalText, scheduleText, statusLook } from './reminder-format';
import { oilChange } from './reminder-example';

describe('how a reminder reads', () => {
  it('says the interval, whichever comes first, in the vehicle’s unit', () => {
    expect(intervalText(6, 5000, 'mi', 'en-US')).toBe('every 6 months or 5,000 mi');
    expect(intervalText(12, null, 'km', 'en-US')).toBe('every year');
    expect(intervalText(24, 25000, 'km', 'de-DE')).toBe('every 2 years or 25.000 km');
    expect(intervalText(1, null, 'mi', 'en-US')).toBe('every month');
    expect(intervalText(18, null, 'mi', 'en-US')).toBe('every 18 months');
    expect(intervalText(null, 7500.5, 'mi', 'en-US')).toBe('every 7,500.5 mi');
    expect(intervalText(null, null, 'mi', 'en-US')).toBe('');
  });

  it('says when it is due next, and how it repeats', () => {
    expect(dueText(oilChange, 'en-US')).toBe('Due Jul 10, 2026 or at 15,000 mi');
    expect(dueText({ ...oilChange, nextDueOdometer: null }, 'en-US')).toBe('Due Jul 10, 2026');
    expect(dueText({ ...oilChange, nextDueDate: null }, 'en-US')).toBe('Due at 15,000 mi');
    expect(dueText({ ...oilChange, nextDueDate: null, nextDueOdometer: null }, 'en-US')).toBe('');
    expect(scheduleText(oilChange, 'en-US')).toBe('Every 6 months or 5,000 mi');
    expect(scheduleText({ ...oilChange, intervalMonths: null, intervalDistance: null }, 'en-US')).toBe('Once');
    expect(formatDay('2026-02-01', 'en-GB')).toBe('1 Feb 2026');
  });

  it('says when the odometer was estimated', () => {
    expect(estimatedText(oilChange, 'en-US')).toBeUndefined();
    expect(estimatedText({ ...oilChange, estimated: true, odometer: 12003.6 }, 'en-US')).toBe(
      'Odometer estimated at 12,004 mi from recent driving',
    );
  });

  it('gives each status its words, icon and tone, so colour is never alone', () => {
    expect(statusLook('overdue')).toEqual({ label: 'Overdue', icon: 'error', tone: 'overdue' });
    expect(statusLook('due_soon')).toEqual({ label: 'Due soon', icon: 'schedule', tone: 'due-soon' });
    expect(statusLook('ok')).toEqual({ label: 'OK', icon: 'check_circle', tone: 'ok' });
    const icons = new Set(['overdue', 'due_soon', 'ok'].map((status) => statusLook(status as never).icon));
    expect(icons.size).toBe(3);
  });
});
