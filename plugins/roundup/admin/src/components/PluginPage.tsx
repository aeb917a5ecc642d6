import type * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';

type HeaderProps = React.ComponentProps<typeof Layouts.Header>;

interface PluginPageProps extends Pick<
  HeaderProps,
  'subtitle' | 'navigationAction' | 'primaryAction' | 'secondaryAction'
> {
  /** The page's heading, also the browser tab's title. */
  title: string;
  children: React.ReactNode;
}

/** One of the plugin's pages in the admin panel's frame: its title, header actions and content. */
export const PluginPage = ({ title, children, ...header }: PluginPageProps) => (
  <Page.Main>
    <Page.Title>{title}</Page.Title>
    <Layouts.Header title={title} {...header} />
    <Layouts.Content>{children}</Layouts.Content>
  </Page.Main>
);
