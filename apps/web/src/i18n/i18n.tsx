import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "./messages-ja";
import { dictionaries, LANGS, type Lang, type Params, translate } from "./translate";

export interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: (key: MessageKey, params?: Params) => string;
}

const STORAGE_KEY = "owners.lang";
const I18nContext = createContext<I18n | undefined>(undefined);

const storedLang = (): Lang => {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGS.find((lang) => lang === stored) ?? "ja";
};

/** Japanese unless the visitor chose English (remembered in this browser). */
export const I18nProvider = ({ children, initial }: { children: ReactNode; initial?: Lang }) => {
  const [lang, setLang] = useState<Lang>(initial ?? storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(dictionaries, lang, key, params) }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

/** The current language where there is one (the API client reads it), Japanese otherwise. */
export const useCurrentLang = (): Lang => useContext(I18nContext)?.lang ?? "ja";

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (i18n === undefined) throw new Error("useI18n outside I18nProvider");
  return i18n;
};
