import type { ValueTransformer } from 'typeorm';

/** `numeric` columns arrive from pg as strings; entities hold numbers (exact at the column's scale). */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
