import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "@owners/domain";

interface Range {
  readonly tag: string;
  readonly q: number;
}

const parseRange = (part: string): Range | undefined => {
  const [rawTag, ...params] = part.split(";").map((p) => p.trim());
  if (rawTag === undefined || rawTag === "") return undefined;
  let q = 1;
  for (const param of params) {
    const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(param);
    if (match?.[1] !== undefined) q = Number(match[1]);
  }
  return { tag: rawTag.toLowerCase(), q };
};

/** `en-US` is `en`; `*` is whatever we speak first (Japanese). */
const supported = (tag: string): Language | undefined => {
  if (tag === "*") return DEFAULT_LANGUAGE;
  const primary = tag.split("-")[0];
  return LANGUAGES.find((language) => language === primary);
};

/**
 * The reader's language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language of highest weight, the first listed on a tie; `q=0` means "not this one". Japanese
 * when the header is absent, malformed or names nothing we speak.
 */
export const negotiateLanguage = (header: string | undefined): Language => {
  if (header === undefined) return DEFAULT_LANGUAGE;
  const ranges = header
    .split(",")
    .map(parseRange)
    .filter((range): range is Range => range !== undefined && range.q > 0);
  let best: { language: Language; q: number } | undefined;
  for (const range of ranges) {
    const language = supported(range.tag);
    if (language !== undefined && (best === undefined || range.q > best.q))
      best = { language, q: range.q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
};
