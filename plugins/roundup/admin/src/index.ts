import { BulletList, Link } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, permission } from '../../shared/permissions';
import { ContentManagerPanel } from './content-manager/ContentManagerPanel';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

/** The part of the Content Manager's admin API this plugin uses. */
interface ContentManagerApis {
  addEditViewSidePanel: (panels: (typeof ContentManagerPanel)[]) => void;
}

const loadTranslations = (locale: string): Promise<TranslationModule> =>
  import(`./translations/${locale}.json`) as Promise<TranslationModule>;

const label = (id: string, defaultMessage: string) => ({
  id: `${PLUGIN_ID}.${id}`,
  defaultMessage,
});

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: BulletList,
      intlLabel: label('menu.roundups', 'Roundups'),
      permissions: [permission(ACTIONS.read)],
      Component: () => import('./pages/App'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/link-health`,
      icon: Link,
      intlLabel: label('menu.link-health', 'Link health'),
      permissions: [permission(ACTIONS.linkHealth)],
      Component: () => import('./pages/LinkHealthApp'),
    });
    app.createSettingSection({ id: PLUGIN_ID, intlLabel: label('settings.section', 'Roundup') }, [
      {
        id: 'build-hooks',
        intlLabel: label('settings.build-hooks', 'Build hooks'),
        to: `${PLUGIN_ID}/build-hooks`,
        permissions: [permission(ACTIONS.buildHooks)],
        Component: () => import('./pages/BuildHooksApp'),
      },
    ]);
    app.registerPlugin({ id: PLUGIN_ID, name: 'Roundup' });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const contentManager = app.getPlugin('content-manager')?.apis as
      Partial<ContentManagerApis> | undefined;
    contentManager?.addEditViewSidePanel?.([ContentManagerPanel]);
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
