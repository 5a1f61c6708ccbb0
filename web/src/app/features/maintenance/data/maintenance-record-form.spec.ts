import { MaintenanceRecord } from './maintenance-record';
import { MaintenanceRecordFormValue, recordFieldsOf, recordFormValueOf, withTag } from './maintenance-record-form';

const formValue = (changes: Partial<MaintenanceRecordFormValue> = {}): MaintenanceRecordFormValue => ({
  vehicleId: 'v1',
  performedAt: '2026-03-09',
  odometer: '48,210',
  category: 'Oil',
  title: ' Oil  and filter ',
  shop: '  ',
  notes: '',
  tags: ['diy'],
  parts: [
    { name: 'Oil 5W-30', partNumber: '', quantity: '4,5', unitCost: '8.99' },
    { name: 'Filter', partNumber: ' PH7317 ', quantity: '1', unitCost: '12.5' },
  ],
  labourCost: '',
  totalCost: '52.96',
  ...changes,
});

describe('the service record form’s request', () => {
  it('sends the parts and labour, and leaves a worked-out total to the API', () => {
    expect(recordFieldsOf(formValue(), true)).toEqual({
      performedAt: '2026-03-09',
      odometer: 48210,
      category: 'oil',
      title: 'Oil and filter',
      shop: null,
      notes: null,
      tags: ['diy'],
      parts: [
        { name: 'Oil 5W-30', partNumber: null, quantity: 4.5, unitCost: 8.99 },
        { name: 'Filter', partNumber: 'PH7317', quantity: 1, unitCost: 12.5 },
      ],
      labourCost: null,
    });
  });

  it('sends a total the user typed, or null to clear it, when there are neither parts nor labour', () => {
    expect(recordFieldsOf(formValue({ parts: [], totalCost: '60' }), false)).toMatchObject({
      parts: [],
      labourCost: null,
      totalCost: 60,
    });
    expect(recordFieldsOf(formValue({ parts: [], totalCost: '' }), false).totalCost).toBeNull();
    expect(recordFieldsOf(formValue({ category: '  Car   Wash ' }), true).category).toBe('car wash');
  });

  it('puts a stored record in the form, its category by name and its money with cents', () => {
    const record = {
      id: 'r1',
      vehicleId: 'v1',
      performedAt: '2026-03-09',
      odometer: 48210.5,
      category: 'car wash',
      title: 'Wash',
      notes: null,
      parts: [{ name: 'Soap', partNumber: null, quantity: 1, unitCost: 3.5 }],
      labourCost: 20,
      totalCost: 23.5,
      currency: 'USD',
      shop: 'Corner Garage',
      tags: [],
      createdAt: '2026-03-09T10:00:00Z',
      updatedAt: '2026-03-09T10:00:00Z',
    } satisfies MaintenanceRecord;
    expect(recordFormValueOf(record)).toEqual({
      vehicleId: 'v1',
      performedAt: '2026-03-09',
      odometer: '48210.5',
      category: 'Car wash',
      title: 'Wash',
      shop: 'Corner Garage',
      notes: '',
      tags: [],
      parts: [{ name: 'Soap', partNumber: '', quantity: '1', unitCost: '3.5' }],
      labourCost: '20.00',
      totalCost: '23.50',
    });
  });

  it('adds a typed tag once, whatever its case', () => {
    expect(withTag(['diy'], '  Winter   prep ')).toEqual(['diy', 'Winter prep']);
    expect(withTag(['diy'], 'DIY')).toEqual(['diy']);
    expect(withTag(['diy'], ' ')).toEqual(['diy']);
  });
});
