import * as E from "fp-ts/lib/Either.js";

/**
 * Carriers' files come back as Shift_JIS (B2クラウド, most Japanese spreadsheets) or UTF-8 (with
 * or without a BOM): valid UTF-8 is read as such, anything else as Shift_JIS.
 */
export const decodeCarrierFile = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
};

/**
 * RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a
 * row. An unterminated quote is a malformed file (the row where it opened is named).
 */
export const csvRows = (text: string): E.Either<{ readonly row: number }, string[][]> => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteRow = 0;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRow();
      i += 1;
    } else if (c === "\n" || c === "\r") endRow();
    else field += c;
    i += 1;
  }
  if (quoted) return E.left({ row: quoteRow });
  if (field !== "" || row.length > 0) endRow();
  return E.right(rows);
};
