// The demo register's content as plain data: a team, about 200 customers in English and Chinese, interactions, property and purchases.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { addMonths } from '../src/domain/reminders/civil-date';
import { reviewMonths } from '../src/domain/reminders/review-schedule';
import { defaultSettings } from '../src/schema';
import { type DemoPurchase, demoPurchases } from './demo-purchases';

/** A record as the sidebar would send it: field keys, list values by item key, dates as 'yyyy-mm-dd'. */
export type DemoValues = Record<string, string | number | boolean>;

export interface DemoMember {
  email: string;
  name: string;
  role: 'Admin' | 'Manager' | 'Clerk' | 'Viewer';
}

export interface DemoCustomer {
  values: DemoValues;
  /** Days before the demo's "now" when the clerk entered it. */
  enteredDaysAgo: number;
  enteredBy: string;
  /** Days before "now" when the manager approved it; absent while it waits for review. */
  approvedDaysAgo?: number;
  /** Manager-only fields, set when it is approved. */
  credit?: { creditRating: string; overdue: boolean };
  /** The review dates the add-on keeps ('yyyy-mm-dd'), for approved customers on a review cadence. */
  review?: { lastReviewed: string; nextReviewDue: string };
}

export interface DemoInteraction {
  /** Index into the customers list: IDs are only known once the customers exist. */
  customer: number;
  daysAgo: number;
  values: DemoValues;
}

export interface DemoProperty {
  customer: number;
  daysAgo: number;
  values: DemoValues;
}

export interface DemoRegister {
  team: DemoMember[];
  customers: DemoCustomer[];
  interactions: DemoInteraction[];
  property: DemoProperty[];
  purchases: DemoPurchase[];
}

export const DEMO_TEAM: DemoMember[] = [
  { email: 'admin@example.com', name: 'Alice Morgan', role: 'Admin' },
  { email: 'manager@example.com', name: '王芳 Wang Fang', role: 'Manager' },
  { email: 'clerk@example.com', name: '李娜 Li Na', role: 'Clerk' },
  { email: 'viewer@example.com', name: 'Sam Taylor', role: 'Viewer' },
];

// A fixed seed: the demo is the same on every machine, so screenshots and bug reports line up.
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  /** Picks by weight: [[value, weight], ...]. */
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1][0];
  };
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, weighted, digits };
}
type Rng = ReturnType<typeof prng>;

interface Place {
  country: string;
  region: string;
  city: string;
  streets: readonly string[];
  postcode: (r: Rng) => string;
  /** National mobile numbers: patterns where each `#` is a random digit. */
  mobiles: readonly string[];
  code: string;
  chinese: boolean;
  /** How a Chinese company name here starts (深圳市…, 香港…); empty where names are not Chinese. */
  zhPrefix?: string;
}

