// My work's one rule, as the sidebar and the digest count it; and the digest's My work lines.
import { renderDigestEmail } from '../../../../src/domain/reminders/digest-email';
import { planReminders } from '../../../../src/domain/reminders/plan';
import { seesChangeRequest, workCounts, workList } from '../../../../src/domain/reminders/work';
import { settings, TODAY } from './fixtures';

const ME = 'clerk@firm.example';
const BOSS = 'boss@firm.example';
const entries = [
  { recordState: 'pendingReview', enteredBy: ' Clerk@Firm.example ' },
  { recordState: 'returned', enteredBy: ME },
  { recordState: 'pendingReview', enteredBy: 'other@firm.example' },
  { recordState: 'returned', enteredBy: 'other@firm.example' },
  { recordState: 'approved', enteredBy: ME },
];

describe('workList', () => {
  test('own entries pending or returned, whatever the case and spaces of Entered by', () => {
    expect(entries.map((e) => workList(e, ME, false))).toEqual(['pending', 'returned', null, null, null]);
  });

  test('a manager also has others’ pending entries to review, never others’ returned ones', () => {
    expect(entries.map((e) => workList(e, BOSS, true))).toEqual(['toReview', null, 'toReview', null, null]);
  });
});

test('change requests: their customers’ for staff, all for managers', () => {
  expect(seesChangeRequest('CLERK@firm.example', ME, false)).toBe(true);
  expect(seesChangeRequest('boss@firm.example', ME, false)).toBe(false);
  expect(seesChangeRequest('', BOSS, true)).toBe(true);
  expect(workCounts(entries, [ME, BOSS, ''], ME, false)).toEqual({
    pending: 1,
    returned: 1,
    changeRequests: 1,
    toReview: 0,
  });
  expect(workCounts(entries, [ME, BOSS, ''], BOSS, true)).toEqual({
    pending: 0,
    returned: 0,
    changeRequests: 3,
    toReview: 2,
  });
});

describe('the digest', () => {
  const plan = (lang: 'en' | 'zh', digestsDone = false) =>
    planReminders({
      today: TODAY,
      settings: settings({ language: lang }),
      customers: [],
      remainingQuota: 100,
      fallbackRecipient: 'admin@firm.example',
      workers: [
        { email: ME, manager: false },
        { email: BOSS, manager: true },
        { email: 'idle@firm.example', manager: false },
      ],
      workEntries: entries,
      digestsDone,
    });

  test('each worker with something waiting gets a digest of the counts; nobody else does', () => {
    const digests = plan('en').digests;
    expect(digests.map((d) => d.recipient)).toEqual([BOSS, ME]);
    const mail = renderDigestEmail(digests[1], settings({ language: 'en' }));
    expect(mail.subject).toContain(', 2 waiting in My work');
    expect(mail.body).toContain(
      'My work (2)\n- Returned to you with the manager’s comment: 1\n- Your entries waiting for review: 1',
    );
    const boss = renderDigestEmail(digests[0], settings({ language: 'en' }));
    expect(boss.body).toContain('- Entries by others waiting for your review: 2');
  });

  test('in Chinese', () => {
    const mail = renderDigestEmail(plan('zh').digests[1], settings({ language: 'zh' }));
    expect(mail.body).toContain(
      '我的工作（2）\n- 退回给您（附经理意见）的记录：1\n- 您录入、等待审核的记录：1',
    );
  });

  test('once today’s digests are out, no second one for the counts', () => {
    expect(plan('en', true).digests).toEqual([]);
  });
});
