import {
  DEFAULT_LANGUAGE,
  domainError,
  type Instant,
  type Language,
  type NotificationKind,
  type OwnerId,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { MAX_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { Clock } from "../ports/clock.ts";
import type { Outbox, StoredOutboxMessage } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { categoryOf, localizeNotification } from "./localize-notification.ts";
import type { NotificationCategory } from "./templates/template.ts";

export interface NotificationInboxDeps {
  readonly outbox: Outbox;
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
}

/** One message in the in-app inbox, in the reader's language. */
export interface InboxItem {
  /** Opaque (the dedupe key, base64url): what mark-read takes. */
  readonly id: string;
  readonly kind: NotificationKind;
  readonly category: NotificationCategory;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  /** A site path or URL with its label. */
  readonly link?: { readonly label: string; readonly url: string };
  readonly at: Instant;
  readonly read: boolean;
}

/** At most this many unread are counted (the header shows "99+" beyond). */
export const UNREAD_COUNT_CAP = 99;

const inboxId = (dedupeKey: string) => Buffer.from(dedupeKey).toString("base64url");
const dedupeKeyOf = (id: string): E.Either<AppError, string> => {
  const key = Buffer.from(id, "base64url").toString();
  return key !== "" && inboxId(key) === id
    ? E.right(key)
    : E.left(domainError("VALIDATION.INVALID", "not a notification id", { field: "id" }));
};

/** Erased messages (a closed account's) are blank: nothing to show. */
const shown = (m: StoredOutboxMessage) => m.subject !== "" || m.params !== undefined;

const toItem =
  (language: Language) =>
  (m: StoredOutboxMessage): InboxItem => {
    const localized = localizeNotification(m, language);
    return {
      id: inboxId(m.dedupeKey),
      kind: m.kind,
      category: categoryOf(m),
      subject: localized.subject,
      paragraphs: localized.paragraphs,
      ...(localized.link === undefined ? {} : { link: localized.link }),
      at: m.at,
      read: m.readAt !== undefined,
    };
  };

const languageOf = (deps: NotificationInboxDeps, ownerId: OwnerId) =>
  pipe(
    deps.profiles.get(ownerId),
    TE.map(
      O.match(
        (): Language => DEFAULT_LANGUAGE,
        (p) => p.language,
      ),
    ),
  );

/** The signed-in owner's notifications, newest first, rendered in its language. */
export const listMyNotifications =
  (deps: NotificationInboxDeps) =>
  (actor: Actor, page: PageRequest): TE.TaskEither<AppError, Page<InboxItem>> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) =>
        pipe(
          TE.Do,
          TE.apS("language", languageOf(deps, ownerId)),
          TE.apS("page", deps.outbox.listInbox(ownerId, page)),
          TE.map(({ language, page: found }) => ({
            ...found,
            items: found.items.filter(shown).map(toItem(language)),
          })),
        ),
      ),
    );

/** How many of the owner's newest messages are unread, up to UNREAD_COUNT_CAP. */
export const countMyUnreadNotifications =
  (deps: NotificationInboxDeps) =>
  (actor: Actor): TE.TaskEither<AppError, { readonly unread: number; readonly capped: boolean }> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => deps.outbox.listInbox(ownerId, { limit: MAX_PAGE_LIMIT })),
      TE.map((page) => {
        const unread = page.items.filter((m) => shown(m) && m.readAt === undefined).length;
        return {
          unread: Math.min(unread, UNREAD_COUNT_CAP),
          capped: unread > UNREAD_COUNT_CAP,
        };
      }),
    );

/** Marks one of the owner's notifications read (again: no change); NOT_FOUND if not theirs. */
export const markMyNotificationRead =
  (deps: NotificationInboxDeps) =>
  (actor: Actor, id: string): TE.TaskEither<AppError, void> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) =>
        pipe(
          TE.fromEither(dedupeKeyOf(id)),
          TE.chain((key) => deps.outbox.markRead(ownerId, key, deps.clock.now())),
        ),
      ),
    );

/** Pages read by one mark-all (a few hundred messages: older ones are long read or moot). */
const READ_ALL_PAGES = 5;

/** Marks every unread notification of the owner's newest few hundred read. */
export const markAllMyNotificationsRead =
  (deps: NotificationInboxDeps) =>
  (actor: Actor): TE.TaskEither<AppError, { readonly marked: number }> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => async () => {
        const at = deps.clock.now();
        let marked = 0;
        let cursor: string | undefined;
        for (let pageNo = 0; pageNo < READ_ALL_PAGES; pageNo += 1) {
          const page = await deps.outbox.listInbox(ownerId, {
            limit: MAX_PAGE_LIMIT,
            ...(cursor === undefined ? {} : { cursor }),
          })();
          if (E.isLeft(page)) return page;
          for (const m of page.right.items.filter((m) => m.readAt === undefined)) {
            const done = await deps.outbox.markRead(ownerId, m.dedupeKey, at)();
            if (E.isLeft(done)) return done;
            marked += 1;
          }
          cursor = page.right.nextCursor;
          if (cursor === undefined) break;
        }
        return E.right({ marked });
      }),
    );

/** The in-app inbox use cases, for the API's composition. */
export const makeNotificationInboxUseCases = (deps: NotificationInboxDeps) => ({
  listMyNotifications: listMyNotifications(deps),
  countMyUnreadNotifications: countMyUnreadNotifications(deps),
  markMyNotificationRead: markMyNotificationRead(deps),
  markAllMyNotificationsRead: markAllMyNotificationsRead(deps),
});
