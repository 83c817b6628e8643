// What each care job is called, and the menu item that runs it by hand: the menu and the admins' digest name them alike.
import type { Lang } from '../i18n';
import type { CareJob } from './schedule';

type Named = Record<Lang, string>;

export const CARE_JOB_NAMES: Record<CareJob, Named> = {
  dataCheck: { en: 'data check', zh: '数据检查' },
  dashboard: { en: 'dashboard refresh', zh: '仪表板刷新' },
  backup: { en: 'scheduled backup', zh: '定时备份' },
};

export const CARE_MENU_CAPTIONS: Record<CareJob, Named> = {
  dataCheck: { en: 'Data check', zh: '数据检查' },
  dashboard: { en: 'Refresh dashboard', zh: '刷新仪表板' },
  backup: { en: 'Back up now', zh: '立即备份' },
};
