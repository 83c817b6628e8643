// Writes src/schema/countries.ts: every ISO 3166-1 country and territory with CLDR names (Node's ICU) and the aliases people type.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import metadata from 'libphonenumber-js/metadata.max.json';
import { looseKey as loose } from '../src/domain/list-items';

// ISO 3166-1 alpha-2, officially assigned (249). The standard changes rarely; CLDR names follow it.
const ISO_3166_1 =
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA
GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH
KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY
MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH
SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/);

// Labels the register used before the full list, kept so existing registers (cells and the Lists sheet) still match.
const LEGACY: Record<string, [string, string]> = {
  CN: ['China', '中国'],
  HK: ['Hong Kong, China', '中国香港'],
  MO: ['Macao, China', '中国澳门'],
  TW: ['Taiwan, China', '中国台湾'],
  SG: ['Singapore', '新加坡'],
  MY: ['Malaysia', '马来西亚'],
  JP: ['Japan', '日本'],
  KR: ['South Korea', '韩国'],
  TH: ['Thailand', '泰国'],
  VN: ['Vietnam', '越南'],
  PH: ['Philippines', '菲律宾'],
  ID: ['Indonesia', '印度尼西亚'],
  IN: ['India', '印度'],
  AE: ['United Arab Emirates', '阿联酋'],
  AU: ['Australia', '澳大利亚'],
  NZ: ['New Zealand', '新西兰'],
  US: ['United States', '美国'],
  CA: ['Canada', '加拿大'],
  GB: ['United Kingdom', '英国'],
  IE: ['Ireland', '爱尔兰'],
  DE: ['Germany', '德国'],
  FR: ['France', '法国'],
  IT: ['Italy', '意大利'],
  ES: ['Spain', '西班牙'],
  NL: ['Netherlands', '荷兰'],
  CH: ['Switzerland', '瑞士'],
};

// What people type that CLDR does not list as a name (CLDR's own names, short forms and endonyms are added below).
const TYPED: Record<string, string[]> = {
  US: ['USA', 'U.S.', 'America', 'United States of America', '美利坚合众国', '美利坚'],
  GB: ['Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', '大不列颠', '英格兰'],
  HK: ['Hong Kong', '香港', 'HKSAR', 'Hongkong'],
  MO: ['Macau', '澳门', '澳門', 'Macao'],
  TW: ['台湾', '臺灣', 'Taiwan'],
  CN: ['PRC', "People's Republic of China", '中华人民共和国', '中国大陆', 'Mainland China'],
  KR: ['Korea', 'Republic of Korea', '南韩', '南韓', '大韩民国'],
  KP: ['DPRK', '北韩', '北朝鲜'],
  AE: ['UAE', '阿拉伯联合酋长国'],
  NL: ['Holland', 'The Netherlands'],
  RU: ['Russian Federation'],
  VN: ['Viet Nam'],
  CZ: ['Czech Republic'],
  TR: ['Turkey'],
  CI: ['Ivory Coast'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
  MM: ['Burma'],
  DE: ['Deutschland', 'BRD'],
  CH: ['Schweiz', 'Suisse', 'Svizzera'],
  BE: ['Belgique', 'België'],
  LA: ['Laos'],
  VA: ['Holy See'],
  PS: ['Palestine'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', '刚果民主共和国'],
  CG: ['Republic of the Congo', '刚果共和国'],
};

// Regions libphonenumber dials that ISO 3166-1 leaves out (exceptionally reserved or user-assigned codes).
const PHONE_ONLY = Object.keys(metadata.countries).filter((c) => !ISO_3166_1.includes(c));

function names(locale: string, style: 'long' | 'short' = 'long') {
  const d = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
  return (code: string) => d.of(code);
}

function main() {
  const codes = [...ISO_3166_1, ...PHONE_ONLY];
  const en = names('en');
  const enShort = names('en', 'short');
  const zh = names('zh-Hans');
  const zhHant = names('zh-Hant');
  const rows = codes.map((code) => {
    const [labelEn, labelZh] = LEGACY[code] ?? [en(code), zh(code)];
    if (!labelEn || !labelZh) throw new Error(`CLDR has no name for ${code}`);
    const own = new Intl.Locale(`und-${code}`).maximize().language;
    const candidates = [
      en(code),
      enShort(code),
      zh(code),
      zhHant(code),
      own === 'und' ? undefined : names(own)(code),
      ...(TYPED[code] ?? []),
    ];
    return { code, labelEn, labelZh, candidates: candidates.filter((c): c is string => !!c) };
  });
  // An alias two countries share (or that is another country's label) would be a guess: it is left out.
  const owners = new Map<string, Set<string>>();
  for (const r of rows)
    for (const c of [r.code, r.labelEn, r.labelZh, ...r.candidates]) {
      const k = loose(c);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)?.add(r.code);
    }
  const lines = rows.map((r) => {
    const taken = new Set([loose(r.code), loose(r.labelEn), loose(r.labelZh)]);
    const aliases: string[] = [];
    for (const c of r.candidates) {
      const k = loose(c);
      if (taken.has(k) || owners.get(k)?.size !== 1) continue;
      taken.add(k);
      aliases.push(c);
    }
    return `  ${JSON.stringify([r.code, r.labelEn, r.labelZh, ...aliases].join('|'))},`;
  });
  const out = `// Every ISO 3166-1 country and territory (and the few other regions phones dial), English and Chinese names, aliases.
// Generated by scripts/gen-countries.ts from CLDR (Node's ICU ${process.versions.icu}, CLDR ${process.versions.cldr}); do not edit by hand.
// Each entry: 'code|English|中文|alias|…'; one string each keeps the bundle small.
export const COUNTRY_ROWS: readonly string[] = [
${lines.join('\n')}
];
`;
  writeFileSync('src/schema/countries.ts', out);
  // Formatted as the repository formats every file, so regenerating shows only real changes.
  execFileSync('npx', ['biome', 'format', '--write', 'src/schema/countries.ts'], { stdio: 'ignore' });
  console.log(`src/schema/countries.ts: ${rows.length} regions, ${Buffer.byteLength(out)} bytes`);
}

main();
