import type { Logger } from "@owners/logging";

type Bindings = Record<string, unknown>;
type LogCall = (object: Bindings, message: string) => void;

/** What the API logs through: a child per request, then one line per request or crash. */
export interface ApiLogger {
  child(bindings: Bindings): ApiLogger;
  info: LogCall;
  error: LogCall;
}

export interface DeferredLogger {
  readonly logger: ApiLogger;
  /** Resolves once every line logged so far is written (the logger loaded). */
  readonly written: () => Promise<void>;
}

/**
 * A logger usable at once whose implementation (pino, some 60 KB and a dozen Node built-ins) is
 * imported in the background: a Lambda's cold start does not wait for it, and the lines logged
 * before it is there are queued and written, in order, when it is. The Lambda handler awaits
 * `written()` before it answers, so no line of a first request is lost. If the import fails the
 * next line tries again.
 */
export const deferredLogger = (load: () => Promise<Logger>): DeferredLogger => {
  let real: Logger | undefined;
  let loading: Promise<void> | undefined;
  const queue: ((logger: Logger) => void)[] = [];
  const start = (): Promise<void> => {
    loading ??= load().then(
      (logger) => {
        real = logger;
        for (const write of queue.splice(0)) write(logger);
      },
      () => {
        loading = undefined;
      },
    );
    return loading;
  };
  const make = (path: readonly Bindings[]): ApiLogger => {
    let resolved: Logger | undefined;
    // The child chain is built once per deferred child, on its first line.
    const target = (root: Logger): Logger =>
      (resolved ??= path.reduce<Logger>((logger, bindings) => logger.child(bindings), root));
    const call =
      (level: "info" | "error"): LogCall =>
      (object, message) => {
        if (real !== undefined) return target(real)[level](object, message);
        queue.push((root) => target(root)[level](object, message));
        void start();
      };
    return {
      child: (bindings) => make([...path, bindings]),
      info: call("info"),
      error: call("error"),
    };
  };
  void start();
  return {
    logger: make([]),
    written: async () => {
      if (real === undefined) await start();
    },
  };
};
