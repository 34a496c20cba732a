import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AccountSuspendedException,
  BadRequestException,
  InternalServiceErrorException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SESv2Client,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from "@aws-sdk/client-sesv2";
import { makeManualClock } from "@owners/adapter-local";
import { makeMemoryOutbox } from "@owners/adapter-memory";
import {
  type AppError,
  appError,
  flushNotifications,
  type NotificationMessage,
  type Outbox,
  SYSTEM_ACTOR,
} from "@owners/app";
import { instant, type OutboxMessage, ownerId } from "@owners/domain";
import { mockClient } from "aws-sdk-client-mock";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { beforeEach, describe, expect, it } from "vitest";
import { dedupeKeyTag } from "./email-tags.ts";
import type { RecipientDirectory } from "./recipient-directory.ts";
import { makeSesNotifier, type SesNotifierConfig } from "./ses-notifier.ts";

const ses = new SESv2Client({
  region: "ap-northeast-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const sdk = mockClient(ses);

const FROM = "OWNERS <noreply@owners.example.jp>";

const message = (n: number, overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: `msg_${n}`,
  recipientId: ownerId(`owner_${n}`),
  kind: "allocation-ready",
  subject: "収穫のお知らせ: いちじく 6 kg",
  body: "佐藤さん、今季のいちじくが 6 kg 割り当てられました。\nYour figs are ready.",
  at: instant(`2026-08-01T10:00:0${n}.000Z`),
  dedupeKey: `allocation-ready#lot_A#own_${n}`,
  ...overrides,
});

/** owner_n has n@example.jp verified, except those listed as without one. */
const directory = (
  withoutEmail: readonly string[] = [],
): RecipientDirectory & {
  asked: string[];
} => {
  const asked: string[] = [];
  return {
    asked,
    emailOf: (recipientId) => {
      asked.push(recipientId);
      return TE.right(
        withoutEmail.includes(recipientId)
          ? O.none
          : O.some(`${recipientId.replace("owner_", "")}@example.jp`),
      );
    },
  };
};

const notifier = (overrides: Partial<SesNotifierConfig> = {}) =>
  makeSesNotifier({
    ses,
    from: FROM,
    configurationSetName: "owners-staging",
    recipients: directory(),
    ...overrides,
  });

const deliverWith = async (
  n: ReturnType<typeof makeSesNotifier>,
  m: NotificationMessage,
): Promise<E.Either<AppError, void>> => n.deliver(m)();

const failureOf = async (n: ReturnType<typeof makeSesNotifier>, m: NotificationMessage) => {
  const result = await deliverWith(n, m);
  if (E.isRight(result)) throw new Error("expected a failure");
  return result.left;
};

beforeEach(() => {
  sdk.reset();
});

describe("SES notifier: the request", () => {
  it("sends the subject and body as plain-text UTF-8 from the configured address, tagged", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    const m = message(1);
    expect(E.isRight(await deliverWith(notifier(), m))).toBe(true);
    expect(sdk.calls()).toHaveLength(1);
    expect(sdk.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ["1@example.jp"] },
      Content: {
        Simple: {
          Subject: { Data: "収穫のお知らせ: いちじく 6 kg", Charset: "UTF-8" },
          Body: {
            Text: {
              Data: "佐藤さん、今季のいちじくが 6 kg 割り当てられました。\nYour figs are ready.",
              Charset: "UTF-8",
            },
          },
        },
      },
      EmailTags: [
        { Name: "kind", Value: "allocation-ready" },
        {
          Name: "dedupe_key_sha256",
          // sha256("allocation-ready#lot_A#own_1"), computed with Python hashlib
          Value: "2bd13915d26f13850a5d16745ec7065b8c2192680cd462ac92e23dbe787745eb",
        },
      ],
      ConfigurationSetName: "owners-staging",
    });
  });

  it("leaves the configuration set out when none is configured", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    await deliverWith(notifier({ configurationSetName: undefined }), message(1));
    const input = sdk.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty("ConfigurationSetName");
    expect(input?.EmailTags?.map((t) => t.Value)).toEqual([
      "allocation-ready",
      dedupeKeyTag("allocation-ready#lot_A#own_1"),
    ]);
  });
});

