// "Open form": serves the sidebar with everything it needs embedded, so it is usable with no round trip.

import { formConfig } from '../domain/form';
import type { Lang } from '../domain/i18n';
import { withOwnerChoices } from '../domain/owner';
import { readLists } from '../gas/lists';
import { userLocale } from '../gas/session';
import { showSidebar } from '../gas/ui';
import { customer, interaction, property, purchase, ROLES } from '../schema';
import type { BootData } from '../shared/rpc';
import { actions } from './actions';
import { authorize, type Context, settingsOf } from './context';
import { showMenu } from './menu';

/** The sidebar speaks the user's language when their locale is Chinese or English, else the register's. */
function sidebarLang(locale: string, registerLang: Lang): Lang {
  if (/^zh/i.test(locale)) return 'zh';
  if (/^en/i.test(locale)) return 'en';
  return registerLang;
}

function bootData(c: Context): BootData {
  const lang = sidebarLang(userLocale(), c.registerLang);
  const settings = settingsOf(c);
  // The Lists sheet as it is now: what an admin added there is offered at once.
  const lists = readLists(c.ss);
  return {
    user: c.email,
    role: c.role,
    lang,
    registerLang: c.registerLang,
    forms: {
      customer: withOwnerChoices(formConfig(customer, c.role, lang, lists), c.team, c.owner),
      interaction: formConfig(interaction, c.role, lang, lists),
      property: formConfig(property, c.role, lang, lists),
      purchase: formConfig(purchase, c.role, lang, lists),
    },
    settings: { defaultPhoneRegion: String(settings.defaultPhoneRegion ?? 'CN') },
  };
}

export function openForm() {
  const c = authorize(ROLES, actions.openForm);
  // Now the person is known, the menu offers what their role may use (a simple onOpen often cannot tell),
  // before anything else can fail: an owner told to run Set up register must find it in the menu.
  showMenu(c.role);
  const boot = bootData(c);
  showSidebar(boot, boot.lang === 'zh' ? '客户登记' : 'Customer Register');
}
