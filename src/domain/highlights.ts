// The conditional-format highlights each sheet gets, as formulas over its columns: review overdue, pending review, property late.
import { defaultLists } from '../schema';
import { columnLetter } from './a1';
import type { Lang } from './i18n';

interface Highlight {
  formula: string;
  background: string;
}

/** Our highlight colours; setup recognises its own rules by them, so re-running never duplicates a rule. */
export const HIGHLIGHT_COLOURS = { overdue: '#f4c7c3', pending: '#fce8b2', late: '#f9cb9c' } as const;

const label = (list: string, item: string, lang: Lang) =>
  defaultLists[list]?.items.find((i) => i.key === item)?.labels[lang] ?? item;

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function highlightsFor(recordType: string, columns: Record<string, number>, lang: Lang): Highlight[] {
  const col = (key: string) => `$${columnLetter(columns[key])}2`;
  if (recordType === 'customer' && columns.nextReviewDue && columns.recordState) {
    return [
      {
        formula: `=AND(${col('nextReviewDue')}<>"",${col('nextReviewDue')}<TODAY(),${col('recordState')}=${q(label('recordState', 'approved', lang))})`,
        background: HIGHLIGHT_COLOURS.overdue,
      },
      {
        formula: `=${col('recordState')}=${q(label('recordState', 'pendingReview', lang))}`,
        background: HIGHLIGHT_COLOURS.pending,
      },
    ];
  }
  if (recordType === 'property' && columns.expectedReturn && columns.state) {
    return [
      {
        formula: `=AND(${col('expectedReturn')}<>"",${col('expectedReturn')}<TODAY(),${col('state')}<>${q(label('propertyState', 'returned', lang))})`,
        background: HIGHLIGHT_COLOURS.late,
      },
    ];
  }
  return [];
}