describe("SES notifier: rendered mail", () => {
  const rendered = (n: number) => ({
    ...message(n, { kind: "update-posted", dedupeKey: `update-posted#upd_1#owner_${n}` }),
    html: "<p>いちじく</p>",
    unsubscribe: {
      url: "https://owners.example.jp/api/unsubscribe?token=abc.news.def",
      mailto: "mailto:unsubscribe@owners.example.jp?subject=unsubscribe%20abc.news.def",
    },
  });

  it("sends HTML beside the text and the one-click List-Unsubscribe headers", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    await deliverWith(notifier(), rendered(1));
    const simple = sdk.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple;
    expect(simple?.Body?.Html).toEqual({ Data: "<p>いちじく</p>", Charset: "UTF-8" });
    expect(simple?.Body?.Text?.Data).toBe(message(1).body);
    expect(simple?.Headers).toEqual([
      {
        Name: "List-Unsubscribe",
        Value:
          "<https://owners.example.jp/api/unsubscribe?token=abc.news.def>, <mailto:unsubscribe@owners.example.jp?subject=unsubscribe%20abc.news.def>",
      },
      { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
    ]);
  });

  it("sends no unsubscribe headers for a message that cannot be turned off", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    await deliverWith(notifier(), { ...message(1), html: "<p>x</p>" });
    const simple = sdk.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple;
    expect(simple).not.toHaveProperty("Headers");
  });

  it("puts the headers on the wire as SES v2 SendEmail's Content.Simple.Headers", async () => {
    // The SDK's own serializer against a local HTTP server (the mock above stops before it).
    const bodies: unknown[] = [];
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => {
        raw += chunk;
      });
      req.on("end", () => {
        bodies.push({ path: req.url, body: JSON.parse(raw) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ MessageId: "wire-1" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const wire = new SESv2Client({
      region: "ap-northeast-1",
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    try {
      const sent = await makeSesNotifier({
        ses: wire,
        from: FROM,
        recipients: directory(),
      }).deliver(rendered(2))();
      expect(E.isRight(sent)).toBe(true);
    } finally {
      wire.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(bodies).toMatchObject([
      {
        path: "/v2/email/outbound-emails",
        body: {
          Content: {
            Simple: {
              Body: { Html: { Data: "<p>いちじく</p>" } },
              Headers: [
                { Name: "List-Unsubscribe" },
                { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
              ],
            },
          },
        },
      },
    ]);
  });
});

describe("SES notifier: recipients", () => {
  it("refuses a recipient without a verified address (AUTH.FORBIDDEN) and sends nothing", async () => {
    const failure = await failureOf(notifier({ recipients: directory(["owner_2"]) }), message(2));
    expect(failure).toMatchObject({
      _tag: "AUTH.FORBIDDEN",
      details: { recipientId: "owner_2", dedupeKey: "allocation-ready#lot_A#own_2" },
    });
    expect(sdk.calls()).toHaveLength(0);
  });

  it("passes on a directory that cannot be asked (NOTIFY.UNAVAILABLE) and sends nothing", async () => {
    const down: RecipientDirectory = {
      emailOf: () => TE.left(appError("NOTIFY.UNAVAILABLE", "Cognito is throttling")),
    };
    expect((await failureOf(notifier({ recipients: down }), message(1)))._tag).toBe(
      "NOTIFY.UNAVAILABLE",
    );
    expect(sdk.calls()).toHaveLength(0);
  });
});

const sdkError = <T>(
  Type: new (opts: { message: string; $metadata: object }) => T,
  message: string,
  status: number,
) => new Type({ message, $metadata: { httpStatusCode: status } });

describe("SES notifier: failures", () => {
  const channelWide: [string, () => Error][] = [
    [
      "TooManyRequestsException",
      () => sdkError(TooManyRequestsException, "Too many requests", 429),
    ],
    ["LimitExceededException", () => sdkError(LimitExceededException, "Daily quota exceeded", 400)],
    ["SendingPausedException", () => sdkError(SendingPausedException, "Sending paused", 400)],
    ["AccountSuspendedException", () => sdkError(AccountSuspendedException, "Suspended", 400)],
    [
      "MailFromDomainNotVerifiedException",
      () => sdkError(MailFromDomainNotVerifiedException, "MAIL FROM not verified", 400),
    ],
    ["NotFoundException", () => sdkError(NotFoundException, "Configuration set not found", 404)],
    ["InternalServiceErrorException (5xx)", () => sdkError(InternalServiceErrorException, "", 500)],
    [
      "a network error",
      () => Object.assign(new Error("socket hang up"), { name: "Error", code: "ECONNRESET" }),
    ],
    ["a timeout", () => Object.assign(new Error("Request timed out"), { name: "TimeoutError" })],
    [
      "an IAM denial",
      () => Object.assign(new Error("not authorized"), { name: "AccessDeniedException" }),
    ],
  ];
  it.each(channelWide)("%s stops the flush for later (NOTIFY.UNAVAILABLE)", async (_, error) => {
    sdk.on(SendEmailCommand).rejects(error());
    const failure = await failureOf(notifier(), message(1));
    expect(failure._tag).toBe("NOTIFY.UNAVAILABLE");
    expect(failure.details).toMatchObject({ dedupeKey: "allocation-ready#lot_A#own_1" });
  });

  const thisMessage: [string, () => Error][] = [
    ["MessageRejected", () => sdkError(MessageRejected, "Email address is not verified.", 400)],
    ["BadRequestException", () => sdkError(BadRequestException, "Illegal address", 400)],
  ];
  it.each(thisMessage)("%s refuses this message only (VALIDATION.INVALID)", async (_, error) => {
    sdk.on(SendEmailCommand).rejects(error());
    const failure = await failureOf(notifier(), message(1));
    expect(failure._tag).toBe("VALIDATION.INVALID");
    expect(failure.details).toMatchObject({ dedupeKey: "allocation-ready#lot_A#own_1" });
  });
});

describe("SES notifier: repeats", () => {
  it("sends a dedupeKey once per process, and again after a failed attempt", async () => {
    const n = notifier();
    sdk
      .on(SendEmailCommand)
      .rejectsOnce(sdkError(TooManyRequestsException, "slow down", 429))
      .resolves({ MessageId: "ses-1" });
    expect(E.isLeft(await deliverWith(n, message(1)))).toBe(true);
    expect(E.isRight(await deliverWith(n, message(1)))).toBe(true);
    expect(E.isRight(await deliverWith(n, message(1)))).toBe(true);
    expect(sdk.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it("forgets the oldest sent keys beyond its memory", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    const n = notifier({ sentMemorySize: 2 });
    for (const i of [1, 2, 3, 1]) await deliverWith(n, message(i));
    expect(sdk.commandCalls(SendEmailCommand)).toHaveLength(4);
  });
});

describe("SES notifier under the flush", () => {
  const clock = makeManualClock("2026-08-01T11:00:00.000Z");
  let outbox: Outbox;
  beforeEach(async () => {
    outbox = makeMemoryOutbox();
    await outbox.enqueue([1, 2, 3].map((i) => message(i)))();
  });
  const pending = async () => {
    const listed = await outbox.listPending(100)();
    return E.isRight(listed) ? listed.right.map((m) => m.id) : [];
  };

  it("delivers and marks; a recipient without an address is set aside, the rest go", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    const n = notifier({ recipients: directory(["owner_2"]) });
    const report = await flushNotifications({ outbox, notifier: n, clock })(SYSTEM_ACTOR)();
    expect(report).toEqual(
      E.right({
        delivered: 2,
        alreadyDelivered: 0,
        failed: [{ dedupeKey: "allocation-ready#lot_A#own_2", error: "AUTH.FORBIDDEN" }],
        unsubscribed: 0,
        channelDown: false,
      }),
    );
    expect(await pending()).toEqual([]);
    const kept = await outbox.get("allocation-ready#lot_A#own_2")();
    expect(kept).toMatchObject(E.right({ value: { setAside: { reason: "AUTH.FORBIDDEN" } } }));
    expect(sdk.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination)).toEqual([
      { ToAddresses: ["1@example.jp"] },
      { ToAddresses: ["3@example.jp"] },
    ]);
  });

  it("stops at throttling and leaves the rest pending", async () => {
    sdk
      .on(SendEmailCommand)
      .resolvesOnce({ MessageId: "ses-1" })
      .rejects(sdkError(TooManyRequestsException, "slow down", 429));
    const report = await flushNotifications({ outbox, notifier: notifier(), clock })(
      SYSTEM_ACTOR,
    )();
    expect(report).toMatchObject(E.right({ delivered: 1, channelDown: true }));
    expect(await pending()).toEqual(["msg_2", "msg_3"]);
  });

  it("after a failed mark, resends nothing from the same process, once from another", async () => {
    sdk.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    let failMarks = true;
    const flaky: Outbox = {
      ...outbox,
      markDelivered: (key, at) =>
        failMarks
          ? TE.left(appError("STORE.UNAVAILABLE", "DynamoDB is down"))
          : outbox.markDelivered(key, at),
    };
    const warm = notifier();
    const first = await flushNotifications({ outbox: flaky, notifier: warm, clock })(
      SYSTEM_ACTOR,
    )();
    expect(E.isLeft(first)).toBe(true);
    expect(sdk.commandCalls(SendEmailCommand)).toHaveLength(1);

    failMarks = false;
    await flushNotifications({ outbox: flaky, notifier: warm, clock })(SYSTEM_ACTOR)();
    // msg_1 was remembered as sent: only msg_2 and msg_3 went out now.
    expect(sdk.commandCalls(SendEmailCommand)).toHaveLength(3);
    expect(await pending()).toEqual([]);

    // A cold process in the same window would have sent msg_1 a second time: the documented limit.
    sdk.resetHistory();
    await outbox.enqueue([message(4)])();
    failMarks = true;
    await flushNotifications({ outbox: flaky, notifier: notifier(), clock })(SYSTEM_ACTOR)();
    failMarks = false;
    await flushNotifications({ outbox: flaky, notifier: notifier(), clock })(SYSTEM_ACTOR)();
    expect(
      sdk.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses),
    ).toEqual([["4@example.jp"], ["4@example.jp"]]);
  });
});
