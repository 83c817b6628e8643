// Calls the server as the sidebar does (google.script.run in the emulator), typed by the Api: a misspelt name or a wrong request does not compile.
import type { Emulator } from '../../emulator/src';
import type { FieldError } from '../../src/domain/validation';
import type { ApiName, ApiRequest, ApiResult, SaveResult } from '../../src/shared/rpc';

/** The result is typed from the contract, which src/server/index.ts satisfies: tests need no casts of their own. */
export function callAs<K extends ApiName>(
  emu: Emulator,
  user: string,
  name: K,
  req: ApiRequest<K>,
): ApiResult<K> {
  return emu.scriptRun(user, name, req) as ApiResult<K>;
}

/** A save that must have gone through: anything else fails the test, showing what came back. */
export function saved(result: SaveResult): Extract<SaveResult, { ok: true }> {
  if (!result.ok) throw new Error(`Expected the save to go through; got ${JSON.stringify(result)}`);
  return result;
}

/** The field errors of a save refused for its values: anything else fails the test, showing what came back. */
export function fieldErrors(result: SaveResult): FieldError[] {
  if (!('errors' in result)) throw new Error(`Expected field errors; got ${JSON.stringify(result)}`);
  return result.errors;
}
