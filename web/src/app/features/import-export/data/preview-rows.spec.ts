import { ImportJob } from './import-job';
import { badLines, previewRows } from './preview-rows';

const job: Pick<ImportJob, 'preview' | 'errors'> = {
  preview: [
    { line: 2, record: { kind: 'vehicle', name: 'Golf', model: 'Golf VII' } },
    {
      line: 2,
      record: {
        kind: 'fill-up',
        vehicle: 'Golf',
        filledAt: '2024-01-05T07:30:00.000Z',
        odometer: 15200,
        odometerUnit: 'km',
        quantity: 38.4,
        quantityUnit: 'l',
        pricePerUnit: 1.659,
        currency: 'EUR',
        stationName: 'Aral',
      },
    },
    {
      line: 6,
      record: {
        kind: 'service',
        performedAt: '2024-02-10',
        odometer: 40980,
        odometerUnit: 'mi',
        title: 'Oil change',
        totalCost: 64.9,
        currency: 'USD',
      },
    },
  ],
  errors: [
    { line: 9, field: 'odometer', message: 'is empty' },
    { line: 5, field: 'quantity', message: 'give two of quantity, price per unit and total cost' },
    { line: 5, field: 'filledAt', message: 'is not a date' },
  ],
};

describe('previewRows', () => {
  it('shows the records (vehicles aside) as they will be saved, the bad lines among them', () => {
    const rows = previewRows(job, { locale: 'en-US', timeZone: 'Europe/Berlin' });
    expect(rows).toEqual([
      {
        line: 2,
        kind: 'Fill-up',
        date: 'Jan 5, 2024, 8:30 AM',
        vehicle: 'Golf',
        odometer: '15,200 km',
        amount: '38.4 L',
        cost: '€1.659/L',
        detail: 'Aral',
        problems: [],
      },
      expect.objectContaining({
        line: 5,
        kind: '',
        problems: ['quantity: give two of quantity, price per unit and total cost', 'filledAt: is not a date'],
      }),
      expect.objectContaining({ line: 6, kind: 'Service', date: 'Feb 10, 2024', cost: '$64.90', detail: 'Oil change' }),
      expect.objectContaining({ line: 9, problems: ['odometer: is empty'] }),
    ]);
  });

  it('shows every bad line when the preview holds every record, else those up to the last record shown', () => {
    expect(previewRows(job).map((row) => row.line)).toEqual([2, 5, 6, 9]);
    const twenty = Array.from({ length: 20 }, () => job.preview[2]);
    expect(previewRows({ preview: twenty, errors: job.errors }).filter((row) => row.problems.length)).toEqual([
      expect.objectContaining({ line: 5 }),
    ]);
  });
});

describe('badLines', () => {
  it('groups the problems by line, in line order', () => {
    expect(badLines(job.errors)).toEqual([
      {
        line: 5,
        problems: ['quantity: give two of quantity, price per unit and total cost', 'filledAt: is not a date'],
      },
      { line: 9, problems: ['odometer: is empty'] },
    ]);
  });
});
