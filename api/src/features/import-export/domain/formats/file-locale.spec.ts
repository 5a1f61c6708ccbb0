import { withFileLocale, type FileLocale, type LocaleEvidence } from './file-locale';

async function settled(evidence: LocaleEvidence[], fallback: FileLocale, lookahead?: number) {
  async function* rows() {
    yield* evidence.map((shown, index) => ({ index, shown }));
  }
  const out: Array<{ index: number; locale: FileLocale }> = [];
  for await (const { row, locale } of withFileLocale(rows(), (row) => row.shown, fallback, lookahead)) {
    out.push({ index: row.index, locale });
  }
  return out;
}

describe('withFileLocale', () => {
  const fallback: FileLocale = { dateOrder: 'mdy', decimalComma: false };

  it('settles each from the first row that shows it, for every row, rows in order', async () => {
    const locale = { dateOrder: 'dmy', decimalComma: true };
    expect(await settled([{}, { decimalComma: true }, { dateOrder: 'dmy' }, { dateOrder: 'mdy' }], fallback)).toEqual([
      { index: 0, locale },
      { index: 1, locale },
      { index: 2, locale },
      { index: 3, locale },
    ]);
  });

  it('falls back for what no row shows', async () => {
    expect(await settled([{}, { decimalComma: true }], fallback)).toEqual([
      { index: 0, locale: { dateOrder: 'mdy', decimalComma: true } },
      { index: 1, locale: { dateOrder: 'mdy', decimalComma: true } },
    ]);
  });

  it('holds back no more than the lookahead', async () => {
    const out = await settled([{}, {}, { dateOrder: 'dmy', decimalComma: true }], fallback, 2);
    expect(out.map(({ locale }) => locale)).toEqual([fallback, fallback, fallback]);
  });
});
