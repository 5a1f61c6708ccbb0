import {
  builtInCategories,
  categoryKeyOf,
  categoryLabel,
  filterCategories,
  isBuiltInCategory,
  matchingCategories,
} from './maintenance-categories';

describe('service categories', () => {
  it('lists the API’s ten built-in keys with their names', () => {
    expect(builtInCategories.map((option) => option.key)).toEqual([
      'oil',
      'tires',
      'brakes',
      'battery',
      'fluids',
      'filters',
      'inspection',
      'repair',
      'upgrade',
      'other',
    ]);
    expect(categoryLabel('oil')).toBe('Oil');
    expect(categoryLabel('inspection')).toBe('Inspection');
  });

  it('shows a custom key with its first letter upper-cased, whatever the script', () => {
    expect(categoryLabel('car wash')).toBe('Car wash');
    expect(categoryLabel('éclairage')).toBe('Éclairage');
    expect(categoryLabel('2nd battery')).toBe('2nd battery');
    expect(categoryLabel('')).toBe('');
  });

  it('keys typed text as the API does, so a built-in name finds its key', () => {
    expect(categoryKeyOf('  Car   Wash ')).toBe('car wash');
    expect(categoryKeyOf('OIL')).toBe('oil');
    expect(categoryKeyOf('Tires')).toBe('tires');
    expect(categoryKeyOf('Cafe\u0301')).toBe('café');
    expect(isBuiltInCategory('brakes')).toBe(true);
    expect(isBuiltInCategory('car wash')).toBe(false);
  });

  it('offers the built-in categories that start with what is typed', () => {
    expect(matchingCategories('')).toHaveLength(10);
    expect(matchingCategories(' b').map((option) => option.key)).toEqual(['brakes', 'battery']);
    expect(matchingCategories('wash')).toEqual([]);
  });

  it('filters by the built-in categories and the custom ones in use', () => {
    const options = filterCategories(['oil', 'car wash', 'detailing', 'car wash'], 'ceramic coat');
    expect(options.slice(10)).toEqual([
      { key: 'car wash', label: 'Car wash' },
      { key: 'ceramic coat', label: 'Ceramic coat' },
      { key: 'detailing', label: 'Detailing' },
    ]);
    expect(filterCategories([], 'oil')).toHaveLength(10);
  });
});
