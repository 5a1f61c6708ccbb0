import { pagesOf } from './job-records';

describe('pagesOf', () => {
  it('gives what the reader gives, call after call, until it gives undefined', async () => {
    const pages = [[1, 2], [], [3]];
    const read = jest.fn(async () => pages.shift());
    const seen: number[][] = [];
    for await (const page of pagesOf(read)) seen.push(page);
    expect(seen).toEqual([[1, 2], [], [3]]);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('reads nothing until iterated', () => {
    const read = jest.fn(async () => undefined);
    pagesOf(read);
    expect(read).not.toHaveBeenCalled();
  });
});
