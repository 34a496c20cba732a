import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, drops idle keep-alive connections and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Serves an app that is already built (the stack's one container: the API, the seed and the
 * scheduler share its ports) on Node; port 0 picks a free one.
 */
export const listen = (
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname = "127.0.0.1",
): Promise<RunningHttpServer> =>
  new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      server.off("error", reject);
      resolve({
        url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            // Keep-alive connections would hold close() open.
            server.closeAllConnections();
          }),
      });
    }) as Server;
    server.once("error", reject);
  });
