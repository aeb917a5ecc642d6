/** Route config for an admin route that needs the admin JWT and one of the plugin's actions. */
export const can = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [action] } },
  ],
});
