import { markDoneLink } from './mark-done-link';
import { oilChange } from './reminder-example';

describe('"Mark done"', () => {
  it('opens the service record form for the vehicle, prefilled from the reminder', () => {
    expect(markDoneLink(oilChange)).toEqual({
      commands: ['/vehicles', 'v1', 'service', 'new'],
      queryParams: {
        vehicleId: 'v1',
        category: 'oil',
        title: 'Oil change',
        serviceKey: 'oil_change',
        reminderId: 'r1',
      },
    });
  });

  it('leaves out a service the reminder does not name', () => {
    expect(markDoneLink({ ...oilChange, serviceKey: null }).queryParams).not.toHaveProperty('serviceKey');
  });
});
