import { Matches } from 'class-validator';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { builtInCategories } from '../domain/maintenance-categories';
import { reminderTemplates } from '../domain/reminder-templates';

/** Validation and documentation the records' and the reminders' DTOs share. */

export const categoryDescription =
  `A built-in key (${builtInCategories.join(', ')}) or your own category, stored as its key: ` +
  'trimmed, spaces collapsed, lower case (1 to 40 characters)';

export const ServiceKey = () =>
  Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'must be a key such as cabin_filter (a-z, 0-9, _)' });

export const ApiServiceKey = () =>
  ApiClearableProperty(String, {
    example: 'cabin_filter',
    description:
      'The kind of service within the category: a template key ' +
      `(${reminderTemplates.map((template) => template.key).join(', ')}) or your own. A reminder counts a ` +
      'record of its category unless both name a service and they differ',
  });
