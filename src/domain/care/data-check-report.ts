// The Data check sheet's content: a score per sheet with its trend, then one row per finding, in the register's language.
import type { Localized, RecordType } from '../../schema';
import { type Lang, t } from '../i18n';
import { type Finding, type SheetScore, scoreTrend } from './data-check';

export const DATA_CHECK_SHEET = 'Data check';

/** Enough rows to work through in a sitting; the rest are counted, and come up again at the next check. */
const MAX_LISTED = 5000;

const words = {
  title: { en: 'Data check', zh: '数据检查' },
  checkedAt: { en: 'Checked at', zh: '检查时间' },
  running: { en: 'Still checking, started at', zh: '正在检查，开始于' },
  sheet: { en: 'Sheet', zh: '工作表' },
  records: { en: 'Records', zh: '记录数' },
  withProblems: { en: 'With problems', zh: '有问题' },
  score: { en: 'Score (%)', zh: '得分（%）' },
  change: { en: 'Change since last check', zh: '较上次变化' },
  record: { en: 'Record', zh: '记录' },
  field: { en: 'Field', zh: '字段' },
  value: { en: 'Value', zh: '值' },
  problem: { en: 'Problem', zh: '问题' },
  fix: { en: 'Suggested fix', zh: '建议修正' },
  safe: { en: 'Safe fix', zh: '可安全修正' },
  yes: { en: 'yes', zh: '是' },
} satisfies Record<string, Localized>;

/** Column widths in pixels: the problem column is the one people read. */
export const DATA_CHECK_WIDTHS = [110, 100, 140, 200, 380, 180, 80];

/** Column 1-based indexes of the text columns (everything a person typed shows up in them). */
export const DATA_CHECK_TEXT_COLUMNS = [1, 2, 3, 4, 5, 6, 7];

export interface GridOptions {
  lang: Lang;
  /** When the check started ('yyyy-mm-dd hh:mm'). */
  checkedAt: string;
  recordTypes: readonly RecordType[];
}

const word = (k: keyof typeof words, lang: Lang) => words[k][lang];

/**
 * The rows above the findings: title, one score row per checked sheet, the findings' header. While a check
 * spread over executions is under way (`scores` null) the score rows name their sheet only, and the title
 * says the check is still running.
 */
export function dataCheckHead(
  scores: readonly SheetScore[] | null,
  before: Readonly<Record<string, number>> | null,
  o: GridOptions,
): unknown[][] {
  const w = (k: keyof typeof words) => word(k, o.lang);
  const trend = scores ? scoreTrend(scores, before) : [];
  return [
    [w('title'), scores ? `${w('checkedAt')}: ${o.checkedAt}` : `${w('running')}: ${o.checkedAt}`],
    [w('sheet'), w('records'), w('withProblems'), w('score'), w('change')],
    ...o.recordTypes.map((rt, i) => {
      const s = scores?.[i];
      return s
        ? [rt.labels[o.lang], s.records, s.withProblems, s.score, trend[i] ?? '']
        : [rt.labels[o.lang]];
    }),
    [],
    [w('sheet'), w('record'), w('field'), w('value'), w('problem'), w('fix'), w('safe')],
  ];
}

/** The findings' rows, at most what is left of MAX_LISTED after `listed` rows already written. */
export function findingRows(findings: readonly Finding[], listed: number, o: GridOptions): unknown[][] {
  const sheetOf = (name: string) => o.recordTypes.find((rt) => rt.sheetName === name);
  return findings
    .slice(0, Math.max(0, MAX_LISTED - listed))
    .map((f) => [
      sheetOf(f.sheet)?.labels[o.lang] ?? f.sheet,
      f.record,
      f.field ? (sheetOf(f.sheet)?.fields.find((x) => x.key === f.field)?.labels[o.lang] ?? f.field) : '',
      f.value,
      f.problem,
      f.suggestion,
      f.safe ? word('yes', o.lang) : '',
    ]);
}

/** The line under the listed findings counting those not listed (none when all were). */
export function moreRows(total: number, lang: Lang): unknown[][] {
  const more = total - MAX_LISTED;
  return more > 0 ? [['', '', '', '', t(lang, 'careCheckMore', { count: more })]] : [];
}
