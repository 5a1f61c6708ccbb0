import { findBatchOdometerProblems } from './odometer-batch';

const at = (day: number) => new Date(Date.UTC(2024, 0, day));

describe('findBatchOdometerProblems', () => {
  it('accepts a batch that keeps going up, with equal readings and stored readings around it', () => {
    const history = [
      { filledAt: at(1), odometer: 100 },
      { filledAt: at(20), odometer: 900 },
    ];
    const batch = [
      { line: 2, filledAt: at(5), odometer: 200 },
      { line: 3, filledAt: at(6), odometer: 200 },
      { line: 4, filledAt: at(10), odometer: 500 },
    ];
    expect(findBatchOdometerProblems(history, batch, 'km')).toEqual([]);
  });

  it('names the line that goes backwards, not the good line before it', () => {
    const batch = [
      { line: 2, filledAt: at(1), odometer: 1000 },
      { line: 3, filledAt: at(2), odometer: 2000 },
      { line: 4, filledAt: at(3), odometer: 1500 },
      { line: 5, filledAt: at(4), odometer: 3000 },
    ];
    expect(findBatchOdometerProblems([], batch, 'km')).toEqual([
      { line: 4, message: 'goes backwards: an earlier reading is 2000 km' },
    ]);
  });

  it('names a line that reads more than a stored later fill-up', () => {
    const history = [{ filledAt: at(10), odometer: 500 }];
    const batch = [{ line: 7, filledAt: at(5), odometer: 600 }];
    expect(findBatchOdometerProblems(history, batch, 'mi')).toEqual([
      { line: 7, message: 'is above a later fill-up of the vehicle, which reads 500 mi' },
    ]);
  });

  it('lets readings at the same instant be in any order', () => {
    const batch = [
      { line: 2, filledAt: at(1), odometer: 300 },
      { line: 3, filledAt: at(1), odometer: 200 },
    ];
    expect(findBatchOdometerProblems([], batch, 'km')).toEqual([]);
  });
});
