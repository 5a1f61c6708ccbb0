import fc from 'fast-check';
import { builtInCategories } from './maintenance-categories';
import { reminderFromTemplate, reminderTemplate, reminderTemplates } from './reminder-templates';

const target = { odometerUnit: 'mi' as const, startDate: '2025-06-01', startOdometer: 42_000 };

describe('reminder templates', () => {
  it('has the ten built-in schedules', () => {
    expect(reminderTemplates.map((template) => template.key)).toEqual([
      'oil_change',
      'tire_rotation',
      'brake_fluid',
      'coolant',
      'air_filter',
      'cabin_filter',
      'spark_plugs',
      'timing_belt',
      'inspection',
      'registration_renewal',
    ]);
  });

  it('gives each a built-in category, a title and at least one interval', () => {
    for (const template of reminderTemplates) {
      expect(builtInCategories).toContain(template.category);
      expect(template.title.length).toBeGreaterThan(0);
      expect(template.intervalMonths !== null || template.intervalDistance !== null).toBe(true);
    }
  });

  it('gives distances in both units as round numbers close to each other', () => {
    for (const { intervalDistance } of reminderTemplates) {
      if (intervalDistance === null) continue;
      expect(intervalDistance.mi % 1000).toBe(0);
      expect(intervalDistance.km % 1000).toBe(0);
      expect(Math.abs(intervalDistance.km / (intervalDistance.mi * 1.609344) - 1)).toBeLessThan(0.05);
    }
  });

  it('finds a template by key', () => {
    expect(reminderTemplate('oil_change')?.title).toBe('Oil change');
    expect(reminderTemplate('warp_core')).toBeUndefined();
  });
});

describe('reminderFromTemplate', () => {
  const oilChange = reminderTemplate('oil_change')!;

  it('makes a recurring reminder with the distance in the vehicle’s unit', () => {
    expect(reminderFromTemplate(oilChange, target)).toEqual({
      title: 'Oil change',
      category: 'oil',
      intervalMonths: 6,
      intervalDistance: 5000,
      dueDate: null,
      dueOdometer: null,
      startDate: '2025-06-01',
      startOdometer: 42_000,
    });
    expect(reminderFromTemplate(oilChange, { ...target, odometerUnit: 'km' })).toMatchObject({
      intervalDistance: 8000,
    });
    expect(reminderFromTemplate(reminderTemplate('inspection')!, target)).toMatchObject({
      category: 'inspection',
      intervalMonths: 12,
      intervalDistance: null,
    });
  });

  it('takes the user’s changes', () => {
    expect(
      reminderFromTemplate(oilChange, target, {
        title: ' Synthetic oil ',
        intervalMonths: 12,
        intervalDistance: 10_000,
      }),
    ).toMatchObject({ title: 'Synthetic oil', intervalMonths: 12, intervalDistance: 10_000 });
    expect(reminderFromTemplate(oilChange, target, { intervalMonths: null })).toMatchObject({
      intervalMonths: null,
      intervalDistance: 5000,
    });
  });

  it('names what is wrong with the changes', () => {
    expect(reminderFromTemplate(oilChange, target, { intervalMonths: null, intervalDistance: null })).toEqual([
      { field: 'intervalMonths', message: 'give an interval (months and/or distance) or a due date and/or odometer' },
      { field: 'intervalDistance', message: 'give an interval (months and/or distance) or a due date and/or odometer' },
    ]);
    expect(reminderFromTemplate(oilChange, target, { title: '  ', intervalMonths: 0 })).toEqual([
      { field: 'title', message: 'must not be empty' },
      { field: 'intervalMonths', message: 'must be a whole number of months, at least 1' },
    ]);
    expect(reminderFromTemplate(oilChange, target, { title: 'x'.repeat(101) })).toEqual([
      { field: 'title', message: 'must be at most 100 characters' },
    ]);
  });

  it('makes a valid reminder from any template for any vehicle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...reminderTemplates),
        fc.constantFrom('mi' as const, 'km' as const),
        fc.integer({ min: 0, max: 500_000 }),
        (template, odometerUnit, startOdometer) => {
          const fields = reminderFromTemplate(template, { odometerUnit, startDate: '2025-06-01', startOdometer });
          expect(Array.isArray(fields)).toBe(false);
          expect(fields).toMatchObject({
            category: template.category,
            intervalMonths: template.intervalMonths,
            intervalDistance: template.intervalDistance?.[odometerUnit] ?? null,
            startOdometer,
          });
        },
      ),
    );
  });
});
