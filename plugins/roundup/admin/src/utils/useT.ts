import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

/** Formats one of the plugin's translated strings; the English text is the fallback. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values) as string;
};
