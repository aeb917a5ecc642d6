export const PLUGIN_ID = 'roundup';
