// The Data check sheet's content: a score per sheet with its trend, then one row per finding, in the register's language.
import type { Localized, RecordType } from '../../schema';
import { type Lang, t } from '../i18n';
import type { CheckResult } from './data-check';
import { scoreTrend } from './data-check';

export const DATA_CHECK_SHEET = 'Data check';

/** Enough rows to work through in a sitting; the rest are counted, and come up again at the next check. */
const MAX_LISTED = 5000;

const words = {
  title: { en: 'Data check', zh: '数据检查' },
  checkedAt: { en: 'Checked at', zh: '检查时间' },
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

export function dataCheckGrid(
  result: CheckResult,
  before: Readonly<Record<string, number>> | null,
  o: { lang: Lang; checkedAt: string; recordTypes: readonly RecordType[] },
): unknown[][] {
  const w = (k: keyof typeof words) => words[k][o.lang];
  const sheetLabel = (name: string) =>
    o.recordTypes.find((rt) => rt.sheetName === name)?.labels[o.lang] ?? name;
  const fieldLabel = (sheet: string, key: string) =>
    o.recordTypes.find((rt) => rt.sheetName === sheet)?.fields.find((f) => f.key === key)?.labels[o.lang] ??
    key;
  const trend = scoreTrend(result.scores, before);
  const grid: unknown[][] = [
    [w('title'), `${w('checkedAt')}: ${o.checkedAt}`],
    [w('sheet'), w('records'), w('withProblems'), w('score'), w('change')],
    ...result.scores.map((s, i) => [
      sheetLabel(s.sheet),
      s.records,
      s.withProblems,
      s.score,
      trend[i] === null ? '' : trend[i],
    ]),
    [],
    [w('sheet'), w('record'), w('field'), w('value'), w('problem'), w('fix'), w('safe')],
  ];
  for (const f of result.findings.slice(0, MAX_LISTED))
    grid.push([
      sheetLabel(f.sheet),
      f.record,
      f.field ? fieldLabel(f.sheet, f.field) : '',
      f.value,
      f.problem,
      f.suggestion,
      f.safe ? w('yes') : '',
    ]);
  const more = result.findings.length - MAX_LISTED;
  if (more > 0) grid.push(['', '', '', '', t(o.lang, 'careCheckMore', { count: more })]);
  return grid;
}
