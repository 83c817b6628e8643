// DriveApp under the drive.file scope: files the script creates, each in its creator's Drive, visible only to that account's runs.
import { costs } from '../costs';
import type { Exec } from '../exec';
import { requireFullAuth, scopes } from './auth';

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  /** The account whose Drive holds it: the effective user of the execution that created it. */
  owner: string;
  content: string;
  created: number;
  trashed: boolean;
}

export interface DriveState {
  files: DriveFile[];
  nextId: number;
}

export function emptyDrive(): DriveState {
  return { files: [], nextId: 1 };
}

// [O-code] What getFileById says for an ID that is unknown or that this account's grant does not reach.
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** [O] The most a Blob, and so a file written from a string, may hold (users report 50 MB). */
export const MAX_BLOB_BYTES = 52_428_800;
// [to confirm] The exact text Apps Script gives for a blob over the limit.
const TOO_LARGE = 'Exception: Blob too large: a file written from a script holds at most 50 MB.';

/**
 * drive.file reaches only files this script created (or a person opened with it) for the account running
 * it: another admin's snapshot is as invisible as a file that does not exist.
 */
export function createDriveApp(exec: Exec, state: DriveState) {
  const call = (method: string) => {
    requireFullAuth(exec, 'DriveApp', method, scopes.driveFile);
    exec.charge('DriveApp', method);
  };
  const fileObject = (f: DriveFile) => ({
    getId: () => f.id,
    getName: () => f.name,
    getMimeType: () => f.mimeType,
    getSize: () => Buffer.byteLength(f.content, 'utf8'),
    getDateCreated: () => new exec.realmDate(f.created),
    getOwner: () => ({ getEmail: () => f.owner }),
    isTrashed: () => f.trashed,
    getBlob: () => {
      exec.charge('DriveApp', 'File.getBlob');
      exec.spend((Buffer.byteLength(f.content, 'utf8') / 1024) * costs.driveKbMs);
      return { getDataAsString: () => f.content, getContentType: () => f.mimeType };
    },
    setTrashed: (trashed: unknown) => {
      exec.charge('DriveApp', 'File.setTrashed');
      f.trashed = Boolean(trashed);
    },
    toString: () => f.name,
  });
  return {
    createFile(name: unknown, content: unknown, mimeType: unknown = 'text/plain') {
      call('createFile');
      const bytes = Buffer.byteLength(String(content), 'utf8');
      if (bytes > MAX_BLOB_BYTES) exec.fail(TOO_LARGE);
      exec.spend((bytes / 1024) * costs.driveKbMs);
      const f: DriveFile = {
        id: `drive-file-${state.nextId++}`,
        name: String(name),
        mimeType: String(mimeType),
        owner: exec.effectiveUserEmail,
        content: String(content),
        created: exec.now(),
        trashed: false,
      };
      state.files.push(f);
      return fileObject(f);
    },
    getFileById(id: unknown) {
      call('getFileById');
      const f = state.files.find((x) => x.id === String(id) && x.owner === exec.effectiveUserEmail);
      if (!f) exec.fail(NOT_FOUND);
      return fileObject(f as DriveFile);
    },
  };
}
