import { categoryOfTitle } from './service-categories';

describe('categoryOfTitle', () => {
  it.each([
    ['Oil change', 'oil'],
    ['Oil filter', 'oil'],
    ['Brake pads', 'brakes'],
    ['Tire rotation', 'tires'],
    ['New tyres', 'tires'],
    ['Battery replaced', 'battery'],
    ['Cabin air filter', 'filters'],
    ['Coolant flush', 'fluids'],
    ['Annual inspection', 'inspection'],
    ['MOT', 'inspection'],
    ['Windshield repair', 'repair'],
    ['Stereo upgrade', 'upgrade'],
    ['Wiper blades', undefined],
    ['Boiler service', undefined],
  ])('%s is %s', (title, category) => expect(categoryOfTitle(title)).toBe(category));
});
