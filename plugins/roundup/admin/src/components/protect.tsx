import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';

export type Permissions = { action: string; subject: null }[];

/** `page` for administrators who hold `permissions`; the admin panel's "no permissions" page for the others. */
export const protect = (permissions: Permissions, page: ReactNode) => (
  <Page.Protect permissions={permissions}>{page}</Page.Protect>
);
