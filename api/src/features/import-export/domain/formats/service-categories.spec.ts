import { builtInCategoryOf, serviceCategoryOf } from './service-categories';

describe('builtInCategoryOf', () => {
  it.each([
    ['Oil change', 'oil'],
    ['Ölwechsel', 'oil'],
    ['Öl', 'oil'],
    ['Oil & filter', 'oil'],
    ['Tyres', 'tires'],
    ['Winter tires', 'tires'],
    ['Opony zimowe', 'tires'],
    ['Brake pads', 'brakes'],
    ['Brake fluid', 'brakes'],
    ['Battery', 'battery'],
    ['Coolant top-up', 'fluids'],
    ['Air filter', 'filters'],
    ['Filtro de aire', 'filters'],
    ['MOT', 'inspection'],
    ['TÜV', 'inspection'],
    ['Przegląd', 'inspection'],
    ['Repair', 'repair'],
    ['Tuning', 'upgrade'],
    ['Other', 'other'],
    ['Service', undefined],
    ['Maintenance', undefined],
    ['Parking', undefined],
    ['Motor mounts', undefined],
    ['Toilet', undefined],
    ['Oil filter', 'oil'],
    ['Tire rotation', 'tires'],
    ['Battery replaced', 'battery'],
    ['Cabin air filter', 'filters'],
    ['Annual inspection', 'inspection'],
    ['Smog check', 'inspection'],
    ['Windshield repair', 'repair'],
    ['Stereo upgrade', 'upgrade'],
    ['Wiper blades', undefined],
    ['Boiler service', undefined],
  ])('reads “%s” as %s', (name, category) => expect(builtInCategoryOf(name)).toBe(category));
});

describe('serviceCategoryOf', () => {
  it('keeps a name that is no built-in category as the user’s own, and leaves an empty one out', () => {
    expect(serviceCategoryOf(' Tickets/Fines ')).toBe('Tickets/Fines');
    expect(serviceCategoryOf('Tyre rotation')).toBe('tires');
    expect([serviceCategoryOf('  '), serviceCategoryOf(undefined)]).toEqual([undefined, undefined]);
  });
});
