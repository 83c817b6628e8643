// A customer's Owner: chosen from the active Team, and the person entering a new customer unless they choose another.

import type { FormConfig } from './form';
import { type Lang, t } from './i18n';
import type { TeamMember } from './roles';
import type { FieldError } from './validation';

function activeEmails(team: readonly TeamMember[], owner: string | null): string[] {
  const emails = team.filter((m) => m.active).map((m) => m.email.toLowerCase());
  return owner && !emails.includes(owner) ? [...emails, owner] : emails;
}

/** The form's Owner field as a choice among active team members (a stored owner who left stays shown). */
export function withOwnerChoices(
  config: FormConfig,
  team: readonly TeamMember[],
  owner: string | null,
): FormConfig {
  const names = new Map(team.map((m) => [m.email.toLowerCase(), m.name]));
  const options = activeEmails(team, owner).map((email) => ({
    key: email,
    label: names.get(email) ? `${names.get(email)} <${email}>` : email,
  }));
  return {
    ...config,
    fields: config.fields.map((f) => (f.key === 'owner' ? { ...f, input: 'select', options } : f)),
  };
}

/** New customers belong to whoever enters them unless an owner is chosen. */
export function defaultOwner(values: Readonly<Record<string, unknown>>, me: string): Record<string, unknown> {
  const given = values.owner;
  return given === undefined || given === null || given === '' ? { ...values, owner: me } : { ...values };
}

/** Refuses an owner who is not an active team member (nor the spreadsheet's owner). */
export function ownerError(
  values: Readonly<Record<string, unknown>>,
  team: readonly TeamMember[],
  owner: string | null,
  lang: Lang,
  label: string,
): FieldError | null {
  const v = values.owner;
  if (typeof v !== 'string' || v === '') return null;
  if (activeEmails(team, owner).includes(v.toLowerCase())) return null;
  return {
    field: 'owner',
    fieldLabel: label,
    message: t(lang, 'ownerNotOnTeam', { field: label, value: v }),
  };
}
