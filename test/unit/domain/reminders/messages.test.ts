// The reminder messages exist in both languages with the same placeholders.
import type { MessageKey } from '../../../../src/domain/i18n';
import { t } from '../../../../src/domain/i18n';

const keys: MessageKey[] = [
  'reminderAddress',
  'reminderNotOnFile',
  'reminderFieldSeparator',
  'reminderClauseSeparator',
  'reminderDayOne',
  'reminderDays',
  'reminderDigestSubject',
  'reminderDigestIntro',
  'reminderDigestCustomers',
  'reminderDigestProperty',
  'reminderDigestFollowUps',
  'reminderDigestMore',
  'reminderForCustomer',
  'reminderReviewDueToday',
  'reminderReviewOverdue',
  'reminderNoteEmailToday',
  'reminderNoteEmailedThisCycle',
  'reminderNoteUnknown',
  'reminderNoteFailed',
  'reminderNoteDeferred',
  'reminderNoteDuplicateId',
  'reminderNoteNoConsent',
  'reminderNoteNoEmail',
  'reminderNoteInvalidEmail',
  'reminderNoteChannel',
  'reminderPropertyDueToday',
  'reminderPropertyLate',
  'reminderPropertyDueIn',
  'reminderFollowUpDue',
];

test.each(keys)('%s: same placeholders in English and Chinese, and Chinese is not English', (key) => {
  const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  expect(names(t('zh', key))).toEqual(names(t('en', key)));
  if (key !== 'reminderFieldSeparator' && key !== 'reminderClauseSeparator')
    expect(t('zh', key)).not.toBe(t('en', key));
});
