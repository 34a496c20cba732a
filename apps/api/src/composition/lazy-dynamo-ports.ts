import {
  DYNAMO_STORE_LOADERS,
  type DynamoContext,
  type DynamoPorts,
} from "@owners/adapter-dynamodb";
import { DYNAMO_PORT_METHODS } from "./dynamo-port-methods.ts";
import { lazyPort } from "./lazy-port.ts";

/**
 * makeDynamoPorts' ports, each store built (its module imported) on its first call: a Lambda's
 * cold start reads no store, and its first request the few it uses (a plan's page: plans and
 * producer profiles) instead of every store and the domain rules their mappers call. A store
 * whose module fails to load answers STORE.UNAVAILABLE for that call; the next call tries again.
 */
export const makeLazyDynamoPorts = (ctx: DynamoContext): DynamoPorts => {
  const ports: Partial<Record<keyof DynamoPorts, unknown>> = {};
  for (const name of Object.keys(DYNAMO_STORE_LOADERS) as (keyof DynamoPorts)[])
    ports[name] = lazyPort<object>(
      DYNAMO_PORT_METHODS[name],
      () => DYNAMO_STORE_LOADERS[name](ctx),
      `the ${name} store`,
    );
  return ports as DynamoPorts;
};
