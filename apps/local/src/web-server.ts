import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { proxy } from "hono/proxy";

export interface WebServerOptions {
  /** The built site (apps/web/dist). */
  readonly distDir: string;
  /** The API's fetch handler: `/api/*` goes to it as is (the API answers under /api too). */
  readonly api: (request: Request) => Response | Promise<Response>;
  /** s3rver, reached through `/s3/*` so the browser uploads and reads photos on this origin. */
  readonly s3?: { readonly endpoint: string };
  /** The local processor's checkout pages (`/checkout/*`), as Stripe hosts them in AWS. */
  readonly checkout?: (request: Request) => Response | Promise<Response>;
}

/** Where apps/web builds to, from apps/local/src. */
export const WEB_DIST_DIR = join(import.meta.dirname, "../../web/dist");

/**
 * The site as CloudFront serves it in AWS: static files, index.html for any other path (the
 * single-page app routes itself), `/api/*` to the API, and a `config.json` for this machine.
 */
export const webApp = (options: WebServerOptions): Hono => {
  const app = new Hono();
  app.all("/api/*", (c) => options.api(c.req.raw));
  const checkout = options.checkout;
  if (checkout !== undefined) app.all("/checkout/*", (c) => checkout(c.req.raw));
  const s3 = options.s3;
  if (s3 !== undefined)
    app.all("/s3/*", (c) => {
      const url = new URL(c.req.url);
      return proxy(`${s3.endpoint}${url.pathname.slice("/s3".length)}${url.search}`, c.req);
    });
  app.get("/config.json", (c) =>
    // Photos come with signed URLs in the API's answers (through /s3 locally, see stack.ts).
    c.json({ apiBase: "/api", auth: "dev" }),
  );
  if (!existsSync(join(options.distDir, "index.html")))
    app.get("*", (c) =>
      c.text("The web app is not built: run `pnpm --filter @owners/web build`.", 503),
    );
  app.use("/*", serveStatic({ root: options.distDir }));
  app.get("*", serveStatic({ root: options.distDir, path: "index.html" }));
  return app;
};
