import type * as React from 'react';
import { Box } from '@strapi/design-system';

interface PanelProps {
  /** What the panel is, for screen readers and tests (usually its heading). */
  label: string;
  marginTop?: React.ComponentProps<typeof Box>['marginTop'];
  children: React.ReactNode;
}

/** One part of a page on a white card: a form, a list, the preview. */
export const Panel = ({ label, marginTop, children }: PanelProps) => (
  <Box
    background="neutral0"
    shadow="tableShadow"
    hasRadius
    padding={4}
    marginTop={marginTop}
    tag="section"
    aria-label={label}
  >
    {children}
  </Box>
);
