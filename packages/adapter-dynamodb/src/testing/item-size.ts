import type { AttributeValue } from "@aws-sdk/client-dynamodb";

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

const bytes = (value: Uint8Array | string): number =>
  typeof value === "string" ? Buffer.from(value, "base64").length : value.byteLength;

/** A number's size: about one byte per two significant digits, plus one. */
const numberSize = (text: string): number => {
  const digits = text.replace(/^[-+]/, "").replace(/e.*$/i, "").replace(".", "");
  const significant = digits.replace(/^0+/, "").replace(/0+$/, "");
  return Math.ceil(Math.max(1, significant.length) / 2) + 1;
};

/** The size DynamoDB counts for one attribute value (its documented item-size rules). */
export const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return bytes(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if (value.BS !== undefined) return value.BS.reduce((n, b) => n + bytes(b), 0);
  // Lists and maps: 3 bytes of their own plus one per element.
  if (value.L !== undefined)
    return 3 + value.L.reduce((n, element) => n + 1 + valueSize(element), 0);
  if (value.M !== undefined)
    return (
      3 + Object.entries(value.M).reduce((n, [name, v]) => n + 1 + utf8(name) + valueSize(v), 0)
    );
  return 0;
};

/** An item's size in bytes: every attribute's name and value. */
export const itemSize = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);

/** Write units for `size` bytes: one per started KB, at least one. */
export const writeUnits = (size: number): number => Math.max(1, Math.ceil(size / 1024));
