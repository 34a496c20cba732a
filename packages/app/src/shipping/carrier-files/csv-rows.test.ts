import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { csvRows, decodeCarrierFile } from "./csv-rows.ts";

describe("carrier file rows", () => {
  it("reads quoted fields, doubled quotes, CRLF and a last row without a line break", () => {
    expect(csvRows('a,"b,c","say ""hi"""\r\n"multi\nline",x\ny')).toEqual(
      E.right([["a", "b,c", 'say "hi"'], ["multi\nline", "x"], ["y"]]),
    );
  });

  it("names the row of an unterminated quote", () => {
    expect(csvRows('a,b\nc,"open\n')).toEqual(E.left({ row: 2 }));
  });

  it("decodes UTF-8 with a BOM and Shift_JIS", () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("伝票番号")]);
    expect(decodeCarrierFile(utf8)).toBe("伝票番号");
    // 「伝票」 in Shift_JIS.
    expect(decodeCarrierFile(new Uint8Array([0x93, 0x60, 0x95, 0x5b]))).toBe("伝票");
  });
});
