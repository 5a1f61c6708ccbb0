import { Injectable } from '@nestjs/common';
import { ValidationProblem } from '@mvp/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { OdometerUnit, VehiclesService } from '../../vehicles';
import { calendarDateAt } from './calendar-date';
import type { ReminderFields, ReminderWithDue, TemplateChoice } from './reminder-fields';
import { reminderFromTemplate, reminderTemplate, ReminderTemplate, reminderTemplates } from './reminder-templates';
import { RemindersService } from './reminders.service';

/** A built-in schedule as one vehicle takes it: its distance in the vehicle's unit. */
export interface TemplateForVehicle {
  template: ReminderTemplate;
  intervalDistance: number | null;
  odometerUnit: OdometerUnit;
  /** The vehicle has an open reminder made from it already. */
  added: boolean;
}

/** The built-in schedules, and adding several of them to a vehicle in one step. */
@Injectable()
export class ReminderTemplatesService {
  constructor(
    private readonly reminders: RemindersService,
    private readonly vehicles: VehiclesService,
    private readonly users: UsersService,
  ) {}

  async forVehicle(scope: RequestScope, vehicleId: string): Promise<TemplateForVehicle[]> {
    const vehicle = await this.vehicles.get(scope, vehicleId);
    const added = await this.reminders.openServiceKeys(scope, vehicle.id);
    return reminderTemplates.map((template) => ({
      template,
      intervalDistance: template.intervalDistance?.[vehicle.odometerUnit] ?? null,
      odometerUnit: vehicle.odometerUnit,
      added: added.has(template.key),
    }));
  }

  /**
   * One recurring reminder per chosen template, counting from today and the current odometer, with
   * the user's changes; all or none. A template the vehicle already has open, an unknown key or a bad
   * change is a 400 naming `templates.<i>.<field>`.
   */
  async apply(scope: RequestScope, vehicleId: string, choices: TemplateChoice[]): Promise<ReminderWithDue[]> {
    const vehicle = await this.vehicles.get(scope, vehicleId);
    const { timeZone } = await this.users.findCaller(scope);
    const target = {
      odometerUnit: vehicle.odometerUnit,
      startDate: calendarDateAt(new Date(), timeZone),
      startOdometer: vehicle.currentOdometer,
    };
    const taken = await this.reminders.openServiceKeys(scope, vehicle.id);
    const problems: { field: string; message: string }[] = [];
    const chosen: ReminderFields[] = [];
    choices.forEach(({ key, ...adjustments }, index) => {
      const refuse = (field: string, message: string) =>
        problems.push({ field: `templates.${index}.${field}`, message });
      const template = reminderTemplate(key);
      if (!template) return refuse('key', `no template is called ${key}`);
      if (taken.has(key)) return refuse('key', `this vehicle has a ${template.title} reminder already`);
      taken.add(key);
      const fields = reminderFromTemplate(template, target, adjustments);
      if (Array.isArray(fields)) return fields.forEach((problem) => refuse(problem.field, problem.message));
      chosen.push({ ...fields, serviceKey: template.key });
    });
    if (problems.length > 0) throw new ValidationProblem(problems);
    return this.reminders.createMany(scope, await this.reminders.newValues(scope, vehicle, chosen));
  }
}
