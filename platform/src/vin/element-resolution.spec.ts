import { addEngineModelFacts, compileSchemaPatterns, type PatternRow, resolveElements } from './element-resolution';

const model = 28;
const trim = 38;
const cylinders = 9;

function row(
  keys: string,
  elementId: number,
  value: string,
  precedence: number,
  valueId: number | null = null,
): PatternRow {
  return { keys, elementId, value, valueId, precedence };
}

describe('element resolution', () => {
  const subject = 'CM826|3A004352';

  it('takes each element from a matching pattern and keeps value ids', () => {
    const patterns = compileSchemaPatterns([
      row('CM82[67]', model, 'Accord', 5, 1861),
      row('CM82[67]', trim, 'EX-V6', 6),
      row('CM55', trim, 'LX', 1),
    ]);
    const values = resolveElements([{ priority: 2003, patterns }], subject);
    expect(values.get(model)).toEqual({ value: 'Accord', valueId: 1861 });
    expect(values.get(trim)).toEqual({ value: 'EX-V6', valueId: null });
  });

  it('prefers the schema with the later first year, whatever the precedence', () => {
    const older = compileSchemaPatterns([row('CM', trim, 'old', 1)]);
    const newer = compileSchemaPatterns([row('CM', trim, 'new', 9)]);
    const values = resolveElements(
      [
        { priority: 1990, patterns: older },
        { priority: 2001, patterns: newer },
      ],
      subject,
    );
    expect(values.get(trim)?.value).toBe('new');
  });

  it('breaks ties between equal schemas by precedence', () => {
    const first = compileSchemaPatterns([row('C', trim, 'broad', 7)]);
    const second = compileSchemaPatterns([row('CM826', trim, 'narrow', 3)]);
    const values = resolveElements(
      [
        { priority: 2003, patterns: first },
        { priority: 2003, patterns: second },
      ],
      subject,
    );
    expect(values.get(trim)?.value).toBe('narrow');
  });

  it('decodes formula patterns from the VIN, below every year-ranked pattern', () => {
    const formulaOnly = compileSchemaPatterns([row('**#', cylinders, 'TBD', 1)]);
    expect(resolveElements([{ priority: 2003, patterns: formulaOnly }], subject).get(cylinders)?.value).toBe('8');
    const both = compileSchemaPatterns([row('**#', cylinders, 'TBD', 1), row('CM', cylinders, '6', 2)]);
    expect(resolveElements([{ priority: 2003, patterns: both }], subject).get(cylinders)?.value).toBe('6');
  });

  it('fills only missing elements from the engine model', () => {
    const values = resolveElements(
      [{ priority: 2003, patterns: compileSchemaPatterns([row('CM', cylinders, '6', 1)]) }],
      subject,
    );
    addEngineModelFacts(
      values,
      new Map([
        [cylinders, '4'],
        [13, '3.0'],
      ]),
    );
    expect(values.get(cylinders)?.value).toBe('6');
    expect(values.get(13)?.value).toBe('3.0');
  });
});
