// Compile-time checks of the contract (tsc only, never run): record types' field keys and request schemas against the Api.
/// <reference types="google-apps-script" />
import type { readColumns } from '../../src/gas/table';
import { customer, type FieldKey } from '../../src/schema';
import { requests } from '../../src/server/requests';
import type { ApiRequest } from '../../src/shared/rpc';

/**
 * Never called: `npm run typecheck` checks it, and fails when an expected error disappears (a key list
 * that stopped being checked) or a correct use stops compiling.
 */
export function compileChecks(read: typeof readColumns, ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const { values } = read(ss, customer, ['name', 'phone']);
  const phones: unknown[] = values.phone;
  // @ts-expect-error a misspelt field key of a typed record type
  read(ss, customer, ['nmae']);
  // @ts-expect-error only the keys read are in the result
  values.email;
  // @ts-expect-error FieldKey names the record type's keys, nothing else
  const key: FieldKey<typeof customer> = 'nmae';
  const query: ApiRequest<'findCustomers'> = requests.findCustomers.parse({ query: 'x' });
  // @ts-expect-error a request parses to the Api's argument type, not some other shape
  const wrong: { query: number } = requests.findCustomers.parse({ query: 'x' });
  return [phones, key, query, wrong];
}
