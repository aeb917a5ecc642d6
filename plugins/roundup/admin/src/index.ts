import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

const loadTranslations = (locale: string): Promise<TranslationModule> =>
  import(`./translations/${locale}.json`) as Promise<TranslationModule>;

export default {
  register(app: { registerPlugin: (plugin: { id: string; name: string }) => void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Roundup' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await loadTranslations(locale);
          const prefixed = Object.fromEntries(
            Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])
          );
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
