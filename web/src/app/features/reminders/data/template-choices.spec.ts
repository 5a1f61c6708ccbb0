import { ReminderTemplate } from './reminder';
import { applyTemplatesBody, placeTemplateErrors, templateRowValue } from './template-choices';

const oil: ReminderTemplate = {
  key: 'oil_change',
  title: 'Oil change',
  category: 'oil',
  intervalMonths: 6,
  intervalDistance: 8000,
  odometerUnit: 'km',
  added: false,
};
const brakeFluid: ReminderTemplate = { ...oil, key: 'brake_fluid', intervalMonths: 24, intervalDistance: null };

describe('the template picker and the API', () => {
  it('starts each row unticked with the template’s interval', () => {
    expect(templateRowValue(oil)).toEqual({
      key: 'oil_change',
      selected: false,
      intervalMonths: '6',
      intervalDistance: '8000',
    });
    expect(templateRowValue(brakeFluid).intervalDistance).toBe('');
  });

  it('sends the ticked rows in order, with the intervals as typed; blank leaves a criterion out', () => {
    const rows = [
      { ...templateRowValue(oil), selected: true, intervalDistance: '10.000' },
      { ...templateRowValue(brakeFluid), selected: false },
      { key: 'cabin_filter', selected: true, intervalMonths: '18', intervalDistance: ' ' },
    ];
    expect(applyTemplatesBody('v1', rows)).toEqual({
      vehicleId: 'v1',
      templates: [
        { key: 'oil_change', intervalMonths: 6, intervalDistance: 10000 },
        { key: 'cabin_filter', intervalMonths: 18, intervalDistance: null },
      ],
    });
  });

  it('puts `templates.<i>.<field>` errors on the row sent i-th', () => {
    const sent = {
      vehicleId: 'v1',
      templates: [
        { key: 'oil_change', intervalMonths: 6, intervalDistance: 10000 },
        { key: 'cabin_filter', intervalMonths: 700, intervalDistance: null },
      ],
    };
    const problem = {
      status: 400,
      errors: [
        { field: 'templates.0.key', message: 'this vehicle has a Oil change reminder already' },
        { field: 'templates.1.intervalMonths', message: 'must not be greater than 600' },
        { field: 'templates.1.intervalDistance', message: 'give an interval (months and/or distance) or a due date' },
      ],
    };
    expect(placeTemplateErrors(problem, sent)).toEqual({
      rows: [
        { key: 'oil_change', field: undefined, message: 'This vehicle has a Oil change reminder already.' },
        { key: 'cabin_filter', field: 'intervalMonths', message: 'The months must not be greater than 600.' },
        { key: 'cabin_filter', field: 'intervalDistance', message: 'Give months, a distance or both.' },
      ],
      unplaced: false,
    });
    expect(placeTemplateErrors({ errors: [{ field: 'vehicleId', message: 'must be a vehicle id' }] }, sent)).toEqual({
      rows: [],
      unplaced: true,
    });
    expect(placeTemplateErrors({ errors: [{ field: 'templates.5.key', message: 'no' }] }, sent).unplaced).toBe(true);
  });
});
