export const CATEGORY_UID = 'plugin::roundup.category' as const;
export const ENTRY_UID = 'plugin::roundup.entry' as const;
export const ROUNDUP_UID = 'plugin::roundup.roundup' as const;

export type RoundupContentUID = typeof CATEGORY_UID | typeof ENTRY_UID | typeof ROUNDUP_UID;
export const CONTENT_VERSION_UID = 'plugin::roundup.content-version' as const;
export const BUILD_HOOK_UID = 'plugin::roundup.build-hook' as const;
export const DELIVERY_UID = 'plugin::roundup.delivery' as const;
export const LINK_CHECK_UID = 'plugin::roundup.link-check' as const;
export const LINK_RESULT_UID = 'plugin::roundup.link-result' as const;
export const CHANGE_UID = 'plugin::roundup.change' as const;
export const NEWSLETTER_DRAFT_UID = 'plugin::roundup.newsletter-draft' as const;
export const SCHEDULE_UID = 'plugin::roundup.schedule' as const;
export const GIT_TARGET_UID = 'plugin::roundup.git-target' as const;
export const GIT_FILE_UID = 'plugin::roundup.git-file' as const;
