import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

/** The values a translated string may interpolate: counts, names, dates written out. */
export type MessageValues = Record<string, string | number | null | undefined>;

/**
 * Formats one of the plugin's translated strings; the English text is the fallback.
 * The function stays the same from render to render, so effects may depend on it.
 */
export const useT = () => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: MessageValues) =>
      formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values) as string,
    [formatMessage]
  );
};
