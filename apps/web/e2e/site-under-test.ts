import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { LOCAL_JWT_SECRET } from "../../local/src/config.ts";
import { type LocalStack, startLocalStack } from "../../local/src/stack.ts";
import { launchChromium } from "./browser.ts";

/** The site as built once for the whole run by build-site.global.ts. */
const DIST = fileURLToPath(new URL("../dist", import.meta.url));

/** One browser file's world: the whole local stack on free ports, serving the built site. */
export interface SiteUnderTest {
  readonly stack: LocalStack;
  readonly baseUrl: string;
  /** A page in a fresh browser context (Japanese locale, downloads allowed). */
  newPage(options?: {
    readonly viewport?: { readonly width: number; readonly height: number };
    readonly timeoutMs?: number;
  }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the stack on DynamoDB Local and s3rver (its own table) beside a headless Chromium. Each
 * browser file has its own, so files can run side by side without sharing data.
 */
export const startSiteUnderTest = async (options: {
  readonly tableName: string;
  /** The demo producers, plans and owners of `pnpm start`. */
  readonly seed: boolean;
}): Promise<SiteUnderTest> => {
  const [stack, browser]: [LocalStack, Browser] = await Promise.all([
    startLocalStack({
      store: "dynamodb",
      apiPort: 0,
      dynamoPort: 0,
      s3Port: 0,
      tableName: options.tableName,
      uploadsBucket: "owners-uploads",
      jwtSecret: LOCAL_JWT_SECRET,
      seed: options.seed,
      schedule: false,
      logLevel: "silent",
      web: { port: 0, distDir: DIST },
    }),
    launchChromium(),
  ]);
  const contexts: BrowserContext[] = [];
  return {
    stack,
    baseUrl: stack.webUrl ?? "",
    newPage: async ({ viewport = { width: 1200, height: 900 }, timeoutMs = 15_000 } = {}) => {
      const context = await browser.newContext({
        viewport,
        acceptDownloads: true,
        locale: "ja-JP",
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await stack.stop();
    },
  };
};

/** Signs in through the dev-login picker (a demo person's button), as a newcomer would. */
export const signInWithPicker = async (page: Page, baseUrl: string, userId: string) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole("button", { name: new RegExp(userId) }).click();
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
};

/** Signs in with the dev-login form's own id and the role asked for. */
export const signInWithForm = async (
  page: Page,
  baseUrl: string,
  sub: string,
  role: "owner" | "producer" | "admin",
) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("ユーザーID", { exact: true }).fill(sub);
  await page.getByLabel("役割", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
};

/** A dev-login bearer token for anyone (as the site's picker gets one). */
export const devToken = async (
  apiUrl: string,
  sub: string,
  role: "owner" | "producer" | "admin",
): Promise<string> => {
  const answer = await fetch(`${apiUrl}/auth/dev-login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sub, role }),
  });
  return ((await answer.json()) as { token: string }).token;
};

/**
 * The API as a script would use it: dev login as `sub`, then JSON calls with the bearer token;
 * a non-2xx answer throws with its status and body (the scenario stops where the API refused).
 */
export const apiAs = async (apiUrl: string, sub: string, role: "owner" | "producer" | "admin") => {
  const token = await devToken(apiUrl, sub, role);
  return async (method: string, path: string, body?: unknown, headers = {}) => {
    const answer = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await answer.json();
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(json)}`);
    return json;
  };
};
