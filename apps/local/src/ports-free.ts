import { createServer } from "node:net";
import { freePort } from "@owners/test-engines";

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/** `preferred` when it is free on loopback (0 means "any"), else a free port the OS picks. */
export const preferredOrFreePort = async (preferred: number): Promise<number> =>
  preferred !== 0 && (await canListen(preferred)) ? preferred : freePort();
