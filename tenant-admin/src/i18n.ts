import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
];

const STORAGE = 'caravan.console.language';

export function initI18n(language?: string) {
  const saved = language ?? (typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE) : null);
  const browser = typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
  i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    lng: saved ?? browser,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE, lng);
    } catch {
      /* private mode */
    }
  });
  return i18n;
}

export default i18n;
