import type { RoundupAction } from '../../../../shared/permissions';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Admin routes of one controller that all need the admin JWT and `action`,
 * from a table of `'METHOD /path': 'handler'`. Each route gets a config of its
 * own: Strapi completes every route's config in place.
 */
export const adminRoutes = (
  controller: string,
  action: RoundupAction,
  table: Record<`${Method} /${string}`, string>
) =>
  Object.entries(table).map(([route, handler]) => {
    const [method, path] = route.split(' ');
    return {
      method: method as Method,
      path,
      handler: `${controller}.${handler}`,
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [action] } },
        ],
      },
    };
  });