const PLACES: readonly (readonly [Place, number])[] = [
  [
    {
      country: 'CN',
      region: '广东省',
      city: '深圳市',
      zhPrefix: '深圳市',
      streets: ['南山区科技园南路 18 号', '福田区深南大道 6008 号', '宝安区新安街道创业二路 32 号'],
      postcode: (r) => `518${r.digits(3)}`,
      mobiles: ['138########', '139########', '186########', '135########'],
      code: '86',
      chinese: true,
    },
    16,
  ],
  [
    {
      country: 'CN',
      region: '上海市',
      city: '上海市',
      zhPrefix: '上海市',
      streets: ['浦东新区世纪大道 100 号', '徐汇区漕溪北路 88 号', '静安区南京西路 1266 号'],
      postcode: (r) => `200${r.digits(3)}`,
      mobiles: ['137########', '158########', '189########'],
      code: '86',
      chinese: true,
    },
    12,
  ],
  [
    {
      country: 'CN',
      region: '北京市',
      city: '北京市',
      zhPrefix: '北京市',
      streets: ['朝阳区建国路 87 号', '海淀区中关村大街 27 号', '东城区王府井大街 255 号'],
      postcode: (r) => `100${r.digits(3)}`,
      mobiles: ['136########', '150########', '188########'],
      code: '86',
      chinese: true,
    },
    10,
  ],
  [
    {
      country: 'TW',
      region: '台湾',
      city: '台北市',
      zhPrefix: '台北市',
      streets: ['信义区松仁路 100 号', '大安区敦化南路二段 77 号'],
      postcode: (r) => `1${r.digits(2)}`,
      mobiles: ['912######', '933######', '970######'],
      code: '886',
      chinese: true,
    },
    4,
  ],
  [
    {
      country: 'HK',
      region: 'Hong Kong Island',
      city: 'Hong Kong',
      zhPrefix: '香港',
      streets: ['18 Harbour Road, Wan Chai', '1 Queen’s Road Central', '88 Hing Fat Street, Causeway Bay'],
      postcode: () => '',
      mobiles: ['9#######', '6#######', '5#######'],
      code: '852',
      chinese: true,
    },
    8,
  ],
  [
    {
      country: 'SG',
      region: 'Singapore',
      city: 'Singapore',
      streets: ['1 Raffles Place', '80 Robinson Road', '10 Anson Road'],
      postcode: (r) => `0${r.digits(5)}`,
      mobiles: ['8#######', '9#######'],
      code: '65',
      chinese: false,
    },
    7,
  ],
  [
    {
      country: 'MY',
      region: 'Kuala Lumpur',
      city: 'Kuala Lumpur',
      streets: ['Jalan Ampang 50', 'Jalan Sultan Ismail 12'],
      postcode: (r) => `50${r.digits(3)}`,
      mobiles: ['12#######', '16#######'],
      code: '60',
      chinese: false,
    },
    4,
  ],
  [
    {
      country: 'JP',
      region: 'Tokyo',
      city: 'Tokyo',
      streets: ['2-7-2 Marunouchi, Chiyoda-ku', '1-9-1 Shibuya, Shibuya-ku'],
      postcode: (r) => `1${r.digits(2)}-${r.digits(4)}`,
      mobiles: ['90########', '80########'],
      code: '81',
      chinese: false,
    },
    4,
  ],
  [
    {
      country: 'GB',
      region: 'England',
      city: 'London',
      streets: ['221 Baker Street', '10 Lower Thames Street', '35 King’s Road'],
      postcode: (r) =>
        `${r.pick(['EC2A', 'SW3', 'N1', 'E14'])} ${r.int(1, 9)}${r.pick(['AB', 'LT', 'QX', 'RW'])}`,
      mobiles: ['7911######', '7700######', '7400######'],
      code: '44',
      chinese: false,
    },
    8,
  ],
  [
    {
      country: 'US',
      region: 'California',
      city: 'San Francisco',
      streets: ['500 Howard Street', '1 Market Street', '2200 Mission Street'],
      postcode: (r) => `941${r.digits(2)}`,
      mobiles: ['415555####', '628555####'],
      code: '1',
      chinese: false,
    },
    8,
  ],
  [
    {
      country: 'AU',
      region: 'New South Wales',
      city: 'Sydney',
      streets: ['1 Martin Place', '200 George Street'],
      postcode: (r) => `20${r.digits(2)}`,
      mobiles: ['4########'],
      code: '61',
      chinese: false,
    },
    5,
  ],
  [
    {
      country: 'DE',
      region: 'Berlin',
      city: 'Berlin',
      streets: ['Friedrichstraße 68', 'Unter den Linden 21'],
      postcode: (r) => `10${r.digits(3)}`,
      mobiles: ['151########', '170########'],
      code: '49',
      chinese: false,
    },
    4,
  ],
];

