import { Readable } from 'node:stream';
import { csvRows, delimiterOf, type CsvRow } from './csv-rows';

async function rowsOf(...chunks: string[]): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of csvRows(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) rows.push(row);
  return rows;
}

describe('csvRows', () => {
  const expected = [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['1', 'x\ny'] },
    { line: 5, cells: ['2', '3'] },
  ];

  it.each([
    ['\n', 'a,b\n1,"x\ny"\n\n2,3\n'],
    ['\r\n', '\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n'],
    ['\r', 'a,b\r1,"x\ry"\r\r2,3'],
  ])('numbers the line each row starts on, with %j line endings', async (_ending, text) => {
    expect(await rowsOf(text)).toEqual(expected);
  });

  it('joins a \\r\\n split between two chunks', async () => {
    expect(await rowsOf('a,b\r', '\n1,"x\r', '\ny"\r\n\r', '\n2,3\r', '\n')).toEqual(expected);
  });

  it('trims cells and takes rows of any length', async () => {
    expect(await rowsOf(' a , b \n1\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
  });

  it('ends a file whose quote never closes with a problem at the line it opens on', async () => {
    expect(await rowsOf('a,b\n1,2\n3,"never closed\n4,5\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      {
        line: 3,
        problems: [{ field: 'file', message: 'a quoted cell is never closed, so the rest of the file cannot be read' }],
      },
    ]);
  });
});

describe('csvRows with a sniffed delimiter', () => {
  it('takes the delimiter the header uses most outside quotes', () => {
    expect(delimiterOf('a;b;"c,d";e')).toBe(';');
    expect(delimiterOf('a,b,c')).toBe(',');
    expect(delimiterOf('a\tb\tc')).toBe('\t');
    expect(delimiterOf('single')).toBe(',');
  });

  it('streams rows of a file arriving in small chunks, CR-only line endings too', async () => {
    const text = 'a,b\r1,"x\ry"\r\r2,z\r';
    const chunks = Readable.from(text.match(/.{1,3}/gs)!.map((chunk) => Buffer.from(chunk)));
    const rows = [];
    for await (const row of csvRows(chunks, 'sniff')) rows.push(row);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['2', 'z'] },
    ]);
  });

  it.each(['\r\n', '\n', '\r'])('counts a line break inside quotes as one line, with %j between rows', async (end) => {
    for (const inside of ['\r\n', '\n', '\n\n']) {
      const text = ['a', `"x${inside}y"`, '', 'b', ''].join(end);
      const rows = [];
      for await (const row of csvRows(Readable.from([Buffer.from(text)]))) rows.push(row.line);
      const spanned = inside === '\n\n' ? 2 : 1;
      expect({ inside, rows }).toEqual({ inside, rows: [1, 2, 4 + spanned] });
    }
  });
});
