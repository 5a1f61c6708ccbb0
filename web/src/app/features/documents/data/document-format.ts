import { numberFormat } from '../../../core/intl';
import { daysBetween, formatCalendarDate } from '../../../core/calendar-day';
import { DocumentKind, StoredDocument } from './document';

/** The kinds in the order the edit form offers them, with their names and icons. */
export const documentKinds: readonly { value: DocumentKind; label: string; icon: string }[] = [
  { value: 'insurance', label: 'Insurance', icon: 'shield' },
  { value: 'registration', label: 'Registration', icon: 'badge' },
  { value: 'receipt', label: 'Receipt', icon: 'receipt_long' },
  { value: 'manual', label: 'Manual', icon: 'menu_book' },
  { value: 'photo', label: 'Photo', icon: 'photo' },
  { value: 'other', label: 'Other', icon: 'draft' },
];

export function kindLabel(kind: DocumentKind): string {
  return documentKinds.find((each) => each.value === kind)?.label ?? kind;
}

/** What a document is shown as without a thumbnail: a Material Symbols name for its media type. */
export function mediaIcon(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'picture_as_pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('text/')) return 'article';
  return 'draft';
}

/** How a document opens: in the preview dialog (image, PDF, text) or only as a download (HEIC). */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'download';

export function previewKindOf(document: Pick<StoredDocument, 'mediaType' | 'inline'>): PreviewKind {
  const { mediaType } = document;
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('text/')) return 'text';
  if (mediaType.startsWith('image/') && document.inline) return 'image';
  return 'download';
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * "512 bytes", "48 kB", "1.2 MB" in the user's locale, in steps of 1024 as the API counts its
 * limits ("at most 25 MB" is 25 × 1,048,576 bytes).
 */
export function formatBytes(bytes: number, locale: string | undefined): string {
  let value = Math.max(0, bytes);
  let step = 0;
  while (value >= 1024 && step < units.length - 1) {
    value /= 1024;
    step += 1;
  }
  const digits = step === 0 || value >= 100 ? 0 : 1;
  return numberFormat(locale, {
    style: 'unit',
    unit: units[step],
    unitDisplay: step === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
  }).format(value);
}

/** Days before the expiry when its chip says "Expires soon", unless the user set their own due-soon days. */
export const expiresSoonDays = 30;

export interface Expiry {
  tone: 'expired' | 'soon' | 'later';
  /** "Expired", "Expires soon": the chip; none while the day is far. */
  chip?: string;
  /** "Expired Mar 9, 2026", "Expires Apr 2, 2026 · in 12 days", "Expires today". */
  text: string;
}

/**
 * How a document's expiry reads on `today` ('YYYY-MM-DD', the user's calendar), "soon" within
 * `soonDays` (the user's due-soon days, as the due list counts them); none without one.
 */
export function expiryOf(
  expiresOn: string | null,
  today: string,
  locale: string | undefined,
  soonDays = expiresSoonDays,
): Expiry | undefined {
  if (!expiresOn) return undefined;
  const days = daysBetween(today, expiresOn);
  const day = formatCalendarDate(expiresOn, locale);
  if (days < 0) return { tone: 'expired', chip: 'Expired', text: `Expired ${day}` };
  if (days > soonDays || Number.isNaN(days)) return { tone: 'later', text: `Expires ${day}` };
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return { tone: 'soon', chip: 'Expires soon', text: days <= 1 ? `Expires ${when}` : `Expires ${day} · ${when}` };
}
