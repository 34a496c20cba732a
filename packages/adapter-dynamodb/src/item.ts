/** An item as the document client reads and writes it. */
export type Item = Record<string, unknown>;

/** Drops undefined fields, so an item compares and stores the same whichever way it was built. */
export const defined = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
