// Renders the README's permission table (role × area × by hand / through the sidebar) and the protections it rests on, from the schema.
import { sheetKind } from '../../src/domain/protection-plan';
import { type RecordType, ROLES, type Role, recordTypes, roleLabels } from '../../src/schema';

export const PERMISSIONS_START = '<!-- permissions:start -->';
export const PERMISSIONS_END = '<!-- permissions:end -->';

/** What happens when a role tries: allowed; blocked (Sheets or the server refuses); reverted and audited (the edit guard). */
export type Outcome = 'allowed' | 'blocked' | 'reverted';

export interface PermissionArea {
  /** Stable id for tests: `<recordType>/<roles>`, `<recordType>/system`, `<recordType>/sheet` or `headers`. */
  id: string;
  sheets: string[];
  /** Field keys the area holds (none for whole sheets and header rows). */
  fields: string[];
  label: { en: string; zh: string };
  byHand: Record<Role, Outcome>;
  sidebar: Record<Role, Outcome>;
}

const each = (f: (r: Role) => Outcome) =>
  Object.fromEntries(ROLES.map((r) => [r, f(r)])) as Record<Role, Outcome>;
const onlyFor = (roles: readonly Role[]) => each((r) => (roles.includes(r) ? 'allowed' : 'blocked'));

function fieldList(rt: RecordType, keys: string[], lang: 'en' | 'zh'): string {
  const labels = keys.map((k) => rt.fields.find((f) => f.key === k)?.labels[lang] ?? k);
  const sep = lang === 'en' ? ', ' : '、';
  if (labels.length <= 4) return labels.join(sep);
  return lang === 'en'
    ? `${labels.slice(0, 3).join(sep)} and ${labels.length - 3} more`
    : `${labels.slice(0, 3).join(sep)}等 ${labels.length} 项`;
}

/** Every area of the register with the outcome the protections, the edit guard and the server give each role. */
export function permissionAreas(
  registry: Readonly<Record<string, RecordType>> = recordTypes,
): PermissionArea[] {
  const out: PermissionArea[] = [];
  const headerSheets: string[] = [];
  for (const rt of Object.values(registry)) {
    const kind = sheetKind(rt);
    if (kind === 'admin') {
      // Only Set up register and Apply protections (Admin) write these sheets; no sidebar form does.
      out.push({
        id: `${rt.key}/sheet`,
        sheets: [rt.sheetName],
        fields: [],
        label: {
          en: `${rt.sheetName}: the whole sheet`,
          zh: `${rt.labels.zh}（${rt.sheetName}）：整张工作表`,
        },
        byHand: onlyFor(['Admin']),
        sidebar: onlyFor(['Admin']),
      });
      continue;
    }
    headerSheets.push(rt.sheetName);
    if (kind === 'log') {
      out.push({
        id: `${rt.key}/sheet`,
        sheets: [rt.sheetName],
        fields: [],
        label: {
          en: `${rt.sheetName}: every row (the add-on appends them)`,
          zh: `${rt.labels.zh}（${rt.sheetName}）：所有行（由插件追加）`,
        },
        byHand: each(() => 'reverted'),
        sidebar: each(() => 'blocked'),
      });
      continue;
    }
    const groups = new Map<string, string[]>();
    for (const f of rt.fields) {
      const key = f.system ? 'system' : [...f.editableBy].join('+');
      groups.set(key, [...(groups.get(key) ?? []), f.key]);
    }
    for (const [key, fields] of groups) {
      const system = key === 'system';
      const roles = system ? [] : (rt.fields.find((f) => f.key === fields[0])?.editableBy ?? []);
      out.push({
        id: `${rt.key}/${key}`,
        sheets: [rt.sheetName],
        fields,
        label: {
          en: `${rt.sheetName}: ${fieldList(rt, fields, 'en')}${system ? ' (filled in by the add-on)' : ''}`,
          zh: `${rt.labels.zh}：${fieldList(rt, fields, 'zh')}${system ? '（由插件填写）' : ''}`,
        },
        byHand: system ? each(() => 'reverted') : onlyFor(roles),
        // The add-on fills these in as part of a save or an approval; a request that names one is refused.
        sidebar: system ? each(() => 'blocked') : onlyFor(roles),
      });
    }
  }
  out.push({
    id: 'headers',
    sheets: headerSheets,
    fields: [],
    label: { en: `Header row of ${headerSheets.join(', ')}`, zh: `${headerSheets.join('、')} 的表头行` },
    byHand: onlyFor(['Admin']),
    sidebar: onlyFor(['Admin']),
  });
  return out;
}

const mark: Record<Outcome, string> = { allowed: '✅', blocked: '⛔', reverted: '↩️' };

function table(areas: readonly PermissionArea[]): string {
  const roleHead = ROLES.map((r) => `${roleLabels[r].en} ${roleLabels[r].zh}`).join(' | ');
  const rows = areas.map(
    (a) =>
      `| ${a.label.en}<br>${a.label.zh} | ${ROLES.map((r) => `${mark[a.byHand[r]]} / ${mark[a.sidebar[r]]}`).join(' | ')} |`,
  );
  return [`| area · 区域 | ${roleHead} |`, `|---|${ROLES.map(() => '---').join('|')}|`, ...rows].join('\n');
}

