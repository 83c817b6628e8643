// Authorization checks shared by the services: what simple triggers and AuthMode.NONE may not call.
import type { Exec } from '../exec';

export const scopes = {
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
} as const;

/** Services that need the user's authorization throw in simple triggers and in AuthMode.NONE. */
export function requireFullAuth(exec: Exec, service: string, method: string, scope: string) {
  if (exec.authMode === 'FULL') return;
  exec.fail(`You do not have permission to call ${service}.${method}. Required permissions: ${scope}`);
}

/** AuthMode.NONE (add-on installed but not enabled in this file): no document, no properties. */
export function requireDocumentAccess(exec: Exec) {
  if (exec.authMode === 'NONE') exec.fail('Authorization is required to perform that action.');
}
