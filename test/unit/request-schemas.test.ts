// Every Api function has its request schema, strict about what it accepts; test/types/contract.ts checks their types.
import { requests } from '../../src/server/requests';
import type { ApiName } from '../../src/shared/rpc';

describe('request schemas', () => {
  const names = Object.keys(requests) as ApiName[];

  test.each(names)('%s refuses a key its Api argument does not have', (name) => {
    expect(requests[name].safeParse({ notInTheApi: 1 }).success).toBe(false);
  });

  test('a request that carries nothing is the empty object', () => {
    expect(requests.reminderStatus.safeParse({}).success).toBe(true);
    expect(requests.findCustomers.safeParse({}).success).toBe(false);
  });
});
