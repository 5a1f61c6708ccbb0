import {
  ReminderFormValue,
  isStartField,
  newReminderOf,
  placeReminderErrors,
  reminderFieldsOf,
  reminderFormValue,
} from './reminder-body';
import { oilChange } from './reminder-example';

const blank = reminderFormValue();
const form = (fields: Partial<ReminderFormValue>): ReminderFormValue => ({ ...blank, ...fields });

describe('the reminder form and the API', () => {
  it('starts a new reminder as recurring, and shows a stored one as it is', () => {
    expect(blank).toMatchObject({ title: '', category: '', schedule: 'recurring', intervalMonths: '' });
    expect(reminderFormValue(oilChange)).toEqual({
      title: 'Oil change',
      category: 'Oil',
      schedule: 'recurring',
      intervalMonths: '6',
      intervalDistance: '5000',
      dueDate: '',
      dueOdometer: '',
      startDate: '2026-01-10',
      startOdometer: '10000',
      notes: '',
    });
    const once = {
      ...oilChange,
      intervalMonths: null,
      intervalDistance: null,
      dueDate: '2026-05-01',
      dueFrom: 'fixed',
    };
    expect(reminderFormValue(once as typeof oilChange)).toMatchObject({
      schedule: 'once',
      dueDate: '2026-05-01',
      startDate: '',
      startOdometer: '',
    });
  });

  it('sends a new reminder’s chosen schedule only, and its category by its key', () => {
    const recurring = form({ title: ' Oil change ', category: 'oil', intervalMonths: '6', intervalDistance: '5,000' });
    expect(newReminderOf(recurring, 'v1')).toEqual({
      vehicleId: 'v1',
      title: 'Oil change',
      category: 'oil',
      intervalMonths: 6,
      intervalDistance: 5000,
    });
    const once = form({
      title: 'Recall',
      category: 'Car wash',
      schedule: 'once',
      intervalMonths: '6',
      dueDate: '2026-05-01',
      startDate: '2026-01-01',
      notes: ' Dealer ',
    });
    expect(newReminderOf(once, 'v1')).toEqual({
      vehicleId: 'v1',
      title: 'Recall',
      category: 'car wash',
      dueDate: '2026-05-01',
      notes: 'Dealer',
    });
    expect(
      newReminderOf(form({ title: 'T', category: 'Oil', startDate: '2026-01-01', startOdometer: '9 000' }), 'v1'),
    ).toMatchObject({ startDate: '2026-01-01', startOdometer: 9000 });
  });

  it('clears the other schedule’s fields and emptied ones on an edit', () => {
    const toOnce = { ...reminderFormValue(oilChange), schedule: 'once' as const, dueOdometer: '20000' };
    expect(reminderFieldsOf(toOnce, true)).toEqual({
      title: 'Oil change',
      category: 'oil',
      intervalMonths: null,
      intervalDistance: null,
      dueDate: null,
      dueOdometer: 20000,
      notes: null,
    });
    const monthsOnly = { ...reminderFormValue(oilChange), intervalDistance: '' };
    expect(reminderFieldsOf(monthsOnly, true)).toMatchObject({
      intervalMonths: 6,
      intervalDistance: null,
      dueDate: null,
      dueOdometer: null,
      startDate: '2026-01-10',
      startOdometer: 10000,
    });
  });

  it('places the API’s field errors under the fields shown, in the form’s words', () => {
    const neither = {
      status: 400,
      errors: ['intervalMonths', 'intervalDistance', 'dueDate', 'dueOdometer'].map((field) => ({
        field,
        message: 'give an interval (months and/or distance) or a due date and/or odometer',
      })),
    };
    expect(placeReminderErrors(neither, 'recurring')).toEqual({
      fields: [
        { field: 'intervalMonths', message: 'Give months, a distance or both.' },
        { field: 'intervalDistance', message: 'Give months, a distance or both.' },
      ],
      unplaced: false,
    });
    expect(placeReminderErrors(neither, 'once').fields.map((placed) => placed.field)).toEqual([
      'dueDate',
      'dueOdometer',
    ]);
    const bad = {
      errors: [
        { field: 'intervalMonths', message: 'must be a whole number of months' },
        { field: 'serviceKey', message: 'must be a key' },
      ],
    };
    expect(placeReminderErrors(bad, 'recurring')).toEqual({
      fields: [{ field: 'intervalMonths', message: 'The months must be a whole number of months.' }],
      unplaced: true,
    });
    expect(placeReminderErrors({ status: 500, detail: 'Boom' }, 'once')).toEqual({ fields: [], unplaced: true });
    expect(isStartField('startOdometer')).toBe(true);
    expect(isStartField('dueDate')).toBe(false);
  });
});
