import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { systemClock } from "@owners/adapter-local";
import { type ContainerOverrides, createApiFromConfig } from "./composition/container.ts";
import { loadStripePorts } from "./composition/payment-ports.ts";
import { type ApiConfig, readConfig } from "./config.ts";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly config: ApiConfig;
  readonly hostname?: string;
  readonly overrides?: ContainerOverrides;
}

/** The API on Node (@hono/node-server), listening once it resolves; `close()` stops it. */
export const startServer = (options: StartServerOptions): Promise<RunningServer> => {
  const app = createApiFromConfig(options.config, options.overrides);
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname },
      (info: AddressInfo) => {
        resolve({
          url: `http://${hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              // Keep-alive connections would hold close() open.
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
};

/** `tsx src/server.ts`: the API from the environment, on PORT (3000 by default). */
const main = async () => {
  const config = readConfig();
  // Stripe's test mode when its keys are set (see the README), else the in-process gateway.
  const stripe = await loadStripePorts(config, systemClock);
  const running = await startServer({
    port: Number(process.env.PORT ?? 3000),
    config,
    hostname: process.env.HOST ?? "127.0.0.1",
    ...(stripe === undefined ? {} : { overrides: { ports: stripe } }),
  });
  console.log(`OWNERS API on ${running.url} (docs: ${running.url}/docs)`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
