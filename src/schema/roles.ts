// The four team roles, their labels, and the role groups that field declarations grant editing to.
import type { Localized, Role } from './types';

export const ROLES: readonly Role[] = ['Admin', 'Manager', 'Clerk', 'Viewer'];

export const roleLabels: Readonly<Record<Role, Localized>> = {
  Admin: { en: 'Admin', zh: '管理员' },
  Manager: { en: 'Manager', zh: '经理' },
  Clerk: { en: 'Clerk', zh: '文员' },
  Viewer: { en: 'Viewer', zh: '只读用户' },
};

export const roleHelp: Readonly<Record<Role, Localized>> = {
  Admin: {
    en: 'Sets up the register, the team, lists and settings; may edit every field people enter.',
    zh: '设置登记簿、团队、下拉列表和设置；可编辑所有人工录入的字段。',
  },
  Manager: {
    en: 'Reviews entries, owns credit and approval fields, and edits what clerks edit.',
    zh: '审核录入内容，负责信用和审批字段，也可编辑文员可编辑的字段。',
  },
  Clerk: {
    en: 'Enters and updates customers, interactions and property.',
    zh: '录入和更新客户、互动记录和客户财产。',
  },
  Viewer: { en: 'Reads the register; edits nothing.', zh: '只能查看登记簿，不能编辑。' },
};

// Groups are ordered from the most to the least privileged so refusal messages read naturally.
export const ADMIN_ONLY: readonly Role[] = ['Admin'];
export const MANAGERS: readonly Role[] = ['Admin', 'Manager'];
export const STAFF: readonly Role[] = ['Admin', 'Manager', 'Clerk'];
export const NOBODY: readonly Role[] = [];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
