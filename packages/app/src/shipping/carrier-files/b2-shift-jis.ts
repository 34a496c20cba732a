/**
 * Characters a Japanese keyboard or IME often types that have no Shift_JIS byte of their own,
 * swapped for the full-width look-alike Shift_JIS (as Windows and B2 read it) carries: a
 * 〜 (wave dash) in "1〜3丁目" or a − (minus) in "1−2−3" would otherwise print as "?".
 */
export const B2_SJIS_SUBSTITUTES: Readonly<Record<string, string>> = {
  "\u301C": "\uFF5E", // 〜 -> ～
  "\u2212": "\uFF0D", // − -> －
  "\u2014": "\u2015", // — -> ―
  "\u2016": "\u2225", // ‖ -> ∥
  "\u00A2": "\uFFE0", // ¢ -> ￠
  "\u00A3": "\uFFE1", // £ -> ￡
  "\u00AC": "\uFFE2", // ¬ -> ￢
  "\u00A5": "\uFFE5", // ¥ -> ￥ (a half-width ¥ would come back as a backslash)
};

const SJIS = "Shift_JIS";

/** The text with the known look-alikes substituted (see B2_SJIS_SUBSTITUTES). */
export const sjisSafe = (text: string): string =>
  Array.from(text, (ch) => B2_SJIS_SUBSTITUTES[ch] ?? ch).join("");

/** Shift_JIS for the B2 file: which characters it cannot carry, and the text's bytes. */
export interface ShiftJisCodec {
  /** Characters Shift_JIS cannot carry (iconv would write "?"), each once, in order. */
  readonly notShiftJis: (text: string) => readonly string[];
  /** The bytes of the text in Shift_JIS (no BOM: Shift_JIS has none). */
  readonly encode: (text: string) => Uint8Array<ArrayBuffer>;
}

/**
 * iconv-lite's tables are about 490 KB of the API's Lambda bundle: they load on the first B2
 * file, not at every cold start (see the lambda-init benchmark).
 */
export const loadShiftJisCodec = async (): Promise<ShiftJisCodec> => {
  const { default: iconv } = await import("iconv-lite");
  const encodable = (ch: string) => iconv.decode(iconv.encode(ch, SJIS), SJIS) === ch;
  return {
    notShiftJis: (text) => [...new Set(Array.from(text).filter((ch) => !encodable(ch)))],
    encode: (text) => new Uint8Array(iconv.encode(text, SJIS)),
  };
};
