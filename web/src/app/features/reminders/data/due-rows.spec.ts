import { dueRows } from './due-rows';
import { DatedDueItem, Reminder } from './reminder';

const reminder = (id: string, status: Reminder['status']) => ({ id, status }) as Reminder;
const expiry = (id: string, status: DatedDueItem['status']) => ({ id, status }) as DatedDueItem;

describe('dueRows', () => {
  it('puts everything overdue first, then due soon, keeping the order within each', () => {
    const rows = dueRows({
      reminders: [reminder('oil', 'overdue'), reminder('tyres', 'due_soon'), reminder('wipers', 'due_soon')],
      expiring: [expiry('registration', 'overdue'), expiry('insurance', 'due_soon')],
    });
    expect(rows.map((row) => row.id)).toEqual([
      'reminder:oil',
      'expiry:registration',
      'reminder:tyres',
      'reminder:wipers',
      'expiry:insurance',
    ]);
  });

  it('is empty before the list has loaded', () => {
    expect(dueRows(undefined)).toEqual([]);
  });
});
