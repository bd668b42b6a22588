/**
 * A fingerprint of a file's bytes, so the watcher can tell a real change from
 * a touch and recognise our own saves.
 */
import { createHash } from 'node:crypto';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
