import type { Core } from '@strapi/strapi';
import type { TestApp } from './app';

let counter = 0;

/**
 * Creates an admin user and logs in through the admin API, returning a
 * function that sends requests with that user's JWT. Without `actions` the
 * user is a Super Admin; with them, a role holding only those actions.
 */
export const loginAdmin = async (app: TestApp, { actions }: { actions?: string[] } = {}) => {
  const { strapi } = app;
  counter += 1;
  const email = `editor${counter}-${Date.now()}@example.com`;
  const password = ADMIN_PASSWORD;

  const roleService = strapi.service('admin::role') as any;
  let roleId: number;
  if (actions) {
    const role = await roleService.create({
      name: `Limited ${counter} ${Date.now()}`,
      description: 'test role',
    });
    await roleService.assignPermissions(
      role.id,
      actions.map((action) => ({ action, subject: null }))
    );
    roleId = role.id;
  } else {
    roleId = (await roleService.getSuperAdmin()).id;
  }
  await (strapi.service('admin::user') as any).create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });

  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200)
    throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token: string = login.body.data.token ?? login.body.data.accessToken;

  const withAuth = <T extends { set: (k: string, v: string) => T }>(test: T) =>
    test.set('Authorization', `Bearer ${token}`);
  return {
    /** The session's bearer token, for requests to another instance of the app. */
    token,
    get: (url: string) => withAuth(app.http().get(url)),
    post: (url: string) => withAuth(app.http().post(url)),
    put: (url: string) => withAuth(app.http().put(url)),
    del: (url: string) => withAuth(app.http().delete(url)),
  };
};

export type AdminClient = Awaited<ReturnType<typeof loginAdmin>>;

/** The password of every administrator the tests create. */
export const ADMIN_PASSWORD = 'Roundup-test-1';

/**
 * Creates a Super Admin with a known email and ADMIN_PASSWORD: the user lives in
 * the shared database, so it can log in to a second instance of the app.
 */
export const createSuperAdmin = async (app: TestApp, email: string, firstname = 'Test') => {
  const role = await (app.strapi.service('admin::role') as any).getSuperAdmin();
  await (app.strapi.service('admin::user') as any).create({
    email,
    firstname,
    lastname: 'Admin',
    password: ADMIN_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
};

/** Content Manager API paths for our content types. */
export const cm = (type: 'roundup' | 'entry' | 'category') =>
  `/content-manager/collection-types/plugin::roundup.${type}`;

/** The Document Service of one of our types, loosely typed for tests. */
export const docs = (strapi: Core.Strapi, type: 'roundup' | 'entry' | 'category'): any =>
  strapi.documents(`plugin::roundup.${type}` as any);
