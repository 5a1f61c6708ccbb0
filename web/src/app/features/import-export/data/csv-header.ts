const delimiters = [',', ';', '\t'] as const;

/** The delimiter the line uses most outside quotes, `,` when none: the API's own rule for a generic CSV. */
export function delimiterOf(line: string): string {
  const outsideQuotes = line.replace(/"[^"]*"/g, '');
  const counts = delimiters.map((candidate) => outsideQuotes.split(candidate).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : delimiters[counts.indexOf(most)];
}

/**
 * The column names of a CSV's first row, as the API will match them (trimmed): a BOM dropped,
 * quoted names unquoted (`""` is a quote; a delimiter or line break may sit inside quotes).
 */
export function headerOf(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(body.split(/\r\n|\r|\n/, 1)[0]);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

/** The header of a picked file, read from its first 64 KiB (a header never needs more). */
export async function headerOfFile(file: Blob): Promise<string[]> {
  return headerOf(await file.slice(0, 64 * 1024).text());
}
