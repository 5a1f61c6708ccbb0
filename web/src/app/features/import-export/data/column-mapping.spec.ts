import { MappingFormValue, columnMappingOf, guessedColumns, unmappedRequired } from './column-mapping';

const form = (change: Partial<MappingFormValue>): MappingFormValue => ({
  records: 'fill-up',
  columns: {},
  dateFormat: 'dd.MM.yyyy HH:mm',
  ...change,
});

describe('columnMappingOf', () => {
  it('keeps only the chosen kind’s fields that have a column, trimmed', () => {
    const value = form({
      columns: { filledAt: ' Datum ', odometer: 'Kilometerstand', quantity: '', title: 'What', totalCost: 'Betrag' },
      dateFormat: ' dd.MM.yyyy HH:mm ',
    });
    expect(columnMappingOf(value)).toEqual({
      records: 'fill-up',
      columns: { filledAt: 'Datum', odometer: 'Kilometerstand', totalCost: 'Betrag' },
      dateFormat: 'dd.MM.yyyy HH:mm',
    });
  });

  it('maps service records by their own fields', () => {
    const value = form({
      records: 'service',
      columns: { performedAt: 'When', title: 'What', filledAt: 'Datum', category: 'Kind' },
      dateFormat: 'yyyy-MM-dd',
    });
    expect(columnMappingOf(value)).toEqual({
      records: 'service',
      columns: { performedAt: 'When', title: 'What', category: 'Kind' },
      dateFormat: 'yyyy-MM-dd',
    });
  });
});

describe('unmappedRequired', () => {
  it('names the required fields of the kind still without a column', () => {
    expect(unmappedRequired(form({ columns: { filledAt: 'Datum' } }))).toEqual(['odometer']);
    expect(unmappedRequired(form({ records: 'service', columns: { title: ' ' } }))).toEqual(['performedAt', 'title']);
    expect(unmappedRequired(form({ columns: { filledAt: 'a', odometer: 'b' } }))).toEqual([]);
  });
});

describe('guessedColumns', () => {
  it('guesses columns from common header names, each column once', () => {
    const header = ['Date', 'Odometer (km)', 'Litres', 'Price/L', 'Total', 'Full', 'Station', 'Notes'];
    expect(guessedColumns(header, 'fill-up')).toEqual({
      filledAt: 'Date',
      odometer: 'Odometer (km)',
      quantity: 'Litres',
      pricePerUnit: 'Price/L',
      totalCost: 'Total',
      isFull: 'Full',
      stationName: 'Station',
      notes: 'Notes',
    });
    expect(guessedColumns(['When', 'Odo', 'Service', 'Cost'], 'service')).toEqual({
      performedAt: 'When',
      odometer: 'Odo',
      title: 'Service',
      totalCost: 'Cost',
    });
    expect(guessedColumns(['a', 'b'], 'fill-up')).toEqual({});
  });
});
