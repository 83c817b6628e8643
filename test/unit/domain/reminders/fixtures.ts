// Builders for the reminder tests: an approved, due, emailable customer and settings to vary from.
import type { Settings } from '../../../../src/schema';
import { defaultSettings } from '../../../../src/schema';

export const TODAY = '2026-05-15';

export function settings(overrides: Settings = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

export type Customer = Record<string, unknown>;

/** Due on 2026-05-01 (14 days overdue on TODAY), active, consent ticked, email, no channel preference. */
export function customer(overrides: Customer = {}): Customer {
  return {
    id: 'C-000001',
    customerType: 'individual',
    name: 'Ada Lovelace',
    company: '',
    phone: '+447700900123',
    email: 'ada@example.com',
    country: 'GB',
    city: 'London',
    street: '12 St James’s Square',
    postcode: 'SW1Y 4LB',
    preferredChannel: '',
    status: 'active',
    tier: 'regular',
    owner: 'owner@firm.example',
    consent: true,
    recordState: 'approved',
    nextReviewDue: '2026-05-01',
    reviewCycle: '',
    ...overrides,
  };
}
