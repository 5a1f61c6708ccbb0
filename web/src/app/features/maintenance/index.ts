/**
 * The service feature's public surface for other web features: how to open the record form filled in
 * (the reminders' "Mark done"), and how categories are named. (The vehicle page's Service tab loads
 * `pages/vehicle-service-tab` lazily, by a dynamic import that stays a split point.)
 */
export { recordFormLink } from './data/record-form-link';
export type { RecordFormLink, RecordFormPrefill } from './data/record-form-link';
export { builtInCategories, categoryKeyOf, categoryLabel, matchingCategories } from './data/maintenance-categories';
export type { CategoryOption } from './data/maintenance-categories';
