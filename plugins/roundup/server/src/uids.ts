export const CATEGORY_UID = 'plugin::roundup.category' as const;
export const ENTRY_UID = 'plugin::roundup.entry' as const;
export const ROUNDUP_UID = 'plugin::roundup.roundup' as const;

export type RoundupContentUID = typeof CATEGORY_UID | typeof ENTRY_UID | typeof ROUNDUP_UID;
