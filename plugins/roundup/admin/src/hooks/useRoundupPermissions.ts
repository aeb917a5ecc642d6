import { useRBAC } from '@strapi/strapi/admin';
import { ACTIONS, permission } from '../../../shared/permissions';

/** The plugin's admin actions the pages check; one constant so the check runs once. */
const PERMISSIONS = [
  permission(ACTIONS.read),
  permission(ACTIONS.reorder),
  permission(ACTIONS.create),
  permission(ACTIONS.publish),
  permission(ACTIONS.import),
  permission(ACTIONS.newsletter),
];

export interface RoundupPermissions {
  isLoading: boolean;
  canRead: boolean;
  canReorder: boolean;
  canCreate: boolean;
  canPublish: boolean;
  canImport: boolean;
  canNewsletter: boolean;
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
    canNewsletter: Boolean(allowedActions.canNewsletter),
  };
};
