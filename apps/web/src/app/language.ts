import i18next from 'i18next';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * 界面语言 the UI language: zh-CN first, English second. A leaf module (it imports nothing from the app), so any
 * page or module can read the language without pulling the i18n setup, and with it every module, into its chunk.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both UI languages, as the API sends problem messages, check results and labels. */
export type Bilingual = Readonly<Record<Language, string>>;

const STORAGE_KEY = 'zhuhe.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let language: Language = storedLanguage();
const listeners = new Set<() => void>();

function applyToPage(value: Language): void {
  document.documentElement.lang = value;
}

/** The language right now, for code outside rendering (callbacks, validators, request headers). */
export function currentLanguage(): Language {
  return language;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls `listener` after each language change (outside React: dayjs's locale). */
export function onLanguageChange(listener: () => void): () => void {
  return subscribe(listener);
}

/** The UI language; the component renders again when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage);
}

export function pick(text: Bilingual, value: Language): string {
  return text[value];
}

/** `bilingual(problem.message)` in the UI language; the component renders again when the language changes. */
export function useBilingual(): (text: Bilingual) => string {
  const value = useLanguage();
  return useCallback((text: Bilingual) => pick(text, value), [value]);
}

export async function changeLanguage(next: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  // i18next switches once the new language's texts of every loaded namespace are in (lazily loaded namespaces hold
  // both languages in one chunk, so that is a microtask, not a request); only then do useLanguage() readers render,
  // so t() and useLanguage() change in the same render.
  await i18next.changeLanguage(next);
  applyToPage(next);
  language = next;
  for (const listener of listeners) listener();
}

/** Applies the remembered language to the page (html lang) and returns it, for i18next.init(). */
export function startLanguage(): Language {
  applyToPage(language);
  return language;
}
