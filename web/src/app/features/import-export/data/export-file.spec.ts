import { exportFileName } from './export-file';

describe('exportFileName', () => {
  it('names the zip after today in the user’s time zone', () => {
    const lateInUtc = new Date('2026-03-14T23:30:00Z');
    expect(exportFileName('UTC', lateInUtc)).toBe('motovaultpro-export-2026-03-14.zip');
    expect(exportFileName('Asia/Tokyo', lateInUtc)).toBe('motovaultpro-export-2026-03-15.zip');
    expect(exportFileName('America/Los_Angeles', lateInUtc)).toBe('motovaultpro-export-2026-03-14.zip');
  });
});
