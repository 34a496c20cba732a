/**
 * The present entries of a partial record, each typed by its key: `Object.entries` forgets which
 * value goes with which key, and a rebinding must put each port under its own token.
 */
export const entriesOf = <T extends object>(
  record: Partial<T>,
): { [K in keyof T]-?: [K, T[K]] }[keyof T][] =>
  (Object.keys(record) as (keyof T)[]).flatMap((key) => {
    const value = record[key];
    return value === undefined ? [] : [[key, value] as [typeof key, T[typeof key]]];
  }) as { [K in keyof T]-?: [K, T[K]] }[keyof T][];
