import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Clock, NotificationMessage, Notifier } from "@owners/app";
import { type AppError, appError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface FileNotifierOptions {
  /** The JSON-lines file; created with its folder when missing. */
  readonly path: string;
  readonly clock: Clock;
}

/** One line of the file: the message and when it was delivered. */
export type DeliveredLine = NotificationMessage & { readonly deliveredAt: string };

const dedupeKeysIn = async (path: string): Promise<Set<string>> => {
  try {
    const text = await readFile(path, "utf8");
    const keys = text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as Partial<DeliveredLine>).dedupeKey)
      .filter((key): key is string => typeof key === "string");
    return new Set(keys);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
};

/**
 * The Notifier of `pnpm start`: every notification becomes a JSON line in a file a developer can
 * `tail -f`. Dedupe keys already in the file are not written again, across restarts too.
 * Deliveries are written one at a time, so lines never interleave.
 */
export const makeFileNotifier = (options: FileNotifierOptions): Notifier => {
  let seen: Promise<Set<string>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const write = async (message: NotificationMessage): Promise<void> => {
    seen ??= mkdir(dirname(options.path), { recursive: true }).then(() =>
      dedupeKeysIn(options.path),
    );
    const keys = await seen.catch((error: unknown) => {
      seen = undefined; // read again on the next delivery
      throw error;
    });
    if (keys.has(message.dedupeKey)) return;
    const line: DeliveredLine = {
      id: message.id,
      recipientId: message.recipientId,
      kind: message.kind,
      subject: message.subject,
      body: message.body,
      dedupeKey: message.dedupeKey,
      deliveredAt: options.clock.now(),
    };
    await appendFile(options.path, `${JSON.stringify(line)}\n`, "utf8");
    keys.add(message.dedupeKey);
  };

  return {
    deliver: (message) => {
      const run = (): Promise<void> => {
        const next = queue.then(() => write(message));
        queue = next.catch(() => undefined);
        return next;
      };
      return TE.tryCatch(
        run,
        (error): AppError =>
          appError("NOTIFY.UNAVAILABLE", `could not write the notification to ${options.path}`, {
            cause: String(error),
          }),
      );
    },
  };
};
