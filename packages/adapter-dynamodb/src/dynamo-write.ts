import type { Item } from "./item.ts";

/**
 * Builds `SET #n0 = :v0, #n1 = :v1, ...` for the given attributes, with every name aliased (many
 * plain words such as status or region are reserved in DynamoDB expressions).
 */
export const setExpression = (
  attributes: Item,
  prefix = "a",
): { expression: string; names: Record<string, string>; values: Item } => {
  const names: Record<string, string> = {};
  const values: Item = {};
  const parts = Object.entries(attributes).map(([name, value], i) => {
    names[`#${prefix}${i}`] = name;
    values[`:${prefix}${i}`] = value;
    return `#${prefix}${i} = :${prefix}${i}`;
  });
  return { expression: `SET ${parts.join(", ")}`, names, values };
};