const ZH_SURNAMES = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['林', 'Lin'],
  ['何', 'He'],
  ['郭', 'Guo'],
] as const;
const ZH_GIVEN_F = [
  ['静', 'jing'],
  ['敏', 'min'],
  ['丽', 'li'],
  ['婷', 'ting'],
  ['雪梅', 'xuemei'],
  ['晓燕', 'xiaoyan'],
  ['欣怡', 'xinyi'],
  ['思琪', 'siqi'],
] as const;
const ZH_GIVEN_M = [
  ['伟', 'wei'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['志明', 'zhiming'],
  ['建华', 'jianhua'],
  ['浩然', 'haoran'],
  ['子轩', 'zixuan'],
] as const;
const EN_FIRST_F = [
  'Emma',
  'Olivia',
  'Sophie',
  'Grace',
  'Hannah',
  'Priya',
  'Aiko',
  'Chloe',
  'Mei Ling',
  'Sarah',
];
const EN_FIRST_M = [
  'James',
  'Oliver',
  'Daniel',
  'Lucas',
  'Rahul',
  'Kenji',
  'Marcus',
  'Thomas',
  'Ethan',
  'Jun Wei',
];
const EN_LAST = [
  'Smith',
  'Brown',
  'Taylor',
  'Wilson',
  'Tan',
  'Lim',
  'Nguyen',
  'Patel',
  'Tanaka',
  'Müller',
  'O’Brien',
  'Fischer',
  'Ng',
  'Walker',
];

const ZH_COMPANIES = [
  ['华南电子科技', '科技有限公司'],
  ['恒信会计师事务所', '（特殊普通合伙）'],
  ['东方物流', '有限公司'],
  ['瑞丰贸易', '有限公司'],
  ['金桥律师事务所', ''],
  ['新城酒店管理', '有限公司'],
  ['明德教育咨询', '有限公司'],
  ['安达汽车维修', '服务有限公司'],
] as const;
const EN_COMPANIES = [
  'Harbour & Bay Logistics',
  'Bluewater Consulting',
  'Northgate Legal',
  'Summit Accounting',
  'Lotus Trading',
  'Pioneer Engineering',
  'Greenleaf Hotels',
  'Redwood Repairs',
];
const EN_SUFFIX: Record<string, string> = {
  GB: 'Ltd',
  US: 'Inc.',
  AU: 'Pty Ltd',
  SG: 'Pte. Ltd.',
  MY: 'Sdn. Bhd.',
  JP: 'K.K.',
  DE: 'GmbH',
};
const ZH_TITLES = ['采购经理', '总经理', '财务总监', '行政主管'];
const EN_TITLES = ['Purchasing Manager', 'Director', 'Finance Manager', 'Office Manager'];

const NOTES_ZH = ['偏好下午联系', '需开具增值税专用发票', '老客户介绍', ''];
const NOTES_EN = [
  'Prefers calls after 2 pm',
  'Invoices to the finance team',
  'Referred by an existing client',
  '',
];

const SUMMARIES: readonly (readonly [string, string, string])[] = [
  ['consultation', '咨询年度服务套餐价格', 'Asked about the annual service plan'],
  ['complaint', '反映上次维修后设备仍有异响', 'Device still noisy after the last repair'],
  ['suggestion', '建议增加微信预约功能', 'Suggested booking by WeChat'],
  ['followUpVisit', '回访：确认新合同执行情况', 'Follow-up visit on the new contract'],
  ['consultation', '询问发票抬头变更流程', 'Asked how to change the invoice title'],
];

const ITEMS: readonly (readonly [string, string, string, string])[] = [
  ['electronics', 'Laptop ThinkPad X1 Carbon', '笔记本电脑', 'i7 / 16 GB / 512 GB'],
  ['documents', 'Original property deed', '房产证原件', '1 file, 12 pages'],
  ['valuables', 'Omega Seamaster watch', '手表', 'Steel, 42 mm'],
  ['equipment', 'Bosch hammer drill', '电锤', 'GBH 2-26'],
  ['electronics', 'iPhone 15 Pro', '手机', '256 GB, titanium'],
  ['documents', 'Company seal and business licence', '公司印章及营业执照', 'Seal + original licence'],
];

function phone(r: Rng, p: Place): string {
  // libphonenumber decides: a demo number must pass the add-on's own phone validation.
  for (let i = 0; i < 50; i++) {
    const national = r.pick(p.mobiles).replace(/#/g, () => String(r.int(0, 9)));
    const e164 = `+${p.code}${national}`;
    if (parsePhoneNumberFromString(e164)?.isValid()) return e164;
  }
  throw new Error(`No valid demo phone number for ${p.country}`);
}

function person(r: Rng, chinese: boolean) {
  const female = r.next() < 0.5;
  if (chinese) {
    const [s, sp] = r.pick(ZH_SURNAMES);
    const [g, gp] = r.pick<readonly [string, string]>(female ? ZH_GIVEN_F : ZH_GIVEN_M);
    return { name: `${s}${g}`, latin: `${gp}.${sp}`.toLowerCase(), female };
  }
  const first = r.pick(female ? EN_FIRST_F : EN_FIRST_M);
  const last = r.pick(EN_LAST);
  const latin = `${first}.${last}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return { name: `${first} ${last}`, latin, female };
}

function slug(text: string) {
  return text.toLowerCase().replace(/[^a-z]+/g, '');
}

/** The date `days` before `now`, as 'yyyy-mm-dd' (UTC calendar: precise enough for demo data). */
export function daysAgo(now: number, days: number): string {
  return new Date(now - days * 86400000).toISOString().slice(0, 10);
}

function plusMonths(ymd: string, months: number): string {
  const out = addMonths(ymd, months);
  if (out === null) throw new RangeError(`Not a yyyy-mm-dd date: ${ymd}`);
  return out;
}

/** The demo keeps the default Settings, so its cadence is the domain's rule under the default settings. */
const settings = defaultSettings();
function cadence(values: DemoValues): number | null {
  return reviewMonths(settings, String(values.status ?? ''), String(values.tier ?? ''));
}

/** Every 30th customer (from the 8th) is due for review tomorrow and reachable by email: the morning run's sure case. */
const dueTomorrow = (i: number) => i % 30 === 7;

/**
 * Review dates for an approved customer: most confirmed their details at the last due date, some missed it
 * (their review is due now), and every 30th is due tomorrow so the morning run has someone to remind.
 */
function review(r: Rng, now: number, c: DemoCustomer, i: number): DemoCustomer['review'] {
  const months = cadence(c.values);
  if (months === null || c.approvedDaysAgo === undefined) return undefined;
  const today = daysAgo(now, 0);
  if (dueTomorrow(i)) {
    const due = daysAgo(now, -1);
    return { lastReviewed: plusMonths(due, -months), nextReviewDue: due };
  }
  let last = daysAgo(now, c.approvedDaysAgo);
  while (plusMonths(last, months) <= today) last = plusMonths(last, months);
  if (r.next() < 0.12 && plusMonths(last, -months) >= daysAgo(now, c.approvedDaysAgo))
    last = plusMonths(last, -months);
  return { lastReviewed: last, nextReviewDue: plusMonths(last, months) };
}

/**
 * What the reminder run needs to email a customer: a status on a review cadence, consent, and email as the
 * preferred channel. Set after the random draws, so the rest of the demo stays as it was.
 */
function remindable(values: DemoValues, now: number, enteredDaysAgo: number) {
  if (cadence(values) === null) values.status = 'active';
  values.preferredChannel = 'email';
  if (values.consent !== true) {
    values.consent = true;
    values.consentPurpose = 'service';
    values.consentDate = daysAgo(now, enteredDaysAgo);
  }
}

function customer(r: Rng, now: number, i: number): DemoCustomer {
  const place = r.weighted(PLACES);
  const company = r.next() < 0.3;
  const who = person(r, place.chinese && r.next() < 0.85);
  const zh = /[\u4e00-\u9fff]/.test(who.name);
  let companyName = '';
  let domain = r.pick(['example.com', 'example.net', 'example.org']);
  if (company) {
    if (zh) {
      const [core, suffix] = r.pick(ZH_COMPANIES);
      companyName = `${place.zhPrefix ?? ''}${core}${suffix}`;
      domain = `${r.pick(['hnkj', 'hxcpa', 'dfwl', 'rfmy', 'jqlaw'])}.example.cn`;
    } else {
      const core = r.pick(EN_COMPANIES);
      companyName = `${core} ${EN_SUFFIX[place.country] ?? 'Limited'}`;
      domain = `${slug(core)}.example.com`;
    }
  }
  const status = r.weighted([
    ['active', 55],
    ['prospect', 12],
    ['inactive', 15],
    ['dormant', 12],
    ['lost', 6],
  ] as const);
  const values: DemoValues = {
    customerType: company ? 'company' : 'individual',
    name: who.name,
    phone: phone(r, place),
    email: `${who.latin}${r.next() < 0.3 ? r.int(1, 99) : ''}@${domain}`,
    country: place.country,
    region: place.region,
    city: place.city,
    street: r.pick(place.streets),
    preferredChannel:
      place.country === 'CN'
        ? r.pick(['wechat', 'phone', 'email'])
        : r.pick(['email', 'email', 'phone', 'sms']),
    source: r.pick(['referral', 'website', 'walkIn', 'phone', 'event', 'socialMedia', 'advertising']),
    status,
    tier: r.weighted([
      ['vip', 8],
      ['key', 22],
      ['regular', 70],
    ] as const),
    owner: r.pick(['manager@example.com', 'clerk@example.com']),
    gender: r.next() < 0.9 ? (who.female ? 'female' : 'male') : 'undisclosed',
  };
  const postcode = place.postcode(r);
  if (postcode) values.postcode = postcode;
  if (company) {
    values.company = companyName;
    values.title = r.pick(zh ? ZH_TITLES : EN_TITLES);
  } else if (r.next() < 0.6) {
    values.birthDate = `${r.int(1955, 2003)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  }
  const consent = r.next() < 0.85;
  values.consent = consent;
  if (consent) values.consentPurpose = r.pick(['service', 'dataReview', 'all']);
  const note = r.pick(zh ? NOTES_ZH : NOTES_EN);
  if (note) values.notes = note;
  // Older entries first; the last few are recent and still wait for a manager.
  const enteredDaysAgo = Math.max(1, Math.round(400 - i * 2 + r.int(0, 3)));
  const pending = i >= 192;
  const out: DemoCustomer = {
    values,
    enteredDaysAgo: pending ? r.int(0, 2) : enteredDaysAgo,
    enteredBy: r.next() < 0.8 ? 'clerk@example.com' : 'admin@example.com',
  };
  if (consent) out.values.consentDate = daysAgo(now, out.enteredDaysAgo);
  if (!pending && dueTomorrow(i)) remindable(out.values, now, out.enteredDaysAgo);
  if (!pending) {
    out.approvedDaysAgo = Math.max(0, out.enteredDaysAgo - r.int(0, 2));
    out.credit = {
      creditRating: r.weighted([
        ['a', 30],
        ['b', 45],
        ['c', 18],
        ['d', 7],
      ] as const),
      overdue: r.next() < 0.06,
    };
    out.review = review(r, now, out, i);
  }
  return out;
}

/** The whole demo, computed from `now` (epoch ms) so that reviews fall due around it. */
export function demoRegister(now: number, count = 200): DemoRegister {
  const r = prng(20261123);
  const customers = Array.from({ length: count }, (_, i) => customer(r, now, i));
  const staff = ['clerk@example.com', 'manager@example.com'];
  const interactions: DemoInteraction[] = [];
  for (let k = 0; k < 60; k++) {
    const c = r.int(0, count - 9);
    const [kind, zhText, enText] = r.pick(SUMMARIES);
    const zh = /[\u4e00-\u9fff]/.test(String(customers[c].values.name));
    const ago = r.int(0, Math.min(120, customers[c].enteredDaysAgo));
    const values: DemoValues = {
      date: daysAgo(now, ago),
      kind,
      summary: zh ? zhText : enText,
      staff: r.pick(staff),
      outcome: r.pick(['resolved', 'followUpNeeded', 'escalated', 'noActionNeeded']),
    };
    if (values.outcome === 'followUpNeeded') values.nextFollowUp = daysAgo(now, ago - r.int(3, 14));
    interactions.push({ customer: c, daysAgo: ago, values });
  }
  const property: DemoProperty[] = [];
  for (let k = 0; k < 25; k++) {
    const c = r.int(0, count - 9);
    const [kind, en, zhItem, spec] = r.pick(ITEMS);
    const zh = /[\u4e00-\u9fff]/.test(String(customers[c].values.name));
    const ago = r.int(1, Math.min(90, customers[c].enteredDaysAgo));
    const returned = k % 5 === 0;
    const values: DemoValues = {
      item: zh ? zhItem : en,
      kind,
      quantity: 1,
      specification: spec,
      serial: `SN${r.digits(8)}`,
      condition: r.pick(['new', 'good', 'good', 'worn']),
      receivedDate: daysAgo(now, ago),
      receivedBy: 'clerk@example.com',
      location: r.pick(['Safe A-1', 'Shelf B-3', 'Workshop bay 2', '档案柜 3 号']),
      state: returned ? 'returned' : r.pick(['received', 'inspected', 'inUse', 'damagedAwaitingRepair']),
      expectedReturn: daysAgo(now, ago - r.int(7, 45)),
      responsible: r.pick(staff),
    };
    if (returned) {
      values.returnedDate = daysAgo(now, Math.max(0, ago - 5));
      values.returnMethod = 'inPerson';
    }
    property.push({ customer: c, daysAgo: ago, values });
  }
  return { team: DEMO_TEAM, customers, interactions, property, purchases: demoPurchases(customers, now) };
}
