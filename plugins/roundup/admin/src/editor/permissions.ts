import { useRBAC } from '@strapi/strapi/admin';

/** The plugin's admin actions the pages check; one constant so the check runs once. */
const PERMISSIONS = [
  { action: 'plugin::roundup.read', subject: null },
  { action: 'plugin::roundup.reorder', subject: null },
  { action: 'plugin::roundup.create', subject: null },
  { action: 'plugin::roundup.publish', subject: null },
  { action: 'plugin::roundup.import', subject: null },
];

export interface RoundupPermissions {
  isLoading: boolean;
  canRead: boolean;
  canReorder: boolean;
  canCreate: boolean;
  canPublish: boolean;
  canImport: boolean;
}

/** What the signed-in admin may do on the Roundups pages (the routes check the same actions). */
export const useRoundupPermissions = (): RoundupPermissions => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canReorder: Boolean(allowedActions.canReorder),
    canCreate: Boolean(allowedActions.canCreate),
    canPublish: Boolean(allowedActions.canPublish),
    canImport: Boolean(allowedActions.canImport),
  };
};
