export type DrivvoSection = 'refuelling' | 'service' | 'expense';

/**
 * Starts of the section names Drivvo writes in the languages seen or likely (accents dropped,
 * lower-case). `null` marks sections with nothing to import (income, routes, the vehicle), named so
 * that the fall-back by order never takes them for an expense.
 */
const sectionWords: [DrivvoSection | null, string[]][] = [
  ['refuelling', ['refuel', 'reabastec', 'abastec', 'rifornim', 'tank', 'ravitaill', 'betank', 'заправ']],
  ['service', ['servi', 'serwis', 'wartung', 'entretien', 'manuten', 'mantenim', 'onderhoud', 'обслуж', 'сервис']],
  [
    'expense',
    ['expens', 'despesa', 'gasto', 'spes', 'wydat', 'ausgab', 'depens', 'udgift', 'kosten', 'koszt', 'расход'],
  ],
  [
    null,
    ['income', 'ingreso', 'receita', 'entrat', 'przych', 'einnahm', 'revenu', 'indtaegt', 'доход']
      .concat(['route', 'ruta', 'rota', 'percors', 'trasa', 'strecke', 'маршрут'])
      .concat([
        'vehic',
        'veic',
        'pojazd',
        'fahrzeug',
        'reminder',
        'lembrete',
        'recordatorio',
        'promemoria',
        'checklist',
      ]),
  ],
];

/** Drivvo writes its sections in this order; an unknown name is taken as the next one when its header fits. */
const sectionOrder: DrivvoSection[] = ['refuelling', 'service', 'expense'];

/** Which section a marker (`##Refuelling`, `#Reabastecimiento`) opens: known words first, then the order. */
export class DrivvoSections {
  private last = -1;

  /** The section a marker named `name` with this header opens; `undefined` for one to pass over. */
  sectionOf(name: string, header: string[]): DrivvoSection | undefined {
    const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const known = sectionWords.find(([, words]) => words.some((word) => key.startsWith(word)));
    const next = sectionOrder[this.last + 1];
    const section = known ? known[0] : next && fits(next, header) ? next : null;
    if (!section) return undefined;
    this.last = Math.max(this.last, sectionOrder.indexOf(section));
    return section;
  }
}

/** The number of columns a header names, trailing empty cells (Drivvo's trailing commas) left out. */
export function columnCountOf(header: string[]): number {
  let count = header.length;
  while (count > 0 && header[count - 1].trim() === '') count -= 1;
  return count;
}

/**
 * Whether a section of unknown name has the header of the next one: the column counts Drivvo's
 * layouts have (refuelling 20, 28 or 30; service 6; expense 7 or more), strict so that another app's
 * sectioned file (Fuelio's 21-column Log) is not taken for Drivvo's.
 */
function fits(section: DrivvoSection, header: string[]): boolean {
  const columns = columnCountOf(header);
  if (section === 'refuelling') return [20, 28, 30].includes(columns);
  return section === 'service' ? columns === 6 : columns >= 7 && columns < 20;
}
