import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface NotificationsFile {
  readonly path: string;
  /** Removes the file when it was a temporary one; a kept one stays for `tail -f`. */
  dispose(): void;
}

/** Where the file notifier writes: `<stateDir>/notifications.jsonl`, or a temporary folder. */
export const notificationsFile = (stateDir: string | undefined): NotificationsFile => {
  if (stateDir !== undefined)
    return { path: join(stateDir, "notifications.jsonl"), dispose: () => {} };
  const folder = mkdtempSync(join(tmpdir(), "owners-notifications-"));
  return {
    path: join(folder, "notifications.jsonl"),
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
};
