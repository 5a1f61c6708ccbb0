import { Readable } from 'node:stream';
import { csvRows } from './csv-rows';
import { HeaderColumns, sectionNameOf } from './sectioned-csv';

async function rowsOf(input: Readable) {
  const rows = [];
  for await (const row of csvRows(input)) rows.push(row);
  return rows;
}
const rowsOfText = (text: string) => rowsOf(Readable.from([Buffer.from(text)]));

describe('csvRows on sectioned files', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('gives each row the line it starts on, line breaks in quotes and blank rows counted (%s)', async (_, end) => {
    const text = ['"## Log"', '"a","b"', '', '"one\r\ntwo\rthree\nfour","c"', ',,', '"d","e"', '"f\r\ng","h"', 'i'];
    expect(await rowsOfText(text.join(end) + end)).toEqual([
      { line: 1, cells: ['## Log'] },
      { line: 2, cells: ['a', 'b'] },
      { line: 4, cells: ['one\ntwo\nthree\nfour', 'c'] },
      { line: 9, cells: ['d', 'e'] },
      { line: 10, cells: ['f\ng', 'h'] },
      { line: 12, cells: ['i'] },
    ]);
  });

  it('reads CR-only endings, a BOM and text after a closing quote', async () => {
    expect(await rowsOfText('\ufeff"Full tank" 2,"x"\r"1","2"\r')).toEqual([
      { line: 1, cells: ['"Full tank" 2', 'x'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('keeps rows of every length apart, section after section', async () => {
    const text = '"## A"\n"1","2","3"\n"4","5","6"\n"## B"\n"7"\n"8","9"\n"10","11","12","13"\n';
    expect((await rowsOfText(text)).map((row) => ('cells' in row ? row.cells.length : row))).toEqual([
      1, 3, 3, 1, 1, 2, 4,
    ]);
  });

  it('ends with where reading stopped when a quote is left open', async () => {
    expect(await rowsOfText('"## Log"\n"a","b"\n"c","d\n')).toEqual([
      { line: 1, cells: ['## Log'] },
      { line: 2, cells: ['a', 'b'] },
      {
        line: 3,
        problems: [{ field: 'file', message: 'a quoted cell is never closed, so the rest of the file cannot be read' }],
      },
    ]);
  });

  it('throws what breaks the stream itself', async () => {
    const broken = new Readable({ read() {} });
    broken.push('"a","b"\n');
    setImmediate(() => broken.destroy(new Error('connection reset')));
    await expect(rowsOf(broken)).rejects.toThrow('connection reset');
  });
});

describe('sectionNameOf', () => {
  it('reads the markers apps write, and nothing else', () => {
    expect(sectionNameOf(['## Vehicle'])).toBe('Vehicle');
    expect(sectionNameOf(['## Log', '', '', ''])).toBe('Log');
    expect(sectionNameOf(['##Log'])).toBe('Log');
    expect(sectionNameOf(['#Reabastecimiento'])).toBe('Reabastecimiento');
    expect(sectionNameOf(['## Cost Categories '])).toBe('CostCategories');
    expect(sectionNameOf(['#1', 'note'])).toBeUndefined();
    expect(sectionNameOf(['Data', 'Odo (km)'])).toBeUndefined();
  });
});

describe('HeaderColumns', () => {
  it('finds cells by name or label start, without case or spaces', () => {
    const header = new HeaderColumns(['Data', 'Odo (km)', 'Fuel (litres)', 'FuelType', 'VolumePrice']);
    const cells = ['2024-01-05', '15200.0', '38.4', '119', '1.65'];
    expect([header.cell(cells, 'data'), header.cell(cells, 'Volume Price'), header.cell(cells, 'Price')]).toEqual([
      '2024-01-05',
      '1.65',
      undefined,
    ]);
    expect([header.labelled(cells, 'Odo('), header.labelled(cells, 'Fuel (')]).toEqual(['15200.0', '38.4']);
    expect([header.has('fueltype'), header.hasLabelled('City (')]).toEqual([true, false]);
  });
});
