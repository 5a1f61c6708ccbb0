import { markDoneLink } from './mark-done-link';
import { oilChange } from './reminder-example';

describe('"Mark done"', () => {
  it('opens the service record form for the vehicle, filled in from the reminder', () => {
    expect(markDoneLink(oilChange)).toEqual({
      commands: ['/service', 'new'],
      queryParams: { vehicleId: 'v1', category: 'oil', title: 'Oil change', reminderId: 'r1' },
    });
  });
});
