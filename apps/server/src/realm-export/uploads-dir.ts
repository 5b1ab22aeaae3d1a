import * as path from 'node:path';
import { ExportFileError } from './export-file';

/**
 * Where an uploaded file lives: `<UPLOADS_DIR>/<path_id>`. Refuses a path_id that would leave
 * that folder (an export file is untrusted input).
 */
export function uploadFilePath(uploadsDir: string, pathId: string): string {
  const root = path.resolve(uploadsDir);
  const file = path.resolve(root, pathId);
  if (!pathId || path.isAbsolute(pathId) || !file.startsWith(root + path.sep)) {
    throw new ExportFileError(`Upload path "${pathId}" is outside the uploads folder`);
  }
  return file;
}

/** The path_id an upload gets in the imported realm: the old realm id prefix becomes the new one. */
export function importedPathId(oldPathId: string, oldRealmId: number, newRealmId: number): string {
  const prefix = `${oldRealmId}/`;
  const rest = oldPathId.startsWith(prefix) ? oldPathId.slice(prefix.length) : oldPathId;
  return `${newRealmId}/${rest}`;
}