const PROSE_BEFORE = `_Generated from \`src/schema\` by \`npx tsx scripts/gen-docs.ts\`; a test fails when it is stale._

Each cell reads **by hand / through the sidebar**: ✅ allowed · ⛔ blocked (Sheets refuses the edit, or the
server refuses the request with the role it needs, in your language) · ↩️ reverted and recorded in \`Audit\`.
每格为“手工编辑 / 通过侧边栏”：✅ 允许 · ⛔ 被阻止（表格拒绝修改，或服务器以您的语言说明所需角色并拒绝请求）·
↩️ 被撤销并记入审计日志。`;

const PROSE_AFTER = `**How it works.** Functions called from the sidebar run as the person using it, so they can only write
what that person could write by hand. *Apply protections* (menu, Admin only; also run by *Set up register*)
therefore sets two kinds of protection, derived from each field's \`editableBy\` in \`src/schema\`:

- **Hard protections** for what people edit: per sheet, each run of adjacent columns with the same roles
  gets one protection from row 2 down, given open-ended (\`C2:D\`) so it covers rows people or the add-on add
  later, whose editors are the active Team members with those roles, plus the owner; \`Team\`, \`Settings\`
  and \`Lists\` are protected whole for Admins; the header row of every other sheet (\`1:1\`, so columns added
  later too) is Admin only. A bounded range left by an older version is reported and re-made. Each protection is made with its
  editors in one Sheets API request: the allowed ones and you, nobody else (what Google's pattern, add yourself,
  remove everyone, add the allowed ones, leaves), so a protection never silently mirrors the file's sharing. Each protection's description reads like
  \`Customer Register · Customers · Credit rating, Overdue — Admin, Manager\`, so you can tell ours in
  *Data › Protected sheets and ranges*.
- **Warning-only protections** on what the add-on writes on a clerk's behalf: the ID, record state, review,
  approval and entered/updated columns, and the \`Audit\` and \`Reminder log\` sheets. Everyone with edit access
  may write there (so a clerk's save can stamp its row and append to Audit), and an installable **edit
  guard** (an onEdit trigger created once, by the Admin who applies protections, and running as that Admin)
  puts back any hand edit there: a one-cell edit is reverted to its old value and recorded in \`Audit\`
  (action *Hand edit reverted*, source *Direct sheet edit*, old → attempted value). A paste or fill over
  several cells carries no old values, so it cannot be reverted: it is recorded in \`Audit\` as *Hand edit not
  reverted* with the cells touched, for an Admin to check. The add-on's own writes fire no onEdit, so the
  guard never undoes them.
- **Team changes.** Editing \`Team\` by hand (only Admins can) makes the guard apply protections again, so
  editors follow the Team. A Team change made outside Sheets (another script, an import) needs *Apply
  protections*.
- **On the server**, every sidebar function checks the caller's role in \`Team\` before it parses or writes
  anything, and refuses field by field what that role may not change.

*Check protections* (Admin) reports, in your language, every protection that no longer matches the Team and
the schema (an editor added by hand, a protection removed, a new column not protected, warning-only switched
on or off, a duplicate) and whether the edit guard is installed, and offers to repair them. *Apply
protections* repairs only what differs, so running it twice changes nothing; it makes the same number of
sheet calls whatever the number of customers.

**工作原理。** 侧边栏调用的函数以使用者本人的身份运行，只能写入其本人手工可写的单元格。因此“应用保护”
（菜单，仅管理员；“设置登记表”也会运行）根据 \`src/schema\` 中每个字段的 \`editableBy\` 设置两类保护：人工编辑的
列按角色设置严格保护（从第 2 行起向下不设终点，之后新增的行同样受保护；编辑者为具有该角色的在职团队成员和表格所有者；\`Team\`、\`Settings\`、\`Lists\` 整表仅限管理员；
其他工作表的表头行仅限管理员）；插件代文员写入的列（编号、记录状态、复核、审核及录入/修改信息）以及 \`Audit\`、
\`Reminder log\` 工作表设为“仅警告”，并由管理员安装的编辑守护（可安装的 onEdit 触发器，以该管理员身份运行）撤销
对这些区域的手工修改并记入审计日志；一次修改多个单元格时无法撤销，会记为“手工修改（未撤销）”以便核对。管理员
手工修改 \`Team\` 后，守护会重新应用保护。“检查保护”会报告并可修复被手工添加的编辑者、被删除的保护、未受保护的新列等偏差。`;

export function renderPermissionSection(
  registry: Readonly<Record<string, RecordType>> = recordTypes,
): string {
  return [PROSE_BEFORE, table(permissionAreas(registry)), PROSE_AFTER].join('\n\n');
}

/** The README with the permissions section replaced, or null when the markers are missing or out of order. */
export function replacePermissionSection(readme: string, content: string): string | null {
  const start = readme.indexOf(PERMISSIONS_START);
  const end = readme.indexOf(PERMISSIONS_END);
  if (start < 0 || end < 0 || end < start) return null;
  return `${readme.slice(0, start + PERMISSIONS_START.length)}\n${content}\n${readme.slice(end)}`;
}

export function permissionSectionIsCurrent(readme: string): boolean {
  const updated = replacePermissionSection(readme, renderPermissionSection());
  return updated !== null && updated === readme;
}
