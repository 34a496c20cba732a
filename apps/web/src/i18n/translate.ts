import { en } from "./messages-en";
import { ja, type MessageKey } from "./messages-ja";

export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];
export type Dictionaries = Record<Lang, Partial<Record<MessageKey, string>>>;
export type Params = Readonly<Record<string, string | number>>;

export const dictionaries: Dictionaries = { ja, en };

const fill = (template: string, params: Params | undefined): string =>
  params === undefined
    ? template
    : template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        params[name] === undefined ? whole : String(params[name]),
      );

/**
 * The message for `key` in `lang`, else in Japanese (the reference language), else the key
 * itself, so a missing translation shows something readable rather than nothing.
 */
export const translate = (
  dicts: Dictionaries,
  lang: Lang,
  key: MessageKey,
  params?: Params,
): string => fill(dicts[lang][key] ?? dicts.ja[key] ?? key, params);

/** Whether `key` is a message (error codes from the API are looked up by name). */
export const isMessageKey = (key: string): key is MessageKey => key in ja;
