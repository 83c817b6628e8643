// The Team record type: who may use the register and in which role.
import { defineRecordType, editable, l } from './define';
import { ADMIN_ONLY } from './roles';

export const team = defineRecordType({
  key: 'team',
  sheetName: 'Team',
  labels: l('Team', '团队'),
  fields: [
    editable(ADMIN_ONLY, {
      key: 'email',
      labels: l('Email', '电子邮件'),
      type: 'staffEmail',
      required: true,
      help: l('The Google account the team member signs in with.', '团队成员登录所用的 Google 账号。'),
    }),
    editable(ADMIN_ONLY, {
      key: 'name',
      labels: l('Name', '姓名'),
      type: 'text',
      maxLength: 200,
      help: l('Shown in stamps and digests.', '显示在记录标记和汇总邮件中。'),
    }),
    editable(ADMIN_ONLY, {
      key: 'role',
      labels: l('Role', '角色'),
      type: 'list',
      list: 'teamRole',
      required: true,
      help: l('Admin, Manager, Clerk or Viewer.', '管理员、经理、文员或只读用户。'),
    }),
    editable(ADMIN_ONLY, {
      key: 'active',
      labels: l('Active', '启用'),
      type: 'boolean',
      help: l(
        'Untick to take away access without losing the history.',
        '取消勾选即可停用其访问权限，历史记录保留。',
      ),
    }),
  ],
});
